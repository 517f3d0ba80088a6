"""A schedule applies to every figure, or to none (issue 10, section 2).

At the standard schedule (40 h x 52 weeks = 2,080 h, BLS's basis) published figures are shown
as published. At any other schedule every figure for a longer period is derived from the
hourly one at that schedule, so a column never mixes the two bases; annual figures with no
hourly figure behind them are not put on the schedule. Expected values are worked by hand in
the comments: hourly x hours per week x weeks per year.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import Run, as_json
from hypothesis import given, settings
from hypothesis import strategies as st

from careerstats.core.dataset import Dataset
from careerstats.core.figures import Basis, not_derived, wage_table
from careerstats.core.model import PERCENTILE_ORDER, AnnualBasis, Career, CareerFigures, Statistic
from careerstats.core.money import to_cents
from careerstats.core.pay import career_pay
from careerstats.core.periods import STANDARD, Period, Schedule
from careerstats.core.ranking import CannotRank, TopCoded, rank
from careerstats.sources.dataset import open_dataset
from careerstats.sources.imported import imported_career

HALF_TIME = ("--hours-per-week", "20")
# The official national releases careerstats bundles: May 2008 and May 2013 to May 2024.
BUNDLED = {f"oews-{year}" for year in (2008, *range(2013, 2025))}


def figure(document: dict[str, Any], period: str, statistic: str) -> Any:
    return document["careers"][0]["wages"][period].get(statistic)


def words(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ rank, through the CLI


def test_rank_at_20_hours_ranks_against_one_set_at_that_schedule(run: Run) -> None:
    result = run("rank", "cs", "25000", *HALF_TIME, "--source", "bls-2017")
    assert result.exit_code == 0, result.stderr
    text = words(result.stdout)
    # median 15.81 x 20 x 52 = 16,442.40; 90th 26.12 x 20 x 52 = 27,164.80;
    # 50 + (25,000 - 16,442.40) / (27,164.80 - 16,442.40) x 40 = 50 + 31.92 = 81.9
    assert "about the 82nd percentile (81.9)" in text
    assert "between the median ($16,442.40*) and the 90th percentile ($27,164.80*)" in text
    # 10th 10.27 x 20 x 52 = 10,680.80
    assert "points (annual): 10th $10,680.80*, 50th $16,442.40*, 90th $27,164.80*" in text
    assert "$32,890" not in text  # BLS's annual median is on 2,080 hours, not this schedule

    document = as_json(run("rank", "cs", "25000", *HALF_TIME, "--source", "bls-2017", "--json"))
    assert document["percentile"] == 81.9
    assert [p["value"] for p in document["points"]] == [10680.8, 16442.4, 27164.8]
    assert {p["basis"] for p in document["points"]} == {"schedule"}


def test_rank_above_every_point_at_20_hours(run: Run) -> None:
    result = run("rank", "cs", "30000", *HALF_TIME, "--source", "bls-2017")
    assert result.exit_code == 0, result.stderr
    text = words(result.stdout)
    assert "above the 90th percentile" in text
    assert "more than the 90th percentile ($27,164.80*)" in text


def test_rank_at_the_standard_schedule_keeps_the_published_median(run: Run) -> None:
    document = as_json(run("rank", "cs", "32890", "--source", "bls-2017", "--json"))
    assert document["percentile"] == 50
    assert document["between"]["lower"]["value"] == 32890
    assert document["between"]["lower"]["basis"] == "published"


# ------------------------------------------------------------------ compare, bundled data


def test_compare_at_20_hours_derives_every_annual_figure_at_the_schedule(run: Run) -> None:
    result = run("compare", "cs", "--source", "bls-2017", *HALF_TIME)
    assert result.exit_code == 0, result.stderr
    for shown in ("$10,680.80*", "$16,442.40*", "$27,164.80*"):
        assert shown in result.stdout
    assert "$32,890" not in result.stdout
    assert "derived by careerstats at 20 h/week x 52 weeks/year" in words(result.stdout)

    document = as_json(run("compare", "cs", "--source", "bls-2017", *HALF_TIME, "--json"))
    for statistic, value in (("p10", 10680.8), ("median", 16442.4), ("p90", 27164.8)):
        assert figure(document, "year", statistic) == {
            "value": value,
            "derived": True,
            "basis": "schedule",
            "derived_from": "hour",
        }
    assert figure(document, "hour", "median") == {
        "value": 15.81,
        "derived": False,
        "basis": "published",
    }


def test_compare_at_the_standard_schedule_shows_the_published_median(run: Run) -> None:
    result = run("compare", "cs", "--source", "bls-2017")
    assert "$32,890 " in result.stdout
    assert "$32,890*" not in result.stdout
    document = as_json(run("compare", "cs", "--source", "bls-2017", "--json"))
    assert figure(document, "year", "median") == {
        "value": 32890,
        "derived": False,
        "basis": "published",
    }
    # 10.27 x 2,080 = 21,361.60, derived on BLS's own basis
    assert figure(document, "year", "p10") == {
        "value": 21361.6,
        "derived": True,
        "basis": "standard_2080",
        "derived_from": "hour",
    }


def test_annual_only_bls_figures_give_the_hourly_ones_on_2080_hours(run: Run) -> None:
    document = as_json(run("compare", "pr", "--source", "bls-2008", *HALF_TIME, "--json"))
    # 30,140 / 2,080 = 14.4903... -> 14.49, whatever the schedule: BLS's annual is hourly x 2,080
    assert figure(document, "hour", "p10") == {
        "value": 14.49,
        "derived": True,
        "basis": "standard_2080",
        "derived_from": "year",
    }
    # 30,140 / 2,080 x 20 x 52 = 15,070; 51,280 / 2 = 25,640; 97,910 / 2 = 48,955
    assert [figure(document, "year", s)["value"] for s in ("p10", "median", "p90")] == [
        15070,
        25640,
        48955,
    ]
    assert {figure(document, "year", s)["basis"] for s in ("p10", "median", "p90")} == {"schedule"}
    table = words(run("compare", "pr", "--source", "bls-2008", *HALF_TIME).stdout)
    assert "$15,070*" in table
    assert "an hourly figure marked * is the annual one / 2,080" in table


def test_payscale_salaries_are_not_put_on_a_schedule(run: Run) -> None:
    document = as_json(run("compare", "cs", "--source", "payscale", *HALF_TIME, "--json"))
    (item,) = document["careers"]
    assert item["wages"]["year"] == {}
    assert "salaries, on no hours basis" in item["not_derived"]["year"]
    assert "20 h/week" in item["not_derived"]["year"]
    assert item["wages"]["hour"]["mean"] == {"value": 13.52, "derived": False, "basis": "published"}
    table = words(run("compare", "cs", "--source", "payscale", *HALF_TIME).stdout)
    assert "no annual figures: the source's annual figures are salaries" in table
    assert "$36,612" not in table
    # At the standard schedule the salary is shown as published.
    standard = as_json(run("compare", "cs", "--source", "payscale", "--json"))
    assert figure(standard, "year", "mean") == {
        "value": 36612,
        "derived": False,
        "basis": "published",
    }


def test_sources_say_what_their_annual_figures_are(run: Run) -> None:
    document = as_json(run("sources", "--json"))
    basis = {item["id"]: item["annual_basis"] for item in document["sources"]}
    # BLS's annual figures are the hourly ones x 2,080 hours, the articles' BLS figures too.
    assert basis == {
        "bls-2017": "hours-2080",
        "bls-2008": "hours-2080",
        "payscale": "salaries",
        **dict.fromkeys(BUNDLED, "hours-2080"),
    }


def test_csv_says_the_basis_of_each_figure(run: Run) -> None:
    result = run("compare", "cs", "--source", "bls-2017", *HALF_TIME, "--csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(",original,basis")
    assert any(line.endswith(",year,median,16442.40,true,false,,,schedule") for line in lines)
    assert any(line.endswith(",hour,median,15.81,false,false,,,published") for line in lines)


# ------------------------------------------------------------------ imported OEWS data


def test_imported_annual_figures_follow_the_schedule(national: Path, run: Run) -> None:
    document = as_json(run("compare", "cs", "--source", "oews-2012", *HALF_TIME, "--json"))
    assert document["careers"][0]["source"]["id"] == "oews-2012"
    # fixture hourly median 20.59 x 20 x 52 = 21,413.60 (published annual: 42,830)
    assert figure(document, "year", "median") == {
        "value": 21413.6,
        "derived": True,
        "basis": "schedule",
        "derived_from": "hour",
    }
    # fixture hourly 90th 30.08 x 20 x 52 = 31,283.20
    assert figure(document, "year", "p90")["value"] == 31283.2
    assert figure(document, "hour", "median") == {
        "value": 20.59,
        "derived": False,
        "basis": "published",
    }
    table = run("compare", "cs", "--source", "oews-2012", *HALF_TIME).stdout
    assert "$21,413.60*" in table
    assert "$42,830" not in table
    standard = as_json(run("compare", "cs", "--source", "oews-2012", "--json"))
    assert figure(standard, "year", "median") == {
        "value": 42830,
        "derived": False,
        "basis": "published",
    }


def test_imported_top_coded_figures_stay_bounds_at_a_schedule(national: Path, run: Run) -> None:
    document = as_json(run("compare", "29-1211", "--source", "oews-2012", *HALF_TIME, "--json"))
    # "at or above $115.00 an hour": at or above 115 x 20 x 52 = 119,600 a year
    assert figure(document, "year", "median") == {
        "at_least": 119600,
        "derived": True,
        "basis": "schedule",
        "derived_from": "hour",
    }
    assert figure(document, "hour", "median") == {
        "at_least": 115,
        "derived": False,
        "basis": "published",
    }
    assert "≥ $119,600*" in run("compare", "29-1211", *HALF_TIME).stdout


def test_annual_only_rows_are_not_put_on_a_schedule(national: Path, run: Run) -> None:
    document = as_json(run("compare", "25-2021", "--source", "oews-2012", *HALF_TIME, "--json"))
    (teachers,) = document["careers"]
    assert teachers["wages"]["year"] == {}
    assert teachers["wages"]["hour"] == {}
    reason = teachers["not_derived"]["year"]
    assert "ANNUAL flag" in reason
    assert "20 h/week x 52 weeks/year" in reason
    table = words(run("compare", "25-2021", "--source", "oews-2012", *HALF_TIME).stdout)
    assert "no annual figures: only annual wages are published (ANNUAL flag)" in table
    assert "$63,670" not in table
    # At the standard schedule the published annual figures are shown, unmarked.
    standard = as_json(run("compare", "25-2021", "--source", "oews-2012", "--json"))
    assert figure(standard, "year", "median") == {
        "value": 63670,
        "derived": False,
        "basis": "published",
    }
    result = run("rank", "25-2021", "60000", "--source", "oews-2012", *HALF_TIME)
    assert result.exit_code == 2
    assert "ANNUAL flag" in result.stderr
    assert "rank it at the standard schedule" in result.stderr


# ------------------------------------------------------------------ core


def _entry(**fields: Any) -> CareerFigures:
    return CareerFigures(career="c", soc="11-1111", **fields)


def test_core_annual_only_figures_on_2080_hours() -> None:
    entry = _entry(wages={Period.YEAR: {Statistic.P10: Decimal(30140)}})
    table = wage_table(
        entry, Schedule(hours_per_week=Decimal(20)), annual_basis=AnnualBasis.HOURS_2080
    )
    hourly, annual = table[Period.HOUR][Statistic.P10], table[Period.YEAR][Statistic.P10]
    assert to_cents(hourly.value) == Decimal("14.49")
    assert (hourly.basis, hourly.derived_from) == (Basis.STANDARD, Period.YEAR)
    assert annual.value == Decimal(15070)  # exactly: one step, 30,140 x 1,040 / 2,080
    assert (annual.basis, annual.derived_from) == (Basis.SCHEDULE, Period.YEAR)


def test_core_without_an_hours_basis_no_longer_period_is_put_on_a_schedule() -> None:
    entry = _entry(
        wages={
            Period.HOUR: {Statistic.MEAN: Decimal("13.52")},
            Period.YEAR: {Statistic.MEAN: Decimal(36612)},
        }
    )
    half = Schedule(hours_per_week=Decimal(20))
    for basis, wording in ((AnnualBasis.SALARIES, "salaries"), (None, "no stated hours basis")):
        table = wage_table(entry, half, annual_basis=basis)
        assert table[Period.YEAR] == {}
        assert table[Period.HOUR][Statistic.MEAN].basis is Basis.PUBLISHED
        reason = not_derived(entry, Period.YEAR, half, basis)
        assert reason is not None
        assert wording in reason
        # The standard schedule shows the salary as published.
        standard = wage_table(entry, STANDARD, annual_basis=basis)[Period.YEAR][Statistic.MEAN]
        assert (standard.value, standard.basis) == (Decimal(36612), Basis.PUBLISHED)


def test_core_hourly_only_source_without_basis_still_gets_annual_at_a_schedule() -> None:
    # Nothing published per year, so no two bases can meet: 10 x 30 x 50 = 15,000.
    entry = _entry(wages={Period.HOUR: {Statistic.MEDIAN: Decimal(10)}})
    schedule = Schedule(hours_per_week=Decimal(30), weeks_per_year=Decimal(50))
    median = wage_table(entry, schedule)[Period.YEAR][Statistic.MEDIAN]
    assert (median.value, median.basis, median.derived_from) == (
        Decimal(15000),
        Basis.SCHEDULE,
        Period.HOUR,
    )


# ------------------------------------------------------------------ the property

any_schedule = st.builds(
    Schedule,
    hours_per_week=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(168), places=2),
    weeks_per_year=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("52.17"), places=2),
    days_per_week=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(7), places=1),
)
PERIODS = (Period.HOUR, Period.DAY, Period.WEEK, Period.MONTH, Period.YEAR)


def _careers(dataset: Dataset) -> list[tuple[str, Career]]:
    """Every (release id, career) the dataset has figures for, imported occupations too."""
    found = []
    catalog = {career.id: career for career in dataset.careers}
    for release in dataset.sources:
        for entry in release.entries():
            career = catalog.get(entry.career) or imported_career(entry.soc, entry.soc)
            found.append((release.id, career))
    return found


def _in_order(values: list[Decimal]) -> bool:
    return all(low <= high for low, high in itertools.pairwise(values))


def test_percentiles_shown_and_ranked_against_are_in_order(national: Path) -> None:
    dataset = open_dataset()
    pairs = _careers(dataset)
    cited = {"bls-2008", "bls-2017", "payscale", "oews-2012"}
    assert {release for release, _ in pairs} == cited | BUNDLED
    # Every cited and imported career in every example; the bundled releases' ~17,000 rows
    # one drawn at a time.
    few = [(release, career) for release, career in pairs if release in cited]
    bundled = [(release, career) for release, career in pairs if release in BUNDLED]

    @settings(max_examples=150, deadline=None)
    @given(
        st.one_of(st.just(STANDARD), any_schedule),
        st.sampled_from(PERIODS),
        st.decimals(min_value=1, max_value=400000, places=2),
        st.sampled_from(bundled),
    )
    def check(
        schedule: Schedule, period: Period, amount: Decimal, drawn: tuple[str, Career]
    ) -> None:
        for release_id, career in (*few, drawn):
            pay = career_pay(dataset.source(release_id), career, schedule, periods=(period,))
            assert pay is not None
            row = pay.wages[period]
            shown = [row[s] for s in PERCENTILE_ORDER if s in row]
            exact = [to_cents(f.value) for f in shown if f.exact]
            bounds = [to_cents(f.value) for f in shown if not f.exact]
            assert _in_order(exact), (release_id, career.id, exact)
            assert _in_order(bounds), (release_id, career.id, bounds)
            assert not exact or not bounds or exact[-1] <= bounds[0]
            # One basis per period: never BLS's 2,080 hours beside the user's schedule.
            expected = (
                {Basis.PUBLISHED, Basis.STANDARD}
                if schedule.is_standard or period is Period.HOUR
                else {Basis.SCHEDULE}
            )
            assert {f.basis for f in row.values()} <= expected
            try:
                ranked = rank(dataset, career, amount, period, release_id, schedule)
            except (CannotRank, TopCoded):
                continue
            points = [p.value for p in ranked.points]
            assert _in_order(points), (release_id, career.id, points)
            assert points == exact
            if ranked.percentile is not None:
                assert 10 <= ranked.percentile <= 90

    check()


def test_why_annual_figures_with_no_hours_basis_are_not_put_on_a_schedule() -> None:
    """Found by mutation testing: the reasons were never checked word for word."""
    entry = CareerFigures(
        career="cs", soc="43-4051", wages={Period.YEAR: {Statistic.MEDIAN: Decimal("36612")}}
    )
    half_time = Schedule(hours_per_week=Decimal(20))
    at = "a schedule of 20 h/week x 52 weeks/year, 5 days/week"
    assert not_derived(entry, Period.YEAR, half_time, AnnualBasis.SALARIES) == (
        f"the source's annual figures are salaries, on no hours basis, and cannot be put on {at}"
    )
    assert not_derived(entry, Period.YEAR, half_time, None) == (
        f"the source's annual figures are on no stated hours basis, and cannot be put on {at}"
    )
    assert not_derived(entry, Period.YEAR, half_time, AnnualBasis.HOURS_2080) is None
    assert not_derived(entry, Period.YEAR, STANDARD, AnnualBasis.SALARIES) is None
