"""CPI-U price levels and inflation adjustment, exactly, from the bundled table.

Standard library only, like `periods`: `inflate` reads one small CSV (`data/cpi_u.csv`,
written by `scripts/make_cpi_table.py`) and never loads pydantic, YAML or the `cpi` package.
Index values stay `Decimal` exactly as BLS published them; nothing is rounded here.
"""

import csv
import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from careerstats.core.periods import EXACT, MONTH_NAMES
from careerstats.core.value import Value
from careerstats.core.wording import quoted
from careerstats.errors import DataError, UsageError

CPI_FILE = "cpi_u.csv"

_WHEN = re.compile(r"(\d{4})(?:-(\d{1,2}))?", re.ASCII)  # int() would take other digits


class NoIndex(UsageError):
    """A date the CPI-U table has no index for: outside the series, or a gap in it."""


class When(NamedTuple):
    """A month (`2008-05`) or a whole year (`2008`, meaning its annual average).

    A named tuple: ordered and hashed as (year, month), and quick to build for each of the
    1,400 indexes the CPI-U table holds."""

    year: int
    month: int | None = None

    @classmethod
    def parse(cls, text: str) -> "When":
        match = _WHEN.fullmatch(text.strip())
        if match is None or (match[2] is not None and not 1 <= int(match[2]) <= 12):
            raise UsageError(
                f"not a date: {quoted(text)}; write YYYY-MM for a month (2008-05) "
                "or YYYY for a year's annual average (2008)"
            )
        return cls(int(match[1]), int(match[2]) if match[2] else None)

    @property
    def is_month(self) -> bool:
        return self.month is not None

    def __str__(self) -> str:
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        if self.month is None:
            return f"{self.year} annual average"
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"


class Rebase(Value):
    """Moving money from the price level of one date to another's: a ratio of two indexes."""

    source: When
    target: When
    from_index: Decimal
    to_index: Decimal

    @property
    def factor(self) -> Decimal:
        return EXACT.divide(self.to_index, self.from_index)

    def apply(self, amount: Decimal) -> Decimal:
        """`amount` x to_index / from_index, multiplied first so the one division is last."""
        return EXACT.divide(EXACT.multiply(amount, self.to_index), self.from_index)


class Adjustment(Value):
    """An amount moved from the dollars of one date to those of another, and the result."""

    amount: Decimal
    rebase: Rebase
    result: Decimal


class CpiTable(Value):
    series: str
    base: str
    newest: When
    indexes: dict[When, Decimal]

    @property
    def months(self) -> list[When]:
        return sorted(when for when in self.indexes if when.is_month)

    @property
    def first(self) -> When:
        return self.months[0]

    def index(self, when: When) -> Decimal:
        """The published index for `when`; a date without one names the nearest that exist."""
        found = self.indexes.get(when)
        if found is not None:
            return found
        if when.month is None:
            raise NoIndex(self._no_annual(when))
        months = self.months
        if when < months[0]:
            raise NoIndex(
                f"{when} is before the CPI-U series begins; the first month is {months[0]}"
            )
        if when > months[-1]:
            raise NoIndex(
                f"{when} is after the newest CPI-U month in this table, {months[-1]} "
                "(a newer careerstats may have newer figures)"
            )
        before = max(m for m in months if m < when)
        after = min(m for m in months if m > when)
        raise NoIndex(
            f"no CPI-U index for {when.label} ({when}): BLS published none for that month; "
            f"the nearest months with an index are {before} and {after}"
        )

    def _no_annual(self, when: When) -> str:
        years = sorted(w.year for w in self.indexes if not w.is_month)
        if when.year > years[-1]:
            newest = self.months[-1]
            why = "the year is not complete" if when.year == newest.year else "not yet published"
            return (
                f"no annual average for {when.year} in this table ({why}); "
                f"the newest annual average is {years[-1]}, the newest month {self.months[-1]}"
            )
        if when.year < years[0]:
            return f"{when.year} is before the CPI-U series begins; the first year is {years[0]}"
        return f"no annual average for {when.year} in this table"

    def rebase(self, source: When, target: When) -> Rebase:
        return Rebase(source, target, self.index(source), self.index(target))

    def adjust(self, amount: Decimal, source: When, target: When | None = None) -> Adjustment:
        """`amount` in dollars of `source`, expressed in dollars of `target` (default: newest)."""
        rebase = self.rebase(source, target or self.newest)
        return Adjustment(amount, rebase, rebase.apply(amount))


def parse_table(text: str, name: str = CPI_FILE) -> CpiTable:
    """Read the table: `# key: value` header lines, then year, 12 months and annual average."""
    header: dict[str, str] = {}
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    indexes: dict[When, Decimal] = {}
    rows = csv.reader(body)
    columns = next(rows, None)
    if columns is None or len(columns) != 14 or columns[0] != "year":
        raise DataError(f"{name}: expected a header row 'year,01,...,12,annual'")
    for number, row in enumerate(rows, start=2):
        if len(row) != 14:
            raise DataError(f"{name}: data row {number}: expected 14 cells, found {len(row)}")
        try:
            year = int(row[0])
            for month, cell in enumerate(row[1:13], start=1):
                if cell:
                    indexes[When(year, month)] = _index(cell)
            if row[13]:
                indexes[When(year)] = _index(row[13])
        except (ValueError, InvalidOperation):
            raise DataError(f"{name}: data row {number}: not a year and index values") from None
    try:
        newest = When.parse(header["newest"])
        series, base = header["series"], header["base"]
    except (KeyError, UsageError):
        raise DataError(f"{name}: the header must give series, base and newest") from None
    if not indexes or newest not in indexes:
        raise DataError(f"{name}: no index for its stated newest month {newest}")
    return CpiTable(series=series, base=base, newest=newest, indexes=indexes)


def _index(cell: str) -> Decimal:
    value = Decimal(cell)
    if not value.is_finite() or value <= 0:
        raise ValueError(cell)
    return value
