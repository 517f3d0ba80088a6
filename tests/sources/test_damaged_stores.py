"""Damaged and foreign stores (docs/errors.md, rows H16-H19).

Whatever the store is, the commands that need only bundled data keep working, with one
warning line that names what is wrong and the way out; the commands that need the store
fail with one line; no command prints a traceback; a failed import or removal never deletes
or changes a store it did not create.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json

from careerstats.sources.paths import STORE_FILE

PAGE = 4096
MOVE_AWAY = "move it away (or delete it) and import the files again"
BUNDLED = "; showing bundled data only\n"


@pytest.fixture
def store(files: Path, run: Run, home: Path) -> Path:
    """A store holding oews-2012 (an all-data file: areas, industries), closed cleanly."""
    path = fx.write_csv(files / "all_data_M_2012.csv", fx.ALL_DATA_COLUMNS, fx.all_data_rows())
    assert run("data", "import", path).exit_code == 0
    database = home / STORE_FILE
    assert not database.with_name(STORE_FILE + "-wal").exists()  # all in the file itself
    return database


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("careerstats: ")]


def bundled_commands_work_with_one_warning(run: Run, expected: str) -> None:
    for args in (("compare", "cs", "pr", "--json"), ("show", "cs", "--json"), ("list",)):
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        assert warnings(result.stderr) == [f"careerstats: warning: {expected}{BUNDLED[:-1]}"]
        assert "Traceback" not in result.stderr
    document = as_json(run("compare", "cs", "--json"))
    # The May 2024 annual median of 43-4051, as BLS published it.
    assert document["careers"][0]["wages"]["year"]["median"]["value"] == 42830


def fails_in_one_line(run: Run, args: tuple[str, ...], expected: str) -> None:
    result = run(*args)
    assert result.exit_code == 1, (args, result.stderr)
    assert result.stderr == f"careerstats: error: {expected}\n", args


@pytest.mark.parametrize(
    ("change", "difference"),
    [
        ("DROP TABLE files", "table files is missing"),
        ("ALTER TABLE wages DROP COLUMN h_median", "table wages has other columns"),
        ("ALTER TABLE areas RENAME TO places", "table areas is missing"),
    ],
)
def test_H16_a_store_of_the_same_version_with_other_tables(
    change: str, difference: str, store: Path, files: Path, run: Run
) -> None:
    with sqlite3.connect(store) as db:
        db.execute(change)
    db.close()
    before = store.read_bytes()
    problem = (
        f"{store}: not the store this careerstats writes, though its version matches "
        f"({difference}): {MOVE_AWAY}"
    )
    bundled_commands_work_with_one_warning(run, problem)
    fails_in_one_line(run, ("data", "list"), problem)
    fails_in_one_line(run, ("compare", "cs", "--area", "48"), problem)
    fails_in_one_line(run, ("data", "import", fx.national_xlsx(files)), problem)
    fails_in_one_line(run, ("data", "remove", "oews-2012"), problem)
    assert store.read_bytes() == before


def root_pages(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        pages = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE rootpage > 0"))
    db.close()
    return pages


def overwrite_page(database: Path, page: int) -> None:
    content = bytearray(database.read_bytes())
    content[(page - 1) * PAGE : page * PAGE] = b"\xa5" * PAGE
    database.write_bytes(bytes(content))


DAMAGED = "the store is damaged (database disk image is malformed): " + MOVE_AWAY


READS = (("show", "cs"), ("list",), ("compare", "cs", "pr"), ("sources",))


@pytest.mark.parametrize(
    ("table", "meeting"),
    [
        ("releases", READS),
        ("files", READS),
        ("occupations", ()),
        ("wages", (("show", "cs"),)),
    ],
)
def test_H17_a_store_with_a_damaged_page(
    table: str, meeting: tuple[tuple[str, ...], ...], store: Path, run: Run
) -> None:
    """`releases` and `files` are read when the store opens; `occupations` and `wages` only
    when a command asks for their rows (the damage is met while it works): those commands
    warn, the others never read the damaged page and say nothing."""
    overwrite_page(store, root_pages(store)[table])
    before = store.read_bytes()
    problem = f"{store}: {DAMAGED}"
    for args in READS:
        result = run(*args)
        assert result.exit_code == 0, (args, result.stderr)
        warned = [f"careerstats: warning: {problem}{BUNDLED[:-1]}"] if args in meeting else []
        assert warnings(result.stderr) == warned, args
        assert "43-4051" in result.stdout or "Customer service" in result.stdout
    if table == "occupations":  # read for suggestions when a name is unknown
        unknown = run("compare", "nosuchcareer")
        assert unknown.exit_code == 2
        assert warnings(unknown.stderr)[0] == f"careerstats: warning: {problem}{BUNDLED[:-1]}"
        assert warnings(unknown.stderr)[1].startswith("careerstats: error: unknown career ")
    if table != "occupations":  # Texas's figures are rows of wages, found through releases
        fails_in_one_line(run, ("compare", "cs", "--area", "48"), problem)
    fails_in_one_line(run, ("data", "remove", "oews-2012"), f"nothing was removed: {problem}")
    assert store.read_bytes() == before


def test_H17_damage_met_by_an_import_changes_nothing(store: Path, files: Path, run: Run) -> None:
    overwrite_page(store, root_pages(store)["wages"])
    before = store.read_bytes()
    result = run("data", "import", fx.national_xlsx(files))
    assert result.exit_code == 1
    assert result.stderr == (
        f"careerstats: error: {store}: the import failed, nothing was changed: {DAMAGED}\n"
    )
    assert store.read_bytes() == before


def test_H18_a_store_that_is_a_dangling_symbolic_link_is_named_never_deleted(
    home: Path, tmp_path: Path, files: Path, run: Run
) -> None:
    home.mkdir()
    target = tmp_path / "unmounted" / STORE_FILE
    link = home / STORE_FILE
    link.symlink_to(target)
    problem = (
        f"{link}: the store is a symbolic link to {target}, which does not exist: make it "
        "reachable, or remove the link to start a new store"
    )
    fails_in_one_line(run, ("data", "import", fx.national_xlsx(files)), problem)
    assert os.readlink(link) == str(target)  # the link is still there, pointing where it did
    assert not target.parent.exists()
    bundled_commands_work_with_one_warning(run, problem)
    fails_in_one_line(run, ("data", "list"), problem)


# Run careerstats with another user's rights: the interpreter of this test run when that
# user can run it, else the system's Python of the same version with this environment's
# packages (sys.argv[1]) added.
AS_ANOTHER_USER = (
    "import runpy, site, sys; site.addsitedir(sys.argv.pop(1)); sys.argv[0] = 'careerstats'; "
    "runpy.run_module('careerstats', run_name='__main__', alter_sys=True)"
)


def nobody_can_run() -> tuple[list[str], str]:
    """The command that runs careerstats as `nobody`, or a reason why it cannot be."""
    if sys.platform != "linux" or os.geteuid() != 0:
        return [], "only root can switch to the nobody user (setpriv)"
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return [], "setpriv (util-linux) is not installed"
    switch = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"):
        probe = subprocess.run(
            [*switch, python, "-c", "import sys; print(sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0:
            import site

            return [*switch, python, "-c", AS_ANOTHER_USER, site.getsitepackages()[0]], ""
    return [], f"no Python {version} interpreter that the nobody user may run"


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder every user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="careerstats-shared-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_H19_a_store_in_a_home_this_user_cannot_write_is_read_not_refused(
    shared_folder: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    command, reason = nobody_can_run()
    if not command:
        print(f"H19 skipped: {reason}")
        pytest.skip(reason)
    home = shared_folder / "home"
    monkeypatch.setenv("CAREERSTATS_HOME", str(home))
    national = fx.national_xlsx(shared_folder)
    assert run("data", "import", national).exit_code == 0
    other = fx.lawyers_csv(2011, shared_folder, 60)
    os.chmod(other, 0o644)
    os.chmod(national, 0o644)
    home.chmod(0o755)  # root's, and nobody may not write in it
    store = home / STORE_FILE
    before = store.read_bytes()
    env = {"CAREERSTATS_HOME": str(home), "HOME": str(shared_folder), "PATH": "/usr/bin:/bin"}

    def as_nobody(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=shared_folder,
            timeout=120,
            check=False,
        )

    listed = as_nobody("data", "list")
    assert (listed.returncode, listed.stderr) == (0, "")
    assert "oews-2012" in listed.stdout
    assert "national_M2012_dl.xlsx" in listed.stdout
    compared = as_nobody("compare", "15-1252", "--source", "oews-2012", "--json")
    assert compared.returncode == 0, compared.stderr
    assert '"median": {\n            "value": 132270' in compared.stdout  # the fixture's figure
    assert warnings(compared.stderr) == []
    refused = as_nobody("data", "import", str(other))
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"careerstats: error: {store}: cannot write to the store (")
    assert refused.stderr.endswith(
        "): this user may only read it; change it as its owner, or point CAREERSTATS_HOME at "
        "a folder of your own\n"
    )
    assert store.read_bytes() == before
    assert [p.name for p in home.iterdir()] == [STORE_FILE]  # nothing written beside it


def test_H16_tables_sqlite_adds_to_a_store_do_not_make_it_foreign(store: Path, run: Run) -> None:
    with sqlite3.connect(store) as db:
        db.execute("ANALYZE")  # SQLite's statistics: a table of its own, sqlite_stat1
    db.close()
    listed = run("data", "list")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert "oews-2012" in listed.stdout
