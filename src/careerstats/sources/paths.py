"""Where careerstats keeps its own files: `CAREERSTATS_HOME`, else the platform's data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "careerstats"
STORE_FILE = "store.sqlite3"


def home() -> Path:
    """The one directory for settings, caches and user data (not created here)."""
    configured = os.environ.get("CAREERSTATS_HOME")
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    # The XDG base directory rules ignore a relative XDG_DATA_HOME.
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local/share") / APP


def cache_dir() -> Path:
    return home() / "cache"


def store_path() -> Path:
    """The SQLite store of imported OEWS releases."""
    return home() / STORE_FILE
