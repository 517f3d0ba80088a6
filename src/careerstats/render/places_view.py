"""Places: pay of the same purchasing power elsewhere (`relocate`) and the imported areas
(`data areas`), in JSON, CSV and plain text. Standard library only: neither loads Rich."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from careerstats.core.money import dollars, plain, to_places
from careerstats.render.jsonout import money, number

if TYPE_CHECKING:
    from careerstats.core.places import Area, AreaListing
    from careerstats.core.prices import PriceLevel, Relocation

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
