"""CPI-U table and `careerstats inflate`: the published facts, the gap, both directions."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from careerstats.cli import app
from careerstats.core.inflation import NoIndex, When, parse_table
from careerstats.core.money import to_cents
from careerstats.errors import DataError
from careerstats.sources.cpi import bundled_cpi

runner = CliRunner()
TABLE = bundled_cpi()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("when", "index"),
    [
        ("2008-05", "216.632"),
        ("2008", "215.303"),
        ("2017-05", "244.733"),
        ("2017", "245.120"),
        ("2026-08", "334.980"),
        ("2025", "321.943"),
        ("1913-01", "9.8"),
    ],
)
def test_published_indexes(when: str, index: str) -> None:
    assert TABLE.index(When.parse(when)) == Decimal(index)


def test_table_header_records_series_base_and_newest() -> None:
    assert TABLE.series == "CUUR0000SA0"
    assert TABLE.base == "1982-84=100"
    assert TABLE.newest == When(2026, 8)
    assert TABLE.first == When(1913, 1)


def test_indexes_are_decimals_as_published() -> None:
    assert str(TABLE.index(When(2026, 8))) == "334.980"
    assert all(isinstance(value, Decimal) for value in TABLE.indexes.values())


def test_october_2025_has_no_index() -> None:
    with pytest.raises(NoIndex, match="2025-09 and 2025-11"):
        TABLE.index(When(2025, 10))


def test_inflate_month_to_month() -> None:
    code, out, _ = run("inflate", "14.36", "--from", "2008-05", "--to", "2026-08", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["result"] == 22.2
    assert document["from_index"] == 216.632
    assert document["to_index"] == 334.98
    assert document["from"] == "2008-05"
    assert document["to"] == "2026-08"
    assert document["amount"] == 14.36
    assert document["factor"] == pytest.approx(1.546309)


def test_inflate_annual_averages() -> None:
    code, out, _ = run("inflate", "14.36", "--from", "2008", "--to", "2017", "--json")
    assert code == 0
    document = json.loads(out)
    assert (document["from_index"], document["to_index"], document["result"]) == (
        215.303,
        245.12,
        16.35,
    )


def test_inflate_text_output() -> None:
    code, out, _ = run("inflate", "14.36", "--from", "2008-05", "--to", "2026-08")
    assert code == 0
    assert "$14.36 in May 2008 dollars is $22.20 in August 2026 dollars" in out
    assert "May 2008 216.632 -> August 2026 334.980" in out


def test_to_defaults_to_newest_month() -> None:
    code, out, _ = run("inflate", "14.36", "--from", "2008-05", "--json")
    assert code == 0
    assert json.loads(out)["to"] == "2026-08"


def test_inflate_backwards() -> None:
    code, out, _ = run("inflate", "22.20", "--from", "2026-08", "--to", "2008-05", "--json")
    assert code == 0
    assert json.loads(out)["result"] == 14.36


def test_gap_month_is_a_clear_error() -> None:
    code, out, err = run("inflate", "14.36", "--from", "2025-10")
    assert code == 2
    assert out == ""
    assert err.startswith("careerstats: error: ")
    assert "2025-09" in err
    assert "2025-11" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("when", "named"),
    [("1912-12", "1913-01"), ("2026-09", "2026-08"), ("2026", "2026-08"), ("1900", "1913")],
)
def test_dates_outside_the_series_name_the_nearest(when: str, named: str) -> None:
    code, _, err = run("inflate", "1", "--from", when)
    assert code == 2
    assert named in err


@pytest.mark.parametrize("when", ["2008-13", "08-05", "May 2008", ""])
def test_bad_dates_are_usage_errors(when: str) -> None:
    code, _, err = run("inflate", "1", "--from", when)
    assert code == 2
    assert "not a date" in err


def test_broken_table_is_a_data_error() -> None:
    with pytest.raises(DataError, match="header"):
        parse_table("# series: x\nyear,01\n1913,9.8\n")


months = st.sampled_from(TABLE.months)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000000"), places=2)


@given(amount=amounts, source=months, target=months)
def test_forward_then_backward_returns_the_amount(
    amount: Decimal, source: When, target: When
) -> None:
    forward = TABLE.adjust(amount, source, target).result
    back = TABLE.adjust(forward, target, source).result
    assert to_cents(back) == amount


@given(amount=amounts, when=months)
def test_same_date_is_identity(amount: Decimal, when: When) -> None:
    assert TABLE.adjust(amount, when, when).result == amount
