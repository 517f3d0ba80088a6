"""Amounts as people type them, and half-up rounding for presentation."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core.money import AmountError, dollars, json_number, parse_amount, plain, to_cents


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.36", "14.36"),
        ("$51,280", "51280"),
        ("51280.00", "51280.00"),
        ("  29,868.80 ", "29868.80"),
        ("1,234,567", "1234567"),
        ("$.50", ".50"),
        ("0", "0"),
    ],
)
def test_accepted_amounts(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("nan", "not an amount"),
        ("NaN", "not an amount"),
        ("inf", "not an amount"),
        ("-Infinity", "negative"),
        ("-5", "negative"),
        ("1e5", "not an amount"),
        ("abc", "not an amount"),
        ("5,12,80", "not an amount"),
        ("51,28", "not an amount"),
        ("1.2.3", "not an amount"),
        ("$$5", "not an amount"),
        ("1" * 16, "too large"),
        ("0." + "1" * 21, "too many decimals"),
    ],
)
def test_rejected_amounts(text: str, problem: str) -> None:
    with pytest.raises(AmountError, match=problem):
        parse_amount(text)


def test_rounding_is_half_up_not_bankers() -> None:
    assert to_cents(Decimal("0.125")) == Decimal("0.13")
    assert to_cents(Decimal("0.135")) == Decimal("0.14")
    assert to_cents(Decimal("2.675")) == Decimal("2.68")


def test_presentations() -> None:
    assert plain(Decimal("29868.8")) == "29868.80"
    assert dollars(Decimal("29868.8")) == "$29,868.80"
    assert dollars(Decimal("51280"), whole=True) == "$51,280"
    assert dollars(Decimal("24.6538"), whole=True) == "$24.65"
    assert json_number(Decimal("29868.80")) == "29868.8"
    assert json_number(Decimal("51280")) == "51280"
    assert json_number(Decimal("24.653846")) == "24.65"


def test_presentation_rounds_half_up_beyond_cents() -> None:
    from careerstats.core.money import to_places

    # Decimal's own format would round these half-even: 1.0000 and 10.12.
    assert to_places(Decimal("1.00005"), 4) == "1.0001"
    assert to_places(Decimal("10.125"), 2) == "10.13"
    assert to_places(Decimal("1.5463094834"), 6) == "1.546309"


def test_hours_shown_in_the_convert_table_round_half_up() -> None:
    from typer.testing import CliRunner

    from careerstats.cli import app

    result = CliRunner().invoke(
        app, ["convert", "10", "--hours-per-week", "10.125", "--days-per-week", "1"]
    )
    day = next(line for line in result.stdout.splitlines() if line.strip().startswith("day"))
    assert day.split()[-1] == "10.13"


def test_dollars_show_cents_unless_a_figure_is_published_whole() -> None:
    """Found by mutation testing: nothing pinned the default of `whole`."""
    assert dollars(Decimal("51280")) == "$51,280.00"
    assert dollars(Decimal("51280"), whole=True) == "$51,280"
    assert dollars(Decimal("29868.805")) == "$29,868.81"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("55k", "55000"),
        ("55K", "55000"),
        ("1.5k", "1500"),
        ("$1.5k", "1500"),
        (".5k", "500"),
        ("1,500k", "1500000"),
        ("0.0001k", "0.1"),
        ("1.23456k", "1234.56"),
        (" 55k ", "55000"),
    ],
)
def test_A20_a_final_k_counts_thousands_exactly(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@given(
    st.integers(min_value=0, max_value=10**12 - 1),
    st.text(alphabet="0123456789", max_size=23),
)
def test_A20_k_is_exactly_a_thousand_times_the_number(whole: int, places: str) -> None:
    typed = f"{whole}.{places}" if places else str(whole)
    # By hand: the digits with the point moved three places right, as a fraction.
    meant = Fraction(int(f"{whole}{places}"), 10 ** len(places)) * 1000
    assert Fraction(parse_amount(typed + "k")) == meant


@pytest.mark.parametrize("text", ["k", "K", "$k", "55kk", "55 k", "k55", "5,5k", "1e3k", "55m"])
def test_A20_a_k_that_does_not_end_a_number_is_refused(text: str) -> None:
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount(text)


def test_A20_the_limits_count_the_amount_meant() -> None:
    assert parse_amount("999999999999k") == Decimal("999999999999000")
    with pytest.raises(AmountError, match="too large"):
        parse_amount("1000000000000k")  # 16 digits meant
    assert parse_amount("0." + "1" * 23 + "k") == Decimal("111." + "1" * 20)


def test_A21_schedule_values_refuse_thousands() -> None:
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount("0.04k", thousands=False)


def test_a_change_that_rounds_to_zero_is_plus_zero_percent() -> None:
    from careerstats.core.money import signed_percent

    assert signed_percent(Decimal("-0.04")) == "+0.0%"
    assert signed_percent(Decimal("-0.05")) == "-0.1%"  # half-up, away from zero
    assert signed_percent(Decimal("0.04")) == "+0.0%"
