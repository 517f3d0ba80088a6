"""Gross pay from a real schedule: base pay, overtime, a shift differential, bonus,
commission and unpaid weeks, each part kept separately and exact.

The base rate is the pay given, per hour of the schedule's regular week. Overtime is paid at
the base rate times a multiplier (1.5 by default: the Fair Labor Standards Act's rule for
hours over 40 in a week); a differential is an amount per hour, or a percentage of the base
rate, for some hours of each week; bonus and commission are sums per year; unpaid weeks
take their base, overtime and differential out of the year. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from careerstats.core.periods import EXACT, HOURS_IN_A_WEEK, STANDARD, Period, Schedule, scale
from careerstats.core.ratio import Ratio
from careerstats.errors import UsageError

FEDERAL_OVERTIME_MULTIPLIER = Decimal("1.5")
FEDERAL_REGULAR_HOURS = 40
# Far above any real premium (double time is 2): beyond it the input is a mistake.
MOST_MULTIPLIER = Decimal(10)
ZERO = Decimal(0)


class GrossPayError(UsageError):
    """A schedule or extra pay that cannot describe a real year of work."""


class Part(StrEnum):
    BASE = "base"
    OVERTIME = "overtime"
    DIFFERENTIAL = "shift_differential"
    BONUS = "bonus"
    COMMISSION = "commission"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Part.BASE: "base pay",
    Part.OVERTIME: "overtime",
    Part.DIFFERENTIAL: "shift differential",
    Part.BONUS: "bonus",
    Part.COMMISSION: "commission",
}


@dataclass(frozen=True, slots=True)
class Differential:
    """Extra pay for `hours` hours a week: `amount` per hour, or `percent` of the base rate."""

    hours: Decimal
    amount: Decimal | None = None
    percent: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ExtraPay:
    """What is paid besides the regular hours at the base rate."""

    overtime_hours: Decimal = ZERO  # a week
    overtime_multiplier: Decimal = FEDERAL_OVERTIME_MULTIPLIER
    differential: Differential | None = None
    bonus: Decimal = ZERO  # a year
    commission: Decimal = ZERO  # a year
    unpaid_weeks: Decimal = ZERO

    @property
    def is_none(self) -> bool:
        return self == NO_EXTRA_PAY


NO_EXTRA_PAY = ExtraPay()


@dataclass(frozen=True, slots=True)
class GrossPart:
    part: Part
    per_year: Decimal
    # How the part is made: hours a week, weeks, rate per hour (None for sums per year).
    hours_per_week: Decimal | None = None
    weeks: Decimal | None = None
    rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class GrossPay:
    amount: Decimal
    period: Period
    schedule: Schedule
    extra: ExtraPay
    base_rate: Decimal  # per regular hour
    parts: tuple[GrossPart, ...]

    @property
    def per_year(self) -> Decimal:
        return sum((part.per_year for part in self.parts), ZERO)

    @property
    def paid_weeks(self) -> Decimal:
        return self.schedule.weeks_per_year - self.extra.unpaid_weeks

    @property
    def hours_worked(self) -> Decimal:
        """Hours worked in the year: regular and overtime, in the weeks paid."""
        week = self.schedule.hours_per_week + self.extra.overtime_hours
        return EXACT.multiply(week, self.paid_weeks)

    def per(self, period: Period) -> Decimal:
        """The year's gross spread evenly over `period`s of the schedule's year; per hour,
        the average over every hour worked (overtime included)."""
        if period is Period.HOUR:
            worked = self.hours_worked
            return EXACT.divide(self.per_year, worked) if worked else ZERO
        schedule = self.schedule
        return scale(self.per_year, schedule.hours_in(period) / schedule.hours_in(Period.YEAR))

    @property
    def notes(self) -> tuple[str, ...]:
        """What the user may not have meant: regular hours beyond the federal 40."""
        regular = self.schedule.hours_per_week
        if regular <= FEDERAL_REGULAR_HOURS:
            return ()
        return (
            f"all {_figure(regular)} regular hours a week are paid at the base rate; the "
            f"federal rule pays hours over {FEDERAL_REGULAR_HOURS} in a week at 1.5 times "
            "it: give those as overtime hours to have them paid so",
        )

    def every_period(self) -> dict[Period, Decimal]:
        return {period: self.per(period) for period in Period}


def gross_pay(
    amount: Decimal,
    period: Period,
    schedule: Schedule = STANDARD,
    extra: ExtraPay = NO_EXTRA_PAY,
) -> GrossPay:
    """The year's gross pay of `amount` per `period` at `schedule`, with `extra` pay."""
    _check(schedule, extra)
    per_hour = Ratio(1) / schedule.hours_in(period)
    weeks = schedule.weeks_per_year - extra.unpaid_weeks
    paid = Ratio.of(weeks)
    rate = scale(amount, per_hour)
    regular = schedule.hours_per_week
    base = scale(amount, per_hour * Ratio.of(regular) * paid)
    parts = [GrossPart(Part.BASE, base, regular, weeks, rate)]
    if extra.overtime_hours:
        multiplier = Ratio.of(extra.overtime_multiplier)
        hours = extra.overtime_hours
        overtime = scale(amount, per_hour * multiplier * Ratio.of(hours) * paid)
        premium = scale(amount, per_hour * multiplier)
        parts.append(GrossPart(Part.OVERTIME, overtime, hours, weeks, premium))
    differential = extra.differential
    if differential is not None:
        hours = differential.hours
        if differential.percent is not None:
            share = per_hour * Ratio.of(differential.percent) / 100
            extra_rate = scale(amount, share)
            yearly = scale(amount, share * Ratio.of(hours) * paid)
        else:
            extra_rate = differential.amount or ZERO
            yearly = scale(extra_rate, Ratio.of(hours) * paid)
        parts.append(GrossPart(Part.DIFFERENTIAL, yearly, hours, weeks, extra_rate))
    if extra.bonus:
        parts.append(GrossPart(Part.BONUS, extra.bonus))
    if extra.commission:
        parts.append(GrossPart(Part.COMMISSION, extra.commission))
    return GrossPay(amount, period, schedule, extra, rate, tuple(parts))


def _check(schedule: Schedule, extra: ExtraPay) -> None:
    if extra.unpaid_weeks >= schedule.weeks_per_year:
        raise GrossPayError(
            f"{_figure(extra.unpaid_weeks)} unpaid weeks leave no paid week of the "
            f"{_figure(schedule.weeks_per_year)} working weeks in the year"
        )
    week = schedule.hours_per_week + extra.overtime_hours
    if week > HOURS_IN_A_WEEK:
        raise GrossPayError(
            f"{_figure(schedule.hours_per_week)} regular and {_figure(extra.overtime_hours)} "
            f"overtime hours make {_figure(week)} hours a week; a week has 168"
        )
    if not 1 <= extra.overtime_multiplier <= MOST_MULTIPLIER:
        raise GrossPayError(
            f"an overtime multiplier of {_figure(extra.overtime_multiplier)} is not a premium: "
            f"give 1 to {_figure(MOST_MULTIPLIER)} (1.5 is time and a half)"
        )
    differential = extra.differential
    if differential is not None:
        if differential.hours <= 0 or differential.hours > week:
            raise GrossPayError(
                f"a shift differential for {_figure(differential.hours)} hours a week: give "
                f"more than 0 and at most the {_figure(week)} hours worked in a week"
            )
        if differential.percent is not None and differential.percent > 100:
            raise GrossPayError(
                f"a shift differential of {_figure(differential.percent)}% is more than the "
                "base rate itself: give at most 100%"
            )


def _figure(value: Decimal) -> str:
    return f"{value.normalize():f}"
