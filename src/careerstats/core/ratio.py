"""Exact ratios of whole numbers: the hours in a pay period, and the factors between periods.

The part of `fractions.Fraction` that pay conversions use, in lowest terms as Fraction keeps
them, so every conversion multiplies and divides by the very integers it would. Importing
`fractions` (which registers the `numbers` tower and compiles its parser) is about 9 million
instructions, some 2% of a whole `compare --json` run, which reads no fraction from text.
"""

from __future__ import annotations

from decimal import Decimal
from math import gcd


class Ratio:
    """numerator / denominator, in lowest terms with a positive denominator. Immutable."""

    __slots__ = ("denominator", "numerator")

    numerator: int
    denominator: int

    def __init__(self, numerator: int, denominator: int = 1) -> None:
        if denominator == 0:
            raise ZeroDivisionError(f"Ratio({numerator}, 0)")
        if denominator < 0:
            numerator, denominator = -numerator, -denominator
        common = gcd(numerator, denominator)
        object.__setattr__(self, "numerator", numerator // common)
        object.__setattr__(self, "denominator", denominator // common)

    @classmethod
    def of(cls, value: Decimal | int) -> Ratio:
        """A finite decimal or an integer, exactly: Decimal("37.5") is 75/2."""
        if isinstance(value, int):
            return cls(value)
        return cls(*value.as_integer_ratio())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Ratio.{name} is read-only")

    def __mul__(self, other: Ratio | int) -> Ratio:
        other = _ratio(other)
        return Ratio(self.numerator * other.numerator, self.denominator * other.denominator)

    __rmul__ = __mul__

    def __truediv__(self, other: Ratio | int) -> Ratio:
        other = _ratio(other)
        return Ratio(self.numerator * other.denominator, self.denominator * other.numerator)

    def __rtruediv__(self, other: int) -> Ratio:
        return _ratio(other) / self

    def __sub__(self, other: Ratio | int) -> Ratio:
        other = _ratio(other)
        return Ratio(
            self.numerator * other.denominator - other.numerator * self.denominator,
            self.denominator * other.denominator,
        )

    def __abs__(self) -> Ratio:
        return self if self.numerator >= 0 else Ratio(-self.numerator, self.denominator)

    def _compared(self, other: Ratio | int) -> int:
        """Negative, zero or positive as self is less than, equal to or more than `other`."""
        other = _ratio(other)
        return self.numerator * other.denominator - other.numerator * self.denominator

    def __lt__(self, other: Ratio | int) -> bool:
        return self._compared(other) < 0

    def __le__(self, other: Ratio | int) -> bool:
        return self._compared(other) <= 0

    def __gt__(self, other: Ratio | int) -> bool:
        return self._compared(other) > 0

    def __ge__(self, other: Ratio | int) -> bool:
        return self._compared(other) >= 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, int):
            return self.denominator == 1 and self.numerator == other
        if isinstance(other, Ratio):
            return (self.numerator, self.denominator) == (other.numerator, other.denominator)
        return NotImplemented

    def __hash__(self) -> int:  # a whole ratio hashes as the integer it equals
        return hash(self.numerator if self.denominator == 1 else (self.numerator, self.denominator))

    def __repr__(self) -> str:
        return f"Ratio({self.numerator}, {self.denominator})"


def _ratio(value: Ratio | int) -> Ratio:
    return value if isinstance(value, Ratio) else Ratio(value)
