"""Distribution charts for people: one horizontal bar per career on one shared dollar scale.

Each bar shows the 10th-90th percentile range, the 25th-75th band where published, and the
median. The chart measures itself against the console's width when it is printed, and
falls back to plain ASCII when the console cannot show box-drawing characters.
Tables only: JSON and CSV never carry a chart.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text

from careerstats.core.figures import SHOWN_PERIODS
from careerstats.core.model import Statistic
from careerstats.core.money import dollars
from careerstats.core.pay import CareerPay
from careerstats.core.periods import Period

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

LABEL_MOST = 28
BAR_LEAST = 24
BAR_ROOM = 40
_LABEL_ROOM = 5
_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))


# Named tuples, not dataclasses: a dataclass costs most of a millisecond to define, and
# this module loads on every table that has a chart.
class Glyphs(NamedTuple):
    range: str
    low_end: str
    high_end: str
    band: str
    median: str
    axis: str
    tick: str
    more: str


UNICODE = Glyphs("─", "├", "┤", "━", "◆", "─", "┬", "…")
ASCII = Glyphs("-", "|", "|", "=", "O", "-", "+", "~")


class _Row(NamedTuple):
    label: str
    points: dict[Statistic, Decimal]
    derived: bool
    note: str | None


class DistributionChart:
    """A Rich renderable: call `Console.print` on it."""

    def __init__(self, pays: Sequence[CareerPay], period: Period | None = None) -> None:
        self.period = period or chart_period(pays)
        several = len({pay.release.id for pay in pays}) > 1
        self.rows = [_row(pay, self.period, several) for pay in pays]
        self.adjusted = next((pay.rebase.target for pay in pays if pay.rebase is not None), None)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        glyphs = ASCII if options.ascii_only or console.is_dumb_terminal else UNICODE
        yield from self.lines(options.max_width, glyphs)

    def plain_lines(self, width: int) -> list[str] | None:
        lines = [line.plain for line in self.lines(width, UNICODE)]
        # A stacked label longer than the width would need Rich's wrapping.
        return lines if all(len(line) <= width for line in lines) else None

    def lines(self, max_width: int, glyphs: Glyphs) -> Iterator[Text]:
        values = [value for row in self.rows for value in row.points.values()]
        yield Text("")
        adjusted = f", in {self.adjusted.label} dollars" if self.adjusted else ""
        yield Text(f"{self.period.adjective.capitalize()} pay distribution{adjusted}", style="bold")
        legend = [
            Text.assemble(
                (f"{glyphs.low_end}{glyphs.range * 3}{glyphs.high_end}", "cyan"),
                " 10th to 90th percentile",
            ),
            Text.assemble((glyphs.band * 3, "bold blue"), " 25th to 75th"),
            Text.assemble((glyphs.median, "bold magenta"), " median"),
        ]
        if sum(len(item) + 2 for item in legend) <= max_width:
            yield Text("  ").join(legend)
        else:
            yield from legend
        if not values:
            yield Text("no percentiles or medians to chart", style="dim")
            return
        # Room on the right for half of the last axis label, centred on its tick, and for a
        # top-coded bound written after a bar that may end at the scale's end.
        after = max((len(row.note) + 1 for row in self.rows if row.points and row.note), default=0)
        right = max(_LABEL_ROOM, after)
        # Labels take what they need of the width a bar of BAR_ROOM columns leaves (and never
        # less than LABEL_MOST): wider consoles cut fewer titles.
        most = max(LABEL_MOST, max_width - 2 - right - BAR_ROOM)
        label_width = min(most, max(len(row.label) + row.derived for row in self.rows))
        room = max_width - label_width - 2 - right
        # Too narrow for labels beside the bars: each label goes on its own line above its bar.
        stacked = room < BAR_LEAST
        pad = 2 if stacked else label_width + 2
        scale = (
            _Scale.fit(min(values), max(values), max(max_width - pad - right, 8))
            if stacked
            else _Scale.fit(min(values), max(values), max(BAR_LEAST, room))
        )
        for row in self.rows:
            mark = "*" if row.derived else ""
            if stacked:  # the whole label, wrapped if it must be
                yield Text(row.label + mark)
                line = Text(" " * pad, no_wrap=True)
            else:
                name = _fit(row.label, label_width - row.derived, glyphs.more) + mark
                line = Text(name.ljust(label_width) + "  ", no_wrap=True)
            if row.points:
                line.append_text(_bar(row.points, scale, glyphs))
                if row.note:
                    line.append(f" {row.note}", style="dim")
            else:
                line.append(row.note or "", style="dim")
            line.truncate(max_width)
            yield line
        yield from axis(scale, glyphs.axis, glyphs.tick, pad)
        if any(row.derived for row in self.rows):
            yield Text("* some points derived by careerstats at the schedule", style="dim")


def distribution_chart(
    pays: Sequence[CareerPay], period: Period | None = None
) -> DistributionChart:
    return DistributionChart(pays, period)


def chart_period(pays: Sequence[CareerPay]) -> Period:
    """The shown period in which the sources publish the most percentile points (ties: year)."""

    def published(period: Period) -> int:
        return sum(
            1
            for pay in pays
            for statistic in _CHARTED
            if statistic in pay.entry.wages.get(period, {})
        )

    return max(reversed(SHOWN_PERIODS), key=published)


_CHARTED = (Statistic.P10, Statistic.P25, Statistic.MEDIAN, Statistic.P75, Statistic.P90)


def _row(pay: CareerPay, period: Period, several: bool) -> _Row:
    label = (f"{pay.release.id}: " if several else "") + pay.career.title
    figures = {s: pay.figure(period, s) for s in _CHARTED}
    # A top-coded point is a bound with no place on a scale: the bar ends at the last exact
    # point and the bound is written after it.
    points = {s: f.value for s, f in figures.items() if f is not None and f.exact}
    bounds = [f for f in figures.values() if f is not None and not f.exact]
    derived = any(f.derived for f in figures.values() if f is not None)
    note = None
    only = pay.entry.only_published_per
    if bounds:  # "50th+ ≥ $239,200": short, as it follows a bar
        first = bounds[0]
        bound = dollars(first.value, whole=period is not Period.HOUR)
        note = f"{first.statistic.percentile}th+ ≥ {bound}"
    elif not points and only is not None and only is not period:
        note = f"only {only.adjective} wages are published"
    elif not points and pay.not_derived(period):
        note = f"{period.adjective} figures not put on the schedule"
    elif not points:
        note = "no percentiles or median published"
    return _Row(label, points, derived, note)


def _fit(label: str, width: int, more: str) -> str:
    return label if len(label) <= width else label[: width - 1] + more


class _Scale(NamedTuple):
    low: Decimal
    high: Decimal
    step: Decimal
    width: int

    @classmethod
    def fit(cls, least: Decimal, most: Decimal, width: int) -> _Scale:
        """Round ends and a round step, with only as many ticks as their labels have room for."""
        if least == most:
            least, most = least * Decimal("0.9"), most * Decimal("1.1")
        span = most - least
        magnitude = Decimal(1).scaleb(span.adjusted() - 1)
        for power in (magnitude / 10, magnitude, magnitude * 10, magnitude * 100):
            for base in _STEPS:
                step = base * power
                low = (least / step).to_integral_value(ROUND_FLOOR) * step
                high = (most / step).to_integral_value(ROUND_CEILING) * step
                intervals = int((high - low) / step)
                label = max(len(_tick_label(low, step)), len(_tick_label(high, step)))
                if intervals * (label + 2) <= width - 1:
                    return cls(low, high, step, width)
        return cls(least, most, span, width)

    def column(self, value: Decimal) -> int:
        share = (value - self.low) / (self.high - self.low) * (self.width - 1)
        return int(share.to_integral_value(ROUND_HALF_UP))

    def ticks(self) -> list[tuple[int, Decimal]]:
        count = int((self.high - self.low) / self.step)
        return [
            (self.column(self.low + i * self.step), self.low + i * self.step)
            for i in range(count + 1)
        ]

    def labels(self, pad: int) -> str:
        """Each tick's dollar label centred under it (`pad` columns precede the axis)."""
        line = [" "] * (pad + self.width + _LABEL_ROOM)
        for position, value in self.ticks():
            label = _tick_label(value, self.step)
            start = max(0, pad + position - len(label) // 2)
            line[start : start + len(label)] = label
        return "".join(line).rstrip()


def _tick_label(value: Decimal, step: Decimal) -> str:
    return dollars(value, whole=step == step.to_integral_value())


def _bar(points: dict[Statistic, Decimal], scale: _Scale, glyphs: Glyphs) -> Text:
    cells: list[tuple[str, str]] = [(" ", "")] * scale.width
    spread = [points[s] for s in _CHARTED if s in points]
    low, high = scale.column(min(spread)), scale.column(max(spread))
    for position in range(low, high + 1):
        cells[position] = (glyphs.range, "cyan")
    if Statistic.P10 in points:
        cells[scale.column(points[Statistic.P10])] = (glyphs.low_end, "cyan")
    if Statistic.P90 in points:
        cells[scale.column(points[Statistic.P90])] = (glyphs.high_end, "cyan")
    if Statistic.P25 in points and Statistic.P75 in points:
        for position in range(
            scale.column(points[Statistic.P25]), scale.column(points[Statistic.P75]) + 1
        ):
            cells[position] = (glyphs.band, "bold blue")
    if Statistic.MEDIAN in points:
        cells[scale.column(points[Statistic.MEDIAN])] = (glyphs.median, "bold magenta")
    text = Text()
    for char, style in cells:
        text.append(char, style=style)
    text.rstrip()
    return text


def axis(scale: _Scale, line: str, tick: str, pad: int) -> list[Text]:
    """The scale's axis line with its ticks, and the amounts under them, `pad` in."""
    marks = [line] * scale.width
    for position, _ in scale.ticks():
        marks[position] = tick
    return [
        Text(" " * pad + "".join(marks), style="dim", no_wrap=True),
        Text(scale.labels(pad), style="dim", no_wrap=True, overflow="crop"),
    ]
