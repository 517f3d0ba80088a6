"""Wage figures as a source published them, and the ones derived from them at a schedule.

A `WageFigure` always knows whether it was published or derived, and from what. Derived
figures are computed on demand and never stored.

A top-coded figure (OEWS `#`) is a lower bound, not a value: its `at_least` is true and its
`value` is the ceiling. A figure derived from a top-coded one is the same kind of bound (the
ceiling converted exactly, `at_least` and `derived` both true); no exact figure is ever
computed from one. Where a source publishes one period only (OEWS HOURLY or ANNUAL flag),
nothing is derived for the other periods: `not_derived` says why.

At the standard schedule (BLS's 2,080-hour year) published figures are shown as published and
the rest derived at that schedule. At any other schedule a column must not mix BLS's basis
with the user's, so every figure for a period longer than an hour is derived from the hourly
one at the schedule (`Basis.SCHEDULE`); the hourly figure is the published one or, where the
source gives only a BLS annual figure, that figure / 2,080 (`Basis.STANDARD`). Annual figures
on no hours basis (salaries, or OEWS ANNUAL-flag rows with no hourly figure) cannot be put on
a schedule: that period is left empty and `not_derived` says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from careerstats.core.model import AnnualBasis, CareerFigures, Statistic
from careerstats.core.periods import STANDARD, Period, Schedule, convert, scale
from careerstats.core.ratio import Ratio
from careerstats.core.value import Value, replace

if TYPE_CHECKING:
    from careerstats.core.inflation import Rebase, When

SHOWN_PERIODS = (Period.HOUR, Period.YEAR)
STATISTIC_ORDER = (
    Statistic.P10,
    Statistic.P25,
    Statistic.MEDIAN,
    Statistic.P75,
    Statistic.P90,
    Statistic.MEAN,
)

WageTable = dict[Period, dict[Statistic, "WageFigure"]]


class Basis(StrEnum):
    """The hours a figure's value rests on."""

    PUBLISHED = "published"
    # Derived on BLS's 2,080-hour year: at the standard schedule, or an hourly figure from a
    # BLS annual one at any schedule (an hourly figure does not depend on the schedule).
    STANDARD = "standard_2080"
    # Derived from the hourly figure at a schedule other than the standard one.
    SCHEDULE = "schedule"


class WageFigure(Value):
    statistic: Statistic
    period: Period
    value: Decimal
    derived: bool
    derived_from: Period | None = None
    original: Decimal | None = None
    adjusted_to: When | None = None
    at_least: bool = False
    at_schedule: bool = False  # derived at a schedule other than the standard one

    @property
    def published(self) -> bool:
        return not self.derived

    @property
    def basis(self) -> Basis:
        if not self.derived:
            return Basis.PUBLISHED
        return Basis.SCHEDULE if self.at_schedule else Basis.STANDARD

    @property
    def adjusted(self) -> bool:
        return self.adjusted_to is not None

    @property
    def nominal(self) -> Decimal:
        """The figure in its own release's dollars, before any inflation adjustment."""
        return self.value if self.original is None else self.original

    def rebased(self, rebase: Rebase) -> WageFigure:
        """This figure in the dollars of `rebase.target`, keeping the original beside it."""
        return replace(
            self, value=rebase.apply(self.nominal), original=self.nominal, adjusted_to=rebase.target
        )

    @property
    def exact(self) -> bool:
        """Usable in arithmetic: not a top-coded lower bound."""
        return not self.at_least


def not_derived(
    entry: CareerFigures,
    period: Period,
    schedule: Schedule = STANDARD,
    annual_basis: AnnualBasis | None = None,
) -> str | None:
    """Why no figure is shown for `period`, when the source or the schedule forbids it."""
    only = entry.only_published_per
    flag = None if only is None else _FLAGS.get(only, only.value)
    if only is not None and only is not period:
        return (
            f"only {only.adjective} wages are published ({flag} flag); "
            f"no {period.adjective} figure is derived"
        )
    if schedule.is_standard or period is Period.HOUR:
        return None
    at = f"a schedule of {schedule.describe()}"
    if only is not None:
        return (
            f"only {only.adjective} wages are published ({flag} flag), with no hourly figure "
            f"to put on {at}"
        )
    longer = [p for p in (*entry.wages, *entry.top_coded) if p is not Period.HOUR]
    if longer and annual_basis is not AnnualBasis.HOURS_2080:
        what = (
            "salaries, on no hours basis"
            if annual_basis is AnnualBasis.SALARIES
            else "on no stated hours basis"
        )
        return f"the source's {longer[0].adjective} figures are {what}, and cannot be put on {at}"
    return None


_FLAGS = {Period.HOUR: "HOURLY", Period.YEAR: "ANNUAL"}


def rebase_table(table: WageTable, rebase: Rebase) -> WageTable:
    return {
        period: {statistic: figure.rebased(rebase) for statistic, figure in row.items()}
        for period, row in table.items()
    }


def wage_table(
    entry: CareerFigures,
    schedule: Schedule = STANDARD,
    periods: Iterable[Period] = SHOWN_PERIODS,
    annual_basis: AnnualBasis | None = None,
) -> WageTable:
    """Every figure in `periods`: published ones as they are, the rest derived where possible.

    At the standard schedule, a statistic published in one period is derived for another only
    when that period lacks it; at any other, every figure for a longer period derives from
    the hourly one (see the module's docstring). One the source never published in any period
    is absent, never zero. `annual_basis` is the release's (`SourceRelease.annual_basis`).
    """
    table: WageTable = {}
    for period in periods:
        row: dict[Statistic, WageFigure] = {}
        for statistic in STATISTIC_ORDER:
            figure = (
                _figure(entry, statistic, period, schedule)
                if schedule.is_standard
                else _at_schedule(entry, statistic, period, schedule, annual_basis)
            )
            if figure is not None:
                row[statistic] = figure
        table[period] = row
    return table


def _figure(
    entry: CareerFigures, statistic: Statistic, period: Period, schedule: Schedule
) -> WageFigure | None:
    published = entry.wages.get(period, {}).get(statistic)
    if published is not None:
        return WageFigure(statistic, period, published, derived=False)
    ceiling = entry.top_coded.get(period, {}).get(statistic)
    if ceiling is not None:
        return WageFigure(statistic, period, ceiling, derived=False, at_least=True)
    if not_derived(entry, period):
        return None

    # Prefer deriving from the period closest in length: an hourly figure from an hourly
    # source, an annual one from an annual source, before anything else.
    def closeness(p: Period) -> Ratio:
        return abs(schedule.hours_in(p) - schedule.hours_in(period))

    for origin in sorted(entry.wages, key=closeness):
        value = entry.wages[origin].get(statistic)
        if value is not None:
            return WageFigure(
                statistic, period, convert(value, origin, period, schedule), True, origin
            )
    for origin in sorted(entry.top_coded, key=closeness):
        value = entry.top_coded[origin].get(statistic)
        if value is not None:
            converted = convert(value, origin, period, schedule)
            return WageFigure(statistic, period, converted, True, origin, at_least=True)
    return None


def _at_schedule(
    entry: CareerFigures,
    statistic: Statistic,
    period: Period,
    schedule: Schedule,
    annual_basis: AnnualBasis | None,
) -> WageFigure | None:
    if not_derived(entry, period, schedule, annual_basis):
        return None
    found = _per_hour(entry, statistic, annual_basis)
    if found is None:
        return None
    origin, value, at_least = found
    if period is Period.HOUR and origin is Period.HOUR:
        return WageFigure(statistic, period, value, derived=False, at_least=at_least)
    # One exact step from the published figure: its hours on BLS's basis to the period's
    # hours at the schedule (an hour is an hour on either).
    target = Ratio(1) if period is Period.HOUR else schedule.hours_in(period)
    ratio = target / STANDARD.hours_in(origin)
    return WageFigure(
        statistic,
        period,
        scale(value, ratio),
        derived=True,
        derived_from=origin,
        at_least=at_least,
        at_schedule=period is not Period.HOUR,
    )


def _per_hour(
    entry: CareerFigures, statistic: Statistic, annual_basis: AnnualBasis | None
) -> tuple[Period, Decimal, bool] | None:
    """The published figure the hourly one is (or follows from): period, value, at_least.

    The hourly figure itself first; else, only from a source whose longer-period figures are
    hourly ones x 2,080 hours, the figure of such a period. Exact figures before top-coded
    bounds, as at the standard schedule.
    """
    origins = [Period.HOUR]
    if annual_basis is AnnualBasis.HOURS_2080:
        longer = {*entry.wages, *entry.top_coded} - {Period.HOUR}
        origins += sorted(longer, key=STANDARD.hours_in)
    for at_least, figures in ((False, entry.wages), (True, entry.top_coded)):
        for origin in origins:
            value = figures.get(origin, {}).get(statistic)
            if value is not None:
                return origin, value, at_least
    return None
