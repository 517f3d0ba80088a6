"""Hostile OEWS files (docs/errors.md rows O23-O41, U1-U4): memory and time bombs refused
before parsing, values validated at import, Unicode digits, and the common variants of a
CSV. Bombs run in the installed command under a memory limit and a timeout, so a failure
cannot take the machine down; everything else through the CLI runner."""

from __future__ import annotations

import io
import itertools
import os
import resource
import sqlite3
import struct
import subprocess
import sys
import threading
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from careerstats.sources import oews

HEADER = fx.NATIONAL_COLUMNS
COMMAND = Path(sys.executable).with_name("careerstats")
MEMORY_LIMIT = 1024 * 1024 * 1024  # address space: calamine's grid for XFD1048576 is 550 GB


def one_error_line(result: Result, *parts: str, status: int = 1) -> None:
    assert result.exit_code == status, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in result.stderr, result.stderr


def limited(*args: str | Path, home: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """The installed command under a memory limit and a timeout."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    env = {**os.environ, "CAREERSTATS_HOME": str(home), "RUST_BACKTRACE": "0"}
    return subprocess.run(
        [str(COMMAND), *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        preexec_fn=limit,
        check=False,
    )


def patched(path: Path, change: Callable[[str, bytes], bytes]) -> Path:
    """An .xlsx written by openpyxl with some of its parts changed."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, change(info.filename, source.read(info.filename)))
    return path


def with_cell(reference: str) -> Callable[[str, bytes], bytes]:
    row = "".join(ch for ch in reference if ch.isdigit())

    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        cell = f'<row r="{row}"><c r="{reference}" t="n"><v>1</v></c></row></sheetData>'
        return data.replace(b"</sheetData>", cell.encode())

    return change


# ------------------------------------------------------------------ bombs (O23-O28)


@pytest.mark.parametrize(
    ("reference", "named"),
    [("XFD1048576", "row 1048576"), ("BA2", "a cell at BA2"), ("A1000000", "row 1000000")],
)
def test_O23_a_cell_beyond_the_limits_is_refused_before_parsing(
    reference: str, named: str, files: Path, home: Path
) -> None:
    path = patched(fx.national_xlsx(files), with_cell(reference))
    refused_as_beyond(limited("data", "import", path, home=home), named, home)


def refused_as_beyond(done: subprocess.CompletedProcess[str], what: str, home: Path) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        f"careerstats: error: national_M2012_dl.xlsx: {what} in sheet1.xml: "
        "beyond what careerstats reads, at most 999,999 rows and 52 columns (A to AZ) per sheet\n"
    )
    assert not (home / "store.sqlite3").exists()


@pytest.mark.parametrize(
    ("cells", "what"),
    [
        # XML allows either quote around a value, and spaces around "=": calamine reads both.
        (b"<row r='20'><c r='XFD20' t='n'><v>1</v></c></row>", "a cell at XFD20"),
        (b'<row r="20"><c r = "XFD1048576" t="n"><v>1</v></c></row>', "a cell at XFD1048576"),
        # Cells without a reference: calamine puts each after the one before it, so 20,000
        # of them in one row at row 900,000 would ask for a grid of 18 billion cells.
        (
            b'<row r="900000">' + b"<c><v>1</v></c>" * 20_000 + b"</row>",
            "a cell at row 900,000, column 53",
        ),
    ],
    ids=["single quotes", "spaces around =", "cells without a reference"],
)
def test_O23_cells_in_any_markup_calamine_reads_are_refused_beyond_the_limits(
    cells: bytes, what: str, files: Path, home: Path
) -> None:
    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        return data.replace(b"</sheetData>", cells + b"</sheetData>")

    path = patched(fx.national_xlsx(files), change)
    refused_as_beyond(limited("data", "import", path, home=home), what, home)


@pytest.mark.parametrize(
    ("cells", "what"),
    [
        (
            b'<row r="20"><c r="A20" r="XFD1048576" t="n"><v>1</v></c></row>',
            "has a row or cell with two references",
        ),
        (
            b'<row r="900000">'
            + (b"<c><v>1</v></c>" * 50 + b'<!--<row r="900000">-->') * 400
            + b"</row>",
            "holds comments, CDATA or declarations",
        ),
    ],
    ids=["two references", "comments that would reset the count"],
)
def test_O23_cells_the_check_cannot_place_exactly_are_refused_before_parsing(
    cells: bytes, what: str, files: Path, home: Path
) -> None:
    """calamine takes the last of two references, and skips comments: both made a far cell
    pass an earlier form of the check, and calamine ask for 550 GB."""

    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        return data.replace(b"</sheetData>", cells + b"</sheetData>")

    path = patched(fx.national_xlsx(files), change)
    done = limited("data", "import", path, home=home)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"careerstats: error: national_M2012_dl.xlsx: sheet1.xml {what}: not a worksheet "
        "careerstats reads (the data sheet of an OEWS workbook from BLS, or one saved from a "
        "spreadsheet)\n"
    )
    assert not (home / "store.sqlite3").exists()


def test_O23_the_largest_cell_allowed_is_read(files: Path, home: Path) -> None:
    path = patched(fx.national_xlsx(files), with_cell("AZ20"))
    done = limited("data", "import", path, home=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("oews-2012 created: national_M2012_dl.xlsx (national, 9 rows")


def test_O24_a_declared_dimension_beyond_the_limits_is_refused(files: Path, home: Path) -> None:
    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        start = data.index(b"<dimension ref=")
        end = data.index(b"/>", start)
        return data[:start] + b'<dimension ref="A1:XFD1048576"' + data[end:]

    path = patched(fx.national_xlsx(files), change)
    done = limited("data", "import", path, home=home)
    assert done.returncode == 1
    assert "sheet1.xml declares cells up to XFD1048576, beyond what careerstats reads" in (
        done.stderr
    )


def hidden_sheet(path: Path, size: int) -> Path:
    """The workbook with a hidden first sheet of `size` bytes of whitespace, ahead of the data."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                data = data.replace(
                    b"<sheets>",
                    b'<sheets><sheet name="Blank" sheetId="9" state="hidden" r:id="rId99"/>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rId99" Target="worksheets/blank.xml" Type="http://'
                    b'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
                    b"</Relationships>",
                )
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/worksheets/blank.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
                )
            out.writestr(info, data)
        with out.open("xl/worksheets/blank.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats'
                        b'.org/spreadsheetml/2006/main"><sheetData>')  # fmt: skip
            chunk = b" " * (16 * 1024 * 1024)
            for _ in range(size // len(chunk)):
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    return path


def test_O25_a_part_that_unpacks_beyond_the_limit_is_refused(files: Path, home: Path) -> None:
    path = hidden_sheet(fx.national_xlsx(files), 1088 * 1024 * 1024)
    assert path.stat().st_size < 8 * 1024 * 1024  # a few megabytes that unpack to 1 GiB+
    done = limited("data", "import", path, home=home)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "careerstats: error: national_M2012_dl.xlsx: blank.xml unpacks to 1,088 MiB, beyond "
        "what careerstats reads (at most 1,024 MiB per part)\n"
    )


def test_O25_shared_strings_beyond_their_limit_are_refused(files: Path, home: Path) -> None:
    # A title of 65 MiB held in the shared strings, which calamine reads whole on opening.
    path = fx.national_xlsx(files)
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info.filename))
        with out.open("xl/sharedStrings.xml", "w") as strings:
            strings.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                          b'main"><si><t>')  # fmt: skip
            for _ in range(65):
                strings.write(b"x" * 1024 * 1024)
            strings.write(b"</t></si></sst>")
    done = limited("data", "import", path, home=home)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "careerstats: error: national_M2012_dl.xlsx: sharedStrings.xml unpacks to 65 MiB, "
        "beyond what careerstats reads (at most 64 MiB for the text of all cells)\n"
    )


def test_O26_a_hidden_sheet_is_never_parsed(files: Path, home: Path) -> None:
    # 400 MiB of whitespace: seconds and gigabytes for calamine; never parsed, so the memory
    # limit holds and the file imports.
    path = hidden_sheet(fx.national_xlsx(files), 400 * 1024 * 1024)
    done = limited("data", "import", path, home=home, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("oews-2012 created: national_M2012_dl.xlsx (national, 9 rows")


def test_O26_a_large_sheet_besides_the_data_is_not_read_for_notes(files: Path) -> None:
    """A visible sheet over 4 MiB after the data sheet is not read, even when it states a
    ceiling: the release's known ceiling is used and marked as not stated by the file."""
    note = "#  = a wage equal to or greater than $99.00 per hour"
    path = fx.write_xlsx(
        files / "national_M2024_dl.xlsx",
        HEADER,
        fx.national_rows(),
        [[note], *([["x" * 1000]] * 5000)],
    )
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet2.xml").file_size > 4 * 1024 * 1024
    parsed = oews.read(path)
    assert not parsed.ceiling_stated
    assert parsed.ceiling_hour == Decimal("115")  # BLS's for 2024, not the $99 of the note
    small = fx.write_xlsx(files / "national_M2023_dl.xlsx", HEADER, fx.national_rows(), [[note]])
    assert oews.read(small).ceiling_hour == Decimal("99.00")


def far_xls(path: Path, row: int, column: int) -> Path:
    """An .xls whose extra number cell is moved to (row, column), 0-based, as a crafted file
    can (xlwt itself stops at column 255)."""
    fx.write_xls(path, HEADER, [*fx.national_rows(), [123.456789]])
    data = bytearray(path.read_bytes())
    at = data.find(struct.pack("<d", 123.456789))
    data[at - 6 : at - 2] = struct.pack("<HH", row, column)
    path.write_bytes(bytes(data))
    return path


def test_O27_an_xls_cell_beyond_the_limits_is_refused(files: Path, home: Path) -> None:
    path = far_xls(files / "national_M2012_dl.xls", 65535, 16383)
    done = limited("data", "import", path, home=home)
    assert done.returncode == 1, done.stderr
    assert done.stderr == (
        "careerstats: error: national_M2012_dl.xls: a cell at row 65,536, column 16,384: beyond "
        "what careerstats reads, at most 999,999 rows and 52 columns (A to AZ) per sheet\n"
    )


def test_O27_an_xls_within_the_limits_is_read(files: Path, home: Path) -> None:
    path = far_xls(files / "national_M2012_dl.xls", 60000, 51)
    done = limited("data", "import", path, home=home)
    assert done.returncode == 0, done.stderr


def test_O28_a_file_beyond_the_size_limit_is_refused_unread(files: Path, run: Run) -> None:
    path = files / "national_M2012_dl.csv"
    with path.open("wb") as out:  # sparse: no disk used, nothing to read
        out.truncate(1025 * 1024 * 1024)
    one_error_line(
        run("data", "import", path),
        "national_M2012_dl.csv: 1,025 MiB is larger than careerstats reads (at most 1,024 MiB "
        "per file)",
    )


def test_O29_an_import_from_a_fifo_reads_it_once(files: Path, home: Path) -> None:
    source = fx.write_csv(files / "source.csv", HEADER, fx.national_rows())
    fifo = files / "national_M2012_dl.csv"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as out:
            out.write(source.read_bytes())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    done = limited("data", "import", fifo, home=home, timeout=30)
    writer.join(5)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "oews-2012 created: national_M2012_dl.csv (national, 9 rows, 1 area, 1 industry)\n"
    )


@pytest.mark.parametrize(
    ("column", "index"), [("OCC_TITLE", 3), ("AREA_TITLE", 2), ("NAICS_TITLE", 5)]
)
def test_O30_a_cell_longer_than_the_limit_is_refused(
    column: str, index: int, files: Path, run: Run
) -> None:
    rows = fx.all_data_rows()
    rows[index][HEADER.index(column)] = "x" * 1001
    path = fx.write_xlsx(files / "all_data_M_2012.xlsx", HEADER, rows)
    one_error_line(
        run("data", "import", path),
        f"row {index + 2}: {column} is 'xxxx",
        "(1,001 characters), longer than careerstats reads (at most 1,000 characters)",
    )
    rows[index][HEADER.index(column)] = "x" * 1000
    path = fx.write_xlsx(files / "all_data_M_2012.xlsx", HEADER, rows)
    assert run("data", "import", path).exit_code == 0


# ------------------------------------------------------------------ values (O31-O37)


def ceiling_notes(text: str) -> list[list[str]]:
    return [["Field descriptions and notes"], [text]]


@pytest.mark.parametrize(
    ("row", "note", "message"),
    [
        ("O31", "#  = a wage equal to or greater than $9999999999999999999999999999999999999999 "
         "per hour", "not a plain amount"),
        ("O31", "#  = a wage equal to or greater than $0 per hour",
         "$0 per hour is not a plausible ceiling (from $1 to $1,000 per hour)"),
        ("O31", "#  = a wage equal to or greater than $1,15.00 per hour", "not a plain amount"),
        ("O31", "#  = a wage equal to or greater than $5,000,000 per year",
         "$5,000,000 per year is not a plausible ceiling (from $2,080 to $2,080,000 per year)"),
    ],
)  # fmt: skip
def test_O31_an_absurd_or_zero_ceiling_is_refused_naming_the_note(
    row: str, note: str, message: str, files: Path, run: Run
) -> None:
    path = fx.write_xlsx(
        files / "national_M2012_dl.xlsx", HEADER, fx.national_rows(), ceiling_notes(note)
    )
    one_error_line(run("data", "import", path), "the notes state the top-coding ceiling", message)
    # Nothing was stored: every other command still answers.
    assert run("compare", "cs", "pr").exit_code == 0
    assert run("sources").exit_code == 0
    assert run("list").exit_code == 0


def test_O31_a_plausible_ceiling_is_kept_exactly(files: Path, run: Run) -> None:
    note = "#  = a wage equal to or greater than $1,000.00 per hour or $2,080,000 per year"
    path = fx.write_xlsx(
        files / "national_M2012_dl.xlsx", HEADER, fx.national_rows(), ceiling_notes(note)
    )
    assert run("data", "import", path).exit_code == 0
    listed = as_json(run("data", "list", "--json"))
    assert "1000" in str(listed)
    assert "2080000" in str(listed)


BAD_VALUES: list[tuple[str, object, str]] = [
    ("O32", -0.0, "H_MEDIAN is -0.0, not a positive number"),
    ("O32", "-0", "H_MEDIAN is '-0', not a positive number"),
    ("O32", 1e-300, "H_MEDIAN is 1e-300, too many decimals for a wage (at most 20)"),
    ("O32", "1E-300", "H_MEDIAN is '1E-300', not a positive number"),
    ("O33", "20,59", "H_MEDIAN is '20,59', not a figure careerstats can read: a decimal comma?"),
    ("O33", "1,9,0,8", "H_MEDIAN is '1,9,0,8', not a positive number"),
    ("O33", "$$$20.59", "H_MEDIAN is '$$$20.59', not a positive number"),
    ("O33", "20.59k", "H_MEDIAN is '20.59k', not a positive number"),
    ("O33", "\u0662\u0660.59", "H_MEDIAN is '\u0662\u0660.59', not a positive number"),
    ("O40", "#DIV/0!", "H_MEDIAN is '#DIV/0!', a spreadsheet formula error, not a figure"),
]


@pytest.mark.parametrize(("row", "cell", "message"), BAD_VALUES)
def test_O32_O33_O40_bad_wage_cells_are_refused_naming_row_and_column(
    row: str, cell: object, message: str, files: Path, run: Run
) -> None:
    rows = fx.national_rows()
    rows[6][HEADER.index("H_MEDIAN")] = cell  # customer service representatives, row 8
    # Numbers in a workbook's numeric cells; text in a CSV (openpyxl would store "#DIV/0!"
    # as an error cell, O39).
    name = "national_M2012_dl.csv" if isinstance(cell, str) else "national_M2012_dl.xlsx"
    write = fx.write_csv if isinstance(cell, str) else fx.write_xlsx
    path = write(files / name, HEADER, rows)
    one_error_line(run("data", "import", path), f"{name}: row 8: " + message)
    assert run("compare", "cs", "pr").exit_code == 0


def test_O32_a_boolean_cell_is_refused_after_the_number_it_equals_was_read(
    files: Path, run: Run
) -> None:
    """True equals 1 to Python's dictionaries: a figure of 1 read earlier must not let a
    TRUE cell pass as that figure."""
    rows = fx.national_rows()
    rows[1][HEADER.index("H_PCT10")] = 1.0  # row 3: read first, a plausible lowest wage
    for column, name in enumerate(HEADER):  # row 8: every other figure as read in row 3
        if name.startswith(("H_", "A_")):
            rows[6][column] = rows[1][column]
    rows[6][HEADER.index("H_MEDIAN")] = True
    path = fx.write_xlsx(files / "national_M2012_dl.xlsx", HEADER, rows)
    one_error_line(
        run("data", "import", path),
        "national_M2012_dl.xlsx: row 8: H_MEDIAN is True, not a positive number or a BLS "
        "special value (*, **, #)",
    )


def test_O33_thousands_separators_where_they_belong_are_read(files: Path, run: Run) -> None:
    rows = fx.national_rows()
    rows[6][HEADER.index("A_MEDIAN")] = "$42,830"
    rows[6][HEADER.index("H_MEDIAN")] = "20.59"
    path = fx.write_csv(files / "national_M2012_dl.csv", HEADER, rows)
    assert run("data", "import", path).exit_code == 0
    figures = as_json(run("compare", "cs", "--source", "oews-2012", "--json"))
    assert "42830" in str(figures)
    assert "20.59" in str(figures)


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"H_PCT25": 30.0},
         "row 8: H_PCT25 (30) is above H_MEDIAN (20.59): percentiles out of order"),
        ({"A_PCT90": 1000}, "row 8: A_PCT75 (48900) is above A_PCT90 (1000)"),
        ({"H_PCT75": "#"}, "row 8: H_PCT75 (#) is above H_PCT90 (30.08)"),
        ({"H_MEDIAN": 20.591, "H_PCT75": 20.590}, "H_MEDIAN (20.591) is above H_PCT75 (20.59)"),
    ],
)  # fmt: skip
def test_O34_percentiles_out_of_order_are_refused(
    cells: dict[str, object], message: str, files: Path, run: Run
) -> None:
    rows = fx.national_rows()
    for column, value in cells.items():
        rows[6][HEADER.index(column)] = value
    path = fx.write_xlsx(files / "national_M2012_dl.xlsx", HEADER, rows)
    one_error_line(run("data", "import", path), message)


def test_O34_equal_percentiles_and_gaps_are_in_order(files: Path, run: Run) -> None:
    rows = fx.national_rows()
    rows[6][HEADER.index("H_PCT25")] = 20.59  # equal to the median
    rows[6][HEADER.index("H_PCT75")] = "*"  # not available: skipped in the order
    assert (
        run("data", "import", fx.write_csv(files / "national_M2012_dl.csv", HEADER, rows)).exit_code
        == 0
    )


def test_O35_duplicate_rows_with_different_figures_are_refused(files: Path, run: Run) -> None:
    rows = fx.national_rows()
    twin = list(rows[6])
    twin[HEADER.index("H_MEAN")] = 99.99
    path = fx.write_csv(files / "national_M2012_dl.csv", HEADER, [*rows, twin])
    one_error_line(
        run("data", "import", path),
        "rows 8 and 11 both hold OCC_CODE 43-4051 for AREA 99, NAICS 000000, OWN_CODE 1235, "
        "with different figures",
    )


def test_O35_a_row_repeated_with_the_same_figures_is_stored_once(
    files: Path, run: Run, home: Path
) -> None:
    rows = fx.national_rows()
    twin = list(rows[6])
    twin[HEADER.index("O_GROUP")] = "broad"  # as BLS lists 13-1020 twice in 2017
    path = fx.write_csv(files / "national_M2012_dl.csv", HEADER, [*rows, twin])
    assert run("data", "import", path).exit_code == 0
    db = sqlite3.connect(home / "store.sqlite3")
    stored = db.execute("SELECT count(*) FROM wages WHERE occ_code = '43-4051'").fetchone()
    db.close()
    assert stored == (1,)


@pytest.mark.parametrize("name", ["national_M1900_dl.xlsx", "national_M1996_dl.xlsx"])
def test_O36_a_year_in_the_file_name_out_of_range_is_refused(
    name: str, files: Path, run: Run
) -> None:
    path = fx.national_xlsx(files, name)
    year = name[10:14]
    one_error_line(
        run("data", "import", path),
        f"{name}: the year in the file name, {year}, is not an OEWS release year (1997 to 2100)",
    )
    # --year wins over the name, as documented.
    assert run("data", "import", path, "--year", "2012").exit_code == 0


# ------------------------------------------------------------------ Unicode digits (U1-U4)


@pytest.mark.parametrize("text", ["\u00b2", "\u2460", "\u0664\u0668", "9" * 4301, "\uff14\uff18"])
@pytest.mark.parametrize("option", ["--area", "--industry"])
def test_U1_U2_area_and_industry_take_ascii_digits_only(
    option: str, text: str, national: Path, run: Run
) -> None:
    result = run("compare", "cs", option, text)
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"careerstats: error: unknown {option[2:]} "), result.stderr
    assert result.stderr.count("\n") == 1
    # ASCII digits still find the code.
    assert run("compare", "cs", option, "99" if option == "--area" else "0").exit_code == 0


@pytest.mark.parametrize(
    "text", ["\u0662\u0660\u0661\u0662", "\uff12\uff10\uff11\uff12", "\u00b2", "9" * 4301]
)
def test_U3_year_takes_ascii_digits_only(text: str, files: Path, run: Run) -> None:
    path = fx.national_xlsx(files, "national.xlsx")
    one_error_line(
        run("data", "import", path, "--year", text),
        "--year takes a year such as 2024, not ",
        status=2,
    )
    assert run("data", "import", path, "--year", "2012").exit_code == 0


@pytest.mark.parametrize("column", ["AREA", "NAICS", "OWN_CODE"])
@pytest.mark.parametrize("text", ["\u00b2", "\u2460", "9" * 4301])
def test_U4_code_cells_with_other_digits_are_refused(
    column: str, text: str, files: Path, run: Run
) -> None:
    rows = fx.national_rows()
    rows[2][HEADER.index(column)] = text
    path = fx.write_csv(files / "national_M2012_dl.csv", HEADER, rows)
    one_error_line(run("data", "import", path), f"row 4: {column} is ", "not a code")


# ------------------------------------------------------------------ variants (O37-O40)


def csv_bytes(rows: list[list[object]], separator: str = ",") -> str:
    out = io.StringIO()
    import csv

    writer = csv.writer(out, delimiter=separator)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_O37_a_utf16_csv_gets_a_message_naming_utf16(encoding: str, files: Path, run: Run) -> None:
    path = files / "national_M2012_dl.csv"
    path.write_bytes(csv_bytes(fx.national_rows()).encode(encoding))
    one_error_line(
        run("data", "import", path),
        "national_M2012_dl.csv: UTF-16 text",
        'save the sheet as "CSV UTF-8 (Comma delimited)"',
    )


@pytest.mark.parametrize(("separator", "named"), [(";", "semicolons (;)"), ("\t", "tabs")])
def test_O38_a_csv_with_another_separator_says_which(
    separator: str, named: str, files: Path, run: Run
) -> None:
    path = files / "national_M2012_dl.csv"
    path.write_text(csv_bytes(fx.national_rows(), separator), encoding="utf-8")
    one_error_line(
        run("data", "import", path),
        f"national_M2012_dl.csv: the columns are separated by {named}, not commas",
    )


def test_O39_a_formula_error_cell_in_an_xlsx_is_named(files: Path, run: Run) -> None:
    def change(part: str, data: bytes) -> bytes:
        if part != "xl/worksheets/sheet1.xml":
            return data
        # Customer service representatives' hourly median (row 8, column W): 20.59.
        return data.replace(
            b'<c r="W8" t="n"><v>20.59</v></c>', b'<c r="W8" t="e"><f>V8/0</f><v>#DIV/0!</v></c>'
        )

    path = patched(fx.national_xlsx(files), change)
    assert b"#DIV/0!" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    one_error_line(
        run("data", "import", path),
        "national_M2012_dl.xlsx: cell W8 of sheet 'All May 2024 data' holds the formula error "
        "'#DIV/0!', not a figure",
    )


def test_O39_a_formula_error_cell_in_an_xls_is_named(files: Path, run: Run) -> None:
    import xlwt  # type: ignore[import-untyped]

    path = files / "national_M2012_dl.xls"
    fx.write_xls(path, HEADER, [*fx.national_rows(), [123.456789]])
    data = bytearray(path.read_bytes())
    at = data.find(struct.pack("<d", 123.456789))
    # NUMBER (0x0203, 14 bytes) -> BOOLERR (0x0205, 8 bytes) holding #DIV/0! (0x07), padded
    # with a record of no meaning (0x0000 is not a record careerstats or calamine reads).
    start = at - 10
    record = struct.pack("<HHHHHBB", 0x0205, 8, 10, 0, 15, 0x07, 1)
    filler = struct.pack("<HH", 0x00EF, 2) + b"\x00\x00"  # 18 bytes replaced by 12 + 6
    data[start : start + 18] = record + filler
    path.write_bytes(bytes(data))
    del xlwt
    one_error_line(
        run("data", "import", path),
        "cell A11 of sheet 'national_dl' holds the formula error '#DIV/0!'",
    )


# The percentile order check takes floats on its fast path; the reference here is exact.
figures = st.one_of(
    st.none(),
    st.just("#"),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.sampled_from(["1.00000000000000001", "1.00000000000000002", "1", "20.59", "20.591"]),
)


@settings(max_examples=300, deadline=None)
@given(
    hourly=st.lists(figures, min_size=5, max_size=5),
    annual=st.lists(figures, min_size=5, max_size=5),
)
def test_O34_the_order_check_agrees_with_exact_decimals(
    hourly: list[str | None], annual: list[str | None]
) -> None:
    def in_order(group: list[str | None]) -> bool:
        present = [value for value in group if value is not None]
        for before, after in itertools.pairwise(present):
            if before == "#" and after != "#":
                return False
            if "#" not in (before, after) and Decimal(before) > Decimal(after):
                return False
        return True

    # As the reader gives them: canonical texts, `#`, None for absent (and for zero).
    hourly, annual = [oews._wage(v) for v in hourly], [oews._wage(v) for v in annual]
    wages = [None, *hourly, None, *annual]
    expected = in_order(hourly) and in_order(annual)
    assert (oews._out_of_order(wages) is None) == expected


@pytest.mark.parametrize("option", ["--in-dollars-of", "--from"])
@pytest.mark.parametrize(
    "text", ["\u0662\u0660\u0660\u0668", "\uff12\uff10\uff10\uff18-\uff10\uff15"]
)
def test_U5_dates_take_ascii_digits_only(option: str, text: str, run: Run) -> None:
    args = ["compare", "cs"] if option == "--in-dollars-of" else ["inflate", "100"]
    result = run(*args, option, text, *([] if option == "--in-dollars-of" else ["--to", "2020"]))
    one_error_line(result, f"not a date: {text!r}", status=2)
    # The same date in ASCII digits is taken.
    ascii_date = "2008" if len(text) == 4 else "2008-05"
    again = run(
        *args, option, ascii_date, *([] if option == "--in-dollars-of" else ["--to", "2020"])
    )
    assert again.exit_code == 0, again.stderr


def test_U6_an_occ_code_in_other_digits_is_not_a_soc_code(files: Path, run: Run) -> None:
    rows = fx.national_rows()
    rows[1][HEADER.index("OCC_CODE")] = "\u0661\u0665-\u0661\u0662\u0665\u0662"
    path = fx.write_csv(files / "national_M2012_dl.csv", HEADER, rows)
    one_error_line(
        run("data", "import", path), "row 3: OCC_CODE '\u0661\u0665-", "is not a SOC code"
    )
    result = run("compare", "\u0661\u0665-\u0661\u0662\u0665\u0662")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_U7_a_year_in_other_digits_in_the_file_name_is_no_year(files: Path, run: Run) -> None:
    path = fx.national_xlsx(files, "national_M20\u0661\u0662_dl.xlsx")
    one_error_line(run("data", "import", path), "cannot tell the release year from the file name")
