"""Reading OEWS files: layouts, header spellings, number formats, special values, bad files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json

from careerstats.errors import DataError, UnknownYear
from careerstats.sources import oews

HEADER = fx.NATIONAL_COLUMNS
W = {name: index for index, name in enumerate(oews.ROW_FIELDS)}


def by_code(parsed: oews.ParsedFile) -> dict[str, tuple[object, ...]]:
    return {row[W["occ_code"]]: row for row in parsed.rows}


def check_national(parsed: oews.ParsedFile) -> None:
    assert parsed.year == 2024
    assert parsed.release_id == "oews-2024"
    assert parsed.layout == "national"
    rows = by_code(parsed)
    assert len(rows) == len(fx.OCCUPATIONS)
    software = rows["15-1252"]
    assert software[W["occ_title"]] == "Software Developers"
    assert software[W["h_median"]] == "63.59"
    assert software[W["h_mean"]] == "69.5"
    assert software[W["a_median"]] == "132270"
    assert software[W["a_p90"]] == "211450"
    assert software[W["tot_emp"]] == "1654440"
    assert rows["29-1211"][W["h_median"]] == oews.TOP_CODED
    assert rows["29-1211"][W["a_p90"]] == oews.TOP_CODED
    assert rows["27-2011"][W["hourly_only"]] == 1
    assert rows["27-2011"][W["a_median"]] is None
    assert rows["25-2021"][W["annual_only"]] == 1
    assert rows["25-2021"][W["h_median"]] is None
    assert rows["39-9099"][W["tot_emp"]] is None  # ** employment not available
    assert rows["39-9099"][W["h_p90"]] is None  # * wage not available


def test_xlsx_national(files: Path) -> None:
    # Named for 2024 like the .xls and .csv below: the reader alone, no bundled release involved.
    parsed = oews.read(fx.national_xlsx(files, "national_M2024_dl.xlsx"))
    check_national(parsed)
    assert parsed.ceiling_stated
    assert (parsed.ceiling_hour, parsed.ceiling_year) == (Decimal("115.00"), Decimal("239200"))


def test_xls_national(files: Path) -> None:
    path = fx.write_xls(files / "national_M2024_dl.xls", HEADER, fx.national_rows(), fx.NOTES_2024)
    check_national(oews.read(path))


def test_csv_national_with_numbers_as_text(files: Path) -> None:
    path = fx.write_csv(
        files / "national_M2024_dl.csv", HEADER, fx.national_rows(text_numbers=True)
    )
    parsed = oews.read(path)
    check_national(parsed)
    # A CSV has no notes sheet: the release's known ceiling is used and marked as such.
    assert not parsed.ceiling_stated
    assert parsed.ceiling_year == Decimal("239200")


def test_lower_case_headers_and_thousands_separators(files: Path) -> None:
    header = [name.lower() for name in HEADER]
    path = fx.write_csv(files / "x.csv", header, fx.national_rows(separators=True))
    parsed = oews.read(path, year=2024)
    check_national(parsed)
    assert by_code(parsed)["29-1141"][W["a_p90"]] == "135450"  # written "135,450"


def test_xlsx_text_cells_with_separators(files: Path) -> None:
    path = fx.write_xlsx(
        files / "national_M2024_dl.xlsx", HEADER, fx.national_rows(separators=True)
    )
    check_national(oews.read(path))


def test_older_column_names(files: Path) -> None:
    header = ["occ_code", "OCC_TITLE", "GROUP", "tot_emp", "H_MEDIAN", "A_MEDIAN"]
    rows = [["43-4051", "Customer Service Representatives", "", "2,252,610", "14.36", "29,860"]]
    parsed = oews.read(fx.write_csv(files / "national_M2008_dl.csv", header, rows))
    assert parsed.year == 2008
    assert parsed.rows[0][W["a_median"]] == "29860"
    assert parsed.ceiling_hour == Decimal("80")  # the 2008 release's known ceiling


@pytest.mark.parametrize(
    ("year", "hourly", "annual"),
    [(2008, "80", "166400"), (2015, "90", "187200"), (2016, "100", "208000"),
     (2021, "100", "208000"), (2022, "115", "239200")],
)  # fmt: skip
def test_known_ceilings(year: int, hourly: str, annual: str) -> None:
    # BLS's ceilings; May 2016 publishes exact hourly figures up to $99.71, so not $90.
    assert oews.known_ceiling(year) == (Decimal(hourly), Decimal(annual))


def test_area_file(files: Path) -> None:
    header = [name.lower() for name in HEADER]
    path = fx.write_csv(files / "all_data_M_2022.csv", header, fx.all_data_rows())
    parsed = oews.read(path)
    assert parsed.year == 2022
    assert parsed.layout == "all-data"
    assert parsed.areas == {"99": ("U.S.", "1"), "48": ("Texas", "2"), "6": ("California", "2")}
    assert parsed.industries == {"000000": "Cross-industry", "524100": "Insurance Carriers"}


def test_state_file_layout(files: Path) -> None:
    rows = [r for r in fx.all_data_rows() if r[0] != 99]
    rows = [r for r in rows if r[4] == "000000"]
    parsed = oews.read(fx.write_xlsx(files / "state_M2022_dl.xlsx", HEADER, rows, None))
    assert parsed.layout == "area"
    assert set(parsed.areas) == {"48", "6"}


def test_industry_file(files: Path) -> None:
    header = ["NAICS", "NAICS_TITLE", "OCC_CODE", "OCC_TITLE", "H_MEDIAN", "A_MEDIAN"]
    rows = [
        [
            "524100",
            "Insurance Carriers",
            "43-4051",
            "Customer Service Representatives",
            20.5,
            42640,
        ],
        ["524100", "Insurance Carriers", "13-2011", "Accountants and Auditors", 40.1, 83410],
    ]
    parsed = oews.read(fx.write_xlsx(files / "nat4d_M2023_dl.xlsx", header, rows, None))
    assert parsed.layout == "industry"
    assert parsed.industries == {"524100": "Insurance Carriers"}
    assert {row[W["naics"]] for row in parsed.rows} == {"524100"}
    assert {row[W["area"]] for row in parsed.rows} == {oews.NATION}


def test_title_rows_above_the_header_and_footnotes_below(files: Path) -> None:
    rows = [
        ["May 2008 National Occupational Employment and Wage Estimates"],
        [],
        ["OCC_CODE", "OCC_TITLE", "H_MEDIAN", "A_MEDIAN"],
        ["43-4051", "Customer Service Representatives", "14.36", "29,860"],
        [],
        ["* = indicates that a wage estimate is not available"],
    ]
    parsed = oews.read(fx.write_csv(files / "national_M2008_dl.csv", rows[0], rows[1:]))
    assert len(parsed.rows) == 1


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("national_M2024_dl.xlsx", 2024),
        ("all_data_M_2022.xlsx", 2022),
        ("MSA_M2019_dl.xlsx", 2019),
        ("state_m2010_dl.xls", 2010),
        ("nat4d_M2023_dl.xlsx", 2023),
        ("oes_data.csv", None),
    ],
)
def test_year_from_file_name(name: str, year: int | None) -> None:
    assert oews.year_from_name(Path(name)) == year


def test_year_option_wins(files: Path) -> None:
    parsed = oews.read(fx.national_xlsx(files), year=2023)
    assert parsed.year == 2023


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29,860", "29860"),
        (" 14.36 ", "14.36"),
        (14.36, "14.36"),
        (29860.0, "29860"),
        (29860, "29860"),
        ("$1,234.50", "1234.5"),
        ("*", None),
        ("**", None),
        ("#", "#"),
        ("", None),
        (None, None),
    ],
)
def test_cell_values(text: object, expected: str | None) -> None:
    assert oews._wage(text) == expected


# ------------------------------------------------------------------ bad files


def test_no_year_in_the_file_name_is_an_error_naming_the_file_not_an_option(
    files: Path,
) -> None:
    path = fx.write_csv(files / "oes.csv", HEADER, fx.national_rows())
    with pytest.raises(UnknownYear, match=r"^oes\.csv: cannot tell the release year") as raised:
        oews.read(path)
    assert "--" not in str(raised.value)  # the library names no option; the CLI adds it


def test_no_year_in_the_file_name_gets_the_option_to_give_it(files: Path, run: Run) -> None:
    path = fx.write_csv(files / "oes.csv", HEADER, fx.national_rows())
    result = run("data", "import", path)
    assert result.exit_code == 1
    assert result.stderr == (
        "careerstats: error: oes.csv: cannot tell the release year from the file name "
        "(such as national_M2024_dl.xlsx); give --year YYYY\n"
    )


def test_corrupt_workbook(files: Path) -> None:
    path = files / "national_M2024_dl.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(DataError, match="not a readable Excel workbook"):
        oews.read(path)


def test_truncated_workbook(files: Path) -> None:
    path = fx.national_xlsx(files)
    path.write_bytes(path.read_bytes()[:1500])
    with pytest.raises(DataError, match=r"national_M2012_dl\.xlsx: not a readable Excel workbook"):
        oews.read(path)


@pytest.mark.parametrize(
    ("name", "header", "rows", "message"),
    [
        ("national_M2024_dl.csv", None, "", "the file is empty"),
        ("national_M2024_dl.ods", None, "x", "unknown file type"),
        ("national_M2024_dl.csv", HEADER, [], "no occupation rows"),
        ("cpi_M2024.csv", ["year", "period", "value"], [[2024, "M05", 1]], "no header row with"),
        ("x_M2024.csv", ["OCC_CODE", "OCC_TITLE", "TOT_EMP"], [], "no wage columns"),
    ],
)
def test_files_that_are_not_oews_data(
    files: Path, name: str, header: list[str] | None, rows: object, message: str
) -> None:
    path = files / name
    if header is None:
        assert isinstance(rows, str)
        path.write_text(rows)
    else:
        assert isinstance(rows, list)
        fx.write_csv(path, header, rows)
    with pytest.raises(DataError, match=f"{name}: .*{message}"):
        oews.read(path)


@pytest.mark.parametrize(
    ("index", "column", "value", "message"),
    [
        (2, "A_MEDIAN", "n/a", "row 4: A_MEDIAN is 'n/a', not a positive number"),
        (3, "H_PCT10", "-1.5", "row 5: H_PCT10 is '-1.5'"),
        (1, "OCC_CODE", "151252", "row 3: OCC_CODE '151252' is not a SOC code"),
    ],
)
def test_bad_cell_names_row_and_column(
    files: Path, index: int, column: str, value: str, message: str
) -> None:
    rows = fx.national_rows()
    rows[index][HEADER.index(column)] = value
    path = fx.write_csv(files / "national_M2024_dl.csv", HEADER, rows)
    with pytest.raises(DataError, match=message):
        oews.read(path)


def test_directory(files: Path) -> None:
    with pytest.raises(DataError, match="is a directory"):
        oews.read(files)


def test_missing_file(files: Path) -> None:
    with pytest.raises(DataError, match="cannot be read"):
        oews.read(files / "national_M2024_dl.xlsx")


def test_an_older_state_file_names_its_areas_from_the_state_column(files: Path, run: Run) -> None:
    header = ["AREA", "ST", "STATE", "OCC_CODE", "OCC_TITLE", "H_MEDIAN", "A_MEDIAN"]
    rows = [
        ["01", "AL", "Alabama", "43-4051", "Customer Service Representatives", "12.41", "25,820"],
        ["02", "AK", "Alaska", "43-4051", "Customer Service Representatives", "16.98", "35,310"],
    ]
    path = fx.write_csv(files / "state_M2010_dl.csv", header, rows)
    assert run("data", "import", path).exit_code == 0
    document = as_json(run("compare", "cs", "--source", "oews-2010", "--area", "Alabama", "--json"))
    (career,) = document["careers"]
    assert career["source"]["area"] == {"code": "1", "title": "Alabama"}  # codes as numbers
    assert career["wages"]["year"]["median"] == {
        "value": 25820,
        "derived": False,
        "basis": "published",
    }
