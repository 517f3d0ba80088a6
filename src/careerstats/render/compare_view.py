"""The side-by-side table of `compare`: figures, gaps, changes between releases."""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from careerstats.comparison import CareerPay, Comparison
from careerstats.figures import SHOWN_PERIODS
from careerstats.money import signed_percent
from careerstats.render.common import (
    DERIVED_MARK,
    MISSING,
    adjusted_legend,
    derived_legend,
    prices_row,
    ratio_text,
    signed_money,
    source_line,
    wage_rows,
)


def _column_heading(pay: CareerPay, repeated: bool) -> str:
    return f"{pay.career.title}\n({pay.release.id})" if repeated else pay.career.title


def comparison_table(result: Comparison) -> Table:
    rows = result.rows
    several_sources = len(result.releases) > 1
    table = Table(
        title="Pay compared",
        caption="\n".join(
            [
                *(source_line(r) for r in result.releases),
                derived_legend(result.schedule),
                "gap: difference from the first column's median (and ratio)",
                *adjusted_legend(result.adjusted_to),
                *(
                    [
                        "change: the median since the previous dated release, nominal and "
                        "in real terms (CPI-U of the two reference months)"
                    ]
                    if result.changes
                    else []
                ),
            ]
        ),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
    )
    table.add_column("")
    for pay in rows:
        table.add_column(_column_heading(pay, several_sources), justify="right", overflow="fold")
    wage_rows(table, rows)
    if result.gaps:
        for period in SHOWN_PERIODS:
            cells: list[RenderableType] = [Text("baseline", style="dim")]
            found = False
            for pay in rows[1:]:
                gap = next((g for g in result.gaps if g.other is pay and g.period is period), None)
                found = found or gap is not None
                cells.append(
                    Text(f"{signed_money(gap.difference)} ({ratio_text(gap.ratio)})", style="")
                    if gap
                    else Text(MISSING, style="dim")
                )
            if found:
                table.add_row(f"{period.adjective} median gap", *cells)
        table.add_section()
    _change_rows(table, result)
    prices_row(table, rows)
    table.add_row(
        "typical education",
        *(
            Text(
                pay.career.education.typical
                if pay.career.education and pay.career.education.typical
                else MISSING,
                justify="left",
            )
            for pay in rows
        ),
    )
    table.add_row("source", *(f"{pay.release.id}, {pay.release.period_label}" for pay in rows))
    return table


def _change_rows(table: Table, result: Comparison) -> None:
    if not result.changes:
        return
    for period in SHOWN_PERIODS:
        changes = [c for c in result.changes if c.period is period]
        if not changes:
            continue
        cells: list[RenderableType] = []
        for pay in result.rows:
            change = next((c for c in changes if c.newer is pay), None)
            if change is None:
                cells.append(Text(MISSING, style="dim"))
                continue
            mark = DERIVED_MARK if change.derived else ""
            cells.append(
                Text(
                    f"{signed_percent(change.nominal * 100)} nominal{mark}\n"
                    f"{signed_percent(change.real * 100)} real\n"
                    f"since {change.older.release.id}"
                )
            )
        table.add_row(f"{period.adjective} median change", *cells)
    table.add_section()
