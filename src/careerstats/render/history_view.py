"""`history` for people: a table of every release's figures and changes, and a chart of the
median over time, both laid out for the console they are printed on."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from careerstats.core.history import History, HistoryRow
from careerstats.core.model import Statistic
from careerstats.core.money import dollars, to_places
from careerstats.core.periods import Period
from careerstats.render.chart import BAR_LEAST, _Scale, axis
from careerstats.render.common import (
    ADJUSTED_MARK,
    AT_LEAST,
    DERIVED_MARK,
    MISSING,
    Fitted,
    block_table,
    bullets,
)

CHANGED_MARK = "§"  # the occupation's definition (or code) changed at this release
_LABEL_ROOM = 5
# Release, code, three figures, the adjusted median, change, per year, real per year.
WIDE = 78


def history_period(result: History) -> Period:
    """Hourly, unless no release publishes an hourly median (annual-only occupations)."""
    hourly = any(row.figure(Period.HOUR, Statistic.MEDIAN) for row in result.rows)
    return Period.HOUR if hourly else Period.YEAR


def history_view(result: History, *, chart: bool = True) -> Group:
    period = history_period(result)
    parts: list[RenderableType] = [
        Fitted(WIDE, lambda: _table(result, period), lambda: _blocks(result, period))
    ]
    if chart:
        parts.append(MedianChart(result, period))
    parts.append(Text(""))
    parts.extend(Text(line) for line in _caption(result, period))
    changes = [
        f"{CHANGED_MARK} {row.release.period_label}: {row.definition}"
        for row in _first_of_each_release(result.rows)
        if row.definition
    ]
    if changes or result.notes:
        parts.append(Text(""))
        parts.append(Text("Where the occupation's codes changed", style="bold"))
        parts.append(bullets([*changes, *result.notes]))
    return Group(*parts)


def _first_of_each_release(rows: Sequence[HistoryRow]) -> list[HistoryRow]:
    seen: dict[str, HistoryRow] = {}
    for row in rows:
        seen.setdefault(row.release.id, row)
    return list(seen.values())


def _money(value: Decimal, period: Period) -> str:
    return dollars(value, whole=period is not Period.HOUR)


def _figure(row: HistoryRow, period: Period, statistic: Statistic, adjusted: bool) -> Text:
    figure = row.figure(period, statistic)
    if figure is None:
        return Text(MISSING, style="dim")
    shown = _money(figure.value if adjusted else figure.nominal, period)
    mark = DERIVED_MARK if figure.derived else ""
    if figure.at_least:
        return Text(f"{AT_LEAST}{shown}{mark}", style="bold")
    return Text(shown + mark, style="italic cyan" if figure.derived else "")


def _percent(value: Decimal) -> str:
    shown = to_places(value * 100, 1)
    return ("+" if not shown.startswith("-") else "") + shown + "%"


def _changes(row: HistoryRow, period: Period) -> tuple[Text, Text, Text]:
    found = next(
        (c for c in row.changes if c.period is period and c.statistic is Statistic.MEDIAN), None
    )
    if found is not None:
        return (
            Text(_percent(found.nominal)),
            Text(_percent(found.nominal_rate)),
            Text(_percent(found.real_rate), style="bold"),
        )
    if row.break_reason:
        return Text("new", style="yellow"), Text(""), Text("")
    if row.previous is not None:  # a top-coded or missing median
        return Text(MISSING, style="dim"), Text(""), Text("")
    return Text(""), Text(""), Text("")


def _label(row: HistoryRow, short: bool = False) -> str:
    """`May 2008`, or `2008` where every release is of May (the table's heading says so)."""
    label = (row.release.reference_period or "")[:4] if short else row.release.period_label
    return label + (f" {CHANGED_MARK}" if row.definition else "")


def _common_month(result: History) -> str | None:
    """The month every release is of (`May`), if they share one."""
    months = {row.release.period_label.split(" ")[0] for row in result.rows}
    return months.pop() if len(months) == 1 else None


def _heading(result: History, period: Period) -> Text:
    return Text(
        f"{result.career.title} ({result.career.soc}): {period.adjective} pay in every "
        "official release",
        style="bold",
    )


def _table(result: History, period: Period) -> Group:
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    month = _common_month(result)
    table.add_column(month or "Release", no_wrap=True)
    table.add_column("SOC", no_wrap=True)
    for heading in ("10th", "Median", "90th"):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column(
        f"Median{ADJUSTED_MARK}\n{result.adjusted_to.label[:3]} {result.adjusted_to.year}",
        justify="right",
        no_wrap=True,
    )
    table.add_column("Change", justify="right", no_wrap=True)
    table.add_column("a year", justify="right", no_wrap=True)
    table.add_column("real\na year", justify="right", no_wrap=True)
    previous = None
    for row in result.rows:
        same_release = previous is not None and previous.release.id == row.release.id
        table.add_row(
            "" if same_release else _label(row, short=month is not None),
            row.code + ("h" if row.link.hybrid else ""),
            *(_figure(row, period, s, adjusted=False) for s in (Statistic.P10, Statistic.MEDIAN)),
            _figure(row, period, Statistic.P90, adjusted=False),
            _figure(row, period, Statistic.MEDIAN, adjusted=True),
            *_changes(row, period),
        )
        previous = row
    return Group(_heading(result, period), table)


def _blocks(result: History, period: Period) -> Group:
    parts: list[RenderableType] = [_heading(result, period)]
    for row in result.rows:
        table = block_table(f"{_label(row)}: {row.code}{'h' if row.link.hybrid else ''}")
        for statistic in (Statistic.P10, Statistic.MEDIAN, Statistic.P90):
            table.add_row(statistic.label, _figure(row, period, statistic, adjusted=False))
        table.add_row(
            f"median{ADJUSTED_MARK}", _figure(row, period, Statistic.MEDIAN, adjusted=True)
        )
        change, rate, real = _changes(row, period)
        if change.plain:
            table.add_row("change", change)
        if rate.plain:
            table.add_row("a year", rate)
            table.add_row("real a year", real)
        parts.append(table)
    return Group(*parts)


def _caption(result: History, period: Period) -> list[str]:
    spans: dict[str, list[str]] = {}
    for row in _first_of_each_release(result.rows):
        spans.setdefault(row.release.classification or "SOC not stated", []).append(row.release.id)
    classes = "; ".join(
        f"{ids[0]}{f' to {ids[-1]}' if len(ids) > 1 else ''}: {name}" for name, ids in spans.items()
    )
    return [
        f"Source: BLS, OEWS national estimates, all industries ({classes})",
        f"{ADJUSTED_MARK} the median in {result.adjusted_to.label} dollars (CPI-U "
        f"{result.series}, from each release's reference month)",
        "change: the median since the previous release on the same line (the same code, or "
        "one renamed one to one); a year: compounded over the years between; real: in "
        "constant dollars",
        f"{AT_LEAST} top-coded: at or above, and no change is computed from it; "
        f"{DERIVED_MARK} derived at 2,080 hours a year; h: OEWS hybrid code; {CHANGED_MARK} the "
        "codes changed (below)",
        f"{period.adjective.capitalize()} figures; --json or --csv give hourly and annual ones",
    ]


# ------------------------------------------------------------------ chart


class _Glyphs(NamedTuple):
    leader: str
    nominal: str
    adjusted: str
    axis: str
    tick: str


_UNICODE = _Glyphs("·", "●", "◆", "─", "┬")
_ASCII = _Glyphs(".", "o", "@", "-", "+")


class MedianChart:
    """The median of every row on one dollar scale: as published and in one month's dollars."""

    def __init__(self, result: History, period: Period) -> None:
        self.result, self.period = result, period

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        glyphs = _ASCII if options.ascii_only or console.is_dumb_terminal else _UNICODE
        rows = self.result.rows
        several = len(rows) != len({row.release.id for row in rows})
        labels = [row.release.period_label + (f" {row.code}" if several else "") for row in rows]
        points = [self._points(row) for row in rows]
        values = [value for found in points if found for value in found]
        yield Text("")
        yield Text(f"{self.period.adjective.capitalize()} median over time", style="bold")
        yield Text.assemble(
            (glyphs.nominal, "bold cyan"),
            " as published  ",
            (glyphs.adjusted, "bold magenta"),
            f" in {self.result.adjusted_to.label} dollars",
        )
        if not values:
            yield Text("no exact medians to chart", style="dim")
            return
        label_width = max(len(label) for label in labels)
        room = options.max_width - label_width - 2 - _LABEL_ROOM
        stacked = room < BAR_LEAST
        pad = 2 if stacked else label_width + 2
        width = max(options.max_width - pad - _LABEL_ROOM, 8)
        scale = _Scale.fit(min(values), max(values), width)
        for row, label, found in zip(rows, labels, points, strict=True):
            if stacked:
                yield Text(label)
                line = Text(" " * pad, no_wrap=True)
            else:
                line = Text(label.ljust(label_width) + "  ", no_wrap=True)
            if found is None:
                figure = row.figure(self.period, Statistic.MEDIAN)
                note = (
                    f"{AT_LEAST} {_money(figure.nominal, self.period)} (top-coded)"
                    if figure is not None
                    else "no median published"
                )
                line.append(note, style="dim")
            else:
                line.append_text(_dots(found, scale, glyphs))
            line.truncate(options.max_width)
            yield line
        yield from axis(scale, glyphs.axis, glyphs.tick, pad)

    def _points(self, row: HistoryRow) -> tuple[Decimal, Decimal] | None:
        figure = row.figure(self.period, Statistic.MEDIAN)
        if figure is None or figure.at_least:
            return None  # a bound has no place on a scale
        return figure.nominal, figure.value


def _dots(points: tuple[Decimal, Decimal], scale: _Scale, glyphs: _Glyphs) -> Text:
    nominal, adjusted = (scale.column(value) for value in points)
    cells: list[tuple[str, str]] = [(glyphs.leader, "dim")] * (max(nominal, adjusted) + 1)
    cells[nominal] = (glyphs.nominal, "bold cyan")
    cells[adjusted] = (glyphs.adjusted, "bold magenta")
    text = Text()
    for char, style in cells:
        text.append(char, style=style)
    return text
