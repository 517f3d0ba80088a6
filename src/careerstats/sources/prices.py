"""The bundled Regional Price Parities (data/rpp/, written by scripts/make_rpp.py)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation
from functools import cache

from careerstats.core.places import METRO, NATION, NONMETRO, STATE, Area
from careerstats.core.prices import PriceTable
from careerstats.errors import DataError
from careerstats.sources.bundle import bundled_text

ALL_ITEMS = "all_items.csv"
SOURCES = "sources.csv"
COLUMNS = ("code", "type", "name")


@cache
def bundled_prices() -> PriceTable:
    """Every place's RPPs, read once per process."""
    return parse(bundled_text("rpp", ALL_ITEMS), bundled_text("rpp", SOURCES))


def parse(text: str, sources_text: str) -> PriceTable:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0][:3]) != COLUMNS:
        raise DataError(f"bundled file rpp/{ALL_ITEMS} has no header {', '.join(COLUMNS)}")
    try:
        years = [int(cell) for cell in rows[0][3:]]
        places: list[Area] = []
        values: dict[str, dict[int, Decimal]] = {}
        for row in rows[1:]:
            code, kind, name, *cells = row
            places.append(Area(code, name, kind))
            values[code] = {
                year: Decimal(cell) for year, cell in zip(years, cells, strict=True) if cell
            }
    except (ValueError, InvalidOperation) as error:
        raise DataError(f"bundled file rpp/{ALL_ITEMS} cannot be read ({error})") from None
    described = {
        row["table"]: f"{row['table']} ({row['file_name']}; {row['updated']})"
        for row in csv.DictReader(io.StringIO(sources_text))
    }
    # The states' file has the nation too; the metros' file is the one of every other kind.
    sources = {
        kind: described[table]
        for kind, table in (
            (STATE, "SARPP"),
            (NATION, "MARPP"),
            (METRO, "MARPP"),
            (NONMETRO, "MARPP"),
        )
        if table in described
    }
    return PriceTable(tuple(places), values, sources)
