"""The side-by-side table of `compare`: figures, gaps, changes between releases."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerstats.core.comparison import Comparison
from careerstats.core.figures import SHOWN_PERIODS
from careerstats.core.money import signed_percent
from careerstats.core.pay import CareerPay
from careerstats.render import outlook_view
from careerstats.render.common import (
    DERIVED_MARK,
    MISSING,
    Fitted,
    adjusted_legend,
    block_table,
    derived_legend,
    prices_row,
    ratio_text,
    side_by_side_width,
    signed_money,
    source_line,
    wage_rows,
)

if TYPE_CHECKING:
    from careerstats.core.places import Area


def _column_heading(pay: CareerPay, repeated: bool, place: Area | None = None) -> str:
    if place is not None:  # one career across places: the area tells the rows apart
        from careerstats.render.places_view import literal

        return f"{pay.career.title}\n{literal(place.name)}"
    return f"{pay.career.title}\n({pay.release.id})" if repeated else pay.career.title


def comparison_view(result: Comparison) -> Fitted:
    """Side by side when the careers fit, else one block per career with the same rows."""
    return Fitted(
        side_by_side_width(len(result.rows)),
        lambda: comparison_table(result),
        lambda: _blocks(result),
    )


def _blocks(result: Comparison) -> Group:
    parts: list[RenderableType] = [Text("Pay compared", style="italic", justify="center")]
    several_sources = len(result.releases) > 1
    for pay in result.rows:
        parts.append(
            _table(
                result,
                [pay],
                _column_heading(pay, several_sources, result.place_of(pay)),
                narrow=True,
            )
        )
        lines = [*_outlook_lines(result, pay), ("typical education", _education(pay))]
        for label, text in (*lines, ("source", _source(pay))):
            parts.append(Padding(Text(f"{label}: {text}"), (0, 0, 0, 2)))
        parts.append(Text(""))
    parts.extend(Text(line) for line in _caption(result))
    return Group(*parts)


def _caption(result: Comparison) -> list[str]:
    return [
        *(source_line(r) for r in result.releases),
        *(
            [f"{result.chosen.id}: the newest release that covers every career asked for"]
            if result.chosen is not None
            else []
        ),
        derived_legend(result.schedule, result.rows),
        *(
            [
                "gap: difference from the median of the first career in the same source "
                f"(and ratio), marked {DERIVED_MARK} when a median in it is derived"
            ]
            if result.gaps
            else []
        ),
        *adjusted_legend(result.adjusted_to),
        *_price_legend(result),
        *([outlook_view.legend(result.outlooks[0].edition)] if result.outlooks else []),
        *(
            [
                "change: the median since the previous dated release, nominal and "
                "in real terms (CPI-U of the two reference months)"
            ]
            if result.changes
            else []
        ),
    ]


def _price_legend(result: Comparison) -> list[str]:
    if not result.prices:
        return []
    from careerstats.render.places_view import price_legend

    return price_legend(result.prices)


def comparison_table(result: Comparison) -> Table:
    return _table(result, result.rows, title="Pay compared", caption="\n".join(_caption(result)))


def _table(
    result: Comparison,
    pays: Sequence[CareerPay],
    title: str | None,
    caption: str | None = None,
    *,
    narrow: bool = False,
) -> Table:
    several_sources = len(result.releases) > 1
    if narrow:  # one career: labels whole on the left, its values beside them
        table = block_table((title or "").replace("\n", " "))
    else:
        table = Table(title=title, caption=caption, caption_justify="left", box=box.SIMPLE_HEAD)
        table.add_column("")
        for pay in pays:
            table.add_column(
                _column_heading(pay, several_sources, result.place_of(pay)),
                justify="right",
                overflow="fold",
            )
    wage_rows(table, pays)
    if result.gaps:
        baselines = {id(gap.baseline) for gap in result.gaps}
        for period in SHOWN_PERIODS:
            cells: list[RenderableType] = []
            found = False
            for pay in pays:
                gap = next((g for g in result.gaps if g.other is pay and g.period is period), None)
                found = found or gap is not None
                if gap is not None:
                    mark = DERIVED_MARK if gap.derived else ""
                    cells.append(
                        Text(f"{signed_money(gap.difference)} ({ratio_text(gap.ratio)}){mark}")
                    )
                elif id(pay) in baselines:
                    cells.append(Text("baseline", style="dim"))
                else:
                    cells.append(Text(MISSING, style="dim"))
            if found:
                table.add_row(f"{period.adjective} median gap", *cells)
        table.add_section()
    _change_rows(table, result, pays)
    prices_row(table, pays)
    if result.prices:  # --adjust-prices: the RPP and the medians in U.S.-average prices
        from careerstats.render.places_view import PRICE_LABELS, price_cells

        priced = [price_cells(result.prices_of(pay), pay) for pay in pays]
        for index, label in enumerate(PRICE_LABELS):
            table.add_row(label, *(row[index] for row in priced))
        table.add_section()
    if narrow:  # the long texts follow the block, across the whole width
        return table
    _outlook_rows(table, result, pays)
    table.add_row("typical education", *(Text(_education(pay), justify="left") for pay in pays))
    table.add_row("source", *(_source(pay) for pay in pays))
    return table


def _outlook_rows(table: Table, result: Comparison, pays: Sequence[CareerPay]) -> None:
    """A row each from the Employment Projections; a career without a line says so."""
    if not result.outlooks:
        return
    columns: list[list[Text]] = []
    for pay in pays:
        found = result.outlook(pay.career)
        texts = outlook_view.cells(found) if found is not None else None
        if texts is not None:
            columns.append([Text(text, justify="left") for text in texts])
        else:
            first = outlook_view.missing(found) if found is not None else MISSING
            columns.append(
                [Text(first, style="yellow")] + [Text(MISSING, style="dim")] * 5,
            )
    for index, label in enumerate(outlook_view.labels(result.outlooks[0].edition)):
        table.add_row(label, *(column[index] for column in columns))
    table.add_section()


def _outlook_lines(result: Comparison, pay: CareerPay) -> list[tuple[str, str]]:
    """The Employment Projections rows of one career, as label and text."""
    if not result.outlooks:
        return []
    labels = outlook_view.labels(result.outlooks[0].edition)
    found = result.outlook(pay.career)
    texts = outlook_view.cells(found) if found is not None else None
    if texts is None:
        return [(labels[0], outlook_view.missing(found) if found is not None else MISSING)]
    return list(zip(labels, texts, strict=True))


def _education(pay: CareerPay) -> str:
    education = pay.career.education
    return education.typical if education and education.typical else MISSING


def _source(pay: CareerPay) -> str:
    return f"{pay.release.id}, {pay.release.period_label}"


def _change_rows(table: Table, result: Comparison, pays: Sequence[CareerPay]) -> None:
    if not result.changes:
        return
    for period in SHOWN_PERIODS:
        changes = [c for c in result.changes if c.period is period and c.newer in pays]
        if not changes:
            continue
        cells: list[RenderableType] = []
        for pay in pays:
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
