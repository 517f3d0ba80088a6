"""The listings of careers (`list`) and of sources with their provenance (`sources`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerstats.core.profiles import CareerListing, SourceListing
from careerstats.render.common import Fitted, label_grid
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
            ", ".join(r.id for r in item.sources) or Text("no wages yet", style="dim"),
        )
    return table


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
            grid.add_row("careers", ", ".join(c.id for c in item.careers))
        for index, cited in enumerate(release.cited_in):
            grid.add_row("cited in" if index == 0 else "", cited)
        for index, note in enumerate(release.notes):
            grid.add_row("notes" if index == 0 else "", note)
        parts.extend([grid, Text("")])
    return Group(*parts)
