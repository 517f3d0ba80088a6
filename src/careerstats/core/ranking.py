"""Where an amount ranks among a career's wages: linear interpolation between percentile points.

Method: take the release's percentile points (10th, 25th, median, 75th, 90th; whichever it
publishes, or derives at the schedule for the period asked) at the cent, as they are shown.
At a schedule other than the standard one, every point for a period longer than an hour is
derived from the hourly one at that schedule (`figures.wage_table`), so the points are one
consistent set, never published annual figures on BLS's 2,080 hours beside derived ones.
An amount equal to a point gets exactly that point's percentile; one between two points gets
the straight-line share of the way between them; one outside the outermost points is
"below" or "above" them, with no percentile: nothing is extrapolated.

A top-coded point (OEWS `#`: "at or above $115.00 an hour") is a bound, not a value, so it
is never a point to interpolate against: the exact points rank the amount, and the bounds
are reported beside the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from careerstats.core.dataset import Dataset
from careerstats.core.figures import WageFigure
from careerstats.core.model import PERCENTILE_ORDER, Career, SourceRelease
from careerstats.core.money import dollars, to_cents
from careerstats.core.pay import CareerPay, career_pay, price_target
from careerstats.core.periods import EXACT, STANDARD, Period, Schedule, convert
from careerstats.errors import CannotRank, DataError, NotAdjustable, OffSchedule, OnlyPublishedPer

if TYPE_CHECKING:
    from careerstats.core.inflation import CpiTable, When

METHOD = (
    "linear interpolation between the release's percentile points (10th, 25th, median, "
    "75th, 90th: at the standard schedule those published, or derived at it; at any other, "
    "all derived from the hourly ones at that schedule; taken at the cent); a point "
    "gives exactly its percentile; no extrapolation beyond the outermost points; a "
    "top-coded point is only a lower bound and is never interpolated against"
)
LEAST_POINTS = 2

Position = Literal["below", "within", "above"]


class TopCoded(DataError):
    """The release publishes the points, but too many of them only as top-coded bounds."""


@dataclass(frozen=True, slots=True)
class Point:
    percentile: int
    figure: WageFigure

    @property
    def value(self) -> Decimal:
        """The point as shown, at the cent: $24.65 for a derived hourly median of 24.6538..."""
        return to_cents(self.figure.value)


@dataclass(frozen=True)
class Rank:
    pay: CareerPay
    amount: Decimal
    period: Period
    points: tuple[Point, ...]
    position: Position
    percentile: Decimal | None
    lower: Point | None
    upper: Point | None
    schedule: Schedule
    # Points the release gives only as lower bounds (top-coded), above the exact ones.
    bounds: tuple[Point, ...] = ()


def percentile_points(pay: CareerPay, period: Period) -> tuple[Point, ...]:
    """Every percentile point in `period`, exact and top-coded, lowest first."""
    found = (pay.figure(period, statistic) for statistic in PERCENTILE_ORDER)
    return tuple(
        Point(figure.statistic.percentile or 0, figure)
        for figure in found
        if figure is not None and figure.statistic.percentile is not None
    )


def locate(amount: Decimal, points: tuple[Point, ...]) -> tuple[Position, Decimal | None, int]:
    """The position, the percentile (None outside), and the index of the upper point."""
    if amount < points[0].value:
        return "below", None, 0
    if amount > points[-1].value:
        return "above", None, len(points)
    for index, point in enumerate(points):
        if amount == point.value:
            return "within", Decimal(point.percentile), index
        if amount < point.value:
            low = points[index - 1]
            share = EXACT.divide(amount - low.value, point.value - low.value)
            span = point.percentile - low.percentile
            return "within", low.percentile + EXACT.multiply(share, Decimal(span)), index
    raise AssertionError("unreachable: the amount is within the points")


def _count(release: SourceRelease, career: Career) -> int:
    """How many percentile points `release` gives for `career`, exact or top-coded."""
    entry = release.figures_for(career.id)
    if entry is None:
        return 0
    rows = (*entry.wages.values(), *entry.top_coded.values())
    return len({s for row in rows for s in row if s.percentile is not None})


def choose_rank_release(dataset: Dataset, career: Career) -> SourceRelease:
    """The newest release with at least two percentile points for `career`."""
    for release in dataset.by_recency():
        if _count(release, career) >= LEAST_POINTS:
            return release
    raise CannotRank(
        f"no source publishes at least two percentile points for {career.title.lower()}, "
        "so an amount cannot be ranked"
    )


def rank(
    dataset: Dataset,
    career: Career,
    amount: Decimal,
    period: Period = Period.YEAR,
    source: str | None = None,
    schedule: Schedule = STANDARD,
    in_dollars_of: When | None = None,
    cpi: CpiTable | None = None,
) -> Rank:
    """Where `amount` per `period` falls among `career`'s wages in one release.

    With `in_dollars_of`, the release's points are adjusted to that date's dollars first,
    and `amount` is taken to be in those dollars.
    """
    release = dataset.source(source) if source is not None else choose_rank_release(dataset, career)
    if in_dollars_of is not None and not release.is_dated:
        raise NotAdjustable(
            f"{release.id} states no reference date, so its figures cannot be adjusted "
            "for inflation",
            release.id,
        )
    cpi = price_target(dataset, in_dollars_of, cpi)
    pay = career_pay(release, career, schedule, in_dollars_of, cpi, periods=(period,))
    if pay is None:
        covering = ", ".join(s.id for s in dataset.coverage(career)) or "none"
        raise CannotRank(
            f"source {release.id!r} has no figures for {career.title.lower()}; "
            f"sources that do: {covering}"
        )
    every = percentile_points(pay, period)
    withheld = pay.not_derived(period)
    if len(every) < LEAST_POINTS and withheld and _count(release, career) >= LEAST_POINTS:
        only = pay.entry.only_published_per
        if only is not None and only is not period:
            raise OnlyPublishedPer(
                f"{release.id}, {career.title.lower()}: {withheld}, so an amount per "
                f"{period.value} cannot be ranked",
                only.value,
                off_schedule=not schedule.is_standard,
            )
        raise OffSchedule(
            f"{release.id}, {career.title.lower()}: {withheld}, so an amount per "
            f"{period.value} cannot be ranked at this schedule"
        )
    if len(every) < LEAST_POINTS:
        raise CannotRank(
            f"{release.id} gives {len(every)} percentile point(s) for "
            f"{career.title.lower()}; ranking needs at least {LEAST_POINTS}"
        )
    points = tuple(p for p in every if p.figure.exact)
    bounds = tuple(p for p in every if not p.figure.exact)
    found = Rank(pay, amount, period, points, "below", None, None, None, schedule, bounds)
    if points and amount <= points[-1].value:
        position, percentile, upper = locate(amount, points)
        exact = percentile is not None and any(p.value == amount for p in points)
        return replace(
            found,
            position=position,
            percentile=percentile,
            lower=points[upper] if exact else (points[upper - 1] if upper > 0 else None),
            upper=points[upper],
        )
    highest = points[-1] if points else None
    if not bounds:
        return replace(found, position="above", lower=highest)
    ceiling = bounds[0]
    if amount <= ceiling.value:
        # A top-coded point's true value is at or above its ceiling, so an amount below the
        # ceiling lies below that point, and one at the ceiling at or below it.
        if highest is None:
            return replace(found, position="below", upper=ceiling)
        return replace(found, position="within", lower=highest, upper=ceiling)
    if highest is None:
        raise TopCoded(
            f"{release.id} gives every percentile point for {career.title.lower()} only as "
            f"'at or above' {ceiling.figure.period.adjective} ceilings, and "
            f"{dollars(amount)} is above the lowest of them, so where it ranks cannot be told"
        )
    return replace(found, position="above", lower=highest)


def likelier_period(result: Rank) -> Period | None:
    """The period an amount outside every point was more likely meant per, if one fits.

    `rank cs 15` reads 15 as a year's pay, far below any wage; per hour it falls among the
    points. Only an amount outside the points is questioned, and only when another common
    period puts it between them.
    """
    if result.position == "within" or not result.points:
        return None
    low, high = result.points[0].value, result.points[-1].value
    for candidate in (Period.HOUR, Period.WEEK, Period.MONTH, Period.YEAR):
        if candidate is result.period:
            continue
        reading = convert(result.amount, candidate, result.period, result.schedule)
        if low <= reading <= high:
            return candidate
    return None
