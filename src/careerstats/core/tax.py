"""U.S. federal tax parameters for one tax year, as the tax data file states them, and the
income tax of the tax rate schedule.

Plain dataclasses like the career datasets (`core.model`): pydantic validates them when the
data file is read (`sources.tax_data`), and their `__post_init__` holds the rules across
fields. A new tax year is a new entry in the data file, never code. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from careerstats.core.money import to_cents
from careerstats.core.wording import quoted
from careerstats.errors import UsageError

STRICT: dict[str, Any] = {"extra": "forbid"}
HUNDRED = Decimal(100)
ZERO = Decimal(0)


class FilingStatus(StrEnum):
    SINGLE = "single"
    MARRIED_JOINT = "married-joint"
    HEAD_OF_HOUSEHOLD = "head-of-household"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> FilingStatus:
        key = text.strip().lower().replace("_", "-").replace(" ", "-")
        found = _STATUS_SPELLINGS.get(key)
        if found is None:
            names = ", ".join(status.value for status in cls)
            raise UnknownStatus(f"unknown filing status {quoted(text)}; statuses are: {names}")
        return found


_STATUS_LABELS = {
    FilingStatus.SINGLE: "single",
    FilingStatus.MARRIED_JOINT: "married filing jointly",
    FilingStatus.HEAD_OF_HOUSEHOLD: "head of household",
}
_STATUS_SPELLINGS = {
    **{status.value: status for status in FilingStatus},
    "married-filing-jointly": FilingStatus.MARRIED_JOINT,
    "mfj": FilingStatus.MARRIED_JOINT,
    "joint": FilingStatus.MARRIED_JOINT,
    "head": FilingStatus.HEAD_OF_HOUSEHOLD,
    "hoh": FilingStatus.HEAD_OF_HOUSEHOLD,
}


class UnknownStatus(UsageError):
    """A filing status that is not one of those the tax data covers."""


class UnknownTaxYear(UsageError):
    """A tax year the tax data file has no parameters for; `years` are those it has."""

    def __init__(self, message: str, years: tuple[int, ...]) -> None:
        super().__init__(message)
        self.years = years


def _each_status(name: str, values: dict[FilingStatus, Any]) -> None:
    missing = [status.value for status in FilingStatus if status not in values]
    if missing:
        raise ValueError(f"{name}: no figure for {', '.join(missing)}")


def _percent(name: str, value: Decimal) -> None:
    if not ZERO < value < HUNDRED:
        raise ValueError(f"{name}: {value} is not a percentage above 0 and below 100")


def _amount(name: str, value: Decimal) -> None:
    if not value.is_finite() or value <= 0 or value >= Decimal(10) ** 12:
        raise ValueError(f"{name}: {value} is not an amount of dollars above 0")


class _Checked:
    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    def __post_init__(self) -> None:
        self._check()

    def _check(self) -> None:
        """Rules across fields."""


@dataclass(frozen=True)
class IncomeTax(_Checked):
    """The tax rate schedules: `rates` in percent, bracket by bracket; `brackets` the taxable
    income at which each bracket but the last ends, per filing status."""

    rates: tuple[Decimal, ...]
    brackets: dict[FilingStatus, tuple[Decimal, ...]]
    standard_deduction: dict[FilingStatus, Decimal]

    def _check(self) -> None:
        for index, rate in enumerate(self.rates):
            _percent(f"rates[{index}]", rate)
        if list(self.rates) != sorted(set(self.rates)):
            raise ValueError("rates: each bracket's rate must be above the one before")
        _each_status("brackets", self.brackets)
        _each_status("standard_deduction", self.standard_deduction)
        for status, ends in self.brackets.items():
            where = f"brackets.{status.value}"
            if len(ends) != len(self.rates) - 1:
                raise ValueError(
                    f"{where}: {len(ends)} bracket ends for {len(self.rates)} rates; "
                    "give one end fewer than rates (the last bracket has none)"
                )
            for index, end in enumerate(ends):
                _amount(f"{where}[{index}]", end)
            if list(ends) != sorted(set(ends)):
                raise ValueError(f"{where}: each bracket must end above the one before")
        for status, deduction in self.standard_deduction.items():
            _amount(f"standard_deduction.{status.value}", deduction)

    def tax(self, taxable: Decimal, status: FilingStatus) -> Decimal:
        """The tax rate schedule's tax on `taxable` income, exact (not yet in cents)."""
        total, start = ZERO, ZERO
        ends = self.brackets[status]
        for rate, end in zip(self.rates, (*ends, None), strict=True):
            if taxable <= start:
                break
            top = taxable if end is None else min(taxable, end)
            total += (top - start) * rate / HUNDRED
            if end is None:
                break
            start = end
        return total

    def rate_at(self, taxable: Decimal, status: FilingStatus) -> Decimal:
        """The rate on the next dollar of taxable income (at a bracket's end, the next rate)."""
        for rate, end in zip(self.rates, self.brackets[status], strict=False):
            if taxable < end:
                return rate
        return self.rates[-1]


@dataclass(frozen=True)
class SocialSecurity(_Checked):
    rate: Decimal
    wage_base: Decimal

    def _check(self) -> None:
        _percent("rate", self.rate)
        _amount("wage_base", self.wage_base)


@dataclass(frozen=True)
class Medicare(_Checked):
    rate: Decimal
    additional_rate: Decimal
    # Wages above which the Additional Medicare Tax is owed (a couple's combined, filing jointly).
    additional_threshold: dict[FilingStatus, Decimal]

    def _check(self) -> None:
        _percent("rate", self.rate)
        _percent("additional_rate", self.additional_rate)
        _each_status("additional_threshold", self.additional_threshold)
        for status, threshold in self.additional_threshold.items():
            _amount(f"additional_threshold.{status.value}", threshold)


@dataclass(frozen=True)
class TaxYear(_Checked):
    year: int
    sources: tuple[str, ...]
    income_tax: IncomeTax
    social_security: SocialSecurity
    medicare: Medicare

    def _check(self) -> None:
        if not 1913 <= self.year <= 2200:
            raise ValueError(f"year: {self.year} is not a tax year")
        if not self.sources or any(not source.strip() for source in self.sources):
            raise ValueError("sources: name the documents each year's figures come from")


@dataclass(frozen=True)
class TaxData(_Checked):
    """Every tax year of the data file, oldest first."""

    years: tuple[TaxYear, ...]

    def _check(self) -> None:
        if not self.years:
            raise ValueError("years: the file has no tax year")
        seen: set[int] = set()
        for index, entry in enumerate(self.years):
            if entry.year in seen:
                raise ValueError(f"years[{index}].year: {entry.year} is given twice")
            seen.add(entry.year)

    @property
    def newest(self) -> TaxYear:
        return max(self.years, key=lambda entry: entry.year)

    def year(self, year: int | None) -> TaxYear:
        if year is None:
            return self.newest
        for entry in self.years:
            if entry.year == year:
                return entry
        known = tuple(sorted(entry.year for entry in self.years))
        names = ", ".join(str(y) for y in known)
        raise UnknownTaxYear(f"no tax figures for {year}; the tax data covers {names}", known)


def cents(value: Decimal) -> Decimal:
    """A tax as an amount owed: to the cent, half-up, as a payer or a return rounds it."""
    return to_cents(value)
