"""Hardening of the store and the careerstats home (docs/errors.md, rows H1-H12).

Imports killed with SIGKILL at random moments, two imports at once, a store held by
another process, a full disk, and homes that cannot be used: earlier data always stays
readable and exact, and bundled data keeps working.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
from conftest import Run, as_json

from careerstats.sources import store as store_module
from careerstats.sources.paths import STORE_FILE

KILL_ROUNDS = 32
KILLS_AT_LEAST = 20  # rounds killed before the import finished
BIG_ROWS = 20_000


def big_all_data_csv(path: Path, rows: int = BIG_ROWS, median: str = "20.3") -> Path:
    """An all-data file large enough that importing it takes a noticeable time."""
    out: list[list[Any]] = []
    for i in range(rows):
        area = 1 + i // 500
        code = f"{11 + (i % 500) // 100:02d}-{1000 + i % 100:04d}"
        out.append(
            [
                area, f"Area {area}", 2, "XX", "000000", "Cross-industry", "cross-industry",
                1235, code, f"Occupation {code}", "detailed", 1000, 1.0, "", "", "", "",
                "20.5", "42640", 1.0, "10.1", "15.2", median, "25.4", "30.5", "21000",
                "31600", "42200", "52800", "63400", "", "",
            ]
        )  # fmt: skip
    return fx.write_csv(path, fx.NATIONAL_COLUMNS, out)


def other_file(directory: Path) -> Path:
    """A 2012 file whose bytes differ from the earlier 2011 workbook's."""
    return fx.write_csv(
        directory / "national_M2012_dl.csv", fx.NATIONAL_COLUMNS, fx.national_rows()
    )


def import_process(path: Path, home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, CAREERSTATS_HOME=str(home), CAREERSTATS_NO_CACHE="1")
    return subprocess.Popen(
        [sys.executable, "-m", "careerstats", "data", "import", str(path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def snapshot(database: Path, release: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of one release in every table, read through a read-only connection."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {
            table: db.execute(
                f"SELECT * FROM {table} WHERE {key} = ? ORDER BY 1, 2, 3", (release,)
            ).fetchall()
            for table, key in (
                ("releases", "id"),
                ("files", "release_id"),
                ("areas", "release_id"),
                ("industries", "release_id"),
                ("occupations", "release_id"),
                ("wages", "release_id"),
            )
        }
    finally:
        db.close()


def without_times(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    """Rows with the import timestamps left out (they differ between two imports)."""
    releases = [row[:-1] for row in rows["releases"]]
    files = [row[:-1] for row in rows["files"]]
    return {**rows, "releases": releases, "files": files}


@pytest.fixture
def earlier(files: Path, run: Run, home: Path) -> Path:
    """A store holding one earlier release (oews-2011), imported normally."""
    path = fx.national_xlsx(files, "national_M2011_dl.xlsx")
    assert run("data", "import", path).exit_code == 0
    return home / STORE_FILE


# `python -m careerstats`, counting its own progress two ways: audit events Python raises
# (modules imported, files opened: start-up and reading the file) and SQL statements SQLite
# starts (each row an import inserts is one). At the count H8_KILL names ("sql:9000") it
# sends itself SIGKILL, so it dies at that point of its work however loaded the machine is.
# It writes its counts, and the counts at which each landmark came, to H8_PROGRESS.
COUNTING_RUN = r"""
import json, os, runpy, signal, sqlite3, sys

counter, _, at = os.environ.get("H8_KILL", "none:0").partition(":")
kill = (counter, int(at))
counts = {"audit": 0, "sql": 0}
landmarks = {}


def advance(counter, landmark):
    counts[counter] += 1
    if (counter, counts[counter]) == kill:
        os.kill(os.getpid(), signal.SIGKILL)
    landmarks.setdefault(landmark, dict(counts))


def audit(event, args):
    opened = event == "open" and isinstance(args[0], str)
    advance("audit", f"open {os.path.basename(args[0])}" if opened else event)


sys.addaudithook(audit)
connect = sqlite3.connect


def traced(*args, **kwargs):
    db = connect(*args, **kwargs)
    db.set_trace_callback(lambda sql: advance("sql", sql[:28]))
    return db


sqlite3.connect = traced
sys.argv = ["careerstats", *sys.argv[1:]]
try:
    runpy.run_module("careerstats", run_name="__main__", alter_sys=True)
finally:
    with open(os.environ["H8_PROGRESS"], "w") as out:
        json.dump({"counts": counts, "landmarks": landmarks}, out)
"""


def counted_import(path: Path, home: Path, kill: tuple[str, int] | None) -> dict[str, Any]:
    """Import `path` into `home` killed at `kill`, or to the end: return code and progress."""
    progress = home / "progress.json"
    env = dict(os.environ, CAREERSTATS_HOME=str(home), CAREERSTATS_NO_CACHE="1")
    env["H8_PROGRESS"] = str(progress)
    if kill is not None:
        env["H8_KILL"] = f"{kill[0]}:{kill[1]}"
    done = subprocess.run(
        [sys.executable, "-c", COUNTING_RUN, "data", "import", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    finished = json.loads(progress.read_text()) if progress.exists() else {}
    return {"code": done.returncode, "stderr": done.stderr, **finished}


def kill_points(progress: dict[str, Any], file_name: str) -> list[tuple[str, int]]:
    """Where to kill the import, in units of its own progress (seeded)."""
    landmarks, total = progress["landmarks"], progress["counts"]
    begin = landmarks["BEGIN IMMEDIATE"]
    first_row = landmarks["INSERT OR REPLACE INTO wages"]["sql"]
    commit = landmarks["COMMIT"]["sql"]
    # The landmarks: the file opened; from the transaction's start, the first statement of
    # each kind (its first row of wages, of areas..., its commit); one past the end, which
    # lets it finish.
    points = [("audit", landmarks[f"open {file_name}"]["audit"])]
    points += [("sql", at["sql"]) for at in landmarks.values() if at["sql"] >= begin["sql"]]
    points.append(("sql", total["sql"] + 1))
    chance = random.Random(6)
    for round_number in range(len(points), KILL_ROUNDS):
        if round_number % 3 == 0:  # late in the rows, when pages of the import reach disk
            points.append(("sql", chance.randint((first_row + commit) // 2, commit)))
        elif round_number % 3 == 1:  # starting up, reading and checking the file
            points.append(("audit", chance.randint(1, begin["audit"])))
        else:  # anywhere in the statements
            points.append(("sql", chance.randint(1, total["sql"])))
    return points


def test_H8_import_killed_at_random_moments_never_damages_earlier_data(
    earlier: Path, files: Path, tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = big_all_data_csv(files / "all_data_M_2012.csv")
    before = snapshot(earlier, "oews-2011")
    # The complete 2012 release, imported once without interruption, to compare against and
    # to learn how far the import's progress counts go.
    complete_home = tmp_path / "complete"
    complete_home.mkdir()
    shutil.copy(earlier, complete_home / STORE_FILE)
    reference = counted_import(big, complete_home, None)
    assert reference["code"] == 0, reference["stderr"]
    complete = without_times(snapshot(complete_home / STORE_FILE, "oews-2012"))
    assert len(complete["wages"]) == BIG_ROWS
    total = reference["counts"]

    outcomes = {
        "killed, release absent": 0,
        "of which killed while writing": 0,
        "finished, release complete": 0,
    }
    for round_number, kill in enumerate(kill_points(reference, big.name)):
        round_home = tmp_path / f"round{round_number}"
        round_home.mkdir()
        database = round_home / STORE_FILE
        shutil.copy(earlier, database)
        result = counted_import(big, round_home, kill)
        counter, at = kill
        # Killed exactly when its progress reached the point; else it ran to the end.
        killed = at <= total[counter]
        assert result["code"] == (-signal.SIGKILL if killed else 0), (kill, result["stderr"])
        wal = database.with_name(database.name + "-wal")
        written = wal.exists() and wal.stat().st_size > 32  # pages of the import reached disk
        assert snapshot(database, "oews-2011") == before, f"round {round_number}"
        after = without_times(snapshot(database, "oews-2012"))
        if after["releases"]:
            assert after == complete, f"round {round_number}: a half-imported release"
            outcomes["finished, release complete"] += 1
        else:
            assert not any(after.values()), f"round {round_number}: rows without a release"
            outcomes["killed, release absent"] += 1
            outcomes["of which killed while writing"] += written
        # And careerstats itself reads the store after the kill.
        monkeypatch.setenv("CAREERSTATS_HOME", str(round_home))
        listed = as_json(run("data", "list", "--json"))
        assert "oews-2011" in [r["id"] for r in listed["releases"]]
    print(f"H8 kill rounds: {outcomes}")
    assert outcomes["killed, release absent"] >= KILLS_AT_LEAST, outcomes
    assert outcomes["of which killed while writing"] >= 1, outcomes
    assert outcomes["finished, release complete"] >= 1, outcomes


def test_H9_two_imports_at_once_both_finish_and_the_store_is_consistent(
    files: Path, home: Path
) -> None:
    first = big_all_data_csv(files / "all_data_M_2011.csv", 5_000)
    second = big_all_data_csv(files / "all_data_M_2012.csv", 5_000, median="21.3")
    processes = [import_process(first, home), import_process(second, home)]
    results = [(p.wait(timeout=120), p.communicate()) for p in processes]
    for code, (out, err) in results:
        assert code == 0, err
        assert " created: " in out
    database = home / STORE_FILE
    for release in ("oews-2011", "oews-2012"):
        assert len(snapshot(database, release)["wages"]) == 5_000


def test_H9_the_same_file_imported_twice_at_once_is_reported_under_its_release(
    files: Path, home: Path
) -> None:
    first = big_all_data_csv(files / "all_data_M_2011.csv", 5_000)
    second = files / "copy_M2012.csv"
    shutil.copy(first, second)
    processes = [import_process(first, home), import_process(second, home)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0]
    # Either may win; the other names the release the bytes went into, not its own year.
    created = [out for out, _ in outputs if out]
    assert len(created) == 1
    winner = created[0].split(" ")[0]
    loser = next(path for path, (out, _) in zip((first, second), outputs, strict=True) if not out)
    unchanged = next(err for out, err in outputs if not out)
    assert unchanged == f"{winner}: {loser.name} is already imported; nothing changed\n"
    loser_release = {"oews-2011", "oews-2012"} - {winner}
    assert snapshot(home / STORE_FILE, loser_release.pop())["releases"] == []


def test_H10_a_store_locked_too_long_is_busy_exit_1_and_nothing_changes(
    earlier: Path, files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.2)
    before = snapshot(earlier, "oews-2011")
    holder = sqlite3.connect(earlier, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run("data", "import", other_file(files))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert result.stderr.startswith("careerstats: error: ")
    assert "the store is busy (another import?)" in result.stderr
    assert result.stderr.count("\n") == 1
    assert snapshot(earlier, "oews-2011") == before


def test_H4_a_full_disk_during_an_import_rolls_back_exit_1(
    earlier: Path, files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(earlier, "oews-2011")
    write = store_module.Store._import_one

    def fill_the_disk(self: store_module.Store, parsed: Any) -> Any:
        write(self, parsed)  # the rows are written, then the disk is full
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module.Store, "_import_one", fill_the_disk)
    result = run("data", "import", other_file(files))
    assert result.exit_code == 1
    assert result.stderr == (
        f"careerstats: error: {earlier}: the import failed, nothing was changed: "
        "no space left (disk or quota full)\n"
    )
    assert snapshot(earlier, "oews-2011") == before
    assert snapshot(earlier, "oews-2012")["wages"] == []


@pytest.mark.parametrize("where", ["H1 home is a file", "H2 home under a file"])
def test_H1_H2_a_home_that_is_a_file(
    where: str, tmp_path: Path, files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "not-a-directory"
    regular.write_text("")
    home = regular if where.startswith("H1") else regular / "careerstats"
    monkeypatch.setenv("CAREERSTATS_HOME", str(home))
    result = run("data", "import", fx.national_xlsx(files))
    assert result.exit_code == 1
    assert result.stderr == (
        f"careerstats: error: {home}: the careerstats home (CAREERSTATS_HOME) is not a "
        "directory: it, or a folder above it, is a file; point CAREERSTATS_HOME at a "
        "directory\n"
    )
    # Bundled data needs no home.
    assert as_json(run("compare", "cs", "pr", "--json"))["careers"]
    assert run("convert", "14.36", "--to", "year").stdout == "29868.80\n"
    assert run("show", "pr", "--json").exit_code == 0
    listed = run("data", "list")
    assert (listed.exit_code, listed.stdout) == (0, "")


def test_H3_H7_a_home_that_cannot_be_written(
    files: Path, run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, where permissions do not stop writes: simulate the refusal.
    real_mkdir = Path.mkdir

    def refuse(self: Path, *args: Any, **kwargs: Any) -> None:
        if self == home or home in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = run("data", "import", fx.national_xlsx(files))
    assert result.exit_code == 1
    assert result.stderr == (
        f"careerstats: error: {home}: cannot write to the careerstats home "
        "(CAREERSTATS_HOME): Permission denied\n"
    )
    # The dataset cache cannot be written either: commands work without it.
    assert as_json(run("compare", "cs", "pr", "--json"))["careers"]


@pytest.mark.parametrize(
    "damage",
    ["H5 garbage in the store file", "H6 the store is a directory"],
)
def test_H5_H6_a_broken_store_leaves_bundled_data_working(
    damage: str, home: Path, run: Run
) -> None:
    home.mkdir()
    database = home / STORE_FILE
    if damage.startswith("H5"):
        database.write_bytes(b"not a database at all\n" * 100)
    elif damage.startswith("H6"):
        database.mkdir()
    else:
        database.write_bytes(b"")
    result = run("compare", "cs", "pr", "--json")
    assert result.exit_code == 0
    assert as_json(result)["careers"]
    assert result.stderr.startswith(f"careerstats: warning: {database}: ")
    assert result.stderr.endswith("; showing bundled data only\n")
    for args in (("data", "list"), ("compare", "cs", "--area", "48")):
        failed = run(*args)
        assert failed.exit_code == 1, args
        assert failed.stderr.startswith(f"careerstats: error: {database}: ")
        assert failed.stderr.count("\n") == 1


@pytest.mark.parametrize("kind", ["an empty file", "a database with no tables (WAL mode)"])
def test_H12_an_empty_store_counts_as_none_and_an_import_fills_it(
    kind: str, home: Path, run: Run, files: Path
) -> None:
    # What a store creation cut off before its schema (a full disk) leaves behind.
    home.mkdir()
    database = home / STORE_FILE
    if kind == "an empty file":
        database.write_bytes(b"")
    else:
        with sqlite3.connect(database) as db:
            db.execute("PRAGMA journal_mode = WAL")
    result = run("compare", "cs", "pr", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    listing = run("data", "list")
    assert (listing.exit_code, listing.stderr) == (
        0,
        "no OEWS data imported yet; run 'careerstats data import FILE'\n",
    )
    imported = run("data", "import", fx.national_xlsx(files))
    assert imported.exit_code == 0, imported.stderr
    document = as_json(run("compare", "15-1252", "--source", "oews-2012", "--json"))
    assert document["careers"][0]["source"]["id"] == "oews-2012"


def test_H13_a_store_whose_creation_fails_is_not_left_behind(
    home: Path, run: Run, files: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.sources import store as store_module

    def full(self: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_module.Store, "_create", full)
    result = run("data", "import", fx.national_xlsx(files))
    assert result.exit_code == 1
    assert "the store cannot be opened: no space left (disk or quota full)?" in result.stderr
    assert list(home.iterdir()) == []  # no half-made store.sqlite3, -wal or -shm


def test_H11_a_full_disk_on_stdout_is_one_line_exit_1(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.cli import output

    def full(text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_stdout", full)
    result = run("convert", "14.36", "--to", "year")
    assert result.exit_code == 1
    assert result.stderr == "careerstats: error: No space left on device\n"
