"""The listings of careers (`list`) and of sources with their provenance (`sources`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from careerstats.core.model import CareerFigures, Statistic
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.core.profiles import ReleaseContents, SourceListing
from careerstats.render.common import AT_LEAST, Fitted, Hyphenated, label_grid
from careerstats.render.data_view import imported_summary


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
