"""Occupations ranked by a statistic (`top`): a wage as published, OEWS employment, or the
Employment Projections' growth or openings, with filters by group, typical entry education
and employment. Nothing is derived: every figure ranked is one a source published."""

from collections import Counter
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.dataset import Dataset
from careerstats.core.education import level_of as education_rank
from careerstats.core.groups import Group
from careerstats.core.listing import in_scope, summaries
from careerstats.core.model import Career, SourceRelease, Statistic, Summary
from careerstats.core.periods import Period
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.core.outlook import Edition, Projection, Projections


class Measure(StrEnum):
    MEDIAN = "median"
    MEAN = "mean"
    P10 = "p10"
    P25 = "p25"
    P75 = "p75"
    P90 = "p90"
    GROWTH = "growth"
    OPENINGS = "openings"
    EMPLOYMENT = "employment"

    @property
    def statistic(self) -> Statistic | None:
        """The wage statistic it ranks by; None for the other measures."""
        return _STATISTICS.get(self.value)

    @property
    def projected(self) -> bool:
        return self in (Measure.GROWTH, Measure.OPENINGS)


_STATISTICS = {statistic.value: statistic for statistic in Statistic}


class Filters(NamedTuple):
    level: str = "detailed"
    group: str | None = None  # a code or words, as given
    education: int | None = None  # exactly this rank of BLS's order
    max_education: int | None = None  # at most this rank
    min_employment: int | None = None

    @property
    def by_education(self) -> bool:
        return self.education is not None or self.max_education is not None


class Ranked(NamedTuple):
    rank: int
    entry: Summary
    value: Decimal  # the figure ranked; the ceiling of a top-coded one
    at_least: bool  # top-coded: at or above `value`
    career: Career | None  # the catalog's career for the code, when it has one
    education: str | None  # typical entry education as BLS publishes it


class Top(NamedTuple):
    release: SourceRelease
    by: Measure
    per: Period | None  # the period of a wage measure's figures
    filters: Filters
    group: Group | None
    rows: tuple[Ranked, ...]
    considered: int  # occupations at the level (and in the group) before the other filters
    matched: int  # those left after every filter, before the limit
    left_out: tuple[tuple[str, int], ...]  # why the others are not ranked, with counts
    edition: "Edition | None"  # the projections used for growth, openings or education
    scope: str = ""


def top(
    dataset: Dataset,
    by: Measure,
    per: Period | None = None,
    filters: Filters | None = None,
    source_id: str | None = None,
    limit: int | None = 20,
) -> Top:
    filters = filters or Filters()
    read = summaries(per or Period.YEAR, by.statistic)  # one figure of each, as published
    release, group, entries, _ = in_scope(dataset, source_id, filters.level, filters.group, read)
    projections = dataset.projections  # typical entry education is shown for every row
    if (by.projected or filters.by_education) and projections is None:
        raise UsageError("no Employment Projections are available to rank or filter by")
    catalog = {code: career for career in dataset.careers for code in career.soc_codes}
    left_out: Counter[str] = Counter()
    found: list[tuple[Decimal, bool, Summary]] = []
    # Every entry's projection line when growth, openings or education decide; else only the
    # lines of the entries shown, for their typical education.
    every_line = by.projected or filters.by_education
    for entry in entries:
        line = projections.projection(entry.soc) if every_line and projections else None
        reason = _excluded(entry, line, filters, by)
        if reason:
            left_out[reason] += 1
            continue
        figure = _figure(entry, by, line)
        if figure is None:
            label = by.statistic.label if by.statistic else by.value
            left_out[f"no {label} published" + (f" per {per.value}" if per else "")] += 1
            continue
        found.append((*figure, entry))
    # A top-coded figure sorts as its ceiling; ties go to the larger employment.
    found.sort(key=lambda item: (-item[0], -(item[2].employment or 0), item[2].soc))
    shown = found if limit is None else found[:limit]
    rows = tuple(
        Ranked(
            rank=index,
            entry=entry,
            value=value,
            at_least=at_least,
            career=catalog.get(entry.soc),
            education=_education(projections, entry.soc),
        )
        for index, (value, at_least, entry) in enumerate(shown, start=1)
    )
    return Top(
        release=release,
        by=by,
        per=per,
        filters=filters,
        group=group,
        rows=rows,
        considered=len(entries),
        matched=len(found),
        left_out=tuple(sorted(left_out.items(), key=lambda item: (-item[1], item[0]))),
        edition=projections.edition() if projections is not None else None,
        scope=dataset.scope,
    )


def _education(projections: "Projections | None", code: str) -> str | None:
    line = projections.projection(code) if projections is not None else None
    return line.education if line is not None else None


def _excluded(
    entry: Summary, line: "Projection | None", filters: Filters, by: Measure
) -> str | None:
    """Why an entry is not ranked, or None when it is."""
    if (by.projected or filters.by_education) and line is None:
        return "no line in the Employment Projections"
    if filters.by_education:
        assert line is not None
        rank = education_rank(line.education)
        if rank is None:
            return "no typical entry education in the Employment Projections"
        if filters.education is not None and rank != filters.education:
            return "another typical entry education"
        if filters.max_education is not None and rank > filters.max_education:
            return "more typical entry education"
    if filters.min_employment is not None:
        if entry.employment is None:
            return "employment not published"
        if entry.employment < filters.min_employment:
            return "employment below the minimum"
    return None


def _figure(entry: Summary, by: Measure, line: "Projection | None") -> tuple[Decimal, bool] | None:
    """The figure ranked, and whether it is a top-coded bound; None when none is published."""
    if by.statistic is not None:
        return (entry.figure, entry.top_coded) if entry.figure is not None else None
    if by is Measure.EMPLOYMENT:
        return (Decimal(entry.employment), False) if entry.employment is not None else None
    assert line is not None  # a projected measure: entries without a line are left out
    return (line.change_percent if by is Measure.GROWTH else line.openings), False
