"""`careerstats top`: occupations ranked by a published figure, with filters. Expected values
are read here from the bundled files themselves (BLS's rows as `scripts/make_bundle.py`
copied them) or stated as literals checked in BLS's national_M2024_dl.xlsx and
occupation.xlsx; never computed by the code under test."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Run, as_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DATA = Path(__file__).parents[2] / "data"
# BLS's order of typical entry education, as the Employment Projections spell it.
ORDER = [
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]


def oews_2024() -> list[dict[str, str]]:
    with (DATA / "oews" / "oews-2024.csv").open(encoding="utf-8", newline="") as rows:
        return list(csv.DictReader(rows))


def detailed_2024() -> dict[str, dict[str, str]]:
    """Each detailed occupation of May 2024 once (a code BLS publishes as broad and detailed
    has two lines)."""
    return {row["OCC_CODE"]: row for row in oews_2024() if row["O_GROUP"] == "detailed"}


def education_2024_34() -> dict[str, str]:
    with (DATA / "ep" / "occupations_2024-34.csv").open(encoding="utf-8", newline="") as rows:
        return {row["code"]: row["education"] for row in csv.DictReader(rows)}


def codes(document: dict[str, object]) -> list[str]:
    return [row["soc"] for row in document["occupations"]]  # type: ignore[index, union-attr]


def test_top_max_education_high_school_ranks_the_published_medians_of_those_occupations(
    run: Run,
) -> None:
    education = education_2024_34()
    allowed = set(ORDER[:2])  # no formal credential, high school
    expected = sorted(
        (
            (Decimal(row["A_MEDIAN"]), int(row["TOT_EMP"]), code)
            for code, row in detailed_2024().items()
            if education.get(code) in allowed and row["A_MEDIAN"] not in ("*", "#")
        ),
        reverse=True,
    )
    document = as_json(run("top", "--max-education", "high school", "--json"))
    assert document["source"]["id"] == "oews-2024"
    assert document["max_education"] == "High school diploma or equivalent"
    assert codes(document) == [code for _, _, code in expected[:20]]
    first = document["occupations"][0]
    assert (first["soc"], first["title"], first["value"], first["education"]) == (
        "51-8011",
        "Nuclear Power Reactor Operators",
        122610,
        "High school diploma or equivalent",
    )
    assert all(row["education"] in allowed for row in document["occupations"])
    assert document["ranked"] == len(expected)


@pytest.mark.parametrize(
    "spelling", ["bachelor's", "bachelors", "Bachelor's degree", "BACHELOR", "bachelor\u2019s"]
)
def test_top_education_takes_natural_spellings(spelling: str, run: Run) -> None:
    document = as_json(run("top", "--education", spelling, "--json", "--limit", "200"))
    assert document["education"] == "Bachelor's degree"
    assert {row["education"] for row in document["occupations"]} == {"Bachelor's degree"}


@pytest.mark.parametrize(
    ("spelling", "level"),
    [
        ("masters", "Master's degree"),
        ("high school", "High school diploma or equivalent"),
        ("none", "No formal educational credential"),
        ("some college", "Some college, no degree"),
        ("associate's", "Associate's degree"),
        ("doctorate", "Doctoral or professional degree"),
        ("postsecondary nondegree award", "Postsecondary nondegree award"),
    ],
)
def test_top_education_levels_by_their_usual_names(spelling: str, level: str, run: Run) -> None:
    document = as_json(run("top", "--education", spelling, "--json"))
    assert document["education"] == level
    assert document["occupations"]
    assert {row["education"] for row in document["occupations"]} == {level}


def test_top_coded_medians_sort_as_their_ceiling_ties_by_employment_and_show_as_a_bound(
    run: Run,
) -> None:
    top_coded = sorted(
        ((int(row["TOT_EMP"]), code) for code, row in detailed_2024().items()
         if row["A_MEDIAN"] == "#"),
        reverse=True,
    )  # fmt: skip
    assert len(top_coded) > 5
    document = as_json(run("top", "--json", "--limit", "5"))
    rows = document["occupations"]
    assert [row["soc"] for row in rows] == [code for _, code in top_coded[:5]]
    assert rows[0]["soc"] == "29-1229"  # Physicians, All Other: the most employed of them
    assert all(row["at_least"] == 239200 and "value" not in row for row in rows)
    table = run("top", "--limit", "5").stdout
    assert table.count("\u2265 $239,200") == 5
    assert re.search(r"(?<!\u2265 )\$239,200", table) is None  # never as an exact amount
    hourly = run("top", "--limit", "1", "--per", "hour").stdout
    assert "\u2265 $115.00" in hourly


def test_top_group_by_code_or_by_words_of_its_title(run: Run) -> None:
    by_code = as_json(run("top", "--group", "15", "--json", "--limit", "100"))
    by_words = as_json(run("top", "--group", "computer and mathematical", "--json", "-n", "100"))
    assert by_code == by_words
    assert by_code["group"] == {
        "code": "15-0000",
        "title": "Computer and Mathematical Occupations",
        "level": "major",
    }
    expected = {code for code in detailed_2024() if code.startswith("15-")}
    assert set(codes(by_code)) == expected
    minor = as_json(run("top", "--group", "15-1200", "--json", "--limit", "100"))
    assert set(codes(minor)) == {code for code in expected if code.startswith("15-12")}
    assert as_json(run("top", "--group", "computer", "--json"))["group"]["code"] == "15-1200"


def test_top_by_employment_uses_the_releases_oews_employment(run: Run) -> None:
    expected = sorted(
        ((int(row["TOT_EMP"]), code) for code, row in detailed_2024().items()), reverse=True
    )
    document = as_json(run("top", "--by", "employment", "--json", "--limit", "3"))
    assert [(row["value"], row["soc"]) for row in document["occupations"]] == expected[:3]
    assert document["per"] is None


def test_top_by_growth_and_openings_are_the_projections_as_published(run: Run) -> None:
    growth = as_json(run("top", "--by", "growth", "--json", "--limit", "2"))["occupations"]
    assert [(row["soc"], row["value"]) for row in growth] == [("49-9081", 49.9), ("47-2231", 42.1)]
    table = run("top", "--by", "growth", "--limit", "1").stdout
    assert "+49.9" in table
    assert "Wind Turbine Service Technicians" in table
    openings = as_json(run("top", "--by", "openings", "--json", "--limit", "1"))
    with (DATA / "ep" / "occupations_2024-34.csv").open(encoding="utf-8", newline="") as rows:
        lines = [row for row in csv.DictReader(rows) if row["occupation_type"] == "Line item"]
    detailed = detailed_2024()
    best = max((Decimal(row["openings"]), row["code"]) for row in lines if row["code"] in detailed)
    first = openings["occupations"][0]
    assert (first["soc"], Decimal(str(first["value"]))) == (best[1], best[0])


def test_top_per_hour_ranks_the_published_hourly_figures(run: Run) -> None:
    rows = as_json(run("top", "--by", "p10", "--per", "hour", "--json", "-n", "1"))
    expected = max(
        (Decimal(row["H_PCT10"]), code)
        for code, row in detailed_2024().items()
        if row["H_PCT10"] not in ("*", "#")
    )
    assert rows["per"] == "hour"
    assert (rows["occupations"][0]["soc"], Decimal(str(rows["occupations"][0]["value"]))) == (
        expected[1],
        expected[0],
    )


def test_top_min_employment_leaves_out_smaller_occupations(run: Run) -> None:
    document = as_json(run("top", "--min-employment", "1,000,000", "--json", "-n", "100"))
    expected = {code for code, row in detailed_2024().items() if int(row["TOT_EMP"]) >= 10**6}
    assert set(codes(document)) == expected
    assert document["min_employment"] == 1000000


def test_top_limit_and_an_older_release(run: Run) -> None:
    document = as_json(run("top", "--source", "oews-2019", "--limit", "3", "--json"))
    assert document["source"]["id"] == "oews-2019"
    assert len(document["occupations"]) == 3
    assert [row["rank"] for row in document["occupations"]] == [1, 2, 3]
    caption = run("top", "--source", "oews-2013", "--limit", "1").stdout
    assert "oews-2013 uses SOC 2010 codes and the projections SOC 2018: occupations are " in (
        caption.replace("\n", " ")
    )


def test_top_csv_one_row_per_occupation(run: Run) -> None:
    result = run("top", "--by", "growth", "--limit", "2", "--csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "rank,soc,title,career_id,by,per,value,at_least,employment,education,source_id,"
        "reference_period"
    )
    assert lines[1] == (
        "1,49-9081,Wind Turbine Service Technicians,,growth,,49.9,false,11220,"
        "Postsecondary nondegree award,oews-2024,2024-05"
    )
    assert len(lines) == 3


def test_top_table_names_the_source_and_what_was_left_out(run: Run) -> None:
    out = run("top", "--max-education", "high school", "--limit", "3").stdout
    assert out.startswith(
        "Detailed occupations by median annual wage, typical entry education: High school "
        "diploma or equivalent or below\nOEWS May 2024 national estimates, all industries "
        "(oews-2024)\n"
    )
    assert re.search(
        r"^1  51-8011  Nuclear Power Reactor Operators +\$122,610 +5,720  high school$", out, re.M
    )
    assert "BLS Employment Projections 2024\u201334" in out
    assert "left out:" in out


TOP_ERRORS = [
    (
        "R1",
        ("--education", "bachelors", "--max-education", "masters"),
        "--education and --max-education conflict: give --education LEVEL for that level "
        "only, or --max-education LEVEL for it and those below",
    ),
    (
        "R2",
        ("--by", "growth", "--per", "hour"),
        "--per chooses between hourly and annual wages, and growth is not a wage: leave out "
        "--per",
    ),
    (
        "R3",
        ("--per", "week"),
        "--per takes hour or year for top (BLS publishes wages per hour and per year), not "
        "'week'",
    ),
    (
        "R4",
        ("--education", "bachelors", "--level", "broad"),
        "BLS assigns typical entry education to detailed occupations, not broad groups: leave "
        "out --level, or the education filter",
    ),
    (
        "R5",
        ("--group", "15-1200", "--level", "minor"),
        "15-1200 Computer Occupations is a minor group: it holds broad and detailed "
        "occupations, not minor ones; give --level broad or detailed, or leave out --group",
    ),
    (
        "R6",
        ("--education", "grad school"),
        "no education level 'grad school'; the levels, in BLS's order: none, high school, some "
        "college, postsecondary award, associate's, bachelor's, master's, doctoral",
    ),
    (
        "R7",
        ("--group", "astronauts"),
        "no major or minor group of oews-2024 is named 'astronauts'; 'careerstats list --level "
        "major' (or --level minor) shows the groups and codes",
    ),
    (
        "R8",
        ("--group", "healthcare support"),
        "'healthcare support' names 2 groups: 31-0000 Healthcare Support Occupations; 31-9000 "
        "Other Healthcare Support Occupations; give --group the code of the one meant",
    ),
    (
        "R9",
        ("--group", "15-1252"),
        "15-1252 Software Developers is a detailed occupation, not a major or minor group; "
        "'careerstats list --level major' (or --level minor) shows the groups and codes",
    ),
    (
        "R10",
        ("--by", "salary"),
        "--by takes median, mean, p10, p25, p75, p90, growth, openings or employment, not "
        "'salary'",
    ),
    ("R11", ("--level", "senior"), "--level takes major, minor, broad or detailed, not 'senior'"),
    (
        "R12",
        ("--min-employment", "lots"),
        "--min-employment takes a whole number of at least 0, such as 10000, not 'lots'",
    ),
    ("R13", ("--limit", "0"), "--limit takes a whole number of at least 1, such as 20, not '0'"),
    ("R13", ("--limit", "-3"), "--limit takes a whole number of at least 1, such as 20, not '-3'"),
    ("R14", ("--group", "99"), "oews-2024 has no major or minor group with code 99-0000; "
     "'careerstats list --level major' (or --level minor) shows the groups and codes"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "args", "line"), TOP_ERRORS, ids=lambda v: str(v))
def test_top_bad_filters_get_one_line_naming_the_fix(
    row: str, args: tuple[str, ...], line: str, run: Run
) -> None:
    result = run("top", *args)
    assert (result.exit_code, result.stdout) == (2, ""), result.stderr
    assert result.stderr == f"careerstats: error: {line}\n"
    if row in ("R6", "R7", "R8", "R11"):  # the same input to list gets the same answer
        listed = run("list", *args) if row != "R6" else None
        if listed is not None:
            assert (listed.exit_code, listed.stderr) == (2, result.stderr)


def test_R16_top_with_no_match_says_so(run: Run) -> None:
    result = run("top", "--group", "15", "--education", "none")
    assert result.exit_code == 0
    assert "no occupation matches" in result.stdout
    document = as_json(run("top", "--group", "15", "--education", "none", "--json"))
    assert document["occupations"] == []


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    by=st.sampled_from(["median", "mean", "p10", "p90", "growth", "openings", "employment"]),
    limit=st.integers(min_value=1, max_value=40),
)
def test_top_limit_shows_the_first_rows_of_one_order(by: str, limit: int, run: Run) -> None:
    """Whatever the statistic and limit: the rows are the first of the full ranking, ranked
    1, 2, 3 ... with figures that never rise (a top-coded bound counting as its ceiling) and,
    among equal figures, employment that never rises."""
    every = as_json(run("top", "--by", by, "--limit", "2000", "--json"))["occupations"]
    some = as_json(run("top", "--by", by, "--limit", str(limit), "--json"))["occupations"]
    assert some == every[:limit]
    assert [row["rank"] for row in every] == list(range(1, len(every) + 1))
    keys = [
        (Decimal(str(row.get("value", row.get("at_least")))), row["employment"] or 0)
        for row in every
    ]
    assert keys == sorted(keys, reverse=True)
