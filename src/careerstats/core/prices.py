"""Local price levels: BEA's Regional Price Parities (RPPs), all items, U.S. = 100.

An RPP says how a place's prices for the goods and services people buy compare with the
national average in one year. Pay of the same purchasing power elsewhere is the amount
times RPP(there) / RPP(here), exact; rounding happens only when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from careerstats.core.places import NATION, Area, find_area, same_code
from careerstats.errors import UsageError

PUBLISHER = "U.S. Bureau of Economic Analysis (BEA)"
SERIES = "Regional Price Parities, all items (U.S. = 100)"
# Room for the exact product and a quotient far beyond a cent, for any amount accepted.
_PRECISION = 50


@dataclass(frozen=True)
class PriceTable:
    """Every place's all-items RPP by year, and where the figures come from."""

    places: tuple[Area, ...]
    values: dict[str, dict[int, Decimal]]  # code -> year -> RPP
    sources: dict[str, str] = field(default_factory=dict)  # kind of place -> its source

    def source_of(self, *areas: Area) -> tuple[str, ...]:
        """The original files the figures of `areas` come from, each once."""
        return tuple(dict.fromkeys(self.sources[a.kind] for a in areas if a.kind in self.sources))

    def years(self, area: Area) -> list[int]:
        return sorted(self.values.get(area.code, {}))

    def index(self, area: Area, year: int) -> Decimal | None:
        return self.values.get(area.code, {}).get(year)

    def find(self, text: str, what: str, option: str) -> Area:
        return find_area(
            text, self.places, within="BEA's price parities", what=what, option=option, prices=True
        )


@dataclass(frozen=True)
class PriceLevel:
    """One place's RPP in one year."""

    area: Area
    year: int
    index: Decimal


@dataclass(frozen=True)
class Relocation:
    """`amount` at `origin` has the purchasing power of `result` at `destination`."""

    amount: Decimal
    origin: PriceLevel
    destination: PriceLevel
    result: Decimal  # exact to 50 significant digits; rounded only when shown
    sources: tuple[str, ...] = field(default=())


def equivalent(amount: Decimal, origin: Decimal, destination: Decimal) -> Decimal:
    """`amount` x `destination` / `origin`, the one division done at high precision."""
    with localcontext() as context:
        context.prec = _PRECISION
        return amount * destination / origin


def relocate(
    table: PriceTable, amount: Decimal, origin: str, destination: str, year: int | None
) -> Relocation:
    here = table.find(origin, "place", "from")
    there = table.find(destination, "place", "to")
    common = sorted(set(table.years(here)) & set(table.years(there)))
    if not common:
        raise UsageError(f"{here.name} and {there.name} have no year of RPPs in common")
    if year is None:
        year = common[-1]
    elif year not in common:
        raise UsageError(
            f"no RPPs for {year} for both {here.name} and {there.name}: "
            f"years with both are {common[0]}-{common[-1]}"
        )
    origin_index = table.index(here, year)
    destination_index = table.index(there, year)
    if origin_index is None or destination_index is None:  # cannot be: a common year
        raise UsageError(f"no RPPs for {year} for both {here.name} and {there.name}")
    return Relocation(
        amount=amount,
        origin=PriceLevel(here, year, origin_index),
        destination=PriceLevel(there, year, destination_index),
        result=equivalent(amount, origin_index, destination_index),
        sources=table.source_of(here, there),
    )


def nearest_year(years: list[int], wanted: int) -> int | None:
    """The year of `years` closest to `wanted`; of two as close, the later (newer prices)."""
    if not years:
        return None
    return min(years, key=lambda year: (abs(year - wanted), -year))


HUNDRED = Decimal(100)


@dataclass(frozen=True)
class PriceAdjustment:
    """A place's RPP for a release (`level`), or why it has none (`missing`)."""

    level: PriceLevel | None
    release_year: int
    missing: str | None = None

    @property
    def nearest(self) -> bool:
        """The RPP is of another year than the release's (the nearest BEA has)."""
        return self.level is not None and self.level.year != self.release_year

    def apply(self, value: Decimal) -> Decimal | None:
        if self.level is None:
            return None
        with localcontext() as context:
            context.prec = _PRECISION
            return value * HUNDRED / self.level.index

    def describe(self) -> str:
        if self.level is None:
            return self.missing or "no RPP"
        nearest = f", the nearest year to {self.release_year}" if self.nearest else ""
        return f"RPP {self.level.index} ({self.level.year}{nearest})"


def price_adjustment(prices: PriceTable, area: Area, release_year: int) -> PriceAdjustment:
    """The RPP of `area` nearest `release_year`, matched by code (state FIPS, metro CBSA)."""
    if area.kind == NATION:
        nation = next((a for a in prices.places if a.kind == NATION), None)
        if nation is not None:
            year = nearest_year(prices.years(nation), release_year)
            index = prices.index(nation, year) if year is not None else None
            if year is not None and index is not None:
                return PriceAdjustment(PriceLevel(nation, year, index), release_year)
    match = next(
        (
            place
            for place in prices.places
            if place.kind == area.kind and same_code(place.code, area.code)
        ),
        None,
    )
    if match is None:
        why = {
            "territory": "BEA publishes no RPP for territories",
            "nonmetro": "BEA publishes no RPP for OEWS's nonmetropolitan areas",
        }.get(area.kind, f"BEA publishes no RPP for area {area.code}")
        return PriceAdjustment(None, release_year, why)
    year = nearest_year(prices.years(match), release_year)
    index = prices.index(match, year) if year is not None else None
    if year is None or index is None:
        return PriceAdjustment(None, release_year, f"BEA publishes no RPP for {match.name}")
    return PriceAdjustment(PriceLevel(match, year, index), release_year)
