"""Places for people: pay of the same purchasing power elsewhere (`relocate`), the imported
areas (`data areas`), areas ranked (`where`) and prices beside compare's figures, as plain
text, and the constants their JSON (`jsonout`) and CSV (`csvout`) share. Standard library
only: none of these loads Rich."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from careerstats.core.model import Statistic
from careerstats.core.money import dollars, to_places
from careerstats.core.periods import Period
from careerstats.core.wording import counted

if TYPE_CHECKING:
    from careerstats.core.comparison import Comparison
    from careerstats.core.pay import CareerPay
    from careerstats.core.places import Area, AreaListing
    from careerstats.core.prices import PriceAdjustment, Relocation
    from careerstats.core.where import Placed, Where
    from careerstats.sources.store import ReleaseRecord


def width() -> int:
    """Where plain text lines wrap: the terminal's width ($COLUMNS, else 80 when piped).
    The rows of a table are as wide as they are."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)


RPP_PLACES = 3  # BEA publishes RPPs with three decimals
BASIS = "amount x RPP(to) / RPP(from)"
RPP_CAVEAT = (
    "RPPs compare local price levels (goods, rents, utilities, services) with the U.S. "
    "average; they leave out taxes and your own spending pattern"
)


def whole_dollars(value: Decimal) -> str:
    """`$41,570`: an annual figure derived here, half-up to the dollar as BLS shows them."""
    return f"${Decimal(to_places(value, 0)):,}"


def relocation_text(result: Relocation) -> str:
    here, there = result.origin, result.destination
    rpp_here, rpp_there = to_places(here.index, RPP_PLACES), to_places(there.index, RPP_PLACES)
    lines = [
        f"{dollars(result.amount)} in {here.area.name} buys what "
        f"{dollars(result.result)} buys in {there.area.name} ({here.year} prices)",
        f"RPP {here.year}, all items (U.S. = 100): {here.area.name} {rpp_here}, "
        f"{there.area.name} {rpp_there}",
        f"{dollars(result.amount)} x {rpp_there} / {rpp_here} = {dollars(result.result)} "
        "(derived, rounded to the cent)",
        *(f"Source: BEA Regional Price Parities, {source}" for source in result.sources),
    ]
    return "\n".join(textwrap.fill(line, width(), subsequent_indent="  ") for line in lines) + "\n"


# ------------------------------------------------------------------ data areas

AREA_COLUMNS = ("type", "code", "name", "releases")


def literal(text: str) -> str:
    """Text from a file as it is, with any control character written as an escape, so that
    nothing in a file can move the cursor or recolour a terminal (the escapes every view
    uses: `render.literal`)."""
    from careerstats.render.literal import visible

    return visible(text)


def areas_text(listing: AreaListing) -> str:
    rows = [
        (entry.kind, entry.code, literal(entry.name), ", ".join(entry.releases))
        for entry in listing.entries
    ]
    if not rows:
        return ""
    widths = [max(len(row[i]) for row in [AREA_COLUMNS, *rows]) for i in range(3)]
    lines = [
        "  ".join((*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[3]))
        for row in [AREA_COLUMNS, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


# ------------------------------------------------------------------ prices beside figures

PRICED = ((Period.HOUR, Statistic.MEDIAN), (Period.YEAR, Statistic.MEDIAN))
PRICE_BASIS = "published figure x 100 / RPP (all items) of the area"


def price_cells(found: PriceAdjustment | None, pay: CareerPay) -> list[str]:
    """A row's cells: its RPP, then its medians in U.S.-average prices (marked adjusted)."""
    if found is None or found.level is None:
        return ["no RPP", *(["-"] * len(PRICED))]
    cells = [f"{to_places(found.level.index, RPP_PLACES)} ({found.level.year})"]
    for period, statistic in PRICED:
        figure = pay.figure(period, statistic)
        value = found.apply(figure.value) if figure is not None else None
        if figure is None or value is None:
            cells.append("-")
            continue
        shown = whole_dollars(value) if period is Period.YEAR else dollars(value)
        cells.append(f"{'≥ ' if figure.at_least else ''}{shown}{ADJUSTED_PRICES_MARK}")
    return cells


ADJUSTED_PRICES_MARK = "~"
PRICE_LABELS = ("RPP (year)", "hourly median, U.S. prices", "annual median, U.S. prices")


def price_legend(prices: Sequence[PriceAdjustment]) -> list[str]:
    if not prices:
        return []
    lines = [
        f"{ADJUSTED_PRICES_MARK} in U.S.-average prices: the published figure x 100 / the "
        "area's RPP (BEA Regional Price Parities, all items, U.S. = 100); derived, not "
        "published. RPPs leave out taxes and your own spending pattern"
    ]
    nearest: dict[tuple[int, int], int] = {}
    for found in prices:
        if found.level is not None and found.nearest:
            key = (found.level.year, found.release_year)
            nearest[key] = nearest.get(key, 0) + 1
        elif found.level is None and found.missing:
            lines.append(f"not adjusted: {found.missing}")
    lines[1:1] = [
        f"RPPs of {year} for {counted(count, 'area')}: the nearest year to the release's "
        f"{release_year} that BEA has"
        for (year, release_year), count in nearest.items()
    ]
    return list(dict.fromkeys(lines))


# ------------------------------------------------------------------ where


def where_value(result: Where, row: Placed) -> tuple[Decimal, bool, bool]:
    figure = row.pay.figure(result.period, result.statistic)
    assert figure is not None  # `where` keeps only rows with the figure
    return figure.value, figure.at_least, figure.derived


def _shown(value: Decimal, at_least: bool, period: Period) -> str:
    text = whole_dollars(value) if period is Period.YEAR else dollars(value)
    return f"≥ {text}" if at_least else text


def where_text(result: Where) -> str:
    label = f"{result.period.adjective} {result.statistic.label}"
    header = ["rank", "area", "code", label]
    if result.adjusted:
        header += ["RPP (year)", f"in U.S. prices{ADJUSTED_PRICES_MARK}"]
    rows = [header]
    for rank, row in enumerate(result.rows, start=1):
        value, at_least, derived = where_value(result, row)
        cells = [
            str(rank),
            literal(row.area.name),
            row.area.code,
            _shown(value, at_least, result.period) + ("*" if derived else ""),
        ]
        if result.adjusted:
            cells += price_cells_for(row, value, at_least, result.period)
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    right = {0, 3, 4, 5}
    lines = [
        "  ".join(
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]
    kind = {"state": "states", "metro": "metropolitan areas"}.get(result.kind or "", "areas")
    order = "in U.S.-average prices" if result.adjusted else "as published"
    title = (
        f"{result.career.title} (SOC {result.career.soc}): {kind} by {label}, {order}, "
        f"{result.release.id} (OEWS {result.release.period_label})"
    )
    footer = []
    if len(result.rows) < result.total:
        footer.append(f"{len(result.rows)} of {result.total} areas shown")
    if result.unpublished:
        footer.append(
            f"not published for {len(result.unpublished)} more: "
            + "; ".join(literal(area.name) for area in result.unpublished[:5])
            + (" ..." if len(result.unpublished) > 5 else "")
        )
    marked = (where_value(result, row) for row in result.rows)
    if any(at_least or derived for _, at_least, derived in marked):
        footer.append("* derived by careerstats from the published figure; ≥ top-coded")
    if result.adjusted:
        footer += price_legend([r.prices for r in result.rows if r.prices is not None])
    wrapped = [textwrap.fill(line, width(), subsequent_indent="  ") for line in [title, *footer]]
    return "\n".join([wrapped[0], *lines, *wrapped[1:]]) + "\n"


def price_cells_for(row: Placed, value: Decimal, at_least: bool, period: Period) -> list[str]:
    if row.prices is None or row.prices.level is None:
        return ["no RPP", "-"]
    adjusted = row.prices.apply(value)
    level = row.prices.level
    shown = _shown(adjusted, at_least, period) if adjusted is not None else "-"
    return [f"{to_places(level.index, RPP_PLACES)} ({level.year})", shown]


def imported_lines(records: Sequence[ReleaseRecord]) -> str:
    """`sources`: files imported into a bundled year's release, and where each came from."""
    lines = []
    for record in records:
        lines.append(f"{record.id} also has imported areas and industries:")
        for file in record.files:
            origin = (
                f", downloaded in {file.url} ({file.download_size:,} bytes, SHA-256 "
                f"{file.download_sha256})"
                if file.url is not None
                else ""
            )
            lines.append(f"  {literal(file.name)} ({file.layout}, {file.rows:,} rows){origin}")
    return (
        "\n"
        + "\n".join(textwrap.fill(line, width(), subsequent_indent="    ") for line in lines)
        + "\n"
    )


def place_label(pay: CareerPay, place: Area, careers: int) -> str:
    """A comparison row's label across places: the area, and the career when several."""
    name = literal(place.name)
    return f"{pay.career.title}, {name}" if careers > 1 else name


def price_lines(result: Comparison) -> list[str]:
    """A line per row of a comparison with `--adjust-prices`: its RPP and its medians in
    U.S.-average prices (marked), or why it has none."""
    lines = []
    for pay in result.rows:
        found = result.prices_of(pay)
        place = result.place_of(pay)
        label = literal(place.name) if place is not None else pay.career.title
        if len({row.career.id for row in result.rows}) > 1:
            label = f"{pay.career.title}, {label}"
        if found is None or found.level is None:
            why = found.missing if found is not None and found.missing else "no RPP"
            lines.append(f"{label}: not adjusted ({why})")
            continue
        cells = price_cells(found, pay)
        lines.append(
            f"{label}: RPP {cells[0]}; median in U.S.-average prices {cells[1]} an hour, "
            f"{cells[2]} a year"
        )
    return lines
