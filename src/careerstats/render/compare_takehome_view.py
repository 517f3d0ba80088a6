"""`compare --takehome`: each career's gross and take-home pay at its annual 10th percentile,
median and 90th percentile, as a table of its own below the comparison."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careerstats.core.career_takehome import CareerTakeHome, TakeHomeComparison
from careerstats.core.model import Statistic
from careerstats.core.money import dollars, to_places
from careerstats.render.common import (
    ADJUSTED_MARK,
    AT_LEAST,
    DERIVED_MARK,
    MISSING,
    Fitted,
    block_table,
)

_STATISTICS = {Statistic.P10: "10th", Statistic.MEDIAN: "median", Statistic.P90: "90th"}


# Columns the table needs: a career's title wrapped at words, the statistic, each amount and
# the tax rate; below it, one block per career.
CAREER_WIDTH, WAGE_WIDTH, AMOUNT_WIDTH, RATE_WIDTH = 18, 9, 14, 11


def table_width(section: TakeHomeComparison) -> int:
    amounts = 1 + (not section.extra.is_none) + section.taxed
    return CAREER_WIDTH + WAGE_WIDTH + AMOUNT_WIDTH * amounts + RATE_WIDTH * section.taxed


def takehome_view(section: TakeHomeComparison) -> RenderableType:
    lines = [Text(line) for line in _legend(section)]
    fitted = Fitted(table_width(section), lambda: _table(section), lambda: _blocks(section))
    return Group(Text(""), fitted, *lines)


def _blocks(section: TakeHomeComparison) -> Group:
    """One block per career (and release), a line per figure: at 40 columns nothing is cut."""
    parts: list[RenderableType] = [Text(_title(section), style="bold")]
    several = len({row.pay.release.id for row in section.rows}) > 1
    blocks: dict[tuple[str, str], Table] = {}
    for row in section.rows:
        key = (row.pay.career.id, row.pay.release.id)
        if key not in blocks:
            name = row.pay.career.title + (f" ({row.pay.release.id})" if several else "")
            blocks[key] = block_table(name)
            parts.append(blocks[key])
        values = [f"{_money(row, row.figure.value)} a year"]
        if not section.extra.is_none:
            values.append(f"gross {_money(row, row.result.wages)}")
        if section.taxed:
            values.append(f"take-home {_money(row, row.result.net)}")
            if not row.at_least:
                values.append(f"tax rate {to_places(row.result.effective_rate, 1)}%")
        blocks[key].add_row(_STATISTICS[row.figure.statistic], Text("\n".join(values)))
    return Group(*parts)


def _table(section: TakeHomeComparison) -> Table:
    with_gross = not section.extra.is_none
    table = Table(
        title=_title(section),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Career", overflow="fold", ratio=1)
    table.add_column("Wage", no_wrap=True)
    table.add_column("Annual", justify="right", no_wrap=True)
    if with_gross:
        table.add_column("Gross", justify="right", no_wrap=True)
    if section.taxed:
        table.add_column("Take-home", justify="right", no_wrap=True)
        table.add_column("Tax rate", justify="right", no_wrap=True)
    several = len({row.pay.release.id for row in section.rows}) > 1
    previous = None
    for row in section.rows:
        key = (row.pay.career.id, row.pay.release.id)
        name = ""
        if key != previous:
            name = row.pay.career.title + (f" ({row.pay.release.id})" if several else "")
        previous = key
        cells: list[RenderableType] = [
            Text(name),
            _STATISTICS[row.figure.statistic],
            _money(row, row.figure.value),
        ]
        if with_gross:
            cells.append(_money(row, row.result.wages))
        if section.taxed:
            cells.append(_money(row, row.result.net))
            # The rate at a top-coded ceiling is not the rate of the unknown wage above it.
            rate = f"{to_places(row.result.effective_rate, 1)}%"
            cells.append(MISSING if row.at_least else rate)
        table.add_row(*cells)
    return table


def _money(row: CareerTakeHome, value: Decimal) -> str:
    mark = (DERIVED_MARK if row.figure.derived else "") + (
        ADJUSTED_MARK if row.figure.adjusted else ""
    )
    return f"{AT_LEAST if row.at_least else ''}{dollars(value)}{mark}"


def _title(section: TakeHomeComparison) -> str:
    if not section.taxed:
        return "Gross pay a year with extra pay"
    state = section.state
    where = f", {state.name} ({state.code})" if state.code else ", no state tax"
    return f"Take-home pay a year, tax year {section.tax_year.year}, {section.status.label}{where}"


def _legend(section: TakeHomeComparison) -> list[str]:
    from careerstats.core.takehome import NOT_COMPUTED, TAX_TABLE_NOTE

    lines = [
        f"Annual: the career's wage figure ({DERIVED_MARK} derived, {ADJUSTED_MARK} adjusted "
        f"for inflation, {AT_LEAST} at or above a top-coded ceiling, so the pay after it is "
        "at least that)"
    ]
    if not section.extra.is_none:
        lines.append("Gross: the annual wage as base pay at the schedule, plus the extra pay")
    if section.taxed:
        lines.append(
            "Take-home: less federal income tax (standard deduction), Social Security, "
            "Medicare and any state rate given; tax rate: every tax over gross pay"
        )
        state = section.state
        if state.code is None:
            lines.append("State tax: not computed (no state given)")
        elif state.rate is not None:
            lines.append(
                f"State tax: your flat {state.rate.normalize():f}% for {state.code}, "
                "an approximation, not a computed state tax"
            )
        if any(row.result.notes and TAX_TABLE_NOTE in row.result.notes for row in section.rows):
            lines.append(f"Note: {TAX_TABLE_NOTE}")
        lines.append("Not computed: " + "; ".join(NOT_COMPUTED))
        lines += [f"Tax source: {source}" for source in section.tax_year.sources]
    return lines
