"""Comparing careers: choosing one source release for all of them, and the gaps between medians."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from careerstats.dataset import Dataset
from careerstats.errors import UsageError
from careerstats.figures import SHOWN_PERIODS, WageFigure, WageTable, wage_table
from careerstats.model import Career, CareerFigures, SourceRelease, Statistic
from careerstats.periods import STANDARD, Period, Schedule

ALL_SOURCES = "all"


class NoCoverage(UsageError):
    pass


@dataclass(frozen=True)
class CareerPay:
    """One career's pay as one source release publishes it, plus what derives from it."""

    career: Career
    release: SourceRelease
    entry: CareerFigures
    wages: WageTable

    def figure(self, period: Period, statistic: Statistic) -> WageFigure | None:
        return self.wages.get(period, {}).get(statistic)


@dataclass(frozen=True)
class MedianGap:
    """How a career's median compares with the first career's, in one period."""

    baseline: CareerPay
    other: CareerPay
    period: Period
    difference: Decimal
    ratio: Decimal
    derived: bool


@dataclass(frozen=True)
class Comparison:
    schedule: Schedule
    rows: tuple[CareerPay, ...]
    gaps: tuple[MedianGap, ...]

    @property
    def releases(self) -> list[SourceRelease]:
        seen: dict[str, SourceRelease] = {}
        for row in self.rows:
            seen.setdefault(row.release.id, row.release)
        return list(seen.values())


def career_pay(
    release: SourceRelease, career: Career, schedule: Schedule = STANDARD
) -> CareerPay | None:
    entry = release.figures_for(career.id)
    if entry is None:
        return None
    return CareerPay(career, release, entry, wage_table(entry, schedule))


def choose_release(dataset: Dataset, careers: Sequence[Career]) -> SourceRelease:
    """The newest dated release covering every career; undated ones only when asked for."""
    for release in dataset.by_recency():
        if release.is_dated and all(release.figures_for(c.id) for c in careers):
            return release
    uncovered = [c for c in careers if not dataset.coverage(c)]
    if uncovered:
        names = ", ".join(c.title.lower() for c in uncovered)
        raise NoCoverage(
            f"no source publishes wages for {names}{dataset.scope}; "
            f"'careerstats show {uncovered[0].id}' has its profile"
        )
    raise NoCoverage(
        "no single dated source covers all of these careers; "
        "use --source all to see each career in every source that covers it"
    )


def compare(
    dataset: Dataset,
    careers: Sequence[Career],
    source: str | None = None,
    schedule: Schedule = STANDARD,
) -> Comparison:
    rows: list[CareerPay] = []
    if source is not None and source.strip().lower() == ALL_SOURCES:
        for career in careers:
            covering = dataset.coverage(career)
            if not covering:
                raise NoCoverage(
                    f"no source publishes wages for {career.title.lower()}{dataset.scope}"
                )
            rows.extend(_pay(dataset, release, career, schedule) for release in covering)
    else:
        release = dataset.source(source) if source else choose_release(dataset, careers)
        rows.extend(_pay(dataset, release, career, schedule) for career in careers)
    return Comparison(schedule, tuple(rows), tuple(_gaps(rows)))


def _pay(dataset: Dataset, release: SourceRelease, career: Career, schedule: Schedule) -> CareerPay:
    pay = career_pay(release, career, schedule)
    if pay is None:
        others = ", ".join(s.id for s in dataset.coverage(career)) or "none"
        raise NoCoverage(
            f"source {release.id!r} has no figures for {career.title.lower()}{dataset.scope}; "
            f"sources that do: {others}"
        )
    return pay


def _gaps(rows: Sequence[CareerPay]) -> list[MedianGap]:
    if len(rows) < 2:
        return []
    baseline, gaps = rows[0], []
    for other in rows[1:]:
        for period in SHOWN_PERIODS:
            base = baseline.figure(period, Statistic.MEDIAN)
            figure = other.figure(period, Statistic.MEDIAN)
            if base is None or figure is None or base.at_least or figure.at_least:
                continue  # a top-coded figure is a bound, not a value to subtract
            gaps.append(
                MedianGap(
                    baseline,
                    other,
                    period,
                    difference=figure.value - base.value,
                    ratio=figure.value / base.value,
                    derived=base.derived or figure.derived,
                )
            )
    return gaps
