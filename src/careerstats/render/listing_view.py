"""The listings of careers (`list`) and of sources with their provenance (`sources`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerstats.core.model import CareerFigures, SourceRelease, Statistic
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.core.profiles import CareerListing, ReleaseContents, SourceListing
from careerstats.render.common import AT_LEAST, Fitted, Hyphenated, label_grid
from careerstats.render.data_view import imported_summary

# Alias, title, SOC code and sources side by side need about this many columns.
LIST_WIDTH = 60
_LIST_CAPTION = "name a career by alias, SOC code, title or id ('careerstats list --json' has ids)"


def career_list_view(listing: Sequence[CareerListing]) -> Fitted:
    return Fitted(LIST_WIDTH, lambda: career_list_table(listing), lambda: _career_blocks(listing))


def _career_blocks(listing: Sequence[CareerListing]) -> Group:
    parts: list[RenderableType] = [Text("Careers", style="italic")]
    for item in listing:
        career = item.career
        alias = career.aliases[0] if career.aliases else career.id
        sources = ", ".join(r.id for r in item.sources) or "no wages yet"
        parts.append(Text(career.title, style="bold"))
        parts.append(Padding(Text(f"{alias}; SOC {career.soc}\nsources: {sources}"), (0, 0, 0, 2)))
    parts.append(Text(_LIST_CAPTION))
    return Group(*parts)


def career_list_table(listing: Sequence[CareerListing]) -> Table:
    table = Table(
        title="Careers",
        box=box.SIMPLE_HEAD,
        caption=_LIST_CAPTION,
    )
    table.add_column("alias", style="bold", max_width=14)
    table.add_column("career")
    table.add_column("SOC", no_wrap=True)
    table.add_column("sources")
    for item in listing:
        career = item.career
        table.add_row(
            career.aliases[0] if career.aliases else career.id,
            career.title,
            career.soc,
            sources_text(item.sources) or Text("no wages yet", style="dim"),
        )
    return table


def sources_text(releases: Sequence[SourceRelease]) -> str:
    """Release ids with the yearly OEWS releases as runs of years: "oews 2008, 2013-2024;
    bls-2017, bls-2008"."""
    years = sorted(int(r.id.rpartition("-")[2]) for r in releases if _is_yearly_oews(r.id))
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    spans = [f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    others = [release.id for release in releases if not _is_yearly_oews(release.id)]
    oews = "oews " + ", ".join(spans) if spans else ""
    return "; ".join(part for part in (oews, ", ".join(others)) if part)


def _is_yearly_oews(release_id: str) -> bool:
    prefix, _, year = release_id.rpartition("-")
    return prefix == "oews" and year.isdigit()


def source_list_view(listing: Sequence[SourceListing]) -> Group:
    parts: list[RenderableType] = []
    for item in listing:
        release = item.release
        grid = label_grid()
        grid.add_row("source", Text(release.id, style="bold"))
        grid.add_row("title", release.title)
        grid.add_row("publisher", release.publisher)
        grid.add_row("program", release.program)
        grid.add_row("reference", release.period_label)
        if release.reference_period_note:
            grid.add_row("", release.reference_period_note)
        if release.classification:
            grid.add_row("codes", release.classification)
        record = getattr(release, "record", None)
        if record is not None:
            grid.add_row("imported", imported_summary(record))
            for file in record.files:
                grid.add_row("", f"{file.name} ({file.layout}, {file.rows:,} rows)")
        else:
            grid.add_row("careers", Hyphenated(", ".join(c.id for c in item.careers)))
        for index, cited in enumerate(release.cited_in):
            grid.add_row("cited in" if index == 0 else "", Hyphenated(cited))
        for index, note in enumerate(release.notes):
            grid.add_row("notes" if index == 0 else "", note)
        parts.extend([grid, Text("")])
    return Group(*parts)


# SOC code, a readable title, level, employment and two medians side by side.
CONTENTS_WIDTH = 80


def release_contents_view(result: ReleaseContents) -> Fitted:
    """One line per occupation: code, title, level, employment and the medians as published;
    on a narrow console, two lines per occupation."""
    return Fitted(CONTENTS_WIDTH, lambda: _ContentsTable(result), lambda: _contents_lines(result))


def _contents_caption(result: ReleaseContents) -> str:
    return (
        f"{len(result.entries):,} entries, figures as published; {AT_LEAST}: top-coded, at or "
        "above; -: not published ('careerstats list --source ID --json' has every percentile)"
    )


def _contents_lines(result: ReleaseContents) -> Group:
    release = result.release
    parts: list[RenderableType] = [Text(f"{release.id}: {release.title or release.program}")]
    for entry in result.entries:
        parts.append(
            Text(f"{entry.soc} {entry.title_in_source or ''}", no_wrap=True, overflow="ellipsis")
        )
        employment = "-" if entry.employment is None else f"{entry.employment:,}"
        level = _level(entry)
        hourly, annual = _median(entry, Period.HOUR), _median(entry, Period.YEAR)
        parts.append(Text(f"  {level}, {employment} employed; median {hourly} | {annual}"))
    parts.append(Text(_contents_caption(result)))
    return Group(*parts)


class _ContentsTable:
    """The wide table, its title column as wide as the console leaves it (cut short with an
    ellipsis, never wrapped): every other column keeps its width."""

    # SOC, level, employment and the two medians, with the cells' padding.
    OTHER_COLUMNS = 64

    def __init__(self, result: ReleaseContents) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        result, release = self.result, self.result.release
        table = Table(
            title=f"{release.id}: {release.title or release.program}",
            caption=_contents_caption(result),
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        title_width = max(16, options.max_width - self.OTHER_COLUMNS)
        table.add_column("SOC", no_wrap=True)
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
        table.add_column("level", no_wrap=True)
        table.add_column("employment", justify="right", no_wrap=True)
        table.add_column("median/h", justify="right", no_wrap=True)
        table.add_column("median/yr", justify="right", no_wrap=True)
        for entry in result.entries:
            table.add_row(
                entry.soc,
                Text(entry.title_in_source or ""),
                _level(entry),
                "-" if entry.employment is None else f"{entry.employment:,}",
                _median(entry, Period.HOUR),
                _median(entry, Period.YEAR),
            )
        yield table


def _level(entry: CareerFigures) -> str:
    """The occupation's level; a code BLS publishes as broad and detailed is detailed."""
    if "detailed" in entry.groups:
        return "detailed"
    return entry.groups[0] if entry.groups else "-"


def _median(entry: CareerFigures, period: Period) -> str:
    published = entry.wages.get(period, {}).get(Statistic.MEDIAN)
    if published is not None:
        return dollars(published, whole=period is Period.YEAR)
    ceiling = entry.top_coded.get(period, {}).get(Statistic.MEDIAN)
    if ceiling is not None:
        return f"{AT_LEAST} {dollars(ceiling, whole=period is Period.YEAR)}"
    return "-"
