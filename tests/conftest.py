"""Shared fixtures: a private careerstats home for every test, the CLI runner, and a small
imported OEWS release."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
from typer.testing import CliRunner, Result

from careerstats.cli import app

# Modules that load data when they are imported (at collection, before any fixture runs) get
# a private home too: nothing a test does touches the user's careerstats home.
_COLLECTION_HOME = tempfile.mkdtemp(prefix="careerstats-tests-")
os.environ["CAREERSTATS_HOME"] = _COLLECTION_HOME
atexit.register(shutil.rmtree, _COLLECTION_HOME, ignore_errors=True)
# The installed command runs as a user's shell runs it: with stdout buffered. With
# PYTHONUNBUFFERED (set on some CI machines) every write fails at once, where it is caught,
# and a failure met only when Python flushes at exit would go untested.
os.environ.pop("PYTHONUNBUFFERED", None)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user data directory."""
    directory = tmp_path / "home"
    monkeypatch.setenv("CAREERSTATS_HOME", str(directory))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return directory


@pytest.fixture
def files(tmp_path: Path) -> Path:
    directory = tmp_path / "files"
    directory.mkdir()
    return directory


Run = Callable[..., Result]


@pytest.fixture
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def national(files: Path, run: Run) -> Path:
    """The national fixture file, imported as oews-2012 (a year not bundled)."""
    path = fx.national_xlsx(files)
    result = run("data", "import", path)
    assert result.exit_code == 0, result.stderr
    return path
