"""The tables of `compare`: one row per career (or per career and release), the statistics as
columns, hourly and annual apart; the Employment Projections in a table of their own.

The layout is chosen when the console's width is known: a column that does not fit moves to
the next table or, when nothing sensible fits, each career becomes a block of label and value
lines (the narrow layout)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text

from careerstats.core.comparison import Comparison, MedianGap, ReleaseChange
from careerstats.core.figures import SHOWN_PERIODS, STATISTIC_ORDER
from careerstats.core.model import Statistic
from careerstats.core.money import signed_percent
from careerstats.core.pay import CareerPay
from careerstats.core.periods import Period
from careerstats.render import outlook_view
from careerstats.render.common import (
    DERIVED_MARK,
    MISSING,
    RowTable,
    block_table,
    figure_cell,
    flush_right,
    mark_width,
    prices_row,
    ratio_text,
    row_table,
    signed_money,
    wage_rows,
    width_of,
    wrapped,
)

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
    from rich.table import Table

# Below this many columns even one career's figures do not fit as a row: blocks instead.
NARROW = 56
# Row labels (career titles) are cut with an ellipsis rather than below this width.
LABEL_LEAST = 12


class Row(NamedTuple):
    label: str
    pay: CareerPay


class Column(NamedTuple):
    heading: str
    cells: list[Text]


def several_sources(result: Comparison) -> bool:
    return len(result.releases) > 1


def shown_periods(result: Comparison, per: Period | None, full: bool) -> tuple[Period, ...]:
    """Both periods for one release; across releases the annual figures only (the rows are
    many), unless `--per` or `--full` says otherwise."""
    if per is not None:
        return (per,)
    if several_sources(result) and not full:
        return (Period.YEAR,)
    return SHOWN_PERIODS


class ComparisonView:
    """A Rich renderable laid out for the console it is printed on."""

    def __init__(self, result: Comparison, periods: Sequence[Period], *, full: bool) -> None:
        self.result, self.periods, self.full = result, tuple(periods), full
        self.label = LABEL_LEAST
        self.shown: set[str] = set()  # the headings of the columns shown, for the legend

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width < NARROW or not self._fits(width):
            self.shown.update({"median gap", "change (real)", "EP"})
            yield _blocks(self.result, self.periods, width, full=self.full)
            return
        yield from self._tables(width)

    def _fits(self, width: int) -> bool:
        """Whether every statistic but the mean fits beside labels of a readable width."""
        rows = _rows(self.result)
        least = min(max(len(row.label) for row in rows), LABEL_LEAST)
        for period in self.periods:
            columns = [c for c in _statistic_columns(rows, period) if c.heading != "mean"]
            if least + sum(width_of(c.heading, c.cells) + 1 for c in columns) > width:
                return False
        return True

    def plain_lines(self, width: int) -> list[str] | None:
        """The tables as text, for a pipe or a file; None for what only Rich lays out."""
        if width < NARROW or not self._fits(width):
            return None
        lines: list[str] = []
        for item in self._tables(width):
            if isinstance(item, Text):
                lines.append(wrapped(item.plain, width))
            elif isinstance(item, RowTable):
                lines.extend(item.plain_lines(width))
            else:
                return None
        return lines

    def _tables(self, width: int) -> Iterable[RenderableType]:
        result = self.result
        rows = _rows(result)
        groups = _groups(result, rows)
        self.label = _label_width(rows, width, [_statistic_columns(rows, p) for p in self.periods])
        moved: list[Column] = []
        for period in self.periods:
            for title, group in groups:
                columns = _statistic_columns(group, period)
                if not columns:
                    continue
                extra: list[Column] = []
                if several_sources(result):
                    extra = [*_employment_column(group), *_change_column(result, group, period)]
                fitting, left = _fit(columns, extra, width - self.label)
                yield Text("")
                if title:
                    yield Text(title, style="bold")
                heading = period.adjective.capitalize()
                self.shown.update(c.heading for c in fitting)
                yield _table(group, fitting, self.label, heading=heading)
                for column in left:
                    if column.heading == "mean" and not several_sources(result):
                        column = Column(f"{period.adjective} mean", column.cells)
                    if column.heading not in {m.heading for m in moved}:
                        moved.append(column)
        if several_sources(result):
            if any(c.heading.startswith("change") for c in moved):
                hint = "the median's change since the previous release: at 100 columns or more"
                yield Text(hint, style="dim")
            jobs = [c for c in moved if not c.heading.startswith("change")]
            if jobs:  # too narrow for the mean and employment beside the percentiles
                jobs = [*_moved(rows, jobs, self.periods), *_employment_column(rows)]
        else:
            jobs = [*moved, *_employment_column(rows), *_gap_column(result, rows)]
        outlook = _outlook_columns(result)
        if not several_sources(result) and outlook:
            jobs.extend(outlook)
            outlook = []
        if jobs:
            self.shown.update(c.heading for c in jobs)
            # Labels give way (down to 20 columns) before a column moves to a second table.
            label = max(min(self.label, 20), _label_width(rows, width, [jobs]))
            fitting, left = _fit([], jobs, width - label)
            yield Text("")
            yield _table(rows, fitting, label, heading="Jobs")
            if left:
                yield Text("")
                yield _table(rows, left, label, heading="")
        if outlook:
            self.shown.update(c.heading for c in outlook)
            career_rows = _career_rows(result)
            label = _label_width(career_rows, width, [outlook])
            fitting, left = _fit([], outlook, width - label)
            yield Text("")
            yield _table(career_rows, fitting, label, heading="Outlook")
        if self.full and result.outlooks:
            yield Text("")
            yield _requirements(result)
        if self.full:
            yield from _typical_education(result)


def _groups(result: Comparison, rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """Several careers across releases: a table per career, under its title."""
    if not several_sources(result) or len({row.pay.career.id for row in rows}) == 1:
        return [("", list(rows))]
    groups: dict[str, tuple[str, list[Row]]] = {}
    for row in rows:
        groups.setdefault(row.pay.career.id, (row.pay.career.title, []))[1].append(row)
    return list(groups.values())


def _moved(rows: Sequence[Row], moved: Sequence[Column], periods: Sequence[Period]) -> list[Column]:
    """The mean columns that did not fit, for every row (the tables were per career)."""
    return [
        Column(
            f"{period.adjective} mean",
            [figure_cell(row.pay.figure(period, Statistic.MEAN)) for row in rows],
        )
        for period in periods
        if any(c.heading == "mean" for c in moved)
    ]


def comparison_view(
    result: Comparison, periods: Sequence[Period], *, full: bool = False
) -> ComparisonView:
    return ComparisonView(result, periods, full=full)


def _rows(result: Comparison) -> list[Row]:
    """A row per career, or per release when the careers repeat (`--source all`)."""
    several = several_sources(result)
    rows: list[Row] = []
    for pay in result.rows:
        # Across releases the career is named above its table, or in the heading.
        rows.append(Row(pay.release.id if several else pay.career.title, pay))
    return rows


def _career_rows(result: Comparison) -> list[Row]:
    seen: dict[str, Row] = {}
    for pay in result.rows:
        seen.setdefault(pay.career.id, Row(pay.career.title, pay))
    return list(seen.values())


def _statistic_columns(rows: Sequence[Row], period: Period) -> list[Column]:
    columns: list[Column] = []
    for statistic in STATISTIC_ORDER:
        figures = [row.pay.figure(period, statistic) for row in rows]
        if any(figures):
            columns.append(Column(_heading(statistic), [figure_cell(f) for f in figures]))
    return columns


def _heading(statistic: Statistic) -> str:
    return "median" if statistic is Statistic.MEDIAN else statistic.label.split()[0]


def _employment_column(rows: Sequence[Row]) -> list[Column]:
    counts = [row.pay.entry.employment for row in rows]
    if not any(counts):
        return []
    cells = [Text(f"{count:,}") if count else Text(MISSING, style="dim") for count in counts]
    return [Column("employed", cells)]


def _gap_column(result: Comparison, rows: Sequence[Row]) -> list[Column]:
    """The median against the first career's: annual where there is one, else hourly."""
    if not result.gaps:
        return []
    baselines = {id(gap.baseline) for gap in result.gaps}
    cells: list[Text] = []
    for row in rows:
        gaps = [g for g in result.gaps if g.other is row.pay]
        gap = _preferred(gaps)
        if gap is not None:
            cells.append(_gap_text(gap))
        elif id(row.pay) in baselines:
            cells.append(Text("baseline", style="dim"))
        else:
            cells.append(Text(MISSING, style="dim"))
    return [Column("median gap", cells)]


def _preferred(gaps: Sequence[MedianGap]) -> MedianGap | None:
    return next((g for g in gaps if g.period is Period.YEAR), gaps[0] if gaps else None)


def _gap_text(gap: MedianGap) -> Text:
    mark = DERIVED_MARK if gap.derived else ""
    return Text(f"{signed_money(gap.difference)} ({ratio_text(gap.ratio)}){mark}")


def _change_column(result: Comparison, rows: Sequence[Row], period: Period) -> list[Column]:
    changes = [c for c in result.changes if c.period is period]
    if not changes:
        return []
    cells = [_change_text(next((c for c in changes if c.newer is row.pay), None)) for row in rows]
    return [Column("change (real)", cells)]


def _change_text(change: ReleaseChange | None) -> Text:
    if change is None:
        return Text(MISSING, style="dim")
    mark = DERIVED_MARK if change.derived else ""
    return Text(
        f"{signed_percent(change.nominal * 100)} ({signed_percent(change.real * 100)}){mark}"
    )


def _outlook_columns(result: Comparison) -> list[Column]:
    """Employment, its projected change and the openings, from the Employment Projections."""
    if not result.outlooks:
        return []
    edition = result.outlooks[0].edition
    employment: list[Text] = []
    change: list[Text] = []
    openings: list[Text] = []
    for row in _career_rows(result):
        found = result.outlook(row.pay.career)
        line = found.projection if found is not None else None
        if line is None:
            for cells in (employment, change, openings):
                cells.append(Text(MISSING, style="dim"))
            continue
        employment.append(Text(f"{line.employment_base:,}k"))
        change.append(Text(f"{signed_percent(line.change_percent)}"))
        openings.append(Text(f"{line.openings:,}k"))
    span = outlook_view.span(edition)
    return [
        Column(f"EP {edition.base_year}", employment),
        Column(span, change),
        Column("openings", openings),
    ]


def _requirements(result: Comparison) -> Table:
    """Entry requirements (Employment Projections) and the catalog's typical education."""
    rows = _career_rows(result)
    table = row_table("Entry", min(max(len(row.label) for row in rows), 20))
    labels = outlook_view.labels(result.outlooks[0].edition)[:3]
    texts: list[list[str]] = []
    for row in rows:
        found = result.outlook(row.pay.career)
        cells = outlook_view.cells(found) if found is not None else None
        if cells is None:
            missing = outlook_view.missing(found) if found is not None else MISSING
            texts.append([missing, MISSING, MISSING])
        else:
            texts.append(cells[:3])
    for label in labels:
        table.add_column(label, ratio=1)
    for row, cells in zip(rows, texts, strict=True):
        table.add_row(Text(row.label, overflow="ellipsis", no_wrap=True), *cells)
    return table


def _typical_education(result: Comparison) -> list[RenderableType]:
    """The catalog's typical education of each career, from BLS as the articles cite it."""
    lines: list[RenderableType] = []
    for row in _career_rows(result):
        education = row.pay.career.education
        if education and education.typical:
            lines.append(Text(f"{row.label}, typical education: {education.typical}"))
    return lines


def _fit(
    columns: Sequence[Column], extra: Sequence[Column], room: int
) -> tuple[list[Column], list[Column]]:
    """The statistic columns always (the mean moves out when even it does not fit in `room`,
    the columns beside the labels); `extra` ones while they fit, in order; the rest left."""
    fitting = list(columns)
    used = sum(width_of(c.heading, c.cells) + 1 for c in fitting)
    left: list[Column] = []
    while used > room and len(fitting) > 1 and fitting[-1].heading == "mean":
        mean = fitting.pop()
        used -= width_of(mean.heading, mean.cells) + 1
        left.append(mean)
    for column in extra:
        needed = width_of(column.heading, column.cells) + 1
        if (not left or not fitting) and (used + needed <= room or not fitting):
            fitting.append(column)
            used += needed
        else:
            left.append(column)
    return fitting, left


def _label_width(rows: Sequence[Row], width: int, tables: Sequence[Sequence[Column]]) -> int:
    """One width for the labels of every table: the longest label, or what the widest table of
    figures leaves (an ellipsis cuts the rest)."""
    figures = max(
        (sum(width_of(c.heading, c.cells) + 1 for c in columns) for columns in tables),
        default=0,
    )
    longest = max(len(row.label) for row in rows)
    return max(min(longest, LABEL_LEAST), min(longest, width - figures))


def _table(rows: Sequence[Row], columns: Sequence[Column], label: int, *, heading: str) -> RowTable:
    return RowTable(
        heading, label, [row.label for row in rows], [(c.heading, c.cells) for c in columns]
    )


# The narrow layout: one block per career (and release), label and value lines.


def _blocks(result: Comparison, periods: Sequence[Period], width: int, *, full: bool) -> Group:
    from rich.console import Group
    from rich.padding import Padding

    parts: list[RenderableType] = []
    several = several_sources(result)
    figures = [
        figure_cell(pay.figure(period, statistic))
        for pay in result.rows
        for period in periods
        for statistic in STATISTIC_ORDER
    ]
    extras = [_gap_text(gap) for gap in result.gaps] + [
        _change_text(change) for change in result.changes
    ]
    marks = max(map(mark_width, [*figures, *extras]), default=0)  # they hang to the right
    value = min(width_of("", [*figures, *extras]) + marks, max(width - 26, 0))
    for pay in result.rows:
        title = f"{pay.career.title} ({pay.release.id})" if several else pay.career.title
        parts.append(Text(title, style="bold"))  # over the whole width, not the table's
        # Every block's figures in one column: labels as wide as "annual 90th percentile".
        table = block_table("", label=22, value=value)
        wage_rows(table, [pay], periods, lambda cell: flush_right(cell, marks, value))
        _block_extras(table, result, pay, lambda cell: flush_right(cell, marks, value))
        prices_row(table, [pay])
        parts.append(table)
        # The projections are the career's, not the release's: once, after its first block.
        first = pay is next(p for p in result.rows if p.career.id == pay.career.id)
        lines = _outlook_lines(result, pay, full=full) if first else []
        for label, text in lines:
            parts.append(Padding(Text(f"{label}: {text}"), (0, 0, 0, 2)))
        parts.append(Text(""))
    return Group(*parts)


def _block_extras(
    table: Table, result: Comparison, pay: CareerPay, shape: Callable[[Text], Text]
) -> None:
    if pay.entry.employment:
        table.add_row("employed", shape(Text(f"{pay.entry.employment:,}")))
    gap = _preferred([g for g in result.gaps if g.other is pay])
    if gap is not None:
        table.add_row(f"{gap.period.adjective} median gap", shape(_gap_text(gap)))
    for change in result.changes:
        if change.newer is pay and change.period is Period.YEAR:
            table.add_row("median change (real)", shape(_change_text(change)))
    table.add_section()


def _outlook_lines(result: Comparison, pay: CareerPay, *, full: bool) -> list[tuple[str, str]]:
    """The Employment Projections rows of one career, as label and text."""
    if not result.outlooks:
        return []
    labels = outlook_view.labels(result.outlooks[0].edition)
    found = result.outlook(pay.career)
    texts = outlook_view.cells(found) if found is not None else None
    if texts is None:
        return [(labels[0], outlook_view.missing(found) if found is not None else MISSING)]
    lines = list(zip(labels, texts, strict=True))
    return lines if full else lines[3:]


class ComparisonLegend:
    """What the marks and columns mean, for the columns the view showed (known once it is
    printed) after `lines`. Printed as paragraphs: a pipe gets them unwrapped."""

    paragraph = True

    def __init__(self, result: Comparison, view: ComparisonView, lines: Sequence[str]) -> None:
        self.result, self.view, self.lines = result, view, lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.texts():
            yield Text(line, style="dim")

    def plain_lines(self, width: int) -> list[str]:
        # Made a Text first, as the Rich path does: control characters become visible.
        return [wrapped(Text(line).plain, width) for line in self.texts()]

    def texts(self) -> list[str]:
        return [
            *self.lines,
            *comparison_legend(self.result, self.view.shown),
            *_empty_cells(self.result, self.view.periods),
        ]


def _empty_cells(result: Comparison, periods: Sequence[Period]) -> list[str]:
    """Why a row has no figures for a period, and why a career has no outlook line."""
    several = several_sources(result)
    lines: list[str] = []
    for pay in result.rows:
        name = f"{pay.release.id}, {pay.career.title}" if several else pay.career.title
        for period in periods:
            reason = pay.not_derived(period)
            if reason:
                lines.append(f"{name}: no {period.adjective} figures: {reason}")
    for found in result.outlooks:
        if found.projection is None:
            lines.append(outlook_view.missing(found))
    return lines


def comparison_legend(result: Comparison, shown: set[str]) -> list[str]:
    """What the columns mean: only those shown."""
    lines: list[str] = []
    if result.gaps and "median gap" in shown:
        lines.append(
            "median gap: difference from the median of the first career in the same source "
            f"(and ratio), annual where there is one; marked {DERIVED_MARK} when a median in "
            "it is derived"
        )
    if result.changes and "change (real)" in shown:
        lines.append(
            "change: the median since the previous dated release, nominal (and in real "
            "terms, CPI-U of the two reference months)"
        )
    if result.outlooks and shown & {"EP", "openings"}:
        edition = result.outlooks[0].edition
        lines.append(
            f"EP {edition.base_year}, {outlook_view.span(edition)}, openings: {edition.title}: "
            "employment, its projected change and openings a year on average over the decade "
            "(k: thousands, as published)"
        )
    return lines
