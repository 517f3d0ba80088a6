"""One career across places: its figures in several areas side by side (`compare --area A
--area B`), areas ranked by a statistic (`where`), and figures in U.S.-average prices.

A price-adjusted figure is the published one x 100 / the area's RPP (all items): what the
pay buys at the national average price level. It is derived, shown beside the published
figure, never instead of it. The RPP year is the one nearest the release's year (BEA's
states end in 2023, its metros in 2024), and that choice is said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from careerstats.core.comparison import Comparison
from careerstats.core.model import Career, SourceRelease, Statistic
from careerstats.core.pay import CareerPay, career_pay
from careerstats.core.periods import STANDARD, Period, Schedule
from careerstats.core.places import Area
from careerstats.core.prices import PriceAdjustment, PriceTable, price_adjustment
from careerstats.errors import NoCoverage, UsageError


@dataclass(frozen=True)
class Placed:
    """One area's row: the career's pay there, the statistic ranked, and its RPP."""

    area: Area
    pay: CareerPay
    prices: PriceAdjustment | None = None

    def figure(self, period: Period, statistic: Statistic) -> Decimal | None:
        found = self.pay.figure(period, statistic)
        return found.value if found is not None else None

    def at_least(self, period: Period, statistic: Statistic) -> bool:
        found = self.pay.figure(period, statistic)
        return found is not None and found.at_least


@dataclass(frozen=True)
class Where:
    """Areas ranked by one statistic of one career (highest first)."""

    career: Career
    release: SourceRelease
    period: Period
    statistic: Statistic
    rows: tuple[Placed, ...]
    unpublished: tuple[Area, ...]  # areas whose figure BLS does not publish
    kind: str | None
    adjusted: bool
    total: int  # rows before --limit

    @property
    def ranked_by_adjusted(self) -> bool:
        return self.adjusted


def where(
    career: Career,
    placed: Sequence[tuple[Area, SourceRelease]],
    *,
    period: Period = Period.YEAR,
    statistic: Statistic = Statistic.MEDIAN,
    kind: str | None = None,
    limit: int | None = None,
    prices: PriceTable | None = None,
    schedule: Schedule = STANDARD,
) -> Where:
    """Every area of `placed` with the career's figure, highest first; with `prices`, ranked
    by the price-adjusted figure (areas without an RPP last, as published)."""
    if limit is not None and limit < 1:
        raise UsageError(f"the number of areas shown must be at least 1, not {limit}")
    rows: list[Placed] = []
    unpublished: list[Area] = []
    release: SourceRelease | None = None
    for area, source in placed:
        pay = career_pay(source, career, schedule)
        if pay is None:
            continue
        release = release or source
        adjustment = (
            price_adjustment(prices, area, int(source.reference_period[:4]))
            if prices is not None and source.reference_period
            else None
        )
        row = Placed(area, pay, adjustment)
        if row.figure(period, statistic) is None:
            unpublished.append(area)
        else:
            rows.append(row)
    if release is None:
        raise NoCoverage(f"no imported area publishes wages for {career.title.lower()}")

    def key(row: Placed) -> tuple[bool, Decimal, str]:
        value = row.figure(period, statistic) or Decimal(0)  # every row here has it
        # A top-coded bound ranks by its ceiling; with prices, areas without an RPP go last.
        adjusted = row.prices.apply(value) if row.prices is not None else None
        if prices is not None:
            return (adjusted is None, -(adjusted if adjusted is not None else value), row.area.name)
        return (False, -value, row.area.name)

    rows.sort(key=key)
    return Where(
        career=career,
        release=release,
        period=period,
        statistic=statistic,
        rows=tuple(rows[:limit] if limit is not None else rows),
        unpublished=tuple(unpublished),
        kind=kind,
        adjusted=prices is not None,
        total=len(rows),
    )


def across_places(comparisons: Sequence[tuple[Area, Comparison]]) -> Comparison:
    """Several areas' comparisons of the same careers as one: a row per career per area."""
    if not comparisons:
        raise UsageError("no area to compare")
    first = comparisons[0][1]
    rows = tuple(pay for _, found in comparisons for pay in found.rows)
    return Comparison(
        first.schedule,
        rows,
        (),
        (),
        first.adjusted_to,
        None,
        first.outlooks,
        places=tuple(area for area, found in comparisons for _ in found.rows),
    )
