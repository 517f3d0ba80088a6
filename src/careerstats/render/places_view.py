"""Places: pay of the same purchasing power elsewhere (`relocate`) and the imported areas
(`data areas`), in JSON, CSV and plain text. Standard library only: neither loads Rich."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from careerstats.core.model import Statistic
from careerstats.core.money import dollars, plain, to_places
from careerstats.core.periods import Period
from careerstats.render.jsonout import money, number

if TYPE_CHECKING:
    from careerstats.core.pay import CareerPay
    from careerstats.core.places import Area, AreaListing
    from careerstats.core.prices import PriceAdjustment, PriceLevel, Relocation

RPP_PLACES = 3  # BEA publishes RPPs with three decimals
BASIS = "amount x RPP(to) / RPP(from)"
RPP_CAVEAT = (
    "RPPs compare the price level of goods, rents, utilities and other services with the "
    "U.S. average; they leave out taxes and your own spending pattern"
)
RELOCATION_COLUMNS = (
    "amount",
    "from_code",
    "from_name",
    "from_rpp",
    "to_code",
    "to_name",
    "to_rpp",
    "year",
    "equivalent",
    "derived",
    "basis",
)


def whole_dollars(value: Decimal) -> str:
    """`$41,570`: an annual figure derived here, half-up to the dollar as BLS shows them."""
    return f"${Decimal(to_places(value, 0)):,}"


def area_document(area: Area) -> dict[str, Any]:
    return {"code": area.code, "name": area.name, "type": area.kind}


def _level(level: PriceLevel) -> dict[str, Any]:
    return {**area_document(level.area), "rpp": number(level.index, RPP_PLACES)}


def relocation_json(result: Relocation) -> dict[str, Any]:
    return {
        "amount": money(result.amount),
        "from": _level(result.origin),
        "to": _level(result.destination),
        "year": result.origin.year,
        "equivalent": {"value": money(result.result), "derived": True, "basis": BASIS},
        "index": "BEA Regional Price Parities, all items (U.S. = 100)",
        "sources": list(result.sources),
        "caveat": RPP_CAVEAT,
    }


def relocation_csv(result: Relocation, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RELOCATION_COLUMNS)
    here, there = result.origin, result.destination
    writer.writerow(
        (
            plain(result.amount),
            here.area.code,
            here.area.name,
            to_places(here.index, RPP_PLACES),
            there.area.code,
            there.area.name,
            to_places(there.index, RPP_PLACES),
            here.year,
            plain(result.result),
            "true",
            BASIS,
        )
    )


def relocation_text(result: Relocation) -> str:
    here, there = result.origin, result.destination
    rpp_here, rpp_there = to_places(here.index, RPP_PLACES), to_places(there.index, RPP_PLACES)
    lines = [
        f"{dollars(result.amount)} in {here.area.name} has the purchasing power of "
        f"{dollars(result.result)} in {there.area.name} ({here.year} prices)",
        f"RPP {here.year}, all items (U.S. = 100): {here.area.name} {rpp_here}, "
        f"{there.area.name} {rpp_there}",
        f"{dollars(result.amount)} x {rpp_there} / {rpp_here} = {dollars(result.result)} "
        "(derived, rounded to the cent)",
        *(f"Source: BEA Regional Price Parities, {source}" for source in result.sources),
    ]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ data areas

AREA_COLUMNS = ("type", "code", "name", "releases")


def literal(text: str) -> str:
    """Text from a file as it is, with any control character written as an escape, so that
    nothing in a file can move the cursor or recolour a terminal."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def areas_json(listing: AreaListing) -> dict[str, Any]:
    return {
        "search": listing.search,
        "areas": [
            {"type": e.kind, "code": e.code, "name": e.name, "releases": list(e.releases)}
            for e in listing.entries
        ],
    }


def areas_csv(listing: AreaListing, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AREA_COLUMNS)
    for entry in listing.entries:
        writer.writerow((entry.kind, entry.code, entry.name, " ".join(entry.releases)))


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


def prices_json(found: PriceAdjustment | None, pay: CareerPay) -> dict[str, Any]:
    """The `price_adjusted` key of a row: its RPP and every figure in U.S.-average prices."""
    if found is None:
        return {}
    if found.level is None:
        return {"price_adjusted": {"rpp": None, "not_adjusted": found.missing}}
    figures: dict[str, dict[str, Any]] = {}
    for period, row in pay.wages.items():
        for statistic, figure in row.items():
            value = found.apply(figure.value)
            if value is None:
                continue
            key = "at_least" if figure.at_least else "value"
            figures.setdefault(period.value, {})[statistic.value] = {
                key: money(value),
                "derived": True,
                "basis": "price_adjusted",
            }
    return {
        "price_adjusted": {
            "rpp": number(found.level.index, RPP_PLACES),
            "rpp_year": found.level.year,
            "rpp_area": area_document(found.level.area),
            "nearest_year": found.nearest,
            "release_year": found.release_year,
            "basis": PRICE_BASIS,
            "wages": figures,
        }
    }


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
    for found in prices:
        if found.level is not None and found.nearest:
            lines.append(
                f"{found.level.area.name}: RPP of {found.level.year}, the nearest year to "
                f"the release's {found.release_year} that BEA has"
            )
        elif found.level is None and found.missing:
            lines.append(f"not adjusted: {found.missing}")
    return list(dict.fromkeys(lines))
