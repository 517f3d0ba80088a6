"""Outlook and entry requirements from BLS Employment Projections 2024-34 in `compare` and
`show`, and the SOC groups `show` names.

Expected values are BLS's as published: Table 1.2 of Employment Projections 2024-34
(data/ep/occupations_2024-34.csv, from occupation.xlsx) and the 2018 SOC structure
(data/soc/structure_2018.csv), written here as literals.
"""

from __future__ import annotations

from conftest import Run, as_json

LABEL = "BLS Employment Projections 2024\u201334"
CUSTOMER_SERVICE = {
    "edition": "2024-34",
    "label": LABEL,
    "code": "43-4051",
    "found": True,
    "title": "Customer service representatives",
    "occupation_type": "Line item",
    "units": "thousands of jobs (employment, change, openings)",
    "employment_2024": 2814.0,
    "employment_2034": 2660.3,
    "change": -153.7,
    "percent_change": -5.5,
    "openings": 341.7,
    "openings_per": "year, on average over the projection decade",
    "education": "High school diploma or equivalent",
    "work_experience": "None",
    "training": "Short-term on-the-job training",
}
# The catalog's own, cited education text for customer service (data/careers.yaml).
CATALOG_EDUCATION = (
    "A high school diploma or GED; most employers do not require a college degree (BLS)."
)


def words(text: str) -> str:
    return " ".join(text.split())


def test_compare_json_has_each_careers_projection_as_numbers(run: Run) -> None:
    (career,) = as_json(run("compare", "43-4051", "--json"))["careers"]
    assert career["projections"] == CUSTOMER_SERVICE
    assert isinstance(career["projections"]["percent_change"], float)  # a number, not text


def test_the_catalogs_cited_education_stays_a_field_of_its_own(run: Run) -> None:
    (career,) = as_json(run("compare", "cs", "--json"))["careers"]
    assert career["education"] == CATALOG_EDUCATION
    assert career["projections"]["education"] == "High school diploma or equivalent"


def test_compare_json_gives_a_projection_per_career(run: Run) -> None:
    careers = as_json(run("compare", "cs", "lawyers", "--json"))["careers"]
    lawyers = careers[1]["projections"]
    assert (lawyers["code"], lawyers["percent_change"], lawyers["openings"]) == (
        "23-1011",
        4.1,
        31.5,
    )
    assert lawyers["education"] == "Doctoral or professional degree"


def test_compare_table_has_a_column_for_each_projection_figure(run: Run) -> None:
    result = run("compare", "cs", "--no-chart")
    assert result.exit_code == 0, result.stderr
    lines = [words(line) for line in result.stdout.splitlines()]
    # The Jobs table: OEWS employment as published, then the projections (in thousands).
    assert "Jobs employed EP 2024 2024\u201334 openings" in lines
    assert "Customer service representatives 2,725,930 2,814.0k -5.5% 341.7k" in lines
    assert LABEL in words(result.stdout)
    # The entry requirements with --full.
    full = [words(line) for line in run("compare", "cs", "--full").stdout.splitlines()]
    assert "Entry entry education work experience on-the-job training" in full
    assert any(
        line.startswith("Customer service") and "High school diploma" in line for line in full
    )


def test_a_code_without_a_projection_line_says_so(run: Run) -> None:
    # 15-1256 is OEWS's hybrid code of May 2019 and 2020; the 2024-34 matrix has no line.
    result = run("compare", "15-1256", "--no-chart")
    assert result.exit_code == 0, result.stderr
    assert f"no line for 15-1256 in {LABEL}" in words(result.stdout)
    (career,) = as_json(run("compare", "15-1256", "--json"))["careers"]
    assert career["projections"] == {
        "edition": "2024-34",
        "label": LABEL,
        "code": "15-1256",
        "found": False,
        "reason": f"{LABEL} has no line for SOC 15-1256",
    }


def test_show_names_the_major_minor_and_broad_group(run: Run) -> None:
    result = run("show", "cs", "--no-chart")
    assert result.exit_code == 0, result.stderr
    lines = [words(line) for line in result.stdout.splitlines()]
    assert "major group 43-0000 Office and Administrative Support Occupations" in lines
    assert "minor group 43-4000 Information and Record Clerks" in lines
    assert "broad group 43-4050 Customer Service Representatives" in lines


def test_show_json_has_the_soc_groups_and_the_projection(run: Run) -> None:
    document = as_json(run("show", "cs", "--json"))
    assert document["soc_groups"] == {
        "major": {"code": "43-0000", "title": "Office and Administrative Support Occupations"},
        "minor": {"code": "43-4000", "title": "Information and Record Clerks"},
        "broad": {"code": "43-4050", "title": "Customer Service Representatives"},
    }
    assert document["projections"] == CUSTOMER_SERVICE
    assert document["career"]["education"]["typical"] == CATALOG_EDUCATION


def test_show_has_an_outlook_section(run: Run) -> None:
    result = run("show", "pr", "--no-chart")
    assert result.exit_code == 0, result.stderr
    text = words(result.stdout)
    assert f"Outlook and entry requirements: {LABEL}" in text
    lines = [words(line) for line in result.stdout.splitlines()]
    assert "entry education Bachelor's degree" in lines
    assert "projected change 2024\u201334 +4.8% (+15.0 thousand)" in lines
    assert "openings a year 27.6 thousand" in lines


def test_show_of_a_code_the_2018_soc_lacks_says_so(run: Run) -> None:
    result = run("show", "15-1256", "--no-chart")
    assert result.exit_code == 0, result.stderr
    assert "15-1256 is not a code of the 2018 SOC" in words(result.stdout)
    assert as_json(run("show", "15-1256", "--json"))["soc_groups"] is None
