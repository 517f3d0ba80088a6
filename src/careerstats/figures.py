"""Wage figures as a source published them, and the ones derived from them at a schedule.

A `WageFigure` always knows whether it was published or derived, and from what. Derived
figures are computed on demand and never stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from careerstats.model import CareerFigures, Statistic
from careerstats.periods import STANDARD, Period, Schedule, convert

if TYPE_CHECKING:
    from careerstats.inflation import Rebase, When

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
    # Prefer deriving from the period closest in length: an hourly figure from an hourly
    # source, an annual one from an annual source, before anything else.
    for origin in sorted(
        entry.wages, key=lambda p: abs(schedule.hours_in(p) - schedule.hours_in(period))
    ):
        value = entry.wages[origin].get(statistic)
        if value is not None:
            return WageFigure(
                statistic, period, convert(value, origin, period, schedule), True, origin
            )
    return None
