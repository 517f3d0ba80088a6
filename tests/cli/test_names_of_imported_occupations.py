"""Naming careers when OEWS data is imported: no guess between a catalog career and an
imported one, imported occupations listed, unknown codes and areas named."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
from conftest import Run, as_json


def test_a_name_fitting_a_catalog_career_and_an_imported_one_is_not_guessed(
    files: Path, run: Run
) -> None:
    row = fx.national_rows()[0][:]
    code, title = fx.NATIONAL_COLUMNS.index("OCC_CODE"), fx.NATIONAL_COLUMNS.index("OCC_TITLE")
    agents, scientists = row[:], row[:]
    agents[code], agents[title] = "41-3021", "Insurance Sales Agents"
    scientists[code], scientists[title] = "15-2051", "Data Scientists"
    path = fx.write_csv(files / "national_M2022_dl.csv", fx.NATIONAL_COLUMNS, [agents, scientists])
    assert run("data", "import", path).exit_code == 0
    line = run("show", "insurance").stderr
    assert "did you mean '41-3021' (insurance sales agents) or 'claims processor'" in line
    for name in ("data scientist", "Data Scientists"):
        assert as_json(run("show", name, "--json"))["career"]["id"] == "15-2051"


def test_list_shows_every_imported_occupation_after_the_catalog(national: Path, run: Run) -> None:
    careers = as_json(run("list", "--json"))["careers"]
    ids = [career["id"] for career in careers]
    assert ids[:2] == ["customer-service-representatives", "public-relations-specialists"]
    imported = [career for career in careers if career["id"][:2].isdigit()]
    # Every occupation of the fixture file the catalog lacks, in SOC order; 43-4051 and
    # 27-3031 are listed once, under their catalog careers.
    assert [c["id"] for c in imported] == [
        "00-0000", "15-1252", "25-2021", "27-2011", "29-1141", "29-1211", "39-9099",
    ]  # fmt: skip
    assert imported[1] == {
        "id": "15-1252",
        "title": "Software Developers",
        "soc": "15-1252",
        "former_soc": [],
        "aliases": [],
        "office": None,
        "sources": ["oews-2012"],
    }
    assert careers[0]["sources"][0] == "oews-2012"


def test_an_unknown_soc_code_gets_where_to_find_it_not_a_guess(run: Run) -> None:
    result = run("show", "29-1211")
    assert result.exit_code == 2
    assert result.stderr == (
        "careerstats: error: no occupation with SOC code 29-1211 in the catalog; official "
        "OEWS files have every one: 'careerstats data import FILE'\n"
    )


def test_no_wages_in_an_area_names_the_area(files: Path, run: Run) -> None:
    header = [name.lower() for name in fx.NATIONAL_COLUMNS]
    path = fx.write_csv(files / "all_data_M_2022.csv", header, fx.all_data_rows())
    assert run("data", "import", path).exit_code == 0
    text = " ".join(run("show", "receptionist", "--area", "Texas").stdout.split())
    assert "No wages: none of the sources publishes figures for this career in Texas (48)." in text


def test_titles_with_a_comma_and_former_codes_in_the_store(files: Path, run: Run) -> None:
    path = fx.national_csv_with(
        files, 2016, {"15-1252": {"OCC_CODE": "15-1142", "OCC_TITLE": "Network and Computer "
                                  "Systems Administrators"}}
    )  # fmt: skip
    assert run("data", "import", path).exit_code == 0
    for name, career_id in [
        ("elementary school teachers", "25-2021"),
        ("personal care and service workers", "39-9099"),
        ("network", "network-and-computer-systems-administrators"),
    ]:
        assert as_json(run("show", name, "--json"))["career"]["id"] == career_id
