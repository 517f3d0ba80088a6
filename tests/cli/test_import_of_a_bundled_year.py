"""Importing a file of a year careerstats bundles: its national rows are the bundled official
release's own and are left out (the bundled rows are kept), its other rows are imported, and
the import says how many it left out and why."""

from __future__ import annotations

import os
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json

OFFICIAL = Path(
    os.environ.get("CAREERSTATS_SHARED") or Path(__file__).resolve().parents[3] / "shared"
)
NATIONAL_2024 = OFFICIAL / "official" / "oews" / "national_M2024_dl.xlsx"


def test_national_rows_of_a_bundled_year_are_left_out_and_the_rest_imported(
    files: Path, run: Run
) -> None:
    path = fx.write_csv(files / "all_data_M_2024.csv", fx.NATIONAL_COLUMNS, fx.all_data_rows())
    result = run("data", "import", path)
    assert result.exit_code == 0, result.stderr
    # The two U.S. cross-industry rows differ from BLS's May 2024 figures; the state and
    # industry rows are new.
    assert result.stderr == (
        "note: oews-2024: all_data_M_2024.csv: 2 national rows left out (2 with other "
        "figures): careerstats bundles BLS's official national release of that year and "
        "keeps its rows; the file's other rows are imported\n"
    )
    assert result.stdout.startswith("oews-2024 created: all_data_M_2024.csv (all-data, 4 rows")
    # The nation: BLS's published May 2024 figures, not the file's.
    national = as_json(run("compare", "cs", "--json"))["careers"][0]
    assert national["source"]["id"] == "oews-2024"
    assert national["wages"]["hour"]["p10"]["value"] == 14.75  # the file says 12.96
    # Texas: the file's row, in the same release.
    texas = as_json(run("compare", "cs", "--area", "Texas", "--json"))["careers"][0]
    assert texas["source"]["id"] == "oews-2024"
    assert texas["wages"]["hour"]["p10"]["value"] == 12.5


@pytest.mark.skipif(not NATIONAL_2024.exists(), reason=f"{NATIONAL_2024} is not here")
def test_the_official_national_file_of_a_bundled_year_imports_nothing(run: Run) -> None:
    result = run("data", "import", NATIONAL_2024)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "note: oews-2024: national_M2024_dl.xlsx: 1,403 national rows left out (1,403 with "
        "the same figures): careerstats bundles BLS's official national release of that "
        "year and keeps its rows; nothing else is in the file\n"
    )
    assert result.stdout == ""
    assert as_json(run("data", "list", "--json"))["releases"] == []
