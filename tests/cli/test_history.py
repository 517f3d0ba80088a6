"""`careerstats history`: every official release of one occupation, its changes and codes.

Expected figures are the published ones (data/oews/oews-YYYY.csv, stated here as literals),
the CPI-U values of data/cpi_u.csv, and rates computed here with Decimal's own power."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any

from conftest import Run, as_json
from rich.console import Console

from careerstats.core.history import history
from careerstats.render.history_view import history_view
from careerstats.sources.dataset import open_dataset
from careerstats.sources.lineage import lineage

ROOT = Path(__file__).parents[2]
RELEASES = ["oews-2008", *(f"oews-{year}" for year in range(2013, 2025))]


def cpi(year: int, month: int) -> Fraction:
    """A CPI-U index read straight from the bundled table (not through careerstats)."""
    lines = (ROOT / "data" / "cpi_u.csv").read_text().splitlines()
    for row in csv.reader(line for line in lines if line and not line.startswith("#")):
        if row[0] == str(year):
            return Fraction(row[month])
    raise AssertionError(f"no CPI-U row for {year}")


def cents(value: Fraction | Decimal) -> float:
    """Half-up to the cent, as a JSON reader sees it."""
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else value
    )
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def rate_percent(before: str, after: str, years: int) -> float:
    """(after / before) ** (1 / years) - 1, in percent to two places, by Decimal's power."""
    with localcontext() as context:
        context.prec = 60
        rate = (Decimal(after) / Decimal(before)) ** (Decimal(1) / Decimal(years)) - 1
        return float((rate * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def occupations(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {r["source"]: r["occupations"] for r in document["releases"]}


def median(occupation: dict[str, Any], period: str = "hour") -> dict[str, Any]:
    figure: dict[str, Any] = occupation["wages"][period]["median"]
    return figure


def change_of(occupation: dict[str, Any], period: str, statistic: str) -> dict[str, Any]:
    found = [
        f
        for f in occupation["change"]["figures"]
        if f["period"] == period and f["statistic"] == statistic
    ]
    assert len(found) == 1, occupation["change"]
    return found[0]


def test_customer_service_history_has_13_releases_from_14_36_to_20_59(run: Run) -> None:
    document = as_json(run("history", "cs", "--json"))
    assert [r["source"] for r in document["releases"]] == RELEASES
    assert document["releases"][0]["reference_period"] == "2008-05"
    assert document["releases"][-1]["reference_period"] == "2024-05"
    by_release = occupations(document)
    assert all([o["soc"] for o in rows] == ["43-4051"] for rows in by_release.values())
    assert median(by_release["oews-2008"][0])["nominal"] == 14.36
    assert median(by_release["oews-2024"][0])["nominal"] == 20.59
    assert median(by_release["oews-2024"][0], "year")["nominal"] == 42830
    assert by_release["oews-2008"][0]["wages"]["hour"]["p10"]["nominal"] == 9.15
    assert by_release["oews-2008"][0]["wages"]["hour"]["p90"]["nominal"] == 23.24


def test_default_dollars_are_the_newest_cpi_month(run: Run) -> None:
    document = as_json(run("history", "cs", "--json"))
    assert document["adjusted_to"] == "2026-08"
    first = occupations(document)["oews-2008"][0]
    # 14.36 x CPI-U August 2026 / CPI-U May 2008.
    expected = Fraction("14.36") * cpi(2026, 8) / cpi(2008, 5)
    assert cpi(2026, 8) == Fraction("334.980")
    assert cpi(2008, 5) == Fraction("216.632")
    assert median(first)["adjusted"] == cents(expected) == 22.2


def test_in_dollars_of_may_2008_adjusts_with_the_cpi_table(run: Run) -> None:
    document = as_json(run("history", "cs", "--in-dollars-of", "2008-05", "--json"))
    assert document["adjusted_to"] == "2008-05"
    by_release = occupations(document)
    assert median(by_release["oews-2008"][0])["adjusted"] == 14.36  # its own month: unchanged
    newest = median(by_release["oews-2024"][0])
    assert newest["nominal"] == 20.59
    expected = Fraction("20.59") * Fraction("216.632") / cpi(2024, 5)
    assert newest["adjusted"] == cents(expected) == 14.2


def test_a_change_and_its_compound_annual_rate(run: Run) -> None:
    by_release = occupations(as_json(run("history", "cs", "--json")))
    newer = by_release["oews-2013"][0]
    assert newer["change"]["from_source"] == "oews-2008"
    change = change_of(newer, "hour", "median")
    assert change["years"] == 5
    assert (change["from"], change["to"]) == (14.36, 14.84)
    assert change["difference"] == 0.48
    # 14.84 / 14.36 - 1 = 48 / 1436
    assert change["percent"] == cents(Fraction(48, 1436) * 100) == 3.34
    assert change["annual_rate_percent"] == rate_percent("14.36", "14.84", 5) == 0.66
    # Real: 14.84 x CPI(May 2008) / (14.36 x CPI(May 2013)) - 1.
    real = Fraction("14.84") * cpi(2008, 5) / (Fraction("14.36") * cpi(2013, 5)) - 1
    assert change["real_percent"] == cents(real * 100)
    # One year apart, the annual rate is the change itself.
    yearly = change_of(by_release["oews-2014"][0], "hour", "median")
    assert yearly["years"] == 1
    assert yearly["percent"] == yearly["annual_rate_percent"] == cents(Fraction(16, 1484) * 100)


def test_the_overall_change_from_2008_to_2024_compounds_over_16_years(run: Run) -> None:
    document = as_json(run("history", "cs", "--json"))
    overall = document["overall"]
    assert (overall["from_source"], overall["to_source"]) == ("oews-2008", "oews-2024")
    found = [f for f in overall["figures"] if (f["period"], f["statistic"]) == ("hour", "median")]
    assert len(found) == 1
    change = found[0]
    assert change["years"] == 16
    assert change["percent"] == cents((Fraction("20.59") / Fraction("14.36") - 1) * 100) == 43.38
    assert change["annual_rate_percent"] == rate_percent("14.36", "20.59", 16) == 2.28


def test_software_developers_follow_the_crosswalks_and_hybrid_codes(run: Run) -> None:
    document = as_json(run("history", "software developers", "--json"))
    codes = {source: [o["soc"] for o in rows] for source, rows in occupations(document).items()}
    assert codes["oews-2008"] == ["15-1031", "15-1032"]
    for year in range(2013, 2019):
        assert codes[f"oews-{year}"] == ["15-1132", "15-1133"]
    assert codes["oews-2019"] == codes["oews-2020"] == ["15-1256"]
    for year in range(2021, 2025):
        assert codes[f"oews-{year}"] == ["15-1252"]
    assert list(codes) == RELEASES
    titles = {
        o["soc"]: o["title_in_source"] for rows in occupations(document).values() for o in rows
    }
    assert titles["15-1031"] == "Computer software engineers, applications"
    assert titles["15-1256"] == (
        "Software Developers and Software Quality Assurance Analysts and Testers"
    )
    hybrid = occupations(document)["oews-2019"][0]
    assert hybrid["hybrid_code"] is True
    assert median(hybrid)["nominal"] == 51.69  # as published for 15-1256 in May 2019


def test_a_split_or_merge_is_never_spliced_into_one_line(run: Run) -> None:
    document = as_json(run("history", "software developers", "--json"))
    by_release = occupations(document)
    # Renamed one to one (SOC 2000 -> 2010): each code's line goes on, with its own change.
    applications = by_release["oews-2013"][0]
    assert (applications["change"]["from_source"], applications["change"]["from_soc"]) == (
        "oews-2008",
        "15-1031",
    )
    assert change_of(applications, "hour", "median")["percent"] == cents(
        (Fraction("44.55") / Fraction("41.07") - 1) * 100
    )
    # Merged into the hybrid code, then split from it: no change across either.
    for source in ("oews-2019", "oews-2021"):
        (row,) = by_release[source]
        assert row["change"] is None
        assert "definition changed" in row["no_change"]
        release = next(r for r in document["releases"] if r["source"] == source)
        assert release["definition_change"].startswith("definition changed")
    assert change_of(by_release["oews-2020"][0], "hour", "median")["from"] == 51.69
    assert document["overall"] is None
    notes = "\n".join(document["notes"])
    assert "15-1253 Software Quality Assurance Analysts and Testers" in notes
    assert "15-1132 “Software Developers, Applications”" in notes


def test_top_coded_medians_give_no_change(run: Run) -> None:
    # Internists: May 2008 published their median as # (at least $80.00 an hour); May 2013 as
    # $89.83, and May 2014 as # again (at least $90.00).
    by_release = occupations(as_json(run("history", "29-1063", "--json")))
    bound = median(by_release["oews-2008"][0])
    assert (bound["nominal"], bound["at_least"]) == (80, True)
    for source in ("oews-2013", "oews-2014"):
        occupation = by_release[source][0]
        changed = {(f["period"], f["statistic"]) for f in occupation["change"]["figures"]}
        assert ("hour", "median") not in changed
        assert ("year", "median") not in changed
        reasons = {
            (u["period"], u["statistic"]): u["reason"] for u in occupation["change"]["not_computed"]
        }
        assert "top-coded" in reasons["hour", "median"]
    # The 10th percentile is exact in both: its change is computed.
    assert change_of(by_release["oews-2013"][0], "hour", "p10")["from"] == 44.2


def test_csv_has_one_line_per_release_code_and_figure(run: Run) -> None:
    result = run("history", "software developers", "--csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # 2008 and 2013-2018 have two codes, the rest one; six figures each (3 statistics x 2).
    assert len(rows) == (2 + 6 * 2 + 2 + 4) * 6
    line = next(
        r
        for r in rows
        if (r["source_id"], r["soc"], r["period"], r["statistic"])
        == ("oews-2013", "15-1132", "hour", "median")
    )
    assert line["nominal"] == "44.55"
    assert (line["from_source"], line["from_soc"]) == ("oews-2008", "15-1031")
    assert line["annual_rate_percent"] == f"{rate_percent('41.07', '44.55', 5):.2f}"
    merged = next(r for r in rows if (r["source_id"], r["statistic"]) == ("oews-2019", "median"))
    assert merged["percent"] == ""
    assert "definition changed" in merged["no_change"]


def test_an_unknown_career_exits_2_with_one_line(run: Run) -> None:
    result = run("history", "nosuchjob", "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: unknown career 'nosuchjob'")
    assert result.stderr.count("\n") == 1


def test_a_bad_date_exits_2_with_one_line(run: Run) -> None:
    result = run("history", "cs", "--in-dollars-of", "1900-01")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "CPI-U" in result.stderr


def draw(name: str, width: int) -> str:
    dataset = open_dataset()
    career = dataset.career(name)
    result = history(dataset, career, lineage(career.soc, career.title))
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(history_view(result))
    return out.getvalue()


def test_the_table_and_chart_fit_80_and_40_columns() -> None:
    for width in (80, 40):
        text = draw("software developers", width)
        assert all(len(line) <= width for line in text.splitlines()), width
        assert "Hourly median over time" in text
        assert "$63.98" in text  # May 2024's median, as published
        assert "…" not in text  # no figure cut short
    wide = draw("software developers", 80)
    assert "15-1256h" in wide
    assert "definition changed" in wide
