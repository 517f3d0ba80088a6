"""The local store of imported OEWS releases: one SQLite database under the careerstats home.

Standard library only. One release per year (`oews-YYYY`); every file imported into it is
recorded by the SHA-256 of its bytes, so importing the same file again changes nothing. An
import is one `BEGIN IMMEDIATE` transaction: a failed, interrupted or concurrent import
leaves the earlier data as it was. Figures are stored as the exact decimal text read from
the file (`"63.54"`, `"132270"`), `"#"` for top-coded, NULL for not available.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import functools
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from operator import itemgetter
from pathlib import Path
from typing import Literal, NamedTuple, ParamSpec, TypeVar

from careerstats.core.periods import Period
from careerstats.core.wording import quoted
from careerstats.errors import DataError, NoStore, StoreUnreadable, UnknownPlace, UsageError
from careerstats.sources.oews import (
    CROSS_INDUSTRY,
    NATION,
    ROW_FIELDS,
    WAGE_COLUMNS,
    ParsedFile,
    soc_version,
)
from careerstats.sources.paths import store_path

SCHEMA_VERSION = "1"
LOCK_WAIT_SECONDS = 60.0

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS releases (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    classification TEXT NOT NULL,
    ceiling_hour TEXT,
    ceiling_year TEXT,
    ceiling_stated INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    areas INTEGER NOT NULL,
    industries INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY,
    release_id TEXT NOT NULL,
    name TEXT NOT NULL,
    layout TEXT NOT NULL,
    rows INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS areas (
    release_id TEXT NOT NULL, code TEXT NOT NULL, title TEXT NOT NULL, type TEXT,
    PRIMARY KEY (release_id, code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS industries (
    release_id TEXT NOT NULL, naics TEXT NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (release_id, naics)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS occupations (
    release_id TEXT NOT NULL, occ_code TEXT NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (release_id, occ_code)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS wages (
    release_id TEXT NOT NULL,
    area TEXT NOT NULL,
    naics TEXT NOT NULL,
    own_code TEXT NOT NULL,
    occ_code TEXT NOT NULL,
    occ_title TEXT NOT NULL,
    o_group TEXT NOT NULL,
    tot_emp TEXT,
    {", ".join(f"{name} TEXT" for name, _ in WAGE_COLUMNS)},
    annual_only INTEGER NOT NULL,
    hourly_only INTEGER NOT NULL,
    PRIMARY KEY (release_id, occ_code, area, naics, own_code)
) WITHOUT ROWID;
"""
# Every occupation of one area and industry (for ranking a whole release).
_PLACE_INDEX = "CREATE INDEX IF NOT EXISTS wages_by_place ON wages (release_id, area, naics)"
# A file this large is inserted with the place index dropped and then built again in one
# sort, all inside the import's transaction: far faster than updating it row by row.
REBUILD_INDEX_ROWS = 50_000
_INSERT_ROW = (
    f"INSERT OR REPLACE INTO wages (release_id, {', '.join(ROW_FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(ROW_FIELDS) + 1))})"
)


def home_problem(path: Path, error: OSError) -> str:
    """What is wrong with the careerstats home, in words, for an error creating `path`."""
    folder = path.parent
    if error.errno in {errno.ENOTDIR, errno.EEXIST}:
        return (
            f"{folder}: the careerstats home (CAREERSTATS_HOME) is not a directory: it, or a "
            "folder above it, is a file; point CAREERSTATS_HOME at a directory"
        )
    if error.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return (
            f"{folder}: cannot write to the careerstats home (CAREERSTATS_HOME): {error.strerror}"
        )
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return f"{folder}: no space left for the store (disk or quota full); nothing was changed"
    return f"{path}: the store cannot be created: {error.strerror or error}"


MOVE_AWAY = "move it away (or delete it) and import the files again"


READ_ONLY = (
    "this user may only read it; change it as its owner, or point CAREERSTATS_HOME at a "
    "folder of your own"
)


def store_problem(path: Path, error: sqlite3.Error, *, writing: bool = False) -> str:
    """What is wrong with the store at `path`, in words, and the way out."""
    return f"{path}: {_worded(error, writing=writing)}"


def _worded(error: sqlite3.Error, *, writing: bool = False) -> str:
    text = str(error)
    if writing and ("readonly" in text or "unable to open" in text):
        return f"cannot write to the store ({text}): {READ_ONLY}"
    if "not a database" in text or "no such table" in text or "no such column" in text:
        return f"not a careerstats store ({text}): {MOVE_AWAY}"
    if "malformed" in text or "corrupt" in text:
        return f"the store is damaged ({text}): {MOVE_AWAY}"
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return f"the store cannot be read ({text}): check the permissions of it and its folder"
    return f"the store cannot be read ({text}): {MOVE_AWAY}"


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _reading(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """A read of the store that fails (a damaged page, a foreign schema) is a
    `StoreUnreadable` naming the store and the fix, never a bare SQLite error."""

    @functools.wraps(method)
    def read(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            store = args[0]
            assert isinstance(store, Store)
            raise StoreUnreadable(store_problem(store.path, error)) from None

    return read


@functools.cache
def _expected_tables() -> dict[str, list[str]]:
    """Every table of the store this careerstats writes, with its columns in order."""
    with contextlib.closing(sqlite3.connect(":memory:")) as db:
        db.executescript(_SCHEMA)
        return _tables(db)


def _tables(db: sqlite3.Connection) -> dict[str, list[str]]:
    names = [
        row[0]
        for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return {name: [row[1] for row in db.execute(f"PRAGMA table_info('{name}')")] for name in names}


@dataclass(frozen=True)
class FileRecord:
    name: str
    sha256: str
    layout: str
    rows: int
    imported_at: str


# releases.ceiling_stated: 0 the release's known ceiling (the file states none), 1 both
# stated in the file, 2 the hourly one stated (the annual converted), 3 the annual stated.
_CEILING_DERIVED = {2: Period.YEAR, 3: Period.HOUR}


def _file_name(path: Path) -> str:
    """The file's name as text the store can hold: a byte the name could not decode is
    kept as its escape (`\\xff`), as every view shows it."""
    return os.fsencode(path.name).decode("utf-8", "backslashreplace")


def _ceiling_code(parsed: ParsedFile) -> int:
    if not parsed.ceiling_stated:
        return 0
    return {None: 1, Period.YEAR: 2, Period.HOUR: 3}[parsed.ceiling_derived]


@dataclass(frozen=True)
class ReleaseRecord:
    id: str
    year: int
    classification: str
    ceiling_hour: Decimal | None
    ceiling_year: Decimal | None
    ceiling_stated: bool
    rows: int
    areas: int
    industries: int
    updated_at: str
    files: tuple[FileRecord, ...]
    # The ceiling converted from the other at 2,080 hours, when the file states one only.
    ceiling_derived: Period | None = None


class ImportedReleases(NamedTuple):
    """What `data list` shows: every imported release, and where the store is (if any)."""

    records: list[ReleaseRecord]
    store: Path | None


@dataclass(frozen=True)
class ImportOutcome:
    release_id: str
    status: str  # "created", "updated" or "unchanged"
    file: ParsedFile


@dataclass(frozen=True)
class Place:
    """An area or an industry as the store names it."""

    code: str
    title: str


class Store:
    """One connection to the store database."""

    def __init__(self, path: Path, *, create: bool = False) -> None:
        self.path = path
        if not create and not path.exists():
            raise NoStore(f"no imported data at {path}")
        # Only what this run makes is removed on failure: never a file that was there, nor
        # a symbolic link, even one that points nowhere.
        fresh = create and not os.path.lexists(path)
        self._read_only = ""
        if create and path.is_symlink() and not path.exists():
            raise DataError(
                f"{path}: the store is a symbolic link to {os.readlink(path)}, which does not "
                "exist: make it reachable, or remove the link to start a new store"
            )
        try:
            if create:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._open(create)
        except (sqlite3.DatabaseError, OSError) as error:
            if fresh:  # a store that failed to come into being is not left behind, half made
                self._discard()
            if isinstance(error, OSError):
                raise DataError(home_problem(path, error)) from None
            full = "full" in str(error) or "disk I/O" in str(error)
            if full:
                raise DataError(
                    f"{path}: the store cannot be opened: no space left (disk or quota full)? "
                    f"({error})"
                ) from None
            if create:
                raise DataError(store_problem(path, error, writing=True)) from None
            raise StoreUnreadable(store_problem(path, error)) from None

    def _discard(self) -> None:
        with contextlib.suppress(sqlite3.Error, AttributeError):
            self.db.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                self.path.with_name(self.path.name + suffix).unlink()

    def _open(self, create: bool) -> None:
        # Two imports creating the store at once: switching to WAL, or a read that would
        # deadlock, is refused at once rather than waited for; wait here instead.
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            self.db = self._connect()
            try:
                self.db.execute("PRAGMA foreign_keys = ON")
                if create:
                    self._create()
                else:
                    self._check()
                return
            except sqlite3.OperationalError as error:
                self.db.close()
                if self._read_only_next(create, error):
                    continue
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _connect(self) -> sqlite3.Connection:
        if not self._read_only:
            return sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
        uri = f"{self.path.absolute().as_uri()}?{self._read_only}"
        return sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT_SECONDS, isolation_level=None)

    def _read_only_next(self, create: bool, error: sqlite3.OperationalError) -> bool:
        """Whether to read again in a read-only way, for a store in a folder this user
        cannot write: WAL mode wants to create its shared-memory file beside the store.
        Read-only mode uses that file and the log when they are there; `immutable` reads
        the database file alone (a store closed cleanly has nothing in a log)."""
        if create or os.access(self.path.parent, os.W_OK):
            return False
        if "unable to open" not in str(error) and "readonly" not in str(error):
            return False
        following = {"": "mode=ro", "mode=ro": "immutable=1"}.get(self._read_only)
        if following is None:
            return False
        self._read_only = following
        return True

    @classmethod
    def existing(cls) -> Store | None:
        """The store if one has been created, else None (reading never creates one).

        An empty database (no tables: a store whose creation was cut off before its schema,
        by a full disk, by an older version) holds nothing, so it counts as no store.
        """
        path = store_path()
        if not path.exists():
            if path.is_symlink():  # a store on a drive not mounted, a folder moved
                raise StoreUnreadable(
                    f"{path}: the store is a symbolic link to {os.readlink(path)}, which does "
                    "not exist: make it reachable, or remove the link to start a new store"
                )
            return None
        try:
            with contextlib.closing(sqlite3.connect(path)) as db:
                empty = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        except sqlite3.DatabaseError:
            empty = False  # not a database at all: opening it reports that
        return None if empty else cls(path)

    def close(self) -> None:
        self.db.close()

    def _create(self) -> None:
        exists = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        if exists:
            self._check()
            return
        # Readers keep reading the last committed state while an import writes.
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(_PLACE_INDEX)
            self.db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # SQLite may have rolled back already (disk full)
                self.db.execute("ROLLBACK")
            raise
        self._check()

    def _check(self) -> None:
        try:
            found = self.db.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):
                raise  # cannot be read (locked, permissions): said as such
            found = None
        if found is None:
            raise StoreUnreadable(f"{self.path}: not a careerstats store: {MOVE_AWAY}")
        if found[0] != SCHEMA_VERSION:
            raise StoreUnreadable(
                f"{self.path}: store version {found[0]} is not the version {SCHEMA_VERSION} "
                "this careerstats reads; remove the file and import again"
            )
        tables = _tables(self.db)
        # The version matches but the tables do not (an edited or foreign store): every
        # query would fail on it, the bundled-only ones included. Tables of its own that a
        # store may gain (SQLite's statistics) do not matter.
        differences = [
            f"table {name} {'has other columns' if name in tables else 'is missing'}"
            for name, columns in _expected_tables().items()
            if tables.get(name) != columns
        ]
        if differences:
            raise StoreUnreadable(
                f"{self.path}: not the store this careerstats writes, though its version "
                f"matches ({'; '.join(differences)}): {MOVE_AWAY}"
            )

    # ------------------------------------------------------------------ writing

    def import_files(
        self, files: Sequence[ParsedFile], before_commit: Callable[[], None] = lambda: None
    ) -> list[ImportOutcome]:
        """Import parsed files in one transaction: all of them, or (on any failure) none.

        `before_commit` is called once every row is written, just before the commit: from
        then on the import is as good as stored (the caller stops taking interrupts there)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise DataError(
                f"{self.path}: the store is busy (another import?) and stayed locked for "
                f"{LOCK_WAIT_SECONDS:.0f} s: {error}"
            ) from None
        try:
            outcomes = [self._import_one(parsed) for parsed in files]
            before_commit()
            self.db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._rollback()
            full = "full" in str(error)
            problem = "no space left (disk or quota full)" if full else _worded(error, writing=True)
            raise DataError(
                f"{self.path}: the import failed, nothing was changed: {problem}"
            ) from None
        except BaseException:
            self._rollback()
            raise
        return outcomes

    def _rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _import_one(self, parsed: ParsedFile) -> ImportOutcome:
        db = self.db
        release = parsed.release_id
        known = db.execute(
            "SELECT release_id FROM files WHERE sha256 = ?", (parsed.sha256,)
        ).fetchone()
        if known:  # the same bytes, imported meanwhile (perhaps under another year)
            return ImportOutcome(known[0], "unchanged", parsed)
        existing = db.execute(
            "SELECT ceiling_stated FROM releases WHERE id = ?", (release,)
        ).fetchone()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        hour = str(parsed.ceiling_hour) if parsed.ceiling_hour is not None else None
        year = str(parsed.ceiling_year) if parsed.ceiling_year is not None else None
        if existing is None:
            db.execute(
                "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                (
                    release,
                    parsed.year,
                    soc_version(parsed.year),
                    hour,
                    year,
                    _ceiling_code(parsed),
                    now,
                ),
            )
        elif parsed.ceiling_stated or not existing[0]:
            # A ceiling a file states wins over the known one; the newest statement wins.
            db.execute(
                "UPDATE releases SET ceiling_hour = ?, ceiling_year = ?, ceiling_stated = ? "
                "WHERE id = ?",
                (hour, year, _ceiling_code(parsed) or existing[0], release),
            )
        # In primary-key order the B-tree grows at its end: much faster than file order.
        ordered = sorted(parsed.rows, key=itemgetter(3, 0, 1, 2))
        rebuild = len(ordered) >= REBUILD_INDEX_ROWS
        if rebuild:
            db.execute("DROP INDEX IF EXISTS wages_by_place")
        db.executemany(_INSERT_ROW, ((release, *row) for row in ordered))
        if rebuild:
            db.execute(_PLACE_INDEX)
        titles = {row[3]: row[4] for row in parsed.rows if row[1] == CROSS_INDUSTRY}
        titles.update({row[3]: row[4] for row in parsed.rows if row[3] not in titles})
        db.executemany(
            "INSERT OR REPLACE INTO occupations VALUES (?, ?, ?)",
            ((release, code, title) for code, title in titles.items()),
        )
        db.executemany(
            "INSERT OR REPLACE INTO areas VALUES (?, ?, ?, ?)",
            ((release, code, title, kind) for code, (title, kind) in parsed.areas.items()),
        )
        db.executemany(
            "INSERT OR REPLACE INTO industries VALUES (?, ?, ?)",
            ((release, code, title) for code, title in parsed.industries.items()),
        )
        db.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (parsed.sha256, release, _file_name(parsed.path), parsed.layout, len(parsed.rows), now),
        )
        db.execute(
            "UPDATE releases SET updated_at = ?,"
            " rows = (SELECT COUNT(*) FROM wages WHERE release_id = ?),"
            " areas = (SELECT COUNT(*) FROM areas WHERE release_id = ?),"
            " industries = (SELECT COUNT(*) FROM industries WHERE release_id = ?)"
            " WHERE id = ?",
            (now, release, release, release, release),
        )
        return ImportOutcome(release, "created" if existing is None else "updated", parsed)

    def remove(self, release_id: str, before_commit: Callable[[], None] = lambda: None) -> None:
        key = release_id.strip().lower()
        try:
            self._remove(key, release_id, before_commit)
        except sqlite3.DatabaseError as error:
            problem = store_problem(self.path, error, writing=True)
            raise DataError(f"nothing was removed: {problem}") from None

    def _remove(self, key: str, release_id: str, before_commit: Callable[[], None]) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            found = self.db.execute("SELECT 1 FROM releases WHERE id = ?", (key,)).fetchone()
            if found is None:
                known = ", ".join(r.id for r in self.releases()) or "none"
                raise UsageError(f"no imported release {release_id!r}; imported: {known}")
            for table in ("wages", "occupations", "areas", "industries", "files"):
                self.db.execute(f"DELETE FROM {table} WHERE release_id = ?", (key,))
            self.db.execute("DELETE FROM releases WHERE id = ?", (key,))
            before_commit()
            self.db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    # ------------------------------------------------------------------ reading

    @_reading
    def file_releases(self) -> dict[str, str]:
        """SHA-256 of every imported file -> the release it went into."""
        return dict(self.db.execute("SELECT sha256, release_id FROM files").fetchall())

    @_reading
    def releases(self) -> list[ReleaseRecord]:
        files: dict[str, list[FileRecord]] = {}
        for release_id, *fields in self.db.execute(
            "SELECT release_id, name, sha256, layout, rows, imported_at FROM files ORDER BY rowid"
        ):
            files.setdefault(release_id, []).append(FileRecord(*fields))
        return [
            ReleaseRecord(
                id=row[0],
                year=row[1],
                classification=row[2],
                ceiling_hour=Decimal(row[3]) if row[3] is not None else None,
                ceiling_year=Decimal(row[4]) if row[4] is not None else None,
                ceiling_stated=bool(row[5]),
                ceiling_derived=_CEILING_DERIVED.get(row[5]),
                rows=row[6],
                areas=row[7],
                industries=row[8],
                updated_at=row[9],
                files=tuple(files.get(row[0], ())),
            )
            for row in self.db.execute("SELECT * FROM releases ORDER BY year DESC")
        ]

    @_reading
    def rows(
        self, release_id: str, codes: Sequence[str], area: str, naics: str
    ) -> list[sqlite3.Row]:
        """The rows for these SOC codes in one area and industry, all ownerships first."""
        marks = ", ".join("?" * len(codes))
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(
            f"SELECT * FROM wages WHERE release_id = ? AND occ_code IN ({marks}) "
            "AND area = ? AND naics = ? ORDER BY own_code != '1235', own_code",
            (release_id, *codes, area, naics),
        ).fetchall()

    @_reading
    def place_rows(self, release_id: str, area: str, naics: str) -> list[sqlite3.Row]:
        """Every occupation's rows in one area and industry (through `wages_by_place`)."""
        cursor = self.db.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(
            "SELECT * FROM wages WHERE release_id = ? AND area = ? AND naics = ? "
            "ORDER BY occ_code, own_code != '1235', own_code",
            (release_id, area, naics),
        ).fetchall()

    @_reading
    def occupation(self, code: str) -> tuple[str, str] | None:
        """(code, title) of a SOC code in the newest release that has it."""
        found = self.db.execute(
            "SELECT o.occ_code, o.title FROM occupations o JOIN releases r ON r.id = o.release_id "
            "WHERE o.occ_code = ? ORDER BY r.year DESC LIMIT 1",
            (code,),
        ).fetchone()
        return (found[0], found[1]) if found else None

    @_reading
    def occupations_titled(self, title: str) -> list[tuple[str, str]]:
        """(code, title) of occupations titled `title` (case-insensitively), newest first."""
        return [
            (row[0], row[1])
            for row in self.db.execute(
                "SELECT DISTINCT o.occ_code, o.title FROM occupations o "
                "JOIN releases r ON r.id = o.release_id "
                "WHERE lower(o.title) = lower(?) ORDER BY r.year DESC",
                (title.strip(),),
            )
        ]

    @_reading
    def occupation_index(self) -> list[tuple[str, str, list[str]]]:
        """Every occupation code with its newest title and the releases that have it."""
        index: dict[str, tuple[str, list[str]]] = {}
        for code, title, release in self.db.execute(
            "SELECT o.occ_code, o.title, o.release_id FROM occupations o "
            "JOIN releases r ON r.id = o.release_id ORDER BY o.occ_code, r.year DESC"
        ):
            index.setdefault(code, (title, []))[1].append(release)
        return [(code, title, releases) for code, (title, releases) in index.items()]

    @_reading
    def occupation_titles(self) -> dict[str, str]:
        """Every title in the store (lower case) -> its SOC code, for suggestions."""
        return {
            row[1].lower(): row[0]
            for row in self.db.execute("SELECT occ_code, title FROM occupations")
        }

    @_reading
    def has_place(self, release_id: str, area: str, naics: str) -> bool:
        return bool(
            self.db.execute(
                "SELECT 1 FROM areas a, industries i WHERE a.release_id = ? AND a.code = ? "
                "AND i.release_id = a.release_id AND i.naics = ?",
                (release_id, area, naics),
            ).fetchone()
        )

    @_reading
    def places(self, what: Literal["area", "industry"]) -> list[Place]:
        """Every area (or industry) of the imported data, by code."""
        table, key = ("areas", "code") if what == "area" else ("industries", "naics")
        rows = self.db.execute(f"SELECT DISTINCT {key}, title FROM {table} ORDER BY {key}")
        return [Place(row[0], row[1]) for row in rows]

    def area(self, text: str) -> Place:
        return self._place("areas", "code", text, "area", NATION)

    def industry(self, text: str) -> Place:
        return self._place("industries", "naics", text, "industry", CROSS_INDUSTRY)

    @_reading
    def _place(self, table: str, key: str, text: str, what: str, default: str) -> Place:
        wanted = text.strip()
        # ASCII digits only: int() takes other scripts' digits ("٤٨") and fails on others
        # ("²") and on more than 4,300 digits; no code is longer than a few digits.
        number = wanted.isascii() and wanted.isdigit() and len(wanted) <= 20
        code = str(int(wanted)) if number and table == "areas" else wanted
        if table == "industries" and number and int(wanted) == 0:
            code = CROSS_INDUSTRY
        rows = self.db.execute(
            f"SELECT DISTINCT {key}, title FROM {table} WHERE {key} = ? OR lower(title) = lower(?)",
            (code, wanted),
        ).fetchall()
        if not rows:
            rows = self.db.execute(
                f"SELECT DISTINCT {key}, title FROM {table} WHERE lower(title) LIKE lower(?)",
                (wanted.replace("%", "").replace("_", "") + "%",),
            ).fetchall()
        codes = {row[0] for row in rows}
        if len(codes) == 1:
            return Place(rows[0][0], rows[0][1])
        if len(codes) > 1:
            shown = "; ".join(f"{row[0]} {row[1]}" for row in rows[:5])
            more = f" and {len(codes) - 5} more" if len(codes) > 5 else ""
            raise UnknownPlace(
                f"{what} {quoted(text)} matches several: {shown}{more}",
                what,
                default,
                ambiguous=True,
            )
        titles = {
            row[1]: row[0] for row in self.db.execute(f"SELECT DISTINCT {key}, title FROM {table}")
        }
        close = difflib.get_close_matches(wanted, list(titles), n=2, cutoff=0.6)
        guesses = " or ".join(f"'{titles[name]}' ({name})" for name in close)
        guess = f"; did you mean {guesses}?" if guesses else ""
        raise UnknownPlace(
            f"unknown {what} {quoted(text)} in the imported data{guess}",
            what,
            default,
            ambiguous=False,
        )
