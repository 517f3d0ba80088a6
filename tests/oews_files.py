"""Small OEWS files in the layouts BLS publishes, written by the tests into tmp_path.

The figures are fixture values chosen for the tests, not BLS's published ones; the layout,
column names, special values and notes wording follow the real files.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from careerstats.sources import oews

NATIONAL_COLUMNS = list(oews.CURRENT_COLUMNS)

NOTES_2024 = [
    ["Field descriptions and notes"],
    ["*  = indicates that a wage estimate is not available"],
    ["**  = indicates that an employment estimate is not available"],
    ["#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year"],
    ["~ = indicates that the percent of establishments reporting is less than 0.5%"],
]

# (code, title, group, employment, hourly mean..p90, annual mean..p90, ANNUAL, HOURLY)
OCCUPATIONS: list[tuple[Any, ...]] = [
    ("00-0000", "All Occupations", "total", 151853870,
     (32.66, 14.05, 17.7, 23.8, 37.68, 59.6), (67920, 29230, 36820, 49500, 78380, 123970),
     "", ""),
    ("15-1252", "Software Developers", "detailed", 1654440,
     (69.5, 38.31, 50.07, 63.59, 80.75, 101.65),
     (144570, 79690, 104150, 132270, 167960, 211450), "", ""),
    ("29-1141", "Registered Nurses", "detailed", 3282010,
     (45.42, 31.14, 35.94, 44.32, 51.06, 65.12), (94480, 64780, 74750, 93600, 106210, 135450),
     "", ""),
    ("29-1211", "Anesthesiologists", "detailed", 31130,
     (161.21, 70.02, "#", "#", "#", "#"), (335000, 145640, "#", "#", "#", "#"), "", ""),
    ("27-2011", "Actors", "detailed", 51800,
     (27.64, 12.1, 17.94, 23.33, 33.48, 53.56), ("*", "*", "*", "*", "*", "*"), "", "TRUE"),
    ("25-2021", "Elementary School Teachers, Except Special Education", "detailed", 1385760,
     ("*", "*", "*", "*", "*", "*"), (70740, 47040, 53570, 63670, 81730, 101310), "TRUE", ""),
    ("43-4051", "Customer Service Representatives", "detailed", 2793560,
     (21.11, 14.46, 16.99, 20.59, 23.51, 30.08), (43920, 30070, 35340, 42830, 48900, 62570),
     "", ""),
    ("27-3031", "Public Relations Specialists", "detailed", 285520,
     (38.78, 20.52, 26.12, 33.57, 44.59, 65.36), (80660, 42680, 54330, 69780, 92740, 135950),
     "", ""),
    ("39-9099", "Personal Care and Service Workers, All Other", "detailed", "**",
     (18.02, 12.39, 14.21, 16.75, 19.4, "*"), (37490, 25760, 29560, 34840, 40350, "*"), "", ""),
]  # fmt: skip


def national_rows(*, text_numbers: bool = False, separators: bool = False) -> list[list[Any]]:
    """The rows of a national file (figures of May 2024, filed under 2012, a year careerstats
    does not bundle, so that an import adds a release of its own): numbers as numeric cells,
    text, or "29,860"."""
    rows: list[list[Any]] = []
    for code, title, group, employment, hourly, annual, annual_only, hourly_only in OCCUPATIONS:
        hourly_cells = [_cell(v, text_numbers, separators) for v in hourly]
        annual_cells = [_cell(v, text_numbers, separators) for v in annual]
        rows.append(
            [
                99, "U.S.", 1, "US", "000000", "Cross-industry", "cross-industry", 1235,
                code, title, group, _cell(employment, text_numbers, separators), 0.2, "", "",
                "", "", hourly_cells[0], annual_cells[0], 0.3, *hourly_cells[1:],
                *annual_cells[1:], annual_only, hourly_only,
            ]
        )  # fmt: skip
    return rows


def _cell(value: Any, text: bool, separators: bool) -> Any:
    if isinstance(value, str):
        return value
    if separators:
        return f"{value:,}"
    return str(value) if text else value


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    notes: Sequence[Sequence[str]] | None = NOTES_2024,
) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "All May 2024 data"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    if notes:
        extra = book.create_sheet("Field Descriptions")
        for line in notes:
            extra.append(list(line))
    book.save(path)
    return path


def write_xls(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    notes: Sequence[Sequence[str]] | None = None,
) -> Path:
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook()
    sheet = book.add_sheet("national_dl")
    for column, name in enumerate(header):
        sheet.write(0, column, name)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            sheet.write(number, column, value)
    if notes:
        extra = book.add_sheet("Field descriptions")
        for number, line in enumerate(notes):
            extra.write(number, 0, line[0])
    book.save(str(path))
    return path


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def national_xlsx(directory: Path, name: str = "national_M2012_dl.xlsx") -> Path:
    return write_xlsx(directory / name, NATIONAL_COLUMNS, national_rows())


# An all-data file: the nation and two states, cross-industry, plus one industry row.
ALL_DATA_COLUMNS = NATIONAL_COLUMNS


def all_data_rows() -> list[list[Any]]:
    def row(
        area: Any,
        title: str,
        kind: int,
        state: str,
        naics: str,
        naics_title: str,
        code: str,
        occupation: str,
        hourly: Sequence[Any],
        annual: Sequence[Any],
        own: int = 1235,
    ) -> list[Any]:
        return [
            area, title, kind, state, naics, naics_title, "cross-industry", own, code,
            occupation, "detailed", 1000, 1.0, "", "", "", "", hourly[0], annual[0], 1.0,
            *hourly[1:], *annual[1:], "", "",
        ]  # fmt: skip

    cs, pr = "Customer Service Representatives", "Public Relations Specialists"
    return [
        row(99, "U.S.", 1, "US", "000000", "Cross-industry", "43-4051", cs,
            (19.08, 12.96, 15.04, 18.16, 21.53, 27.39), (39680, 26960, 31280, 37780, 44790, 56970)),
        row(99, "U.S.", 1, "US", "000000", "Cross-industry", "27-3031", pr,
            (34.08, 18.38, 23.46, 30.06, 39.38, 57.66),
            (70890, 38230, 48800, 62800, 81900, 119930)),
        row(48, "Texas", 2, "TX", "000000", "Cross-industry", "43-4051", cs,
            (18.3, 12.5, 14.76, 17.89, 20.86, 25.03), (38070, 26000, 30700, 37210, 43390, 52060)),
        row(48, "Texas", 2, "TX", "000000", "Cross-industry", "27-3031", pr,
            (31.3, 17.8, 22.1, 28.4, 36.5, 50.2), (65100, 37020, 45970, 59070, 75920, 104420)),
        row(6, "California", 2, "CA", "000000", "Cross-industry", "43-4051", cs,
            (22.81, 16.0, 18.5, 21.87, 25.98, 31.2), (47450, 33280, 38480, 45490, 54040, 64900)),
        row(99, "U.S.", 1, "US", "524100", "Insurance Carriers", "43-4051", cs,
            (21.4, 15.1, 17.6, 20.5, 24.3, 29.0), (44510, 31410, 36610, 42640, 50540, 60320),
            own=5),
    ]  # fmt: skip


def lawyers_csv(year: int, files: Path, median: float | str) -> Path:
    """A one-row national CSV: lawyers, median and up top-coded (`#`) or exact."""
    hourly = (60, 30 + year % 10, 40, median, "#", "#")  # bytes differ from year to year
    annual = (124800, 62400, 83200, "#" if median == "#" else float(median) * 2080, "#", "#")
    row = [
        99, "U.S.", 1, "US", "000000", "Cross-industry", "cross-industry", 1235, "23-1011",
        "Lawyers", "detailed", 1000, 0.2, "", "", "", "", hourly[0], annual[0], 0.3,
        *hourly[1:], *annual[1:], "", "",
    ]  # fmt: skip
    return write_csv(files / f"national_M{year}_dl.csv", NATIONAL_COLUMNS, [row])


def national_csv_with(files: Path, year: int, change: dict[str, dict[str, object]]) -> Path:
    """The national fixture rows as a CSV, with cells changed by occupation code."""
    rows = national_rows()
    for row in rows:
        for column, value in change.get(row[NATIONAL_COLUMNS.index("OCC_CODE")], {}).items():
            row[NATIONAL_COLUMNS.index(column)] = value
    return write_csv(files / f"national_M{year}_dl.csv", NATIONAL_COLUMNS, rows)
