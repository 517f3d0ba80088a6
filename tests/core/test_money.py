"""Amounts as people type them, and half-up rounding for presentation."""

from __future__ import annotations

from decimal import Decimal

import pytest

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


def test_a_change_that_rounds_to_zero_is_plus_zero_percent() -> None:
    from careerstats.core.money import signed_percent

    assert signed_percent(Decimal("-0.04")) == "+0.0%"
    assert signed_percent(Decimal("-0.05")) == "-0.1%"  # half-up, away from zero
    assert signed_percent(Decimal("0.04")) == "+0.0%"
