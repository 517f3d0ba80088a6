"""Naming careers when OEWS data is imported: no guess between a catalog career and an
imported one, imported occupations listed, unknown codes and areas named."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import yaml
from conftest import Run, as_json

DATA = Path(__file__).parents[2] / "data"


def test_a_name_fitting_a_catalog_career_and_an_imported_one_is_not_guessed(
    files: Path, run: Run
) -> None:
    row = fx.national_rows()[0][:]
    code, title = fx.NATIONAL_COLUMNS.index("OCC_CODE"), fx.NATIONAL_COLUMNS.index("OCC_TITLE")
    agents, scientists = row[:], row[:]
    agents[code], agents[title] = "41-3021", "Insurance Sales Agents"
    scientists[code], scientists[title] = "15-2051", "Data Scientists"
    path = fx.write_csv(files / "national_M2011_dl.csv", fx.NATIONAL_COLUMNS, [agents, scientists])
    assert run("data", "import", path).exit_code == 0
    line = run("show", "insurance").stderr
    # Many official titles hold the word: the catalog's career comes first, then the best
    # official one (issue 12 ranks the rest).
    assert line.startswith(
        "careerstats: error: unknown career 'insurance'; did you mean 'claims processor' "
        "(insurance claims and policy processing clerks) or '"
    )
    for name in ("data scientist", "Data Scientists"):
        assert as_json(run("show", name, "--json"))["career"]["id"] == "15-2051"


def test_list_shows_an_imported_release_newer_than_the_bundled_ones(files: Path, run: Run) -> None:
    """May 2025 imported (a year after the newest bundled release): `list` shows its
    detailed occupations, the catalog's careers marked, the total row left out."""
    path = fx.national_xlsx(files, "national_M2025_dl.xlsx")
    assert run("data", "import", path).exit_code == 0
    document = as_json(run("list", "--json"))
    assert document["source"]["id"] == "oews-2025"
    (section,) = document["major_groups"]  # the fixture has no major-group rows
    listed = [(item["soc"], item["title"]) for item in section["occupations"]]
    assert listed == sorted(
        (code, title) for code, title, level, *_ in fx.OCCUPATIONS if level == "detailed"
    )
    cs = next(item for item in section["occupations"] if item["soc"] == "43-4051")
    assert cs["career"]["id"] == "customer-service-representatives"
    assert "cs" in cs["career"]["aliases"]
    catalog = yaml.safe_load((DATA / "careers.yaml").read_text(encoding="utf-8"))["careers"]
    marked = {item["soc"] for item in section["occupations"] if item["career"]}
    assert marked == {c["soc"] for c in catalog} & {code for code, *_ in fx.OCCUPATIONS}


def test_an_unknown_soc_code_gets_where_to_find_it_not_a_guess(run: Run) -> None:
    # 29-1211 is in the bundled releases now; 15-9999 is in none of them.
    result = run("show", "15-9999")
    assert result.exit_code == 2
    assert result.stderr == (
        "careerstats: error: no occupation with SOC code 15-9999 in the catalog or the OEWS "
        "data; 'careerstats list --source ID' lists a release's codes ('careerstats sources' "
        "lists the releases)\n"
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
        # Not 'network': May 2008's "Network systems and data communications analysts" too.
        ("network and computer", "network-and-computer-systems-administrators"),
    ]:
        assert as_json(run("show", name, "--json"))["career"]["id"] == career_id
