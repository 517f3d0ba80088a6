"""Shared pieces of the Rich views: the console, figure cells and their marks, legends."""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from rich import text as rich_text
from rich.text import Span, Text

from careerstats.core.figures import (
    SHOWN_PERIODS,
    STATISTIC_ORDER,
    Basis,
    WageFigure,
)
from careerstats.core.model import SourceRelease, is_top_coding_note
from careerstats.core.money import dollars, to_places
from careerstats.core.pay import CareerPay
from careerstats.core.periods import Period, Schedule
from careerstats.render.literal import has_hidden, visible_in_view

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.segment import Segment
    from rich.table import Table

    from careerstats.core.inflation import When

DERIVED_MARK = "*"


ADJUSTED_MARK = "^"  # ASCII, so that any console can print it


MISSING = "-"


AT_LEAST = "≥"


# Rich drops a few control characters (BEL, BS, VT, FF, CR) when a Text is made and lets
# the others (ESC, C1, bidi overrides) through to the terminal. Every Text a view makes, from
# a string of its own or a title from a file, shows them all as escapes instead, before
# it is measured, so tables stay aligned (and so is the plain text written to a pipe).
def _shown_as_escapes(text: str, _translate_table: dict[int, None] | None = None) -> str:
    return visible_in_view(text)


rich_text.strip_control_codes = _shown_as_escapes  # type: ignore[attr-defined]


@functools.cache
def _console_class() -> type[Console]:
    """The console every view is printed through: text from files reaches the terminal as
    text (no markup, no emoji codes, control characters made visible: `render.literal`).
    Built on first use: a pipe gets compare's tables without Rich's console being imported."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # Rich would exit with status 1; the CLI ends quietly with 0 when the reader leaves.
            self.quiet = True
            raise BrokenPipeError

        def render_str(self, text: str, **options: Any) -> Text:
            # Every string cell, title, caption and note passes here, before it is measured.
            options.update(markup=False, emoji=False)
            return super().render_str(visible_in_view(text), **options)

        def render(
            self, renderable: RenderableType, options: ConsoleOptions | None = None
        ) -> Iterable[Segment]:
            # Should a Text hold a control character all the same (made before this module
            # was loaded, or by a Rich that no longer makes Text as above), it is made
            # visible here.
            if isinstance(renderable, Text) and has_hidden(renderable.plain):
                renderable = _literal_text(renderable)
            return super().render(renderable, options)

    return _Console


def _literal_text(text: Text) -> Text:
    """`text` with its control characters made visible, its styles kept on the same characters."""
    plain, shifted, moved = text.plain, [], 0
    for index, character in enumerate(plain):
        shifted.append(index + moved)
        moved += len(visible_in_view(character)) - 1
    shifted.append(len(plain) + moved)
    copy = text.copy()
    copy.plain = visible_in_view(plain)
    end = len(plain)
    copy.spans = [Span(shifted[s.start], shifted[min(s.end, end)], s.style) for s in text.spans]
    return copy


# Every view fits 40 columns (T3); on a narrower terminal it is laid out 40 wide and the
# terminal wraps its lines, rather than cutting every value to "…".
NARROWEST = 40


def console(*, stderr: bool = False) -> Console:
    # Rich already honours TERM=dumb, writes no styles when not on a terminal and uses 80
    # columns there. NO_COLOR alone would still leave bold and italic: no escape codes at all.
    plain = bool(os.environ.get("NO_COLOR"))
    size = _dumb_terminal_size(stderr)
    out = _console_class()(
        stderr=stderr,
        markup=False,
        highlight=False,
        emoji=False,
        color_system=None if plain else "auto",
        width=size.columns if size else None,
        height=size.lines if size else None,
    )
    if out.width < NARROWEST:  # `COLUMNS=1`: Rich's tables cannot be laid out in it at all
        out.width = NARROWEST
    return out


def printed(out: Console, item: RenderableType) -> str:
    """`item` as `out` prints it, without the spaces Rich pads lines with: a piped table
    carries no trailing spaces. A paragraph of text is not wrapped for a pipe or a file."""
    with out.capture() as captured:
        paragraph = isinstance(item, Text) or getattr(item, "paragraph", False)
        out.print(item, soft_wrap=paragraph and width_imagined(out))
    return "\n".join(_TRAILING.sub(r"\1", line) for line in captured.get().split("\n"))


# Spaces at the end of a line, also before the codes that end its styles on a terminal.
_TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$")


def plain_text(item: object) -> str | None:
    """`item` as plain text for a pipe or a file, laid out without Rich's console (whose import
    costs more than the rest of a `compare`); None when only Rich can lay it out, or when the
    output is a terminal or cannot take every character."""
    if sys.stdout.isatty() or "utf" not in (sys.stdout.encoding or "").lower():
        return None
    width = _columns()
    if isinstance(item, Text):
        lines: list[str] | None = [wrapped(item.plain, width)]
    else:
        laid_out = getattr(item, "plain_lines", None)
        lines = laid_out(width) if laid_out is not None else None
    if lines is None:
        return None
    return "".join(_TRAILING.sub(r"\1", line) + "\n" for line in "\n".join(lines).split("\n"))


def _columns() -> int:
    try:
        return max(int(os.environ.get("COLUMNS", "")), 1)
    except ValueError:
        return 80  # as Rich takes a pipe to be


def wrapped(text: str, width: int) -> str:
    """A paragraph for a pipe or a file: whole when COLUMNS gives no width, else wrapped at
    the words as Rich would."""
    if not os.environ.get("COLUMNS") or len(text) <= width:
        return text
    import textwrap

    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) or line
        for line in text.split("\n")
    )


def width_imagined(out: Console) -> bool:
    """Writing to a pipe or a file with no COLUMNS: any width would be made up, so text is
    written in whole lines (tables still need one: Rich's 80 columns)."""
    return not out.is_terminal and not os.environ.get("COLUMNS")


def _dumb_terminal_size(stderr: bool) -> os.terminal_size | None:
    """Rich takes a dumb terminal to be 80 columns; ask the terminal (COLUMNS still wins)."""
    if os.environ.get("TERM") != "dumb" or os.environ.get("COLUMNS"):
        return None
    try:
        size = os.get_terminal_size(2 if stderr else 1)
    except OSError:  # not a terminal
        return None
    return size if size.columns else None


def block_table(title: str, label: int = 0, value: int = 0) -> Table:
    """One item's figures as label and value lines, under its title (the narrow layout);
    `label` and `value` widths shared by every block keep the figures of all in one column."""
    from rich import box
    from rich.table import Table  # loaded only where a Rich table is built

    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_header=False,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column("", no_wrap=True, min_width=label)
    # The last digits line up, within a block and, at a shared width, across blocks (whose
    # cells `flush_right` sets).
    table.add_column("", justify="left" if value else "right", width=value or None)
    return table


class Fitted:
    """A view laid out for the console it is printed on: `wide()` when the console has at
    least `needed` columns, else `narrow()` (one block per item, label and value lines)."""

    def __init__(
        self,
        needed: int,
        wide: Callable[[], RenderableType],
        narrow: Callable[[], RenderableType],
    ) -> None:
        self.needed, self.wide, self.narrow = needed, wide, narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide() if options.max_width >= self.needed else self.narrow()


def row_table(heading: str, label: int) -> Table:
    """A Rich table with one row per item, its label first (cut with an ellipsis when the
    console is narrow), for columns of text that may wrap."""
    from rich import box
    from rich.table import Table  # loaded only where a Rich table is built

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=0,  # the box's blank column parts the columns
    )
    table.add_column(heading, width=label, style="bold", header_style="bold")
    return table


class RowTable:
    """A label column and right-aligned figure columns that never wrap, one row per item.

    Laid out here rather than by Rich's Table, which measures and wraps every cell: these
    tables are on every `compare` and `show`, and cost a fraction of the time this way."""

    def __init__(
        self,
        heading: str,
        label: int,
        labels: Sequence[str],
        columns: Sequence[tuple[str, Sequence[Text]]],
    ) -> None:
        self.heading, self.label, self.labels = heading, label, labels
        self.columns = [
            (heading, [hang(cell, max(map(mark_width, cells), default=0)) for cell in cells])
            for heading, cells in columns
        ]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ascii_only = options.ascii_only or console.is_dumb_terminal
        yield from self.lines(options.max_width, ascii_only=ascii_only)

    def plain_lines(self, width: int) -> list[str]:
        return [line.plain for line in self.lines(width)]

    def lines(self, max_width: int, *, ascii_only: bool = False) -> Iterable[Text]:
        widths = [width_of(heading, cells) for heading, cells in self.columns]
        figures = sum(width + 1 for width in widths)
        label = max(1, min(self.label, max_width - figures))
        rule = "-" if ascii_only else "\u2500"
        head = Text(_cut(self.heading, label).ljust(label), style="bold")
        for (heading, _), width in zip(self.columns, widths, strict=True):
            head.append(" " + heading.rjust(width), style="bold")
        yield head
        yield Text(rule * (label + figures), style="dim")
        for index, name in enumerate(self.labels):
            cells = [list(cells[index].split("\n")) for _, cells in self.columns]
            height = max((len(lines) for lines in cells), default=1)
            for row in range(height):
                line = Text(_cut(name, label).ljust(label) if row == 0 else " " * label, "bold")
                for lines, width in zip(cells, widths, strict=True):
                    part = lines[row] if row < len(lines) else Text("")
                    line.append(" " * (width - part.cell_len + 1))
                    line.append_text(part)
                line.rstrip()
                yield line


def _cut(text: str, width: int) -> str:
    """`text`, or as much of it as fits in `width` with an ellipsis."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "\u2026"


def width_of(heading: str, cells: Iterable[Text]) -> int:
    """The columns a no-wrap column of `cells` under `heading` takes."""
    return max([len(heading), *(max(map(len, cell.plain.split("\n"))) for cell in cells)])


MARKS = DERIVED_MARK + ADJUSTED_MARK


def mark_width(cell: Text) -> int:
    """How many marks (* ^) follow the figure on the cell's first line."""
    first = cell.plain.split("\n")[0]
    return len(first) - len(first.rstrip(MARKS))


def hang(cell: Text, marks: int) -> Text:
    """`cell` with its marks hanging in a margin `marks` wide: right-aligned, the figures'
    last digits then line up whether or not they carry a mark."""
    if not marks:
        return cell
    lines = cell.split("\n")
    for index, line in enumerate(lines):
        own = mark_width(line) if index == 0 else 0
        line.append(" " * (marks - own))
    return Text("\n").join(lines)


def flush_right(cell: Text, marks: int, width: int) -> Text:
    """`cell` set right in `width` columns by hand, its marks hanging in a margin `marks`
    wide, for a left-justified Rich column (which would strip the margin of a right-justified
    one); a line longer than `width` wraps between words first."""
    import textwrap

    lines: list[Text] = []
    for line in hang(cell, marks).split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        for part in textwrap.wrap(line.plain, width, break_long_words=False):
            lines.append(Text(part + " " * (marks - mark_width(Text(part)))))
    for line in lines:
        line.pad_left(max(width - len(line), 0))
    return Text("\n").join(lines)


def money_text(value: Decimal) -> str:
    return dollars(value, whole=True)


def figure_cell(figure: WageFigure | None) -> Text:
    if figure is None:
        return Text(MISSING, style="dim")
    # Hourly figures are published in cents, longer periods in whole dollars.
    whole = figure.period is not Period.HOUR
    shown = dollars(figure.value, whole=whole)
    marks = (DERIVED_MARK if figure.derived else "") + (ADJUSTED_MARK if figure.adjusted else "")
    if figure.at_least:
        text = Text(f"{AT_LEAST} {shown}{marks}", style="bold")
    else:
        text = Text(shown + marks, style="italic cyan" if figure.derived else "bold")
    if figure.adjusted:
        text.append(f"\n(was {dollars(figure.nominal, whole=whole)})", style="dim")
    return text


def adjusted_legend(target: When | None) -> list[str]:
    if target is None:
        return []
    return [
        f"{ADJUSTED_MARK} adjusted for inflation to {target.label} dollars with the CPI-U "
        "(CUUR0000SA0) from each release's reference month; the figure as published below it; "
        f"a top-coded {AT_LEAST} figure is a lower bound and stays one"
    ]


def unadjusted_lines(pays: Iterable[CareerPay]) -> list[str]:
    """Why a release's figures stay as published under --in-dollars-of."""
    reasons = {pay.release.id: pay.not_adjusted for pay in pays if pay.not_adjusted}
    return [f"not adjusted: {reason}" for reason in reasons.values() if reason]


def _prices_cell(pay: CareerPay) -> Text:
    if pay.rebase is not None:
        rebase = pay.rebase
        return Text(
            f"x{to_places(rebase.factor, 4)}: {rebase.source} -> {rebase.target}\n"
            f"(CPI-U {rebase.from_index} -> {rebase.to_index})",
            style="dim",
        )
    return Text("not adjusted:\nno reference\ndate stated", style="yellow")


def prices_row(table: Table, pays: Sequence[CareerPay]) -> None:
    if any(pay.rebase or pay.not_adjusted for pay in pays):
        table.add_row("inflation", *(_prices_cell(pay) for pay in pays))
        table.add_section()


def ratio_text(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}x"


def signed_money(value: Decimal) -> str:
    return ("+" if value >= 0 else "-") + money_text(abs(value))


def derived_legend(schedule: Schedule, pays: Iterable[CareerPay] = ()) -> str:
    how = f"{DERIVED_MARK} derived by careerstats at {schedule.describe()}"
    if not schedule.is_standard:
        how += " from the hourly figures"
        figures = (f for pay in pays for row in pay.wages.values() for f in row.values())
        if any(f.derived and f.basis is Basis.STANDARD for f in figures):
            how += (
                f" (an hourly figure marked {DERIVED_MARK} is the annual one / 2,080, the hours "
                "BLS's annual figures assume)"
            )
    return f"{how}; unmarked figures are as published"


TOP_CODED_LEGEND = f"{AT_LEAST} top-coded by BLS: the figure is at or above the amount shown"


def shown_figures(
    pays: Iterable[CareerPay], periods: Iterable[Period] = SHOWN_PERIODS
) -> list[WageFigure]:
    chosen = tuple(periods)
    return [
        figure for pay in pays for period in chosen for figure in pay.wages.get(period, {}).values()
    ]


def figure_legend(
    schedule: Schedule, pays: Sequence[CareerPay], periods: Iterable[Period] = SHOWN_PERIODS
) -> list[str]:
    """The legend of the marks the shown figures carry, and of no other."""
    figures = shown_figures(pays, periods)
    lines: list[str] = []
    if any(f.derived for f in figures):
        lines.append(derived_legend(schedule, pays))
    if any(f.at_least for f in figures):
        lines.append(TOP_CODED_LEGEND)
    return lines


def source_line(release: SourceRelease) -> str:
    """The release as a reader can look it up: publisher, program, title and period, and the
    publication that quotes it, when it is known from an article only."""
    line = f"{release.id}: {release.publisher}, {release.program}, {release.period_label}"
    area, industry = getattr(release, "area", None), getattr(release, "industry", None)
    if area is not None and industry is not None:
        line += f"; {area.title} ({area.code}), {industry.title} (NAICS {industry.code})"
    quoted = not release.official and getattr(release, "record", None) is None
    if quoted and release.cited_in:
        line += "; as quoted in " + "; and in ".join(release.cited_in)
    return line


def source_lines(releases: Sequence[SourceRelease]) -> list[str]:
    """A line per release; the bundled yearly OEWS releases, when several, share one."""
    yearly = [r for r in releases if r.official and r.id.startswith("oews-")]
    if len(yearly) < 3:
        return [source_line(release) for release in releases]
    first = yearly[0]
    years = sorted(int(r.id.removeprefix("oews-")) for r in yearly)
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    spans = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    shared = (
        f"oews-YEAR ({spans}): {first.publisher}, {first.program}, national estimates for "
        "May of the year"
    )
    lines: list[str] = []
    for release in releases:
        if release is first:
            lines.append(shared)
        elif release not in yearly:
            lines.append(source_line(release))
    return lines


def wage_rows(
    table: Table,
    pays: Sequence[CareerPay],
    periods: Iterable[Period] = SHOWN_PERIODS,
    shape: Callable[[Text], Text] | None = None,
) -> None:
    for period in periods:
        statistics = [s for s in STATISTIC_ORDER if any(p.figure(period, s) for p in pays)]
        for statistic in statistics:
            table.add_row(
                f"{period.adjective} {statistic.label}",
                *(
                    shape(figure_cell(pay.figure(period, statistic)))
                    if shape
                    else figure_cell(pay.figure(period, statistic))
                    for pay in pays
                ),
            )
        reasons = [pay.not_derived(period) for pay in pays]
        if any(reasons):
            table.add_row(
                f"{period.adjective} figures",
                *(Text(f"none: {r}" if r else "", style="yellow") for r in reasons),
            )
        if statistics or any(reasons):
            table.add_section()


def source_notes(
    releases: Iterable[SourceRelease],
    pays: Iterable[CareerPay],
    periods: Iterable[Period] | None = None,
) -> list[str]:
    """Source caveats worth knowing beside a table: the release's notes, then the career's.

    With `periods`, the notes of what is not on the screen are left out: a release's note on
    its top-coding ceiling appears only when a figure shown from it is top-coded."""
    pays = list(pays)
    top_coded = {
        pay.release.id
        for pay in pays
        if any(f.at_least for f in shown_figures([pay], periods or SHOWN_PERIODS))
    }
    lines: list[str] = []
    for release in releases:
        if release.reference_period_note:  # how the date was read, or why there is none
            lines.append(f"{release.id}, reference period: {release.reference_period_note}")
        lines.extend(
            f"{release.id}: {note}"
            for note in release.notes
            if periods is None or not is_top_coding_note(note) or release.id in top_coded
        )
    for pay in pays:
        lines.extend(f"{pay.release.id}, {pay.career.id}: {note}" for note in pay.entry.notes)
    return lines


def paragraphs(*lines: RenderableType) -> Group:
    """Lines of text printed as paragraphs: a pipe or a file with no COLUMNS gets them whole."""
    from rich.console import Group

    group = Group(*lines)
    group.paragraph = True  # type: ignore[attr-defined]
    return group


class Hyphenated:
    """Text whose long identifiers and addresses (customer-service-representatives,
    https://www.bls.gov/oes/special-requests/...) break after a hyphen or a slash where a line
    must end inside them, never inside a word; other text wraps between words."""

    def __init__(self, text: str) -> None:
        self.words = [re.findall(r"[^/-]+[/-]*|[/-]+", word) for word in text.split()]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        parts = [len(part) for word in self.words for part in word]
        whole = sum(sum(map(len, word)) for word in self.words) + len(self.words) - 1
        return Measurement(max(parts, default=0), max(whole, 0))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        line = ""
        for word in self.words:
            text = "".join(word)
            if line and len(line) + 1 + len(text) <= width:
                line += " " + text
                continue
            if line:
                yield Text(line)
                line = ""
            for part in word:  # a word longer than the line: after its hyphens and slashes
                if line and len(line) + len(part) > width:
                    yield Text(line)
                    line = ""
                line += part
        yield Text(line)


def label_grid() -> Table:
    """Label and value lines: labels bold on the left, values wrapping beside them."""
    from rich.table import Table  # loaded only where a Rich table is built

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")  # a long id breaks rather than loses its end
    return grid


def bullets(items: Iterable[str]) -> Table:
    """A list whose wrapped lines hang under their first word, not under the dash."""
    from rich.table import Table  # loaded only where a Rich table is built

    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row("-", item)
    return grid
