"""Gross pay from a schedule: base, overtime, shift differential, bonus, commission and
unpaid weeks, each part exact to the cent. Expected values are worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerstats.core.gross import Differential, ExtraPay, GrossPayError, Part, gross_pay
from careerstats.core.periods import Period, Schedule

D = Decimal


def parts(amount: str, period: Period, extra: ExtraPay, **schedule: str) -> dict[Part, Decimal]:
    hours = Schedule(**{k: D(v) for k, v in schedule.items()})
    return {p.part: p.per_year for p in gross_pay(D(amount), period, hours, extra).parts}


def test_overtime_is_paid_at_time_and_a_half_for_each_week() -> None:
    # 20 x 40 = 800 and 30 x 10 = 300 a week: 1,100; a year, x 52 = 41,600 + 15,600.
    gross = gross_pay(D(20), Period.HOUR, extra=ExtraPay(overtime_hours=D(10)))
    assert gross.per(Period.WEEK) == D(1100)
    assert {p.part: p.per_year for p in gross.parts} == {
        Part.BASE: D(41600),
        Part.OVERTIME: D(15600),
    }
    assert gross.per_year == D(57200)


def test_the_overtime_multiplier_can_be_changed() -> None:
    # Double time: 20 x 2 x 5 h x 52 = 10,400.
    extra = ExtraPay(overtime_hours=D(5), overtime_multiplier=D(2))
    assert parts("20", Period.HOUR, extra)[Part.OVERTIME] == D(10400)


def test_a_differential_per_hour_and_as_a_percentage() -> None:
    # 1.25 an hour for 16 h a week: 1.25 x 16 x 52 = 1,040.00.
    per_hour = ExtraPay(differential=Differential(D(16), amount=D("1.25")))
    assert parts("18", Period.HOUR, per_hour)[Part.DIFFERENTIAL] == D(1040)
    # 10% of 18.00 = 1.80 an hour for 16 h: 1.80 x 16 x 52 = 1,497.60.
    percent = ExtraPay(differential=Differential(D(16), percent=D(10)))
    assert parts("18", Period.HOUR, percent)[Part.DIFFERENTIAL] == D("1497.60")


def test_bonus_and_commission_are_sums_a_year() -> None:
    # PayScale's 3,000 a year of bonus and commission, split here 1,000 and 2,000.
    found = parts("42830", Period.YEAR, ExtraPay(bonus=D(1000), commission=D(2000)))
    assert found == {Part.BASE: D(42830), Part.BONUS: D(1000), Part.COMMISSION: D(2000)}


def test_unpaid_weeks_take_their_hours_out_of_the_year() -> None:
    # 20 x 40 x (52 - 4) = 38,400; overtime 30 x 5 x 48 = 7,200.
    extra = ExtraPay(overtime_hours=D(5), unpaid_weeks=D(4))
    assert parts("20", Period.HOUR, extra) == {Part.BASE: D(38400), Part.OVERTIME: D(7200)}


def test_a_salary_keeps_its_exact_amount_through_the_hourly_rate() -> None:
    # 42,830 / 2,080 does not end, yet the year's base is exactly 42,830.
    assert parts("42830", Period.YEAR, ExtraPay()) == {Part.BASE: D(42830)}
    # At 37.5 h a week, 1,950 a month is 23,400 a year.
    assert parts("1950", Period.MONTH, ExtraPay(), hours_per_week="37.5") == {Part.BASE: D(23400)}


def test_per_hour_is_the_average_over_every_hour_worked() -> None:
    # 57,200 over (40 + 10) x 52 = 2,600 hours = 22.00.
    gross = gross_pay(D(20), Period.HOUR, extra=ExtraPay(overtime_hours=D(10)))
    assert gross.per(Period.HOUR) == D(22)


@pytest.mark.parametrize(
    ("case", "extra", "words"),
    [
        ("K14", ExtraPay(unpaid_weeks=D(52)), "no paid week"),
        ("K15", ExtraPay(overtime_hours=D(130)), "a week has 168"),
        ("K13", ExtraPay(overtime_hours=D(1), overtime_multiplier=D("0.5")), "not a premium"),
        ("K13", ExtraPay(overtime_hours=D(1), overtime_multiplier=D(11)), "not a premium"),
        ("K16", ExtraPay(differential=Differential(D(60), amount=D(1))), "hours a week"),
        ("K16", ExtraPay(differential=Differential(D(0), amount=D(1))), "hours a week"),
        ("K16", ExtraPay(differential=Differential(D(8), percent=D(101))), "at most 100%"),
    ],
)
def test_a_year_that_cannot_be_worked_is_refused(case: str, extra: ExtraPay, words: str) -> None:
    with pytest.raises(GrossPayError, match=words):
        gross_pay(D(20), Period.HOUR, extra=extra)


AMOUNTS = st.decimals(min_value=0, max_value=10_000, places=2)
HOURS = st.decimals(min_value=0, max_value=40, places=1)


@settings(max_examples=200, deadline=None)
@given(AMOUNTS, HOURS, AMOUNTS, st.integers(0, 20))
def test_the_parts_add_up_to_the_year_and_the_periods_to_it(
    rate: Decimal, overtime: Decimal, bonus: Decimal, unpaid: int
) -> None:
    extra = ExtraPay(overtime_hours=overtime, bonus=bonus, unpaid_weeks=D(unpaid))
    gross = gross_pay(rate, Period.HOUR, extra=extra)
    weeks = 52 - unpaid
    assert gross.per_year == rate * 40 * weeks + rate * D("1.5") * overtime * weeks + bonus
    assert gross.per(Period.MONTH) * 12 == gross.per_year
