"""`Ratio` gives exactly what `fractions.Fraction` gives for the operations conversions use:
the same lowest terms, so a conversion multiplies and divides by the same integers."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core.ratio import Ratio

whole = st.integers(min_value=-(10**12), max_value=10**12)
nonzero = whole.filter(bool)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=6, max_value=10**9)


def pair(ratio: Ratio) -> tuple[int, int]:
    return ratio.numerator, ratio.denominator


def same(fraction: Fraction) -> tuple[int, int]:
    return fraction.numerator, fraction.denominator


@given(whole, nonzero, whole, nonzero)
def test_arithmetic_gives_fractions_lowest_terms(a: int, b: int, c: int, d: int) -> None:
    left, right = Ratio(a, b), Ratio(c, d)
    fl, fr = Fraction(a, b), Fraction(c, d)
    assert pair(left) == same(fl)
    assert pair(left * right) == same(fl * fr)
    assert pair(left - right) == same(fl - fr)
    assert pair(abs(left)) == same(abs(fl))
    assert pair(left * c) == same(fl * c)
    assert pair(c * left) == same(c * fl)
    if c:
        assert pair(left / right) == same(fl / fr)
        assert pair(left / c) == same(fl / c)
    if a:
        assert pair(d / left) == same(d / fl)


@given(whole, nonzero, whole, nonzero)
def test_comparisons_agree_with_fractions(a: int, b: int, c: int, d: int) -> None:
    left, right = Ratio(a, b), Ratio(c, d)
    fl, fr = Fraction(a, b), Fraction(c, d)
    assert (left < right, left <= right, left > right, left >= right, left == right) == (
        fl < fr,
        fl <= fr,
        fl > fr,
        fl >= fr,
        fl == fr,
    )
    assert (left == c) == (fl == c)
    assert sorted([right, left]) == sorted([left, right])


@given(decimals)
def test_a_decimal_is_taken_exactly(value: Decimal) -> None:
    assert pair(Ratio.of(value)) == same(Fraction(value))


def test_hours_of_a_schedule_in_lowest_terms() -> None:
    assert pair(Ratio.of(Decimal("37.5")) * 52 / 12) == (325, 2)  # 162.5 hours a month
    assert Ratio(4, 2) == 2
    assert hash(Ratio(4, 2)) == hash(2)
    assert Ratio(2, -4) == Ratio(-1, 2)


def test_a_ratio_is_immutable_and_refuses_a_zero_denominator() -> None:
    with pytest.raises(ZeroDivisionError):
        Ratio(1, 0)
    with pytest.raises(AttributeError):
        Ratio(1, 2).numerator = 3
