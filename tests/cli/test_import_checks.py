"""data import checks the file before asking for a year, says where a converted ceiling
came from, and reads rows that lack their trailing empty flag cells."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.xlsx", "missing.xlsx: cannot be read: No such file or directory"),
        ("photo.jpg", "photo.jpg: unknown file type .jpg; use .xlsx, .xls or .csv"),
    ],
)
def test_O18_import_checks_the_file_before_asking_for_a_year(
    files: Path, run: Run, name: str, message: str
) -> None:
    if name != "missing.xlsx":
        (files / name).write_bytes(b"\xff\xd8\xff")
    result = run("data", "import", files / name)
    assert result.exit_code == 1
    assert result.stderr == f"careerstats: error: {message}\n"


def test_a_ceiling_converted_from_the_stated_one_says_so(files: Path, run: Run) -> None:
    notes = [["#  = indicates a wage equal to or greater than $239,200 per year"]]
    path = fx.write_xlsx(
        files / "national_M2012_dl.xlsx", fx.NATIONAL_COLUMNS, fx.national_rows(), notes
    )
    assert run("data", "import", path).exit_code == 0
    listing = as_json(run("data", "list", "--json"))
    (release,) = listing["releases"]
    assert release["top_coding"] == {
        "hour": 115,
        "year": 239200,
        "stated_in_file": True,
        "converted": "hour",
    }
    text = " ".join(run("show", "29-1211", "--no-chart", "--full").stdout.split())
    assert "the file states the annual one; the hourly one is converted from it" in text


def test_a_csv_without_its_trailing_empty_flag_cells_imports(files: Path, run: Run) -> None:
    # Excel can leave off trailing empty cells: ANNUAL and HOURLY are blank on most rows.
    path = fx.national_csv_with(files, 2012, {})
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], *(line.rstrip(",") for line in lines[1:])]) + "\n")
    result = run("data", "import", path)
    assert result.exit_code == 0, result.stderr
    assert "9 rows" in result.stdout
