"""Reading official BLS OEWS files (.xlsx, .xls, .csv) into plain rows ready for the store.

Standard library plus python-calamine (loaded only for workbooks). The reader detects the
layout from the header row, matches column names case-insensitively (and the older spellings
AREA_NAME, ST/STATE, GROUP), and reads each wage cell into the text of an exact decimal:
numeric cells, text cells and text with thousands separators all give the same result, and
no binary float ever reaches a figure. Special values are kept as BLS means them:

- ``*`` and ``**`` (not available) become an absent figure (``None``);
- ``#`` (top-coded: at or above the release's ceiling) is kept as ``"#"``;
- ``~`` (fewer than 0.5% of establishments reported) appears only in PCT_RPT, not read here.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from careerstats.core.model import SOC_CODE
from careerstats.core.money import MAX_DIGITS, MAX_PLACES
from careerstats.core.periods import STANDARD_YEAR_HOURS, Period
from careerstats.core.wording import quoted
from careerstats.errors import DataError, UnknownYear
from careerstats.sources.oews_figures import TOP_CODED, WAGE_NAMES
from careerstats.sources.workbook_limits import MAX_CELL_CHARS

NATION = "99"
CROSS_INDUSTRY = "000000"
ALL_OWNERSHIPS = "1235"

# The header of the data sheet of OEWS files from 2019 on (national, area, industry and
# all-data files alike); older files have fewer columns and some older names.
CURRENT_COLUMNS: tuple[str, ...] = (
    "AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "NAICS", "NAICS_TITLE", "I_GROUP",
    "OWN_CODE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000",
    "LOC_QUOTIENT", "PCT_TOTAL", "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10",
    "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75",
    "A_PCT90", "ANNUAL", "HOURLY",
)  # fmt: skip

# Hourly wages first, then annual: (store column, file column), "h_p10" for "H_PCT10".
WAGE_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (name, name.replace("_p", "_pct")) for name in WAGE_NAMES
)

# Column order of one parsed row (`Row`), the order the store inserts them in.
ROW_FIELDS: tuple[str, ...] = (
    "area",
    "naics",
    "own_code",
    "occ_code",
    "occ_title",
    "o_group",
    "tot_emp",
    *(name for name, _ in WAGE_COLUMNS),
    "annual_only",
    "hourly_only",
)
Row = tuple[Any, ...]
_FIGURES = ROW_FIELDS.index("tot_emp")  # where a row's figures start

_ALIASES = {
    "area_name": "area_title",
    "st": "prim_state",
    # Older state files (about 2000-2013) have AREA, ST (the postal code) and STATE, which
    # holds the state's name: their only area title.
    "state": "area_title",
    "group": "o_group",
    "occ_group": "o_group",
}
_YEAR_IN_NAME = re.compile(
    r"(?:^|[^a-z0-9])m_?((?:19|20)\d{2})(?:[^0-9]|$)", re.IGNORECASE | re.ASCII
)
# Plain decimal numbers, ASCII digits only, with thousands separators only in groups of
# three: "20,59" (a decimal comma) and "1,9,0,8" are not numbers here.
_PLAIN_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")
_CEILING_HOUR = re.compile(r"\$\s*([0-9][0-9,.]*)\s*(?:per|an|/)\s*hour", re.IGNORECASE)
_CEILING_YEAR = re.compile(r"\$\s*([0-9][0-9,.]*)\s*(?:per|a|/)\s*year", re.IGNORECASE)
_TRUE = frozenset({"true", "t", "yes", "y", "1", "x"})
HEADER_SEARCH_ROWS = 15

# The top-coding ceiling BLS states in each release's notes, used only when a file does not
# state one itself (a CSV saved from a workbook loses the notes sheet; the workbooks of 2008
# and 2013-2018 state none). (first year, hourly, annual); the annual ceiling is the hourly
# one x 2,080. $100 from May 2016: that release publishes exact hourly figures up to $99.71.
KNOWN_CEILINGS: tuple[tuple[int, Decimal, Decimal], ...] = (
    (2022, Decimal("115"), Decimal("239200")),
    (2016, Decimal("100"), Decimal("208000")),
    (2012, Decimal("90"), Decimal("187200")),
    (2008, Decimal("80"), Decimal("166400")),
)


def known_ceiling(year: int) -> tuple[Decimal, Decimal] | None:
    for first, hourly, annual in KNOWN_CEILINGS:
        if year >= first:
            return hourly, annual
    return None


def soc_version(year: int) -> str:
    if year <= 2009:
        return "SOC 2000"
    if year <= 2011:
        return "SOC 2000/2010 hybrid"
    if year <= 2018:
        return "SOC 2010"
    if year <= 2020:
        return "SOC 2018 (hybrid with SOC 2010 codes)"
    return "SOC 2018"


@dataclass
class ParsedFile:
    """One OEWS file read into rows, with what the store records about it."""

    path: Path
    sha256: str
    year: int
    layout: str
    rows: list[Row]
    areas: dict[str, tuple[str, str | None]]  # code -> (title, area type)
    industries: dict[str, str]  # NAICS code -> title
    ceiling_hour: Decimal | None
    ceiling_year: Decimal | None
    ceiling_stated: bool
    skipped: int = 0
    # When the notes state one ceiling only, the other is converted at 2,080 hours.
    ceiling_derived: Period | None = None
    columns: list[str] = field(default_factory=list)
    remarks: tuple[str, ...] = ()  # what the user should know about how the file was read

    @property
    def release_id(self) -> str:
        return f"oews-{self.year}"


ProgressCallback = Callable[[int, int], None]


FIRST_YEAR, LAST_YEAR = 1997, 2100  # OEWS (OES) files exist from 1997


def digest(content: bytes) -> str:
    import hashlib

    return hashlib.sha256(content).hexdigest()


def year_from_name(path: Path) -> int | None:
    found = _YEAR_IN_NAME.search(path.stem)
    return int(found.group(1)) if found else None


def check_path(path: Path) -> None:
    """What the file is comes before what year it is: a year asked of a missing file or a
    photo would send the user after the wrong fix. Raises `DataError`."""
    name = path.name
    if path.is_dir():
        raise DataError(f"{name}: is a directory; give the OEWS files in it")
    if not path.exists():
        raise DataError(f"{name}: cannot be read: No such file or directory")
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".xlsx", ".xlsm", ".xls"}:
        raise DataError(f"{name}: unknown file type {suffix or '(none)'}; use .xlsx, .xls or .csv")


def file_bytes(path: Path) -> bytes:
    """The file's bytes, read in one pass from one opening: a FIFO (a pipe, `<(...)`) can be
    read only once, and everything after works on these bytes. Raises `DataError`."""
    import os
    import stat

    from careerstats.sources.workbook_limits import check_file_size

    name = path.name
    try:
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISREG(status.st_mode):
                check_file_size(status.st_size, name)  # refused before a byte is read
            # In pieces: read(n) would reserve n bytes at once, whatever the file holds.
            pieces: list[bytes] = []
            size = 0
            while piece := file.read(16 * 1024 * 1024):
                pieces.append(piece)
                size += len(piece)
                check_file_size(size, name)
    except OSError as error:
        raise DataError(f"{name}: cannot be read: {error.strerror or error}") from None
    return b"".join(pieces)


def release_year(path: Path, year: int | None) -> int:
    """`year` (from --year, checked already) or the year in the file's name, in range."""
    name = path.name
    if year is not None:
        return year
    year = year_from_name(path)
    if year is None:
        raise UnknownYear(
            f"{name}: cannot tell the release year from the file name "
            "(such as national_M2024_dl.xlsx)"
        )
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UnknownYear(
            f"{name}: the year in the file name, {year}, is not an OEWS release year "
            f"({FIRST_YEAR} to {LAST_YEAR})"
        )
    return year


def read(
    path: Path,
    year: int | None = None,
    progress: ProgressCallback | None = None,
    content: bytes | None = None,
) -> ParsedFile:
    """Read one OEWS file; `year` overrides the year in its name; `content`, when given, is
    the file's bytes read already (`file_bytes`). Raises `DataError`."""
    name = path.name
    if content is None:
        check_path(path)
        year = release_year(path, year)
        content = file_bytes(path)
    else:
        year = release_year(path, year)
    suffix = path.suffix.lower()
    if not content.strip():
        raise DataError(f"{name}: the file is empty")
    remarks: list[str] = []
    if suffix == ".csv":
        table, notes = _csv_rows(content, name, remarks), list[str]()
    else:
        _check_workbook_bytes(content, name, suffix)
        table, notes = _workbook_rows(content, name, suffix)
    parsed = _parse(table, name, progress)
    hour, annual = _stated_ceiling(notes, name)
    stated = hour is not None or annual is not None
    derived: Period | None = None
    if not stated:
        known = known_ceiling(year)
        hour, annual = known if known else (None, None)
    elif hour is None and annual is not None:
        hour, derived = annual / STANDARD_YEAR_HOURS, Period.HOUR
    elif annual is None and hour is not None:
        annual, derived = hour * STANDARD_YEAR_HOURS, Period.YEAR
    rows, areas, industries, skipped, columns = parsed
    if not rows:
        raise DataError(f"{name}: no occupation rows under the header")
    return ParsedFile(
        path=path,
        sha256=digest(content),
        year=year,
        layout=_layout(columns, areas, industries),
        rows=rows,
        areas=areas,
        industries=industries,
        ceiling_hour=hour,
        ceiling_year=annual,
        ceiling_stated=stated,
        ceiling_derived=derived,
        skipped=skipped,
        columns=columns,
        remarks=tuple(remarks),
    )


# ------------------------------------------------------------------ file formats


@dataclass
class _Table:
    rows: Sequence[Sequence[Any]] | Iterator[Sequence[Any]]
    total: int  # rows expected, for progress (an estimate for CSV)
    # Every row carries every column (CSV as BLS writes it): a shorter one was cut off.
    complete_rows: bool = False


_ZIP = b"PK\x03\x04"  # .xlsx and .xlsm are zip archives
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls is an OLE compound file


def _check_workbook_bytes(content: bytes, name: str, suffix: str) -> None:
    """A file named as a workbook that is something else gets named for what it is."""
    if content.startswith(_OLE) and suffix != ".xls":
        raise DataError(f"{name}: named {suffix} but it is an older .xls workbook; name it .xls")
    if content.startswith(_ZIP) and suffix == ".xls":
        raise DataError(f"{name}: named .xls but it is an .xlsx workbook; name it .xlsx")
    if content.startswith(_ZIP):
        import io
        import zipfile

        # A download cut short loses the zip directory at the end of the archive.
        if not zipfile.is_zipfile(io.BytesIO(content)):
            raise DataError(
                f"{name}: not a readable Excel workbook: cut short or damaged (its zip "
                "archive has no directory at the end); download it again"
            )
        return
    if content.startswith(_OLE):
        return
    head = content[:4096]
    if b"\x00" not in head and (b"," in head or b"\t" in head or head.isascii()):
        raise DataError(
            f"{name}: named {suffix} but it is text, not an Excel workbook; if it is a CSV "
            "file, name it .csv"
        )
    raise DataError(f"{name}: named {suffix} but it is not an Excel workbook")


def _csv_rows(content: bytes, name: str, remarks: list[str]) -> _Table:
    import csv

    if content.startswith((_ZIP, _OLE)):
        raise DataError(f"{name}: named .csv but it is an Excel workbook; name it .xlsx or .xls")
    if _is_utf16(content[:4096]):
        raise DataError(
            f'{name}: UTF-16 text (as Excel\'s "Unicode Text" saves it), not UTF-8 or '
            'Windows-1252; save the sheet as "CSV UTF-8 (Comma delimited)" and import that'
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = content.decode("cp1252", errors="strict") if _is_cp1252(content) else ""
        if not text:
            line = content[: error.start].count(b"\n") + 1
            raise DataError(
                f"{name}: line {line}: neither UTF-8 nor Windows-1252 text; not a CSV file"
            ) from None
        remarks.append(f"{name} is not UTF-8; read as Windows-1252 (Excel's CSV encoding)")
    if "\x00" in text[:4096]:
        raise DataError(f"{name}: binary data, not a text CSV file")
    lines = text.splitlines()
    _check_separator(lines[:HEADER_SEARCH_ROWS], name)
    return _Table(_csv_records(csv.reader(lines), name), len(lines), complete_rows=True)


def _is_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    # Without a byte-order mark: ASCII text in UTF-16 has a NUL beside every character.
    pairs = head[: len(head) // 2 * 2]
    return len(pairs) >= 8 and (
        pairs[1::2].count(0) > len(pairs) // 4 or pairs[0::2].count(0) > len(pairs) // 4
    )


_SEPARATORS = {";": "semicolons (;)", "\t": "tabs", "|": "vertical bars (|)"}


def _check_separator(lines: Sequence[str], name: str) -> None:
    """A header split by another separator than the comma gets a message saying so (Excel
    writes semicolons where the decimal mark is a comma), rather than "no header"."""
    import csv

    for line in lines:
        names = {normalise_header(cell) for cell in next(csv.reader([line]), [])}
        if "occ_code" in names and "occ_title" in names:
            return  # a comma-separated header
        for separator, described in _SEPARATORS.items():
            cells = {normalise_header(cell) for cell in line.split(separator)}
            if "occ_code" in cells and "occ_title" in cells:
                raise DataError(
                    f"{name}: the columns are separated by {described}, not commas; save the "
                    'sheet as "CSV UTF-8 (Comma delimited)" or as .xlsx and import that'
                )


def _csv_records(reader: Any, name: str) -> Iterator[list[str]]:
    import csv

    try:
        yield from reader
    except csv.Error:
        # On lines split already, the default dialect refuses one thing only (NULs are read
        # since Python 3.11): a field beyond the bound that keeps a text with no line breaks
        # from filling memory.
        raise DataError(
            f"{name}: line {reader.line_num}: not readable as CSV: a field longer than "
            f"{csv.field_size_limit():,} characters"
        ) from None


def _is_cp1252(content: bytes) -> bool:
    try:
        content.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in content[:4096]


def _workbook_rows(content: bytes, name: str, suffix: str) -> tuple[_Table, list[str]]:
    """The data sheet's rows, as calamine yields them, and the notes of the other sheets.

    The limits (`workbook_limits`) are checked in the bytes before calamine parses anything.
    Only the data sheet (the first with an OEWS header) and small sheets that may state the
    top-coding ceiling are parsed; hidden sheets never are. The data sheet is read row by row
    (`iter_rows`), not copied whole into Python lists: for a 400,000-row all-data workbook
    that saves about a fifth of the memory and of the time.
    """
    import io
    import itertools

    import python_calamine

    from careerstats.sources import workbook_limits as limits

    def unreadable(error: Exception) -> DataError:
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return DataError(f"{name}: not a readable Excel workbook, damaged or cut short? ({detail})")

    xlsx = limits.open_xlsx(content, name) if suffix != ".xls" else None
    xls_errors = limits.check_xls(content, name) if xlsx is None else {}
    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(content))
        hidden = {
            index
            for index, sheet in enumerate(book.sheets_metadata)
            if sheet.visible != python_calamine.SheetVisibleEnum.Visible
        }
    except Exception as error:  # calamine raises its own errors and plain ones alike
        raise unreadable(error) from None

    def sheet(index: int) -> Any:
        error = xlsx.check_sheet(index) if xlsx is not None else xls_errors.get(index)
        try:
            return book.get_sheet_by_index(index), error
        except Exception as failure:
            raise unreadable(failure) from None

    data: Any = None
    data_index = -1
    formula_error: tuple[str, str] | None = None
    for index in range(len(book.sheet_names)):
        if index in hidden:
            continue
        candidate, formula_error = sheet(index)
        try:
            head = list(itertools.islice(candidate.iter_rows(), HEADER_SEARCH_ROWS))
        except Exception as error:
            raise unreadable(error) from None
        if _header_index(head) is not None:
            data, data_index = candidate, index
            break
    if data is None:
        sheet_names = ", ".join(book.sheet_names) or "none"
        raise DataError(
            f"{name}: no sheet has an OEWS header with OCC_CODE and OCC_TITLE "
            f"(sheets: {sheet_names})"
        )
    if formula_error is not None:
        where, error_text = formula_error
        raise DataError(
            f"{name}: cell {where} of sheet {quoted(book.sheet_names[data_index])} holds the "
            f"formula error {quoted(error_text)}, not a figure; correct it in Excel or "
            "download the file again"
        )
    notes: list[str] = []
    for index in range(len(book.sheet_names)):
        size = xlsx.part_size(index) if xlsx is not None else None
        if index == data_index or index in hidden:
            continue
        if size is not None and size > limits.MAX_NOTES_SHEET_BYTES:
            continue  # far larger than any notes sheet: not read
        other, _ = sheet(index)
        try:
            notes.extend(
                cell[: limits.MAX_CELL_CHARS]
                for row in other.iter_rows()
                for cell in row
                if isinstance(cell, str) and "$" in cell
            )
        except Exception as error:
            raise unreadable(error) from None
        if _stated_ceiling(notes, name) != (None, None):
            break

    def rows() -> Iterator[Sequence[Any]]:
        try:
            yield from data.iter_rows()
        except Exception as error:
            raise unreadable(error) from None

    return _Table(rows(), data.total_height or data.height), notes


# A ceiling BLS could state: the highest so far is $115.00 an hour, $239,200 a year.
_CEILING_RANGE = {
    "hour": (Decimal("1"), Decimal("1000")),
    "year": (Decimal("2080"), Decimal("2080000")),
}


def _stated_ceiling(notes: Iterable[str], name: str) -> tuple[Decimal | None, Decimal | None]:
    hour: Decimal | None = None
    annual: Decimal | None = None
    for note in notes:
        if hour is None and (found := _CEILING_HOUR.search(note)):
            hour = _ceiling(found.group(1), "hour", note, name)
        if annual is None and (found := _CEILING_YEAR.search(note)):
            annual = _ceiling(found.group(1), "year", note, name)
    return hour, annual


def _ceiling(text: str, per: str, note: str, name: str) -> Decimal:
    """The top-coding ceiling a note states, refused (naming the note) unless it is a plain
    amount in the range a ceiling can have: every later figure is measured against it."""
    low, high = _CEILING_RANGE[per]
    shown = quoted(note.strip())
    if not _PLAIN_AMOUNT.fullmatch(text) or len(text) > 20:
        raise DataError(f"{name}: the notes state the top-coding ceiling as {shown}: "
                        f"{quoted('$' + text)} is not a plain amount")  # fmt: skip
    value = Decimal(text.replace(",", ""))
    if not low <= value <= high:
        raise DataError(
            f"{name}: the notes state the top-coding ceiling as {shown}: ${value:,} per {per} "
            f"is not a plausible ceiling (from ${low:,} to ${high:,} per {per})"
        )
    return value


# ------------------------------------------------------------------ header and rows


def normalise_header(cell: Any) -> str:
    key = "_".join(str(cell if cell is not None else "").strip().lower().split())
    return _ALIASES.get(key, key)


def _header_index(rows: Sequence[Sequence[Any]]) -> int | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {normalise_header(cell) for cell in row}
        if "occ_code" in names and "occ_title" in names:
            return index
    return None


def _parse(
    table: _Table, name: str, progress: ProgressCallback | None
) -> tuple[list[Row], dict[str, tuple[str, str | None]], dict[str, str], int, list[str]]:
    source = iter(table.rows)
    header: list[str] | None = None
    line = 0
    for line, row in enumerate(source, start=1):
        names = [normalise_header(cell) for cell in row]
        if "occ_code" in names and "occ_title" in names:
            header = names
            break
        if line >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise DataError(
            f"{name}: not an OEWS file: no header row with OCC_CODE and OCC_TITLE in the "
            f"first {HEADER_SEARCH_ROWS} rows"
        )
    column = {key: index for index, key in reversed(list(enumerate(header))) if key}
    wage_index = [column.get(file_column) for _, file_column in WAGE_COLUMNS]
    if all(index is None for index in wage_index):
        raise DataError(
            f"{name}: not an OEWS file: the header has no wage columns "
            "(H_MEAN, A_MEAN, H_MEDIAN, A_MEDIAN...)"
        )
    occ_code, occ_title = column["occ_code"], column["occ_title"]
    get_area, get_area_title = column.get("area"), column.get("area_title")
    get_area_type = column.get("area_type")
    get_naics, get_naics_title = column.get("naics"), column.get("naics_title")
    get_own, get_group, get_emp = (
        column.get("own_code"),
        column.get("o_group"),
        column.get("tot_emp"),
    )
    get_annual, get_hourly = column.get("annual"), column.get("hourly")
    width = len(header)

    rows: list[Row] = []
    areas: dict[str, tuple[str, str | None]] = {}
    industries: dict[str, str] = {}
    area_of: dict[tuple[Any, Any], str] = {}
    naics_of: dict[Any, str] = {}
    seen: dict[tuple[str, str, str, str], tuple[int, Row]] = {}
    own_of: dict[Any, str] = {}
    group_of: dict[Any, str] = {}
    skipped = 0
    step = max(table.total // 200, 1000)
    first = line + 1
    # The row path runs 400,000 times for an all-data file, so what repeats is settled once:
    # the cells of a place (area, industry, ownership, group) and each figure are read the
    # first time they are seen and looked up after that; the cells needed are taken from a
    # row by `itemgetter` and the figures looked up by `map`, without Python code per cell.
    import itertools

    known = _cache.get
    missing = itertools.repeat(_MISSING)
    present = [i for i in wage_index if i is not None]
    wage_cells = operator.itemgetter(*present) if len(present) == len(wage_index) > 1 else None
    keys = [i for i in (get_area, get_area_type, get_naics, get_own, get_group) if i is not None]
    place_cells = operator.itemgetter(*keys) if len(keys) > 1 else None
    place_of: dict[Any, tuple[str, str, str, str]] = {}
    soc_codes: set[str] = set()
    for line, raw in enumerate(source, start=first):
        cells = raw if raw.__class__ is list else list(raw)
        if len(cells) < width:
            # A footnote is one cell. A data row missing wage cells at its end was cut off;
            # one missing only the trailing flag columns (ANNUAL, HOURLY: blank on most rows)
            # was saved by a program that drops trailing empty cells, as Excel can.
            cut = any(index is not None and index >= len(cells) for index in wage_index)
            if table.complete_rows and cut and sum(1 for c in cells if _text(c)) > 1:
                raise DataError(
                    f"{name}: row {line}: {len(cells)} of the header's {width} columns; the "
                    "file looks cut short or damaged: download it again"
                )
            cells = [*cells, *([None] * (width - len(cells)))]
        code = cells[occ_code]
        code = code.strip() if code.__class__ is str else _text(code)
        if not code:
            skipped += 1
            continue
        if code not in soc_codes:
            if not SOC_CODE.fullmatch(code):
                if not _text(cells[occ_title]) and all(_text(c) == "" for c in cells[1:]):
                    skipped += 1  # a footnote under the data
                    continue
                shown = quoted(code)
                raise DataError(f"{name}: row {line}: OCC_CODE {shown} is not a SOC code (00-0000)")
            soc_codes.add(code)
        title = cells[occ_title]
        title = title.strip() if title.__class__ is str else _text(title)
        place_key = place_cells(cells) if place_cells is not None else None
        place = place_of.get(place_key) if place_key is not None else None
        try:
            if place is not None:
                area, naics, own, group = place
                if len(title) > MAX_CELL_CHARS:
                    _kept(title, "OCC_TITLE")  # raises, naming the limit
            else:
                area = NATION
                if get_area is not None:
                    key = (
                        cells[get_area],
                        cells[get_area_type] if get_area_type is not None else None,
                    )
                    area = area_of.get(key, "")
                    if not area:
                        area = area_of[key] = _area(
                            cells, get_area, get_area_type, get_area_title, areas
                        )
                elif NATION not in areas:
                    areas[NATION] = ("U.S.", "1")
                naics = CROSS_INDUSTRY
                if get_naics is not None:
                    naics = naics_of.get(cells[get_naics], "")
                    if not naics:
                        naics = naics_of[cells[get_naics]] = _naics(cells[get_naics])
                        if naics not in industries:
                            industry = (
                                _kept(cells[get_naics_title], "NAICS_TITLE")
                                if get_naics_title is not None
                                else ""
                            )
                            industries[naics] = (
                                "Cross-industry" if naics == CROSS_INDUSTRY else industry or naics
                            )
                elif CROSS_INDUSTRY not in industries:
                    industries[CROSS_INDUSTRY] = "Cross-industry"
                own = ALL_OWNERSHIPS
                if get_own is not None:
                    own = own_of.get(cells[get_own], "")
                    if not own:
                        own = own_of[cells[get_own]] = (
                            _code(cells[get_own], "OWN_CODE") or ALL_OWNERSHIPS
                        )
                if len(title) > MAX_CELL_CHARS:
                    _kept(title, "OCC_TITLE")  # raises, naming the limit
                group = ""
                if get_group is not None:
                    group = group_of.get(cells[get_group], "")
                    if not group:
                        group = group_of[cells[get_group]] = _kept(
                            cells[get_group], "O_GROUP"
                        ).lower()
                if place_key is not None:
                    place_of[place_key] = (area, naics, own, group)
        except _BadValue as error:
            shown = quoted(error.cell) if isinstance(error.cell, str) else repr(error.cell)
            raise DataError(
                f"{name}: row {line}: {error.column} is {shown}, {error.reason}"
            ) from None
        try:
            # A row holding a cell not cached (new, or one `_wage` never caches) takes
            # `_wage` for every cell.
            cached: list[Any] = (
                list(map(known, wage_cells(cells), missing))
                if wage_cells is not None
                else [None if i is None else known(cells[i], _MISSING) for i in wage_index]
            )
            wages: list[str | None] = (
                cached
                if _MISSING not in cached
                else [None if i is None else _wage(cells[i]) for i in wage_index]
            )
            employment: Any = None
            if get_emp is not None:
                employment = known(cells[get_emp], _MISSING)
                if employment is _MISSING:
                    employment = _wage(cells[get_emp])
        except _BadValue as error:
            where = _bad_column(cells, [*wage_index, get_emp], header)
            shown = quoted(error.cell) if isinstance(error.cell, str) else repr(error.cell)
            raise DataError(f"{name}: row {line}: {where} is {shown}, {error.reason}") from None
        disorder = _out_of_order(wages)
        if disorder is not None:
            low, high = (WAGE_COLUMNS[i][1].upper() for i in disorder)
            raise DataError(
                f"{name}: row {line}: {low} ({wages[disorder[0]]}) is above {high} "
                f"({wages[disorder[1]]}): percentiles out of order; the file is damaged"
            )
        row = (
            area,
            naics,
            own,
            code,
            title,
            group,
            employment if employment != TOP_CODED else None,
            *wages,
            _flag(cells[get_annual]) if get_annual is not None else 0,
            _flag(cells[get_hourly]) if get_hourly is not None else 0,
        )
        # One occupation, place and ownership has one set of figures. BLS repeats a code
        # whose broad group holds one occupation (13-1020, "detailed" and "broad", in 2017)
        # with the same figures: kept as before, the store holding one of them.
        place = (area, naics, own, code)
        before = seen.setdefault(place, (line, row))
        if before[0] != line and before[1][_FIGURES:] != row[_FIGURES:]:
            raise DataError(
                f"{name}: rows {before[0]} and {line} both hold OCC_CODE {code} for AREA "
                f"{area}, NAICS {naics}, OWN_CODE {own}, with different figures; the file "
                "is damaged"
            )
        rows.append(row)
        if progress is not None and line % step == 0:
            progress(line, table.total)
    if progress is not None:
        progress(table.total, table.total)
    return rows, areas, industries, skipped, [key for key in header if key]


def _area(
    cells: Sequence[Any],
    get_area: int,
    get_type: int | None,
    get_title: int | None,
    areas: dict[str, tuple[str, str | None]],
) -> str:
    area = _code(cells[get_area], "AREA") or NATION
    area_type = _kept(cells[get_type], "AREA_TYPE") if get_type is not None else None
    if area_type in {"1", "1.0"} or area in {"US", "U.S."}:
        area = NATION
    if area not in areas:
        title = _kept(cells[get_title], "AREA_TITLE") if get_title is not None else ""
        areas[area] = (
            "U.S." if area == NATION else title or area,
            area_type.split(".")[0] if area_type else None,
        )
    return area


def _layout(columns: Sequence[str], areas: dict[str, Any], industries: dict[str, Any]) -> str:
    by_area = len(areas) > 1 or (areas and NATION not in areas)
    by_industry = len(industries) > 1 or (industries and CROSS_INDUSTRY not in industries)
    if by_area and by_industry:
        return "all-data"
    if by_area:
        return "area"
    if by_industry:
        return "industry"
    return "national"


class _BadValue(ValueError):
    def __init__(
        self,
        cell: Any,
        reason: str = "not a positive number or a BLS special value (*, **, #)",
        column: str = "a cell",
    ) -> None:
        super().__init__(cell)
        self.cell, self.reason, self.column = cell, reason, column


# Positions in `wages` (WAGE_COLUMNS order) of each period's percentiles, lowest first.
_PERCENTILES = ((1, 2, 3, 4, 5), (7, 8, 9, 10, 11))


_HOURLY_PERCENTILES = operator.itemgetter(*_PERCENTILES[0])
_ANNUAL_PERCENTILES = operator.itemgetter(*_PERCENTILES[1])


def _out_of_order(wages: Sequence[str | None]) -> tuple[int, int] | None:
    """The first pair of percentiles (positions) where a lower one exceeds a higher one.

    A top-coded `#` is at or above the ceiling, so no exact figure may follow it. This runs
    on every row, so the usual row (five figures each way) takes a few lookups and
    comparisons of floats (`_numbers`, `#` the highest); the floats order the texts exactly
    unless two texts of this run have the same float, and then every row is settled
    exactly, as are rows with gaps or an order the floats question."""
    numbers = _numbers
    exact = len(numbers) == len(_texts) + 1  # no two texts share a float
    for group in (_HOURLY_PERCENTILES(wages), _ANNUAL_PERCENTILES(wages)):
        a, b, c, d, e = group
        if a and b and c and d and e and exact:
            try:
                if numbers[a] <= numbers[b] <= numbers[c] <= numbers[d] <= numbers[e]:
                    continue
            except KeyError:  # beyond the cache's limit
                pass
        elif not (a or b or c or d or e):
            continue
        if not _in_order(group):
            return _first_disorder(wages)
    return None


def _first_disorder(wages: Sequence[str | None]) -> tuple[int, int] | None:
    for positions in _PERCENTILES:
        last: int | None = None
        for position in positions:
            value = wages[position]
            if value is None:
                continue
            if last is not None:
                before = wages[last]
                if before == TOP_CODED:
                    if value != TOP_CODED:
                        return last, position
                elif value != TOP_CODED and Decimal(before) > Decimal(value):  # type: ignore[arg-type]
                    return last, position
            last = position
    return None


def _in_order(group: tuple[str | None, ...]) -> bool:
    """True when the figures rise or stay level from left to right (`#` at the top).

    Every operation runs in C: the float of each figure comes from `_numbers`. Where two
    different texts have the same float (beyond 17 digits) it answers False, and the
    caller settles the order exactly."""
    if None in group:
        group = tuple(filter(None, group))  # a figure's text is never empty
    try:
        numbers = list(map(_numbers.__getitem__, group))  # type: ignore[arg-type]
    except KeyError:  # beyond the cache's limit
        numbers = [_INFINITY if value == TOP_CODED else float(value) for value in group]  # type: ignore[arg-type]
    return numbers == sorted(numbers) and len(set(numbers)) == len(set(group))


def _bad_column(cells: Sequence[Any], indices: Sequence[int | None], header: Sequence[str]) -> str:
    for index in indices:
        if index is None:
            continue
        try:
            _wage(cells[index])
        except _BadValue:
            return header[index].upper()
    return "a cell"


_SPECIAL: dict[str, str | None] = {"": None, "*": None, "**": None, "#": TOP_CODED, "~": None}
_MISSING = object()
_CACHE_LIMIT = 500_000
_cache: dict[Any, str | None] = {}
# The float of each figure read, for the order of percentiles: a lookup costs a fraction of
# float() on every row.
_INFINITY = float("inf")
_numbers: dict[str, float] = {TOP_CODED: _INFINITY}
_texts: dict[float, str] = {}  # a text for each float: fewer than `_numbers` on a collision


def _wage(cell: Any) -> str | None:
    """The exact decimal text of a wage or employment cell, `#`, or None when absent.

    Values repeat a great deal in a 400,000-row file, so each distinct cell is read once.
    """
    if cell is None:
        return None
    if cell is True or cell is False:
        raise _BadValue(cell)
    found = _cache.get(cell, _MISSING)
    if found is not _MISSING:
        return found  # type: ignore[return-value]
    result = _read_wage(cell)
    # Never a number equal to True or False (1, 0.0...): `_parse` looks cells up in the cache
    # directly, and a boolean cell must miss it, to be refused here.
    if len(_cache) < _CACHE_LIMIT and not (cell == 0 or cell == 1):
        _cache[cell] = result
        if result is not None and result != TOP_CODED:
            number = _numbers[result] = float(result)
            _texts.setdefault(number, result)
    return result


_FORMULA_ERRORS = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"}
)


def _read_wage(cell: Any) -> str | None:
    if isinstance(cell, str):
        text = cell.strip()
        if text in _SPECIAL:
            return _SPECIAL[text]
        if text.upper() in _FORMULA_ERRORS:
            raise _BadValue(cell, "a spreadsheet formula error, not a figure")
        digits = text[1:] if text.startswith("$") else text
        if not _PLAIN_AMOUNT.fullmatch(digits):
            if "," in digits and _PLAIN_AMOUNT.fullmatch(digits.replace(",", ".", 1)):
                raise _BadValue(
                    cell, "not a figure careerstats can read: a decimal comma? (write 20.59)"
                )
            raise _BadValue(cell)
        digits = digits.replace(",", "")
    elif isinstance(cell, int):
        digits = str(cell)
        if cell < 0:
            raise _BadValue(cell)
    elif isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")) or str(cell)[0] == "-":
            raise _BadValue(cell)  # -0.0 too: a sign has no place in a wage
        # A numeric cell holds the binary float nearest to the number typed; its shortest
        # repr is that number again (63.54, 132270.0), so no binary noise reaches a figure.
        digits = repr(cell)
        if "e" in digits:
            digits = f"{Decimal(digits):f}"
    else:
        raise _BadValue(cell)
    whole, _, places = digits.partition(".")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        # The bound every wage meets in the model: refused here, naming the cell, rather than
        # stored and refused by every later query.
        raise _BadValue(cell, f"too large for a wage (at most {MAX_DIGITS} digits)")
    if len(places.rstrip("0")) > MAX_PLACES:
        raise _BadValue(cell, f"too many decimals for a wage (at most {MAX_PLACES})")
    return _canonical(digits)


def _canonical(digits: str) -> str | None:
    """`"0132270.0"` -> `"132270"`, `"14.360"` -> `"14.36"`; zero (no estimate) -> None."""
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    digits = digits.lstrip("0")
    if not digits or digits == ".":
        return None
    return "0" + digits if digits.startswith(".") else digits


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


# Codes (AREA, NAICS, OWN_CODE) are short ASCII: BLS's longest are seven characters.
_LONGEST_CODE = 20


def _code(cell: Any, column: str) -> str:
    text = _code_text(cell, column)
    return str(int(text)) if text.isdigit() else text


def _naics(cell: Any) -> str:
    text = _code_text(cell, "NAICS")
    if text.isdigit() and int(text) == 0:
        return CROSS_INDUSTRY
    return text


def _code_text(cell: Any, column: str) -> str:
    """The text of a code cell; other scripts' digits ("²", "①", "٤٨") and codes longer
    than any BLS code are refused (`int()` would take some of them, or fail on them)."""
    text = _text(cell)
    if not text.isascii():
        raise _BadValue(cell, "not a code: codes are ASCII letters and digits", column)
    if len(text) > _LONGEST_CODE:
        raise _BadValue(
            cell, f"not a code: longer than any code (at most {_LONGEST_CODE} characters)", column
        )
    return text


def _kept(cell: Any, column: str) -> str:
    """The text of a cell careerstats stores and shows, within the length allowed."""
    text = _text(cell)
    if len(text) > MAX_CELL_CHARS:
        raise _BadValue(
            cell, f"longer than careerstats reads (at most {MAX_CELL_CHARS:,} characters)", column
        )
    return text


def _flag(cell: Any) -> int:
    if not cell:  # the usual flag cell: empty
        return 0
    if isinstance(cell, bool):
        return int(cell)
    if isinstance(cell, int | float):
        return int(cell == 1)
    return int(_text(cell).lower() in _TRUE)
