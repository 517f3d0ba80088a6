"""The occupations of one release at one level (`list`), grouped under their major groups,
the catalog's careers among them marked."""

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from careerstats.core.dataset import Dataset
from careerstats.core.groups import LEVELS, Group, find_group, groups_in, level_of
from careerstats.core.model import Career, CareerFigures, SourceRelease, Statistic, Summary
from careerstats.core.periods import Period
from careerstats.errors import GroupAboveLevel, UsageError


class Listed(NamedTuple):
    entry: Summary
    career: Career | None  # the catalog's career for the code, with its aliases


class Section(NamedTuple):
    major: Group | None  # None: the release states no major group for these
    items: tuple[Listed, ...]


class OccupationList(NamedTuple):
    release: SourceRelease
    level: str
    group: Group | None
    sections: tuple[Section, ...]
    scope: str = ""

    @property
    def listed(self) -> int:
        return sum(len(section.items) for section in self.sections)


# What a listing reads of a release: its entries' figures, or one figure of each.
Entry = TypeVar("Entry", CareerFigures, Summary)
Reader = Callable[[SourceRelease, frozenset[str] | None], list[Entry]]


def figures(release: SourceRelease, levels: frozenset[str] | None) -> list[CareerFigures]:
    """Every entry's figures, or those of `levels`."""
    return release.entries_at(levels) if levels else release.entries()


def summaries(
    period: Period = Period.YEAR, statistic: Statistic | None = None
) -> Callable[[SourceRelease, frozenset[str] | None], list[Summary]]:
    """Each entry's code, title, level and employment, and the one figure asked for."""

    def read(release: SourceRelease, levels: frozenset[str] | None) -> list[Summary]:
        every = frozenset(("total", *LEVELS))
        return release.summaries_at(levels or every, period, statistic)

    return read


def newest_release(
    dataset: Dataset, read: Reader[Entry], levels: frozenset[str]
) -> tuple[SourceRelease, list[Entry]]:
    """The newest dated release whose entries state their level (an OEWS release), and its
    entries of `levels`."""
    for release in dataset.by_recency():
        if release.is_dated:
            entries = read(release, levels)
            if any(entry.groups for entry in entries):
                return release, entries
    raise UsageError("no release states the level of its occupations")


def in_scope(
    dataset: Dataset,
    source_id: str | None,
    level: str | None,
    group_text: str | None,
    read: Reader[Entry],
    *,
    majors: bool = False,
) -> tuple[SourceRelease, Group | None, list[Entry], list[Entry]]:
    """The release asked for (the newest OEWS one by default), the group, its entries at
    `level` (None: every level) and in the group, and the entries read: those of the level,
    of the major and minor groups when a group is named, and of the major groups with
    `majors` (every entry when no level is given). An entry whose source states no level (a
    cited source's careers) counts as a detailed occupation."""
    # Reading entries is most of the cost: only those needed are read.
    levels: frozenset[str] | None = None
    if level is not None:
        above: set[str] = {"major", "minor"} if group_text else {"major"} if majors else set()
        levels = frozenset({level, *above})
    if source_id:
        release = dataset.source(source_id)
        entries = read(release, levels)
    else:
        release, entries = newest_release(dataset, read, levels or frozenset(LEVELS))
    group = find_group(entries, group_text, release.id) if group_text else None
    if group is not None and level is not None and LEVELS.index(level) <= LEVELS.index(group.level):
        raise GroupAboveLevel(
            f"{group.code} {group.title} is a {group.level} group: it holds "
            f"{_joined(LEVELS[LEVELS.index(group.level) + 1 :])} occupations, not {level} ones",
            group.code,
            group.level,
            level,
        )
    chosen = [
        entry
        for entry in entries
        if (level is None or (level_of(entry) or "detailed") == level)
        and (group is None or group.holds(entry.soc))
    ]
    return release, group, chosen, entries


def occupation_list(
    dataset: Dataset,
    level: str = "detailed",
    group_text: str | None = None,
    source_id: str | None = None,
) -> OccupationList:
    release, group, entries, every = in_scope(
        dataset, source_id, level, group_text, summaries(), majors=True
    )
    catalog = {code: career for career in dataset.careers for code in career.soc_codes}
    majors = {major.code: major for major in groups_in(every, ("major",))}
    sections: dict[str | None, list[Listed]] = {}
    for entry in entries:
        major = f"{entry.soc[:2]}-0000" if level != "major" else None
        key = major if major in majors else None
        sections.setdefault(key, []).append(Listed(entry, catalog.get(entry.soc)))
    return OccupationList(
        release=release,
        level=level,
        group=group,
        sections=tuple(
            Section(majors[code] if code else None, tuple(items))
            for code, items in sections.items()
        ),
        scope=dataset.scope,
    )


def _joined(words: tuple[str, ...]) -> str:
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else words[0]
