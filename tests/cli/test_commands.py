"""The CLI driven as a user drives it, through Typer's test runner."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
import yaml
from conftest import Run, as_json
from typer.testing import CliRunner

from careerstats.cli import app

runner = CliRunner()

# Every source with figures for customer service, newest first; a cited source before the
# official release of the same month.
CS_SOURCES = [
    "oews-2024", "oews-2023", "oews-2022", "oews-2021", "oews-2020", "oews-2019", "oews-2018",
    "bls-2017", "oews-2017", "oews-2016", "oews-2015", "oews-2014", "oews-2013",
    "bls-2008", "oews-2008", "payscale",
]  # fmt: skip


def run(*args: str, stdin: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=stdin)


def ok(*args: str, stdin: str | None = None) -> str:
    result = run(*args, stdin=stdin)
    assert result.exit_code == 0, result.stderr + result.stdout
    return str(result.stdout)


def usage_error(*args: str, stdin: str | None = None) -> str:
    result = run(*args, stdin=stdin)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return str(lines[0])


# ------------------------------------------------------------------ convert


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["14.36", "--from", "hour", "--to", "year"], "29868.80"),
        (["51280", "--from", "year", "--to", "hour"], "24.65"),
        (["$51,280", "--from", "year", "--to", "month"], "4273.33"),
        (["14.36", "--to", "year", "--hours-per-week", "35"], "26135.20"),
        (["14.36", "--to", "annual"], "29868.80"),
        (["29868.80", "--from", "yearly", "--to", "hourly"], "14.36"),
        (["14.36", "--to", "day", "--hours-per-week", "36", "--days-per-week", "4"], "129.24"),
        (["14.36", "--to", "year", "--weeks-per-year", "50"], "28720.00"),
    ],
)
def test_convert_to_one_period_prints_a_bare_number(args: list[str], expected: str) -> None:
    assert ok("convert", *args) == expected + "\n"


def test_convert_json_has_the_pinned_shape() -> None:
    document = json.loads(ok("convert", "14.36", "--json"))
    assert document["input"] == {"amount": 14.36, "period": "hour"}
    assert document["schedule"] == {"hours_per_week": 40, "weeks_per_year": 52, "days_per_week": 5}
    assert list(document["amounts"]) == [
        "hour",
        "day",
        "week",
        "biweek",
        "semimonth",
        "month",
        "quarter",
        "year",
    ]
    assert document["amounts"]["day"] == 114.88
    assert document["amounts"]["year"] == 29868.8


def test_convert_json_numbers_are_exact_decimal_text() -> None:
    text = ok("convert", "14.36", "--to", "year", "--json")
    document = json.loads(text, parse_float=Decimal)
    assert document["result"] == Decimal("29868.8")
    assert document["to"] == "year"
    assert "29868.799" not in text


def test_convert_without_to_shows_every_period() -> None:
    out = ok("convert", "14.36")
    for amount in ("$14.36", "$114.88", "$574.40", "$1,148.80", "$1,244.53", "$2,489.07"):
        assert amount in out
    assert "$29,868.80" in out


def test_streaming_one_result_per_line() -> None:
    assert ok("convert", "-", "--from", "hour", "--to", "year", stdin="14.36\n15.81\n") == (
        "29868.80\n32884.80\n"
    )


def test_streaming_keeps_alignment_and_reports_bad_lines() -> None:
    result = run("convert", "-", "--to", "year", stdin="14.36\nbanana\n15.81\n")
    assert result.exit_code == 1
    assert result.stdout == "29868.80\n\n32884.80\n"
    assert "line 2" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("amount", ["nan", "inf", "-5", "abc", "", "1e3", "5,12,80"])
def test_bad_amounts_exit_2_with_one_line(amount: str) -> None:
    line = usage_error("convert", amount, "--to", "year")
    assert line.startswith("careerstats: error:")


def test_unknown_period_exit_2() -> None:
    assert "unknown period 'fortnite'" in usage_error("convert", "14.36", "--to", "fortnite")


def test_impossible_schedule_exit_2() -> None:
    line = usage_error("convert", "14", "--to", "year", "--hours-per-week", "200")
    assert "hours per week must be more than 0 and at most 168" in line


def test_unknown_option_is_one_line() -> None:
    line = usage_error("convert", "14.36", "--frobnicate")
    assert "--frobnicate" in line
    assert "careerstats convert --help" in line


# ------------------------------------------------------------------ compare


def test_compare_cs_pr_table_shows_the_seed_figures() -> None:
    # The README's comparison of the articles' figures: the seed source, asked for by name.
    result = run("compare", "cs", "pr", "--source", "bls-2008")
    assert result.exit_code == 0
    out = result.stdout
    for figure in ("$51,280", "$30,140", "$97,910", "$14.36", "$29,868.80*"):
        assert figure in out
    assert "May 2008" in out
    assert "U.S. Bureau of Labor Statistics" in out
    assert "* derived by careerstats at 40 h/week x 52 weeks/year" in out
    assert "$51,280*" not in out
    assert "+$21,411.20 (1.72x)" in out
    assert "A bachelor's degree" not in out  # the catalog's typical education: with --full
    assert "A bachelor's degree" in run("compare", "cs", "pr", "--full").stdout


def test_compare_json_marks_published_and_derived() -> None:
    document = json.loads(ok("compare", "cs", "pr", "--source", "bls-2008", "--json"))
    assert document["schedule"] == {"hours_per_week": 40, "weeks_per_year": 52, "days_per_week": 5}
    cs, pr = document["careers"]
    assert (cs["id"], cs["soc"], cs["title"]) == (
        "customer-service-representatives",
        "43-4051",
        "Customer service representatives",
    )
    assert cs["source"]["id"] == pr["source"]["id"] == "bls-2008"
    assert document["chosen_source"] is None  # asked for, not chosen
    assert cs["wages"]["hour"]["median"] == {"value": 14.36, "derived": False, "basis": "published"}
    assert cs["wages"]["year"]["median"] == {
        "value": 29868.8,
        "derived": True,
        "basis": "standard_2080",
        "derived_from": "hour",
    }
    assert pr["wages"]["year"] == {
        "p10": {"value": 30140, "derived": False, "basis": "published"},
        "median": {"value": 51280, "derived": False, "basis": "published"},
        "p90": {"value": 97910, "derived": False, "basis": "published"},
    }
    assert pr["wages"]["hour"]["median"]["value"] == 24.65
    assert pr["wages"]["hour"]["median"]["derived"] is True
    # A figure neither published nor derivable is absent, never 0 or NaN.
    assert "p10" not in cs["wages"]["hour"]
    assert "mean" not in pr["wages"]["year"]


def test_compare_csv_one_row_per_figure() -> None:
    lines = ok("compare", "cs", "pr", "--source", "bls-2008", "--csv").splitlines()
    assert lines[0] == (
        "career_id,soc,title,source_id,reference_period,period,statistic,value,derived,"
        "at_least,adjusted_to,original,basis"
    )
    assert (
        "customer-service-representatives,43-4051,Customer service representatives,"
        "bls-2008,2008-05,year,median,29868.80,true,false,,,standard_2080"
    ) in lines
    assert (
        "public-relations-specialists,27-3031,Public relations specialists,"
        "bls-2008,2008-05,year,median,51280.00,false,false,,,published"
    ) in lines
    assert len(lines) == 1 + 2 + 6


def test_compare_default_source_is_newest_covering_all() -> None:
    document = json.loads(ok("compare", "cs", "pr", "--json"))
    assert document["chosen_source"] == "oews-2024"
    cs, pr = document["careers"]
    assert cs["source"]["id"] == pr["source"]["id"] == "oews-2024"
    assert cs["source"]["reference_period"] == "2024-05"
    # May 2024 as BLS published it (national_M2024_dl.xlsx, rows 43-4051 and 27-3031).
    published = {"derived": False, "basis": "published"}
    assert cs["wages"]["hour"]["median"] == {"value": 20.59, **published}
    assert pr["wages"]["hour"]["median"] == {"value": 33.55, **published}
    assert cs["wages"]["year"]["median"] == {"value": 42830, **published}
    assert pr["wages"]["year"]["median"] == {"value": 69780, **published}
    table = " ".join(ok("compare", "cs", "pr", "--no-chart").split())
    assert (
        "Pay compared: oews-2024, May 2024 (the newest release that covers every career)" in table
    )
    for figure in ("$20.59", "$33.55", "$42,830", "$69,780"):
        assert figure in table
    # Newest covering ALL, not newest: computer software engineers (15-1031, SOC 2000) are
    # in May 2008's release only, so both careers come from it.
    document = json.loads(ok("compare", "cs", "15-1031", "--json"))
    assert document["chosen_source"] == "oews-2008"
    assert [c["source"]["id"] for c in document["careers"]] == ["oews-2008", "oews-2008"]


def test_compare_source_all_lists_each_source() -> None:
    document = json.loads(ok("compare", "cs", "--source", "all", "--json"))
    assert [c["source"]["id"] for c in document["careers"]] == CS_SOURCES
    assert document["chosen_source"] is None


def test_compare_explicit_source_payscale() -> None:
    document = json.loads(ok("compare", "cs", "--source", "payscale", "--json"))
    wages = document["careers"][0]["wages"]
    assert wages["hour"]["mean"] == {"value": 13.52, "derived": False, "basis": "published"}
    assert wages["year"]["mean"] == {"value": 36612, "derived": False, "basis": "published"}


def test_compare_unknown_career_suggests() -> None:
    line = usage_error("compare", "cs", "pubic relations")
    assert "unknown career 'pubic relations'" in line
    assert "did you mean 'pr' (public relations specialists)?" in line


def test_N9_an_unrelated_name_is_offered_the_careers_not_a_far_fetched_guess() -> None:
    # 'plumber' was the error catalog's example; it names an official occupation now
    # (47-2152, "Plumbers, Pipefitters, and Steamfitters"). No career or occupation is spelt
    # like 'influencer', so offering 'fence erectors' would be noise: the message offers the
    # careers there are.
    assert json.loads(ok("show", "plumber", "--json"))["career"]["id"] == "47-2152"
    line = usage_error("compare", "cs", "influencer")
    assert line == (
        "careerstats: error: unknown career 'influencer'; no career is named like it: did you "
        "mean one of cs, pr, receptionist, cashier, retail sales, data entry, claims "
        "processor, accountant, hr, lawyer, network administrator? 'careerstats list' shows "
        "every career"
    )
    assert "cashier" not in usage_error("show", "sales")


@pytest.mark.parametrize(
    ("name", "career_id"),
    [
        ("receptionists", "receptionists-and-information-clerks"),
        ("accountants", "accountants-and-auditors"),
        ("customer service representative", "customer-service-representatives"),
        ("public relations specialist", "public-relations-specialists"),
        ("Lawyers", "lawyers"),
        ("human resources", "human-resources-specialists"),
    ],
)
def test_plural_singular_and_leading_title_words_name_a_career(name: str, career_id: str) -> None:
    result = runner.invoke(app, ["show", name, "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["career"]["id"] == career_id


def test_N9_a_name_fitting_two_careers_is_not_guessed() -> None:
    line = usage_error("show", "clerk")
    assert "did you mean 'receptionist'" in line


def test_compare_unknown_source() -> None:
    assert "did you mean 'bls-2008'" in usage_error("compare", "cs", "--source", "bls-2009")


def test_compare_source_without_the_career() -> None:
    line = usage_error("compare", "pr", "--source", "bls-2017")
    assert "bls-2017" in line
    assert "bls-2008" in line


def import_texas(files: Path) -> None:
    """An imported file with Texas rows for customer service and public relations only."""
    header = [name.lower() for name in fx.NATIONAL_COLUMNS]
    path = fx.write_csv(files / "all_data_M_2012.csv", header, fx.all_data_rows())
    ok("data", "import", str(path))


def test_a_career_the_articles_lack_has_the_official_figures() -> None:
    # The articles cite no wages for lawyers; May 2024 publishes them (national_M2024_dl.xlsx,
    # row 23-1011), so lawyers compare with customer service from that release.
    document = json.loads(ok("compare", "cs", "lawyer", "--json"))
    lawyers = document["careers"][1]
    assert (lawyers["id"], lawyers["source"]["id"]) == ("lawyers", "oews-2024")
    published = {"derived": False, "basis": "published"}
    assert lawyers["wages"]["hour"]["median"] == {"value": 72.67, **published}
    assert lawyers["wages"]["year"]["median"] == {"value": 151160, **published}


def test_compare_career_without_wages(files: Path) -> None:
    # Every catalog career has national figures now; in an area no imported file covers
    # for it, a career still has none.
    import_texas(files)
    line = usage_error("compare", "cs", "lawyer", "--area", "Texas")
    assert "no source publishes wages for lawyers in Texas (48)" in line


def test_json_errors_leave_stdout_empty() -> None:
    usage_error("compare", "cs", "influencer", "--json")


# ------------------------------------------------------------------ show, list, sources


def test_show_cs_has_every_sources_figures() -> None:
    # By default the annual figures of every source; --full adds the hourly ones and the rest.
    brief = ok("show", "cs")
    for figure in ("$29,868.80*", "$32,890", "$36,612"):
        assert figure in brief
    assert "$14.36" not in brief
    out = ok("show", "cs", "--full")
    for figure in ("$14.36", "$15.81", "$32,890", "$13.52", "$36,612"):
        assert figure in out
    for figure in ("$18.06", "$17.57", "$12.37", "$3,000", "$28,000", "$35,000"):
        assert figure in out
    for source in ("bls-2017", "bls-2008", "payscale"):
        assert source in out
    assert "date not stated" in out


def test_show_json_has_the_whole_profile() -> None:
    document = json.loads(ok("show", "cs", "--json"))
    assert document["career"]["id"] == "customer-service-representatives"
    assert [s["source"]["id"] for s in document["sources"]] == CS_SOURCES
    by_id = {s["source"]["id"]: s for s in document["sources"]}
    bls_2017 = by_id["bls-2017"]
    assert [i["value"] for i in bls_2017["industries"]] == [18.06, 17.57, 12.37]
    payscale = by_id["payscale"]
    assert payscale["extra_compensation"][0]["value"] == 3000
    assert [e["value"] for e in payscale["experience"]] == [28000, 35000]


def test_show_a_career_without_wages_says_so(files: Path) -> None:
    # Cashiers have national figures (May 2024: $14.99 an hour); the Texas rows imported
    # here have none for them.
    assert json.loads(ok("show", "cashier", "--json"))["has_wages"] is True
    import_texas(files)
    out = ok("show", "cashier", "--area", "Texas")
    assert "No wages" in out
    assert "Cashiers" in out
    assert json.loads(ok("show", "cashier", "--area", "Texas", "--json"))["has_wages"] is False


def test_list_shows_every_detailed_occupation_of_may_2024_once_under_its_major_group() -> None:
    document = json.loads(ok("list", "--json"))
    assert (document["source"]["id"], document["level"]) == ("oews-2024", "detailed")
    data = Path(__file__).parents[2] / "data"
    with (data / "oews" / "oews-2024.csv").open(encoding="utf-8", newline="") as rows:
        published = list(csv.DictReader(rows))
    majors = {row["OCC_CODE"]: row["OCC_TITLE"] for row in published if row["O_GROUP"] == "major"}
    detailed = {
        row["OCC_CODE"]: row["OCC_TITLE"] for row in published if row["O_GROUP"] == "detailed"
    }
    listed = [
        (section["code"], item["soc"], item["title"])
        for section in document["major_groups"]
        for item in section["occupations"]
    ]
    assert listed == [(f"{code[:2]}-0000", code, title) for code, title in sorted(detailed.items())]
    assert [(s["code"], s["title"]) for s in document["major_groups"]] == sorted(majors.items())
    assert document["count"] == len(detailed) == 831
    # BLS publishes Chief Executives as broad (11-1010) and detailed (11-1011): listed once.
    out = ok("list")
    assert out.count("Chief Executives") == 1
    catalog = yaml.safe_load((data / "careers.yaml").read_text(encoding="utf-8"))["careers"]
    marked = {item["soc"]: item["career"]["id"] for s in document["major_groups"]
              for item in s["occupations"] if item["career"]}  # fmt: skip
    assert marked == {career["soc"]: career["id"] for career in catalog}
    assert "  43-4051  Customer Service Representatives  [cs, csr, customer service]\n" in out
    assert "  15-1252  Software Developers\n" in out


def test_sources_have_provenance() -> None:
    document = json.loads(ok("sources", "--json"))
    by_id = {s["id"]: s for s in document["sources"]}
    assert by_id["bls-2008"]["reference_period"] == "2008-05"
    assert by_id["bls-2008"]["publisher"] == "U.S. Bureau of Labor Statistics"
    assert by_id["payscale"]["reference_period"] is None
    assert by_id["payscale"]["notes"]
    out = ok("sources")
    assert "28,121.60" in out


def test_no_arguments_shows_help() -> None:
    result = run()
    assert result.exit_code == 0
    assert "compare" in result.stdout
    assert "convert" in result.stdout


def test_version_is_the_installed_packages() -> None:
    from importlib.metadata import version

    installed = version("careerstats")  # what the build recorded, from careerstats/version.py
    assert installed.count(".") == 2
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0
        assert result.stdout == f"careerstats {installed}\n"


def test_an_option_before_its_command_gets_no_misleading_guess() -> None:
    line = usage_error("--json", "compare", "cs")
    assert line == (
        "careerstats: error: No such option: --json; options go after the command "
        "(see 'careerstats compare --help')"
    )


def test_any_occupation_by_title_gets_may_2024s_published_figures(run: Run) -> None:
    """Nothing imported: the bundled official release answers for any occupation. Figures as
    in BLS's national_M2024_dl.xlsx (checked there)."""
    document = as_json(run("compare", "software developers", "registered nurses", "--json"))
    assert document["chosen_source"] == "oews-2024"
    found = {
        career["id"]: (
            career["title"],
            career["source"]["id"],
            career["wages"]["hour"]["median"],
            career["wages"]["year"]["median"],
            career["wages"]["year"]["p90"]["value"],
        )
        for career in document["careers"]
    }
    published = {"value": 63.98, "derived": False, "basis": "published"}
    assert found["15-1252"][:3] == ("Software Developers", "oews-2024", published)
    assert found["15-1252"][3]["value"] == 133080
    assert found["15-1252"][4] == 211450
    assert found["29-1141"][:2] == ("Registered Nurses", "oews-2024")
    assert (found["29-1141"][2]["value"], found["29-1141"][3]["value"]) == (45, 93600)
    assert found["29-1141"][4] == 135320
