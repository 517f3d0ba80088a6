"""An honest exit status (docs/errors.md, rows X1-X5): what a command says and the status
it ends with match what is in the store, whatever interrupts it or fails after its commit;
a failed write leaves no temporary file behind.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
from conftest import Run

from careerstats.sources.paths import STORE_FILE

CREATED = "oews-2012 created: national_M2012_dl.xlsx (national, 9 rows, 1 area, 1 industry)"

# `python -m careerstats` that sends itself SIGINT (Ctrl-C) as soon as SQLite has run the
# statement named by INTERRUPT_AT (its first row, for many): the interrupt arrives between
# that statement and the next, as a user's Ctrl-C during the statement would.
INTERRUPTING_RUN = r"""
import os, runpy, signal, sqlite3, sys

at = os.environ["INTERRUPT_AT"]


class Interrupting(sqlite3.Connection):
    def execute(self, sql, *args):
        cursor = super().execute(sql, *args)
        if sql.startswith(at):
            os.kill(os.getpid(), signal.SIGINT)
        return cursor

    def executemany(self, sql, *args):
        cursor = super().executemany(sql, *args)
        if sql.startswith(at):
            os.kill(os.getpid(), signal.SIGINT)
        return cursor


connect = sqlite3.connect
sqlite3.connect = lambda *args, **kwargs: connect(*args, factory=Interrupting, **kwargs)
sys.argv = ["careerstats", *sys.argv[1:]]
runpy.run_module("careerstats", run_name="__main__", alter_sys=True)
"""


def interrupted(at: str, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CAREERSTATS_HOME=str(home), INTERRUPT_AT=at)
    return subprocess.run(
        [sys.executable, "-c", INTERRUPTING_RUN, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def stored_releases(home: Path) -> list[str]:
    database = home / STORE_FILE
    if not database.exists():
        return []
    with sqlite3.connect(database) as db:
        found = [row[0] for row in db.execute("SELECT id FROM releases ORDER BY id")]
    db.close()
    return found


def test_X1_an_interrupt_right_after_the_commit_reports_the_import_it_stored(
    files: Path, home: Path, run: Run
) -> None:
    # A store made by an earlier import: the only COMMIT of this one is the import's.
    assert run("data", "import", fx.lawyers_csv(2011, files, 60)).exit_code == 0
    done = interrupted("COMMIT", home, "data", "import", str(fx.national_xlsx(files)))
    assert stored_releases(home) == ["oews-2011", "oews-2012"]
    assert (done.returncode, done.stdout) == (0, CREATED + "\n")
    assert done.stderr == (
        "careerstats: interrupted while the change was being stored: it is stored, complete\n"
    )


@pytest.mark.parametrize("at", ["INSERT OR REPLACE INTO wages", "INSERT INTO files"])
def test_X2_an_interrupt_before_the_commit_stores_nothing_and_says_nothing_was(
    at: str, files: Path, home: Path
) -> None:
    done = interrupted(at, home, "data", "import", str(fx.national_xlsx(files)))
    assert (done.returncode, done.stdout) == (130, "")
    assert "Traceback" not in done.stderr
    assert stored_releases(home) == []


def test_X1_an_interrupt_right_after_the_commit_of_a_removal_reports_it(
    files: Path, home: Path, run: Run
) -> None:
    assert run("data", "import", fx.national_xlsx(files)).exit_code == 0
    done = interrupted("COMMIT", home, "data", "remove", "oews-2012")
    assert stored_releases(home) == []
    assert (done.returncode, done.stdout) == (0, "oews-2012 removed\n")


def shell(command: str, home: Path) -> subprocess.CompletedProcess[str]:
    careerstats = Path(sys.executable).with_name("careerstats")
    env = dict(os.environ, CAREERSTATS_HOME=str(home))
    return subprocess.run(
        ["sh", "-c", command.replace("careerstats", str(careerstats), 1)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_X3_an_import_whose_report_meets_a_full_disk_is_stored_and_says_so(
    files: Path, home: Path
) -> None:
    path = fx.national_xlsx(files)
    done = shell(f"careerstats data import '{path}' >/dev/full", home)
    assert stored_releases(home) == ["oews-2012"]
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == (
        f"careerstats: warning: stdout cannot be written (No space left on device); {CREATED}\n"
    )
    removed = shell("careerstats data remove oews-2012 >/dev/full", home)
    assert stored_releases(home) == []
    assert removed.returncode == 0
    assert removed.stderr == (
        "careerstats: warning: stdout cannot be written (No space left on device); "
        "oews-2012 removed\n"
    )


def test_X4_an_import_with_stdout_closed_is_stored_and_says_so(files: Path, home: Path) -> None:
    path = fx.national_xlsx(files)
    done = shell(f"careerstats data import '{path}' >&-", home)
    assert stored_releases(home) == ["oews-2012"]
    assert done.returncode == 0
    assert done.stderr == (
        f"careerstats: warning: stdout cannot be written (standard output is closed); {CREATED}\n"
    )


def test_X4_a_failed_import_with_stdout_closed_still_fails(files: Path, home: Path) -> None:
    bad = files / "national_M2012_dl.csv"
    bad.write_text("OCC_CODE,OCC_TITLE\n")
    done = shell(f"careerstats data import '{bad}' >&-", home)
    assert done.returncode == 1
    assert done.stderr.startswith("careerstats: error: national_M2012_dl.csv: ")
    assert stored_releases(home) == []


def test_X5_a_cache_write_that_fails_leaves_no_temporary_file(
    home: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.sources import cache, dataset

    class FullDisk:
        def __init__(self, handle: int, mode: str) -> None:
            self.handle = handle

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: Any) -> None:
            os.close(self.handle)

        def write(self, _: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.os, "fdopen", FullDisk)
    dataset.bundled.cache_clear()
    result = run("compare", "cs", "pr", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["careers"][1]["id"] == "public-relations-specialists"
    folder = home / "cache"
    assert folder.is_dir()
    # The half-written temporary file is gone; the cache's key (written first) stays.
    assert [p.name for p in folder.iterdir()] == [cache.KEY_FILE]


def test_X5_an_interrupted_cache_write_leaves_no_temporary_file(
    home: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.sources import cache, dataset

    real_replace = os.replace

    def interrupt(source: str, target: Path) -> None:
        if Path(source).name.startswith(".dataset-"):
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(cache.os, "replace", interrupt)
    dataset.bundled.cache_clear()
    result = run("compare", "cs", "pr", "--json")
    assert (result.exit_code, result.stdout) == (130, "")
    assert [p.name for p in (home / "cache").iterdir()] == [cache.KEY_FILE]


COMMANDS_WRITING = [
    "careerstats convert 14.36",
    "careerstats --version",
    "careerstats compare cs pr",
    "careerstats compare cs pr --json",
    "careerstats list",
    "careerstats compare --help",
    "printf '1\\n2\\n' | careerstats convert - --to year",
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", COMMANDS_WRITING)
def test_X6_output_on_a_full_disk_is_one_error_and_status_1(command: str, home: Path) -> None:
    """With stdout buffered, as in a shell, the output meets the full disk only when it is
    flushed: that happens while the failure can still be reported, not in Python's own flush
    at exit (which ended the run with status 120 and `Exception ignored ...`)."""
    done = shell(f"{command} >/dev/full", home)
    assert (done.returncode, done.stderr) == (
        1,
        "careerstats: error: No space left on device\n",
    )


@pytest.mark.parametrize("command", COMMANDS_WRITING)
def test_X6_a_reader_that_left_ends_the_run_quietly_with_status_0(command: str, home: Path) -> None:
    careerstats = str(Path(sys.executable).with_name("careerstats"))
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command.replace('careerstats', careerstats)} | true"],
        env=dict(os.environ, CAREERSTATS_HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
