"""Where careerstats keeps its own files: `CAREERSTATS_HOME`, else the platform's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "careerstats"


def home() -> Path:
    """The one directory for settings, caches and user data (not created here)."""
    configured = os.environ.get("CAREERSTATS_HOME")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP


def cache_dir() -> Path:
    return home() / "cache"
