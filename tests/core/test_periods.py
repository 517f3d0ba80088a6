"""Exact pay conversion: the seed figures, every period pair, and properties against a reference."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reference import HOURS

from careerstats.core.money import plain, to_cents
from careerstats.core.periods import STANDARD, Period, PeriodError, Schedule, convert, to_annual
from careerstats.errors import UsageError


def half_up_cents(exact: Fraction) -> Decimal:
    """Round-half-up cents of an exact non-negative rational, by integer arithmetic only."""
    cents = (exact * 200 + 1) // 2  # floor(100x + 1/2)
    return Decimal(int(cents)).scaleb(-2)


def reference_cents(amount: Decimal, source: Period, target: Period) -> Decimal:
    return half_up_cents(Fraction(amount) * HOURS[target] / HOURS[source])


def test_the_articles_customer_service_annual_median() -> None:
    assert to_annual(Decimal("14.36"), Period.HOUR) == Decimal("29868.80")
    assert str(to_annual(Decimal("14.36"), Period.HOUR)) == "29868.80"


@pytest.mark.parametrize(
    ("amount", "source", "target", "expected"),
    [
        ("14.36", Period.HOUR, Period.YEAR, "29868.80"),
        ("51280", Period.YEAR, Period.HOUR, "24.65"),
        ("51280", Period.YEAR, Period.MONTH, "4273.33"),
        ("15.81", Period.HOUR, Period.YEAR, "32884.80"),
        ("13.52", Period.HOUR, Period.YEAR, "28121.60"),
        ("14.36", Period.HOUR, Period.DAY, "114.88"),
        ("14.36", Period.HOUR, Period.BIWEEK, "1148.80"),
        ("14.36", Period.HOUR, Period.SEMIMONTH, "1244.53"),
        ("14.36", Period.HOUR, Period.QUARTER, "7467.20"),
    ],
)
def test_seed_conversions(amount: str, source: Period, target: Period, expected: str) -> None:
    assert plain(convert(Decimal(amount), source, target)) == expected


def test_a_35_hour_week() -> None:
    schedule = Schedule(hours_per_week=Decimal(35))
    assert plain(to_annual(Decimal("14.36"), Period.HOUR, schedule)) == "26135.20"


def test_a_day_is_a_week_divided_by_days_per_week() -> None:
    schedule = Schedule(hours_per_week=Decimal(36), days_per_week=Decimal(4))
    assert schedule.hours_in(Period.DAY) == 9
    assert convert(Decimal(20), Period.HOUR, Period.DAY, schedule) == Decimal(180)


amounts = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("10000000"), places=2, allow_nan=False
)
periods = st.sampled_from(list(Period))


@given(amounts, periods, periods)
def test_every_period_pair_matches_the_rational_reference(
    amount: Decimal, source: Period, target: Period
) -> None:
    assert to_cents(convert(amount, source, target)) == reference_cents(amount, source, target)


@given(amounts, periods, periods)
def test_round_trip_returns_the_amount(amount: Decimal, source: Period, target: Period) -> None:
    # Each leg is held to the exact ratio within its 50 significant digits, so an error made
    # the same way both ways (a wrong count of hours) cannot cancel out on the way back.
    exact = Fraction(amount) * HOURS[target] / HOURS[source]
    there = convert(amount, source, target)
    assert abs(Fraction(there) - exact) <= exact / 10**49
    back = convert(there, target, source)
    assert abs(Fraction(back) - Fraction(amount)) <= Fraction(amount) / 10**48
    assert to_cents(back) == amount


@given(
    amounts,
    st.decimals(min_value=Decimal("0.5"), max_value=Decimal(168), places=1),
    st.decimals(min_value=Decimal(1), max_value=Decimal(52), places=0),
    st.decimals(min_value=Decimal(1), max_value=Decimal(7), places=0),
)
def test_schedules_scale_as_their_hours(
    amount: Decimal, hours: Decimal, weeks: Decimal, days: Decimal
) -> None:
    schedule = Schedule(hours_per_week=hours, weeks_per_year=weeks, days_per_week=days)
    assert convert(amount, Period.HOUR, Period.YEAR, schedule) == amount * hours * weeks
    assert convert(amount, Period.HOUR, Period.WEEK, schedule) == amount * hours
    day = Fraction(amount) * Fraction(hours) / Fraction(days)
    assert to_cents(convert(amount, Period.HOUR, Period.DAY, schedule)) == half_up_cents(day)


def test_standard_schedule_is_the_bls_year() -> None:
    assert STANDARD.hours_in(Period.YEAR) == 2080
    assert STANDARD.is_standard


@pytest.mark.parametrize(
    ("spelling", "period"),
    [
        ("hourly", Period.HOUR),
        ("Daily", Period.DAY),
        ("weekly", Period.WEEK),
        ("biweekly", Period.BIWEEK),
        ("fortnight", Period.BIWEEK),
        ("semi-monthly", Period.SEMIMONTH),
        ("monthly", Period.MONTH),
        ("quarterly", Period.QUARTER),
        ("annual", Period.YEAR),
        ("yearly", Period.YEAR),
        ("YEAR", Period.YEAR),
    ],
)
def test_usual_spellings(spelling: str, period: Period) -> None:
    assert Period.parse(spelling) is period


def test_unknown_period_suggests_one() -> None:
    with pytest.raises(PeriodError, match="did you mean 'month'"):
        Period.parse("montly")


@pytest.mark.parametrize(
    "schedule",
    [
        {"hours_per_week": Decimal(0)},
        {"hours_per_week": Decimal(169)},
        {"weeks_per_year": Decimal(53)},
        {"days_per_week": Decimal(8)},
        {"days_per_week": Decimal("-1")},
    ],
)
def test_impossible_schedules_are_refused(schedule: dict[str, Decimal]) -> None:
    with pytest.raises(UsageError):
        Schedule(**schedule)


@pytest.mark.parametrize("text", ["semi_monthly", "SEMI-MONTHLY", "semi monthly", "half_month"])
def test_a_period_is_read_whatever_its_separators(text: str) -> None:
    """Found by mutation testing: no test typed a period with an underscore."""
    assert Period.parse(text) is Period.SEMIMONTH
