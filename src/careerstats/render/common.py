"""Shared pieces of the Rich views: the console, figure cells and their marks, legends."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from rich import box
from rich import text as rich_text
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Span, Text

from careerstats.core.figures import SHOWN_PERIODS, STATISTIC_ORDER, Basis, WageFigure
from careerstats.core.model import SourceRelease
from careerstats.core.money import dollars, to_places
from careerstats.core.pay import CareerPay
from careerstats.core.periods import Period, Schedule
from careerstats.render.literal import has_hidden, visible_in_view

if TYPE_CHECKING:
    from careerstats.core.inflation import When

DERIVED_MARK = "*"


ADJUSTED_MARK = "^"  # ASCII, so that any console can print it


MISSING = "-"


AT_LEAST = "≥"


# Rich drops a few control characters (BEL, BS, VT, FF, CR) when a Text is made and lets
# the others (ESC, C1, bidi overrides) through to the terminal. Every Text a view makes, from
# a string of its own or a title from a file, shows them all as escapes instead, before
# it is measured, so tables stay aligned.
def _shown_as_escapes(text: str, _translate_table: dict[int, None] | None = None) -> str:
    return visible_in_view(text)


rich_text.strip_control_codes = _shown_as_escapes  # type: ignore[attr-defined]


class _Console(Console):
    """Every view is printed through this console: text from files reaches the terminal as
    text (no markup, no emoji codes, control characters made visible: `render.literal`)."""

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
        # Should a Text hold a control character all the same (made before this module was
        # loaded, or by a Rich that no longer makes Text as above), it is made visible here.
        if isinstance(renderable, Text) and has_hidden(renderable.plain):
            renderable = _literal_text(renderable)
        return super().render(renderable, options)


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
    out = _Console(
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


def _dumb_terminal_size(stderr: bool) -> os.terminal_size | None:
    """Rich takes a dumb terminal to be 80 columns; ask the terminal (COLUMNS still wins)."""
    if os.environ.get("TERM") != "dumb" or os.environ.get("COLUMNS"):
        return None
    try:
        size = os.get_terminal_size(2 if stderr else 1)
    except OSError:  # not a terminal
        return None
    return size if size.columns else None


# The widest row label ("annual 90th percentile", "hourly median change") and a figure
# column wide enough for "≥ $239,200*^": below their sum, views show one block per column.
LABEL_WIDTH = 22
FIGURE_WIDTH = 14


def side_by_side_width(columns: int) -> int:
    """Console columns a table of row labels and `columns` figure columns needs."""
    return LABEL_WIDTH + 2 + (FIGURE_WIDTH + 2) * columns


def block_table(title: str) -> Table:
    """One item's figures as label and value lines, under its title (the narrow layout)."""
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        show_header=False,
        box=box.SIMPLE_HEAD,
        expand=True,  # the title has the whole width; values stay beside their labels
    )
    table.add_column("", no_wrap=True)
    table.add_column("", overflow="fold")
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
    return f"{how}; unmarked figures are as published; {AT_LEAST} top-coded: at or above"


def source_line(release: SourceRelease) -> str:
    line = f"{release.id}: {release.publisher}, {release.program}, {release.period_label}"
    area, industry = getattr(release, "area", None), getattr(release, "industry", None)
    if area is not None and industry is not None:
        line += f"; {area.title} ({area.code}), {industry.title} (NAICS {industry.code})"
    return line


def wage_rows(
    table: Table, pays: Sequence[CareerPay], periods: Iterable[Period] = SHOWN_PERIODS
) -> None:
    for period in periods:
        statistics = [s for s in STATISTIC_ORDER if any(p.figure(period, s) for p in pays)]
        for statistic in statistics:
            table.add_row(
                f"{period.adjective} {statistic.label}",
                *(figure_cell(pay.figure(period, statistic)) for pay in pays),
            )
        reasons = [pay.not_derived(period) for pay in pays]
        if any(reasons):
            table.add_row(
                f"{period.adjective} figures",
                *(Text(f"none: {r}" if r else "", style="yellow") for r in reasons),
            )
        if statistics or any(reasons):
            table.add_section()


def source_notes(releases: Iterable[SourceRelease], pays: Iterable[CareerPay]) -> list[str]:
    """Source caveats worth knowing beside a table: the release's notes, then the career's."""
    lines: list[str] = []
    for release in releases:
        if release.reference_period_note:  # how the date was read, or why there is none
            lines.append(f"{release.id}, reference period: {release.reference_period_note}")
        lines.extend(f"{release.id}: {note}" for note in release.notes)
    for pay in pays:
        lines.extend(f"{pay.release.id}, {pay.career.id}: {note}" for note in pay.entry.notes)
    return lines


def label_grid() -> Table:
    """Label and value lines: labels bold on the left, values wrapping beside them."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")  # a long id breaks rather than loses its end
    return grid


def bullets(items: Iterable[str]) -> Table:
    """A list whose wrapped lines hang under their first word, not under the dash."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row("-", item)
    return grid
