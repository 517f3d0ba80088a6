"""`search`: the occupations a few words or a code name, best first, each with the newest
median any release publishes for it."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.model import SourceRelease, Statistic
from careerstats.core.periods import Period
from careerstats.core.wording import quoted
from careerstats.errors import NothingFound, UsageError

if TYPE_CHECKING:
    from careerstats.core.dataset import Dataset
    from careerstats.core.names import Match

DEFAULT_LIMIT = 10


class Median(NamedTuple):
    """A median exactly as a release publishes it: per year where it publishes one, else
    per hour; `at_least` where it is top-coded (the release's ceiling, a lower bound)."""

    value: Decimal
    period: Period
    at_least: bool
    release: SourceRelease


class Hit(NamedTuple):
    """One occupation found, and the name it was found by."""

    code: str
    title: str
    level: str
    matched: str  # the name that matched, as published
    matched_as: str  # code, alias, title or alternate
    career_id: str  # the catalog's id, or the code: what other commands take
    alias: str | None  # the catalog's first alias, for a catalog career
    employment: int | None
    median: Median | None


class SearchResult(NamedTuple):
    query: str
    hits: tuple[Hit, ...]
    total: int  # every occupation found; `hits` are the first `limit`
    limit: int


def search(dataset: Dataset, query: str, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """The occupations `query` finds (see `CareerNames.matches`), the first `limit` of them
    with their newest published median."""
    if limit < 1:
        raise UsageError(f"a search shows at least 1 occupation, not {limit}")
    matches = dataset.matches(query)
    if not matches:
        if not any(character.isalnum() for character in query):
            raise NothingFound("nothing to search for: no word or SOC code", query, empty=True)
        raise NothingFound(f"no occupation matches {quoted(query.strip())}", query)
    hits = tuple(_hit(dataset, match) for match in matches[:limit])
    return SearchResult(query.strip(), hits, len(matches), limit)


def _hit(dataset: Dataset, match: Match) -> Hit:
    career = match.career
    career_id = career.id if career is not None else match.entry.code
    return Hit(
        code=match.entry.code,
        title=match.entry.title,
        level=match.entry.level,
        matched=match.name.text,
        matched_as=match.name.kind,
        career_id=career_id,
        alias=career.aliases[0] if career is not None and career.aliases else None,
        employment=match.entry.employment,
        median=newest_median(dataset, career_id),
    )


def newest_median(dataset: Dataset, career_id: str) -> Median | None:
    """The median of the newest dated release that publishes one for the career."""
    for release in dataset.by_recency():
        if not release.is_dated:
            continue
        figures = release.figures_for(career_id)
        if figures is None:
            continue
        for period in (Period.YEAR, Period.HOUR):
            value = figures.wages.get(period, {}).get(Statistic.MEDIAN)
            if value is not None:
                return Median(value, period, False, release)
            bound = figures.top_coded.get(period, {}).get(Statistic.MEDIAN)
            if bound is not None:
                return Median(bound, period, True, release)
    return None
