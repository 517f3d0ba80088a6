"""Views of the data themselves: the audit, file checks, imported releases."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerstats.core.audit import Audit, CitationCheck
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.core.wording import counted
from careerstats.render.common import Fitted, label_grid, money_text
from careerstats.sources.dataset import CheckedFile
from careerstats.sources.store import ReleaseRecord


def audit_view(result: Audit) -> Group:
    count = len(result.findings)
    parts: list[RenderableType] = [
        Text(
            f"Data audit: {count} finding{'s' if count != 1 else ''} in "
            f"{len(result.sources)} sources (information only; nothing was changed)",
            style="bold",
        )
    ]
    for number, finding in enumerate(result.findings, start=1):
        where = finding.source + (f", {finding.career}" if finding.career else "")
        parts.append(Text(""))
        parts.append(Text.assemble((f"{number}. {where}", "bold"), f"  [{finding.kind}]"))
        parts.append(Padding(Text(finding.summary), (0, 0, 0, 3)))
        parts.append(Padding(Text(f"meaning: {finding.meaning}", style="dim"), (0, 0, 0, 3)))
    if result.citations:
        parts.extend([Text(""), _citations(result.citations)])
    return Group(*parts)


# SOC, the figure's name, two amounts and the verdict side by side.
CITATIONS_WIDTH = 72


def _citations(checks: Sequence[CitationCheck]) -> Group:
    """A table per cited source, titled with the official release it is checked against;
    on a narrow console, a line per figure."""
    parts: list[RenderableType] = [
        Text("Cited figures against the official release of the same month", style="bold")
    ]
    pairs = dict.fromkeys((check.source, check.official_source) for check in checks)
    for source, official in pairs:
        mine = [c for c in checks if (c.source, c.official_source) == (source, official)]
        parts.append(_fitted_citations(f"{source} against {official}", mine))
    return Group(*parts)


def _fitted_citations(title: str, checks: Sequence[CitationCheck]) -> Fitted:
    return Fitted(
        CITATIONS_WIDTH,
        lambda: _citation_table(title, checks),
        lambda: _citation_lines(title, checks),
    )


def _citation_table(title: str, checks: Sequence[CitationCheck]) -> Table:
    table = Table(title=title, title_justify="left")
    table.box = box.SIMPLE_HEAD
    table.add_column("SOC", no_wrap=True)
    table.add_column("figure")
    for heading in ("cited", "BLS", ""):
        table.add_column(heading, no_wrap=True, justify="right" if heading else "left")
    for check in checks:
        table.add_row(*_citation_cells(check))
    return table


def _citation_lines(title: str, checks: Sequence[CitationCheck]) -> Group:
    lines: list[RenderableType] = [Text(title, style="italic")]
    for check in checks:
        soc, figure, cited, official, verdict = _citation_cells(check)
        lines.append(Text.assemble(f"{soc} {figure}: cited {cited}, BLS {official}, ", verdict))
    return Group(*lines)


def _citation_cells(check: CitationCheck) -> tuple[str | Text, ...]:
    whole = check.period is not Period.HOUR
    derived = " (the article's own derivation)" if check.derived_in_source else ""
    return (
        check.soc,
        f"{check.period.adjective} {check.statistic.label}{derived}",
        dollars(check.cited, whole=whole),
        dollars(check.official, whole=whole) if check.official is not None else "none",
        Text("matches", style="green") if check.matches else Text("does not match", style="yellow"),
    )


def check_view(checked: Sequence[CheckedFile]) -> Group:
    lines: list[RenderableType] = [
        Text.assemble(("ok  ", "green"), f"{item.name}: {_holds(item)}") for item in checked
    ]
    lines.append(Text(f"{counted(len(checked), 'file')} valid", style="bold"))
    return Group(*lines)


def _holds(item: CheckedFile) -> str:
    if item.kind == "tax":
        return "tax years " + ", ".join(str(year) for year in item.years)
    return f"{item.kind} {item.id}, {counted(item.careers, 'career')}"


def imported_summary(record: ReleaseRecord) -> str:
    return (
        f"{counted(record.rows, 'row')}, {counted(record.areas, 'area')}, "
        f"{counted(record.industries, 'industry', 'industries')}; {record.classification}"
    )


# Source, files, three counts and the ceiling side by side need about this many columns.
RELEASES_WIDTH = 70


def release_list_view(records: Sequence[ReleaseRecord]) -> Fitted:
    return Fitted(
        RELEASES_WIDTH, lambda: release_list_table(records), lambda: _release_blocks(records)
    )


def _ceiling(record: ReleaseRecord) -> str:
    if record.ceiling_hour is None or record.ceiling_year is None:
        return "not stated"
    return f"{dollars(record.ceiling_hour)}/h\n{money_text(record.ceiling_year)}/yr"


def _release_blocks(records: Sequence[ReleaseRecord]) -> Group:
    parts: list[RenderableType] = [Text("Imported OEWS releases", style="italic")]
    for record in records:
        grid = label_grid()
        grid.add_row("source", Text(record.id, style="bold"))
        for index, file in enumerate(record.files):
            grid.add_row("files" if index == 0 else "", f"{file.name} ({file.layout})")
            if file.url is not None:  # downloaded by `data fetch`
                grid.add_row("", f"  from {file.url} ({file.download_size:,} bytes)")
        grid.add_row("counts", imported_summary(record))
        grid.add_row("top-coded", _ceiling(record).replace("\n", " or "))
        parts.extend([grid, Text("")])
    return Group(*parts)


def release_list_table(records: Sequence[ReleaseRecord]) -> Table:
    table = Table(title="Imported OEWS releases", box=box.SIMPLE_HEAD)
    table.add_column("source", no_wrap=True)
    table.add_column("files", no_wrap=True)
    table.add_column("rows", justify="right")
    table.add_column("areas", justify="right")
    table.add_column("industries", justify="right")
    table.add_column("top-coded at")
    for record in records:
        ceiling = _ceiling(record)
        table.add_row(
            record.id,
            "\n".join(f"{f.name}\n  ({f.layout})" for f in record.files),
            f"{record.rows:,}",
            f"{record.areas:,}",
            f"{record.industries:,}",
            ceiling,
        )
    return table
