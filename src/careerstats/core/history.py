"""An occupation's pay in every official release: the 10th, median and 90th, as published and
in one month's dollars, and how each moved since the previous release.

The codes that are the occupation in each release come from the data layer as a `Lineage`
(it follows the SOC crosswalks). Changes are computed only along one unbroken line: the same
code, or a code the crosswalk renames one to one. Where a release has two codes for the
occupation, each has its own row and its own line; where the definition changed (a split, a
merge, a hybrid code) no change is computed across it, and the rows say so. A top-coded
figure is a bound, so no change is computed from or to one.

Ratios are exact quotients at 50 digits; a compound annual rate is the years-th root of a
ratio, taken with `ln` and `exp` at 50 digits. Nothing is rounded here.
"""

import itertools
from collections.abc import Sequence
from decimal import Context, Decimal
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.figures import SHOWN_PERIODS, WageFigure, WageTable, rebase_table, wage_table
from careerstats.core.lineage import Lineage, Link, SocCode, codes_of
from careerstats.core.model import Career, CareerFigures, SourceRelease, Statistic
from careerstats.core.periods import EXACT, STANDARD, Period
from careerstats.core.ratio import Ratio
from careerstats.errors import NoCoverage

if TYPE_CHECKING:
    from careerstats.core.dataset import Dataset
    from careerstats.core.inflation import Rebase, When

STATISTICS = (Statistic.P10, Statistic.MEDIAN, Statistic.P90)
_ROOTS = Context(prec=50)
_ONE = Decimal(1)


class Change(NamedTuple):
    """How one figure moved from an older row to a newer one of the same line."""

    before: WageFigure  # in the history's dollars; `nominal` as published
    after: WageFigure
    years: Ratio  # between the two releases' reference months
    nominal: Decimal  # after / before - 1, as published
    nominal_rate: Decimal  # compounded per year over `years`
    real: Decimal  # the same with each figure in the same month's dollars (CPI-U)
    real_rate: Decimal

    @property
    def period(self) -> Period:
        return self.after.period

    @property
    def statistic(self) -> Statistic:
        return self.after.statistic

    @property
    def difference(self) -> Decimal:
        """In each release's own dollars."""
        return self.after.nominal - self.before.nominal

    @property
    def real_difference(self) -> Decimal:
        """In the history's dollars."""
        return self.after.value - self.before.value

    @property
    def derived(self) -> bool:
        return self.before.derived or self.after.derived


class Unchanged(NamedTuple):
    """A figure of a line with no change computed, and why."""

    period: Period
    statistic: Statistic
    reason: str


class HistoryRow(NamedTuple):
    """One code of one release: its figures and how they moved along its line."""

    release: SourceRelease
    link: Link
    entry: CareerFigures
    wages: WageTable  # 10th, median, 90th; adjusted to the history's month (nominal kept)
    rebase: "Rebase"
    previous: Link | None = None  # the row of the previous release on the same line
    changes: tuple[Change, ...] = ()
    unchanged: tuple[Unchanged, ...] = ()
    # Why this row starts a line of its own after an earlier release (None: it does not).
    break_reason: str | None = None
    # The occupation's codes differ from the previous release's: what changed (a renaming
    # keeps the line; a split, merge or hybrid code breaks it).
    definition: str | None = None

    def figure(self, period: Period, statistic: Statistic) -> WageFigure | None:
        return self.wages.get(period, {}).get(statistic)

    @property
    def code(self) -> str:
        return self.link.code


class History(NamedTuple):
    career: Career
    lineage: Lineage
    rows: tuple[HistoryRow, ...]
    adjusted_to: "When"
    to_index: Decimal
    series: str
    notes: tuple[str, ...] = ()
    # From the first release to the newest, when every release has one row on one line.
    overall: tuple[Change, ...] = ()
    overall_unchanged: str | None = None

    @property
    def releases(self) -> list[SourceRelease]:
        return list({row.release.id: row.release for row in self.rows}.values())

    def rows_of(self, release_id: str) -> list[HistoryRow]:
        return [row for row in self.rows if row.release.id == release_id]


def compound_rate(ratio: Decimal, years: Ratio) -> Decimal:
    """The yearly rate that compounds to `ratio` over `years`: ratio ** (1 / years) - 1."""
    if years <= 0:
        raise ValueError("compound_rate: the years between releases must be positive")
    if ratio <= 0:
        raise ValueError("compound_rate: a ratio of two wages is positive")
    if years == 1:
        return _ROOTS.subtract(ratio, _ONE)  # a one-year root is the ratio itself
    exponent = _ROOTS.divide(Decimal(years.denominator), Decimal(years.numerator))
    return _ROOTS.subtract(_ROOTS.exp(_ROOTS.multiply(_ROOTS.ln(ratio), exponent)), _ONE)


def years_between(older: str, newer: str) -> Ratio:
    """Years from one reference month (`2008-05`) to another: 16 from May 2008 to May 2024."""
    (year_a, month_a), (year_b, month_b) = (map(int, p.split("-")) for p in (older, newer))
    return Ratio((year_b - year_a) * 12 + (month_b - month_a), 12)


def history(
    dataset: "Dataset",
    career: Career,
    lineage: Lineage,
    in_dollars_of: "When | None" = None,
) -> History:
    """Every dated release of the lineage's codes, oldest first, in `in_dollars_of`'s dollars
    (default: the newest month of the CPI-U table)."""
    cpi = dataset.price_index()
    target = in_dollars_of or cpi.newest
    to_index = cpi.index(target)
    releases = {release.id: release for release in dataset.sources}
    from careerstats.core.inflation import When

    rows: list[HistoryRow] = []
    for link in lineage.links:
        release = releases.get(link.release_id)
        reference = release.reference_period if release is not None else None
        entry = release.figures_for(link.code) if release is not None else None
        if release is None or reference is None or entry is None:
            continue
        rebase = cpi.rebase(When.parse(reference), target)
        table = wage_table(entry, STANDARD, SHOWN_PERIODS, release.annual_basis)
        shown = {
            period: {s: f for s, f in row.items() if s in STATISTICS}
            for period, row in table.items()
        }
        rows.append(HistoryRow(release, link, entry, rebase_table(shown, rebase), rebase))
    if not rows:
        raise NoCoverage(
            f"no official OEWS release publishes wages for {career.title.lower()} ({career.soc})",
            (career.id,),
        )
    rows = _lines(rows, lineage)
    overall, overall_unchanged = _overall(rows)
    return History(
        career=career,
        lineage=lineage,
        rows=tuple(rows),
        adjusted_to=target,
        to_index=to_index,
        series=cpi.series,
        notes=tuple(_notes(rows, lineage)),
        overall=overall,
        overall_unchanged=overall_unchanged,
    )


def _by_release(rows: Sequence[HistoryRow]) -> list[list[HistoryRow]]:
    return [list(group) for _, group in itertools.groupby(rows, key=lambda r: r.release.id)]


def _lines(rows: Sequence[HistoryRow], lineage: Lineage) -> list[HistoryRow]:
    """Each row joined to the previous release's row of the same line, with its changes."""
    joined: list[HistoryRow] = []
    previous: list[HistoryRow] = []
    for group in _by_release(rows):
        definition = _definition(previous, group) if previous else None
        for row in group:
            line = [older for older in previous if row.link.continues(older.link)]
            if not previous:
                joined.append(row._replace(definition=definition))
            elif len(line) != 1:
                joined.append(
                    row._replace(
                        definition=definition,
                        break_reason="the occupation's definition changed: no change is "
                        "computed across it",
                    )
                )
            else:
                changes, unchanged = _changes(line[0], row)
                joined.append(
                    row._replace(
                        previous=line[0].link,
                        changes=tuple(changes),
                        unchanged=tuple(unchanged),
                        definition=definition,
                    )
                )
        previous = group
    return joined


def _changes(older: HistoryRow, newer: HistoryRow) -> tuple[list[Change], list[Unchanged]]:
    years = years_between(
        older.release.reference_period or "", newer.release.reference_period or ""
    )
    changes: list[Change] = []
    unchanged: list[Unchanged] = []
    for period in SHOWN_PERIODS:
        for statistic in STATISTICS:
            before, after = older.figure(period, statistic), newer.figure(period, statistic)
            if before is None or after is None:
                missing = older if before is None else newer
                unchanged.append(
                    Unchanged(period, statistic, f"{missing.release.id} publishes no figure")
                )
            elif before.at_least or after.at_least:
                bound = older if before.at_least else newer
                unchanged.append(
                    Unchanged(
                        period,
                        statistic,
                        f"{bound.release.id}'s figure is top-coded (at least), a bound: "
                        "it moves with BLS's ceiling, not with wages",
                    )
                )
            else:
                changes.append(_change(older, newer, before, after, years))
    return changes, unchanged


def _change(
    older: HistoryRow, newer: HistoryRow, before: WageFigure, after: WageFigure, years: Ratio
) -> Change:
    nominal = EXACT.divide(after.nominal, before.nominal)
    # In one month's dollars each figure is nominal x to_index / its own from_index: the
    # to_index cancels, so the real ratio is the nominal one times from_index(older) /
    # from_index(newer), with the one division last.
    real = EXACT.divide(
        EXACT.multiply(after.nominal, older.rebase.from_index),
        EXACT.multiply(before.nominal, newer.rebase.from_index),
    )
    return Change(
        before,
        after,
        years,
        nominal=EXACT.subtract(nominal, _ONE),
        nominal_rate=compound_rate(nominal, years),
        real=EXACT.subtract(real, _ONE),
        real_rate=compound_rate(real, years),
    )


def _overall(rows: Sequence[HistoryRow]) -> tuple[tuple[Change, ...], str | None]:
    groups = _by_release(rows)
    if len(groups) < 2:
        return (), "fewer than two releases publish the occupation"
    if any(len(group) > 1 for group in groups):
        return (), "some releases have two codes for the occupation"
    if any(row.break_reason for row in rows):
        return (), "the occupation's definition changed between the first and newest release"
    first, last = rows[0], rows[-1]
    changes, _ = _changes(first, last)
    return tuple(changes), None


def _name(link: Link) -> str:
    where = "an OEWS hybrid code" if link.hybrid else link.classification
    return f"{link.code} “{link.title}” ({where})"


def _names(codes: Sequence[SocCode]) -> str:
    named = [f"{item.code} {item.title}" for item in codes]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _definition(older: Sequence[HistoryRow], newer: Sequence[HistoryRow]) -> str | None:
    """What changed from one release's codes for the occupation to the next one's."""
    before = [row.link for row in older]
    after = [row.link for row in newer]
    same = len(before) == len(after) and all(
        new.continues(old) for new, old in zip(after, before, strict=True)
    )
    if same and [link.code for link in before] == [link.code for link in after]:
        return None
    if same:
        pairs = ", ".join(
            f"{new.code} for {old.code}" for new, old in zip(after, before, strict=True)
        )
        return (
            f"new codes, same occupations: {pairs} ({after[0].classification} for "
            f"{before[0].classification}, one to one in the SOC crosswalk)"
        )
    was = " and ".join(_name(link) for link in before)
    now = " and ".join(_name(link) for link in after)
    return f"definition changed: {now} in place of {was}"


def _notes(rows: Sequence[HistoryRow], lineage: Lineage) -> list[str]:
    """What each earlier code covered beyond (or short of) the occupation asked about, and
    where one release has two codes for it; each note once, with the releases it concerns."""
    spans: dict[str, list[SourceRelease]] = {}
    wanted_now, wanted_origins = codes_of(lineage.now), codes_of(lineage.origins)
    for group in _by_release(rows):
        release = group[0].release
        texts: list[str] = []
        if len(group) > 1:
            texts.append(
                f"{lineage.title} ({lineage.code}) was {len(group)} occupations in "
                f"{group[0].link.classification}: "
                + " and ".join(_name(row.link) for row in group)
                + "; each has its own rows"
            )
        for row in group:
            link = row.link
            more = [c for c in link.now if c.code not in wanted_now]
            took = [c for c in link.origins if c.code not in wanted_origins]
            less = [c for c in lineage.now if c.code not in codes_of(link.now)]
            if more:
                texts.append(f"{_name(link)} also covered what is now {_names(more)} (SOC 2018)")
            elif took:
                texts.append(f"{_name(link)} also took in {_names(took)} (SOC 2000)")
            if less and len(group) == 1:
                texts.append(f"{_name(link)} covered only part of it: not {_names(less)}")
        for text in texts:
            spans.setdefault(text, []).append(release)
    return [f"{_span(releases)}: {text}" for text, releases in spans.items()]


def _span(releases: Sequence[SourceRelease]) -> str:
    first, last = releases[0].period_label, releases[-1].period_label
    return first if first == last else f"{first} to {last}"
