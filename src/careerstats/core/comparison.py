"""Comparing careers: choosing one source release for all of them, the gaps between their
medians, and how a career's median moved between releases."""

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.dataset import Dataset
from careerstats.core.figures import SHOWN_PERIODS, WageFigure
from careerstats.core.model import Career, SourceRelease, Statistic
from careerstats.core.pay import CareerPay, career_pay, price_target
from careerstats.core.periods import STANDARD, Period, Schedule
from careerstats.errors import NoCoverage, UsageError

if TYPE_CHECKING:
    from careerstats.core.inflation import CpiTable, Rebase, When
    from careerstats.core.outlook import Outlook
    from careerstats.core.places import Area
    from careerstats.core.prices import PriceAdjustment

ALL_SOURCES = "all"


# Named tuples rather than dataclasses: defining a dataclass costs most of a millisecond at
# start-up, and these load on every `compare`.
class MedianGap(NamedTuple):
    """How a career's median compares with the first career's in the same release."""

    baseline: CareerPay
    other: CareerPay
    period: Period
    difference: Decimal
    ratio: Decimal
    derived: bool


class ReleaseChange(NamedTuple):
    """How one career's median moved between two dated releases, nominally and in real terms."""

    older: CareerPay
    newer: CareerPay
    before: WageFigure
    after: WageFigure
    nominal: Decimal
    real: Decimal
    prices: "Rebase"

    @property
    def period(self) -> Period:
        return self.after.period

    @property
    def statistic(self) -> Statistic:
        return self.after.statistic

    @property
    def derived(self) -> bool:
        return self.before.derived or self.after.derived


class Comparison(NamedTuple):
    schedule: Schedule
    rows: tuple[CareerPay, ...]
    gaps: tuple[MedianGap, ...]
    changes: tuple[ReleaseChange, ...] = ()
    adjusted_to: "When | None" = None
    # The release careerstats chose (the newest dated one covering every career), when
    # none was asked for.
    chosen: SourceRelease | None = None
    # Each career's Employment Projections line (or its absence), in the careers' order.
    outlooks: "tuple[Outlook, ...]" = ()
    # One career across areas (`compare --area A --area B`): each row's area, in row order;
    # with prices asked for, each row's RPP (or why none), also in row order.
    places: "tuple[Area, ...]" = ()
    prices: "tuple[PriceAdjustment, ...]" = ()

    def place_of(self, pay: CareerPay) -> "Area | None":
        """The area of a row of a comparison across places (None in any other)."""
        pairs = zip(self.rows, self.places, strict=False)
        return next((area for row, area in pairs if row is pay), None)

    def prices_of(self, pay: CareerPay) -> "PriceAdjustment | None":
        pairs = zip(self.rows, self.prices, strict=False)
        return next((found for row, found in pairs if row is pay), None)

    def outlook(self, career: Career) -> "Outlook | None":
        return next((o for o in self.outlooks if o.career_id == career.id), None)

    @property
    def releases(self) -> list[SourceRelease]:
        # By id and title: across places one release is bound to each area, titled for it.
        seen: dict[tuple[str, str], SourceRelease] = {}
        for row in self.rows:
            seen.setdefault((row.release.id, row.release.title), row.release)
        return list(seen.values())


def choose_release(dataset: Dataset, careers: Sequence[Career]) -> SourceRelease:
    """The newest dated release covering every career; undated ones only when asked for."""
    for release in dataset.by_recency():
        if release.is_dated and all(release.figures_for(c.id) for c in careers):
            return release
    uncovered = [c for c in careers if not dataset.coverage(c)]
    if uncovered:
        names = ", ".join(c.title.lower() for c in uncovered)
        raise NoCoverage(
            f"no source publishes wages for {names}{dataset.scope}",
            tuple(c.id for c in uncovered),
        )
    raise NoCoverage("no single dated source covers all of these careers")


def compare(
    dataset: Dataset,
    careers: Sequence[Career],
    source: str | None = None,
    schedule: Schedule = STANDARD,
    in_dollars_of: "When | None" = None,
    cpi: "CpiTable | None" = None,
) -> Comparison:
    """Careers side by side from one release (or each in every release, `source="all"`).

    With `in_dollars_of`, every dated figure is adjusted from its release's reference month.
    """
    repeated = [c for i, c in enumerate(careers) if any(c.id == d.id for d in careers[:i])]
    if repeated:
        raise UsageError(f"{repeated[0].title.lower()} is named twice; name each career once")
    cpi = price_target(dataset, in_dollars_of, cpi)
    rows: list[CareerPay] = []
    chosen: SourceRelease | None = None
    if source is not None and source.strip().lower() == ALL_SOURCES:
        for career in careers:
            covering = dataset.coverage(career)
            if not covering:
                raise NoCoverage(
                    f"no source publishes wages for {career.title.lower()}{dataset.scope}"
                )
            rows.extend(
                _pay(dataset, release, career, schedule, in_dollars_of, cpi) for release in covering
            )
    else:
        release = dataset.source(source) if source is not None else choose_release(dataset, careers)
        chosen = release if source is None else None
        rows.extend(
            _pay(dataset, release, career, schedule, in_dollars_of, cpi) for career in careers
        )
    from careerstats.core.outlook import outlook

    outlooks = (outlook(dataset.projections, career) for career in careers)
    return Comparison(
        schedule,
        tuple(rows),
        tuple(_gaps(rows)),
        tuple(_changes(dataset, rows, cpi)),
        in_dollars_of,
        chosen,
        tuple(found for found in outlooks if found is not None),
    )


def _pay(
    dataset: Dataset,
    release: SourceRelease,
    career: Career,
    schedule: Schedule,
    in_dollars_of: "When | None",
    cpi: "CpiTable | None",
) -> CareerPay:
    pay = career_pay(release, career, schedule, in_dollars_of, cpi)
    if pay is None:
        others = ", ".join(s.id for s in dataset.coverage(career)) or "none"
        raise NoCoverage(
            f"source {release.id!r} has no figures for {career.title.lower()}{dataset.scope}; "
            f"sources that do: {others}"
        )
    return pay


def _gaps(rows: Sequence[CareerPay]) -> list[MedianGap]:
    """Each career's median against the first career's from the same release.

    Gaps never cross releases: two sources' medians differ in year, method and coverage, so
    their difference would say nothing about the careers (the `changes` say how one career's
    median moved between releases).
    """
    gaps: list[MedianGap] = []
    for release_id in dict.fromkeys(row.release.id for row in rows):
        baseline, *others = (row for row in rows if row.release.id == release_id)
        for other in others:
            if other.career.id == baseline.career.id:
                continue
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


def _changes(
    dataset: Dataset, rows: Sequence[CareerPay], cpi: "CpiTable | None"
) -> list[ReleaseChange]:
    """Each career's median from one dated release to the next, nominal and real.

    Computed on the figures as published (before any `--in-dollars-of`), with the CPI-U of
    the two releases' reference months.
    """
    changes: list[ReleaseChange] = []
    for career_id in dict.fromkeys(row.career.id for row in rows):
        dated = sorted(
            (row for row in rows if row.career.id == career_id and row.release.reference_period),
            key=lambda row: row.release.reference_period or "",
        )
        for older, newer in itertools.pairwise(dated):
            if older.release.reference_period == newer.release.reference_period:
                continue  # a cited source and the official release of its month: no time passed
            for period in SHOWN_PERIODS:
                before = older.figure(period, Statistic.MEDIAN)
                after = newer.figure(period, Statistic.MEDIAN)
                if before is None or after is None or before.at_least or after.at_least:
                    continue  # a top-coded median moves with the ceiling, not with wages
                from careerstats.core.inflation import When

                cpi = cpi or dataset.price_index()
                prices = cpi.rebase(
                    When.parse(older.release.reference_period or ""),
                    When.parse(newer.release.reference_period or ""),
                )
                nominal = after.nominal / before.nominal
                changes.append(
                    ReleaseChange(
                        older,
                        newer,
                        before,
                        after,
                        nominal=nominal - 1,
                        real=nominal / prices.factor - 1,
                        prices=prices,
                    )
                )
    return changes
