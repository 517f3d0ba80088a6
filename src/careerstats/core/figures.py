"""Wage figures as a source published them, and the ones derived from them at a schedule.

A `WageFigure` always knows whether it was published or derived, and from what. Derived
figures are computed on demand and never stored.

A top-coded figure (OEWS `#`) is a lower bound, not a value: its `at_least` is true and its
`value` is the ceiling. A figure derived from a top-coded one is the same kind of bound (the
ceiling converted exactly, `at_least` and `derived` both true); no exact figure is ever
computed from one. Where a source publishes one period only (OEWS HOURLY or ANNUAL flag),
nothing is derived for the other periods: `not_derived` says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from careerstats.core.model import CareerFigures, Statistic
from careerstats.core.periods import STANDARD, Period, Schedule, convert

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


@dataclass(frozen=True, slots=True)
class WageFigure:
    statistic: Statistic
    period: Period
    value: Decimal
    derived: bool
    derived_from: Period | None = None
    original: Decimal | None = None
    adjusted_to: When | None = None
    at_least: bool = False

    @property
    def published(self) -> bool:
        return not self.derived

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


def not_derived(entry: CareerFigures, period: Period) -> str | None:
    """Why no figure is derived for `period`, when the source forbids it; else None."""
    only = entry.only_published_per
    if only is None or only is period:
        return None
    flag = "HOURLY" if only is Period.HOUR else "ANNUAL" if only is Period.YEAR else only.value
    return (
        f"only {only.adjective} wages are published ({flag} flag); "
        f"no {period.adjective} figure is derived"
    )


def rebase_table(table: WageTable, rebase: Rebase) -> WageTable:
    return {
        period: {statistic: figure.rebased(rebase) for statistic, figure in row.items()}
        for period, row in table.items()
    }


def wage_table(
    entry: CareerFigures,
    schedule: Schedule = STANDARD,
    periods: Iterable[Period] = SHOWN_PERIODS,
) -> WageTable:
    """Every figure in `periods`: published ones as they are, the rest derived where possible.

    A statistic published in one period is derived for another only when that period lacks
    it; one the source never published in any period is absent, never zero.
    """
    table: WageTable = {}
    for period in periods:
        row: dict[Statistic, WageFigure] = {}
        for statistic in STATISTIC_ORDER:
            figure = _figure(entry, statistic, period, schedule)
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
    def closeness(p: Period) -> Fraction:
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
