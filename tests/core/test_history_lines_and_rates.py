"""core.history on small made-up releases: changes only along one line, never from a bound,
and compound annual rates checked against exact rational arithmetic."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core.dataset import Dataset
from careerstats.core.history import compound_rate, history, years_between
from careerstats.core.inflation import CpiTable, When
from careerstats.core.lineage import Lineage, Link, SocCode
from careerstats.core.model import (
    AnnualBasis,
    Career,
    CareerFigures,
    Catalog,
    SourceRelease,
    Statistic,
)
from careerstats.core.periods import Period
from careerstats.core.ratio import Ratio
from careerstats.errors import NoCoverage

CPI = CpiTable(
    series="TEST",
    base="test",
    newest=When(2024, 5),
    indexes={
        When(2020, 5): Decimal("100"),
        When(2022, 5): Decimal("110"),
        When(2024, 5): Decimal("125"),
    },
)
CAREER = Career(id="testers", title="Testers", soc="99-0001", summary="made up")
NOW = (SocCode("99-0001", "Testers"),)


def release(
    year: int, code: str, hourly: dict[Statistic, str], top: dict[Statistic, str]
) -> SourceRelease:
    return SourceRelease(
        id=f"test-{year}",
        publisher="BLS",
        program="OEWS",
        title=f"test {year}",
        reference_period=f"{year}-05",
        annual_basis=AnnualBasis.HOURS_2080,
        careers=(
            CareerFigures(
                career=code,
                soc=code,
                wages={Period.HOUR: {s: Decimal(v) for s, v in hourly.items()}},
                top_coded={Period.HOUR: {s: Decimal(v) for s, v in top.items()}} if top else {},
            ),
        ),
    )


def link(year: int, code: str, now: tuple[SocCode, ...] = NOW) -> Link:
    return Link(f"test-{year}", code, "Testers", "SOC test", now=now, origins=now)


def dataset(*releases: SourceRelease) -> Dataset:
    return Dataset(catalog=Catalog(offices={}, careers=()), sources=releases, prices=lambda: CPI)


P10, MEDIAN, P90 = Statistic.P10, Statistic.MEDIAN, Statistic.P90


def test_a_change_over_two_years_and_its_rates() -> None:
    data = dataset(
        release(2020, "99-0001", {P10: "10", MEDIAN: "20", P90: "30"}, {}),
        release(2022, "99-0001", {P10: "12.1", MEDIAN: "24.2", P90: "33"}, {}),
    )
    lineage = Lineage(
        "99-0001", "Testers", NOW, NOW, (link(2020, "99-0001"), link(2022, "99-0001"))
    )
    result = history(data, CAREER, lineage)
    newer = result.rows[1]
    change = next(c for c in newer.changes if (c.period, c.statistic) == (Period.HOUR, MEDIAN))
    assert change.years == 2
    assert change.nominal == Decimal("0.21")  # 24.2 / 20 - 1
    assert change.nominal_rate == Decimal("0.1")  # 1.21 is 1.1 squared: the root is exact
    # Real: 1.21 / (110 / 100) = 1.1; its square root, checked by squaring it back.
    assert change.real == Decimal("0.1")
    root = Fraction(change.real_rate) + 1
    assert abs(root * root - Fraction(11, 10)) < Fraction(1, 10**45)
    # In May 2024 dollars (the table's newest month): 24.2 x 125 / 110 = 27.5.
    assert newer.figure(Period.HOUR, MEDIAN).value == Decimal("27.5")  # type: ignore[union-attr]
    assert newer.figure(Period.HOUR, MEDIAN).nominal == Decimal("24.2")  # type: ignore[union-attr]


def test_no_change_from_or_to_a_top_coded_figure() -> None:
    data = dataset(
        release(2020, "99-0001", {P10: "10", MEDIAN: "20"}, {P90: "100"}),
        release(2022, "99-0001", {P10: "11"}, {MEDIAN: "100", P90: "100"}),
    )
    lineage = Lineage(
        "99-0001", "Testers", NOW, NOW, (link(2020, "99-0001"), link(2022, "99-0001"))
    )
    newer = history(data, CAREER, lineage).rows[1]
    changed = {(c.period, c.statistic) for c in newer.changes}
    assert (Period.HOUR, P10) in changed
    assert (Period.HOUR, MEDIAN) not in changed
    assert (Period.HOUR, P90) not in changed
    reasons = {(u.period, u.statistic): u.reason for u in newer.unchanged}
    assert "test-2022's figure is top-coded" in reasons[Period.HOUR, MEDIAN]
    assert "test-2020's figure is top-coded" in reasons[Period.HOUR, P90]


def test_a_definition_change_breaks_the_line() -> None:
    wider = (*NOW, SocCode("99-0002", "Other testers"))
    data = dataset(
        release(2020, "99-0009", {MEDIAN: "20"}, {}),
        release(2022, "99-0001", {MEDIAN: "22"}, {}),
    )
    lineage = Lineage(
        "99-0001", "Testers", NOW, NOW, (link(2020, "99-0009", wider), link(2022, "99-0001"))
    )
    result = history(data, CAREER, lineage)
    newer = result.rows[1]
    assert newer.changes == ()
    assert newer.previous is None
    assert newer.break_reason is not None
    assert newer.definition is not None
    assert newer.definition.startswith("definition changed")
    assert result.overall == ()
    assert any("also covered what is now 99-0002 Other testers" in note for note in result.notes)


def test_two_codes_in_one_release_each_keep_their_own_line() -> None:
    first = release(2020, "99-0011", {MEDIAN: "20"}, {})
    second = release(2020, "99-0012", {MEDIAN: "30"}, {})
    both = SourceRelease(
        id="test-2020",
        publisher="BLS",
        program="OEWS",
        title="test 2020",
        reference_period="2020-05",
        annual_basis=AnnualBasis.HOURS_2080,
        careers=(*first.careers, *second.careers),
    )
    data = dataset(both, release(2022, "99-0011", {MEDIAN: "22"}, {}))
    lineage = Lineage(
        "99-0001",
        "Testers",
        NOW,
        NOW,
        (link(2020, "99-0011"), link(2020, "99-0012"), link(2022, "99-0011")),
    )
    result = history(data, CAREER, lineage)
    assert [row.code for row in result.rows] == ["99-0011", "99-0012", "99-0011"]
    # Two rows of 2020 are on the same line as 2022's one: which one is not for us to guess.
    assert result.rows[2].changes == ()
    assert result.rows[2].break_reason is not None
    assert any("was 2 occupations" in note for note in result.notes)


def test_no_release_publishing_the_occupation_is_no_coverage() -> None:
    data = dataset(release(2020, "99-0001", {MEDIAN: "20"}, {}))
    with pytest.raises(NoCoverage):
        history(data, CAREER, Lineage("99-0003", "Testers", NOW, NOW, ()))


def test_years_between_reference_months() -> None:
    assert years_between("2008-05", "2024-05") == 16
    assert years_between("2008-05", "2013-05") == 5
    assert years_between("2019-05", "2019-11") == Ratio(1, 2)


def test_a_one_year_rate_is_the_change_itself() -> None:
    assert compound_rate(Decimal("1.0791"), Ratio(1)) == Decimal("0.0791")


@given(
    numerator=st.integers(min_value=1, max_value=10**6),
    denominator=st.integers(min_value=1, max_value=10**6),
    years=st.integers(min_value=1, max_value=40),
)
def test_the_rate_compounds_back_to_the_ratio(numerator: int, denominator: int, years: int) -> None:
    ratio = Fraction(numerator, denominator)
    rate = compound_rate(Decimal(numerator) / Decimal(denominator), Ratio(years))
    compounded = (Fraction(rate) + 1) ** years
    # 50 significant digits in the root; the ratio's own Decimal has 28.
    assert abs(compounded - ratio) <= ratio * Fraction(1, 10**25)


@pytest.mark.parametrize(("ratio", "years"), [(Decimal(0), Ratio(1)), (Decimal(2), Ratio(0))])
def test_a_rate_needs_a_positive_ratio_and_years(ratio: Decimal, years: Ratio) -> None:
    with pytest.raises(ValueError, match="compound_rate"):
        compound_rate(ratio, years)
