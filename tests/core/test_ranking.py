"""`careerstats rank`: interpolation between percentile points, exact at the points."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from reference import HOURS
from typer.testing import CliRunner

from careerstats.cli import app
from careerstats.core.inflation import When
from careerstats.core.model import Statistic
from careerstats.core.periods import Period
from careerstats.core.ranking import CannotRank, rank
from careerstats.sources.dataset import bundled

runner = CliRunner()
DATA = bundled()
PR = DATA.career("pr")
CS = DATA.career("cs")
PR_2008 = DATA.source("bls-2008").figures_for(PR.id)
assert PR_2008 is not None
PR_YEAR = PR_2008.wages[Period.YEAR]


def rank_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["rank", *args, "--json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@pytest.mark.parametrize(
    ("statistic", "percentile"),
    [(Statistic.P10, 10), (Statistic.MEDIAN, 50), (Statistic.P90, 90)],
)
def test_published_points_give_their_percentile(statistic: Statistic, percentile: int) -> None:
    amount = str(PR_YEAR[statistic])
    document = rank_json("pr", amount, "--per", "year", "--source", "bls-2008")
    assert document["percentile"] == percentile
    assert document["position"] == "within"


def test_done_when_examples() -> None:
    assert rank_json("pr", "51280", "--per", "year", "--source", "bls-2008")["percentile"] == 50
    assert rank_json("pr", "30140", "--per", "year", "--source", "bls-2008")["percentile"] == 10
    below = rank_json("pr", "20000", "--per", "year", "--source", "bls-2008")
    assert below["position"] == "below"
    assert below["percentile"] is None


def test_json_names_amount_period_career_and_source() -> None:
    document = rank_json("pr", "40000", "--source", "bls-2008")
    assert document["amount"] == 40000
    assert document["period"] == "year"
    assert document["career"]["id"] == "public-relations-specialists"
    assert document["source"]["id"] == "bls-2008"
    assert document["percentile"] == 28.7
    assert document["between"]["lower"]["percentile"] == 10
    assert document["between"]["upper"]["percentile"] == 50


def test_derived_hourly_median_is_the_50th() -> None:
    document = rank_json("pr", "24.65", "--per", "hour", "--source", "bls-2008")
    assert document["percentile"] == 50
    assert document["between"]["lower"]["derived"] is True


def test_above_the_90th() -> None:
    document = rank_json("pr", "$100,000", "--source", "bls-2008")
    assert (document["position"], document["percentile"]) == ("above", None)


def test_default_source_is_newest_with_two_points() -> None:
    # oews-2024 has every percentile for customer service; payscale has none.
    document = rank_json("cs", "15", "--per", "hour")
    assert document["source"]["id"] == "oews-2024"
    # national_M2024_dl.xlsx, 43-4051: H_PCT10 14.75, H_PCT25 17.29;
    # 10 + (15 - 14.75) / (17.29 - 14.75) x 15 = 11.47...
    assert document["percentile"] == 11.5


def test_text_output_says_below_and_the_method_on_request() -> None:
    result = runner.invoke(app, ["rank", "pr", "20000", "--source", "bls-2008"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "below the 10th percentile" in text
    assert "less than the 10th percentile ($30,140)" in text
    assert "interpolation" not in text  # the method: in --help, and with --explain
    explained = runner.invoke(app, ["rank", "pr", "20000", "--source", "bls-2008", "--explain"])
    assert "interpolation" in explained.stdout


def test_help_states_the_method() -> None:
    result = runner.invoke(app, ["rank", "--help"])
    assert "interpolation" in result.stdout


def test_source_without_points_is_a_usage_error() -> None:
    result = runner.invoke(app, ["rank", "cs", "15", "--per", "hour", "--source", "payscale"])
    assert result.exit_code == 2
    assert "ranking needs at least 2" in result.stderr


def test_in_dollars_of_adjusts_the_points() -> None:
    adjusted = rank_json("pr", "79294.72", "--source", "bls-2008", "--in-dollars-of", "2026-08")
    assert adjusted["percentile"] == 50
    assert adjusted["adjusted_to"] == "2026-08"


def test_undated_source_cannot_be_adjusted() -> None:
    with pytest.raises(CannotRank, match="no reference date"):
        rank(DATA, CS, Decimal(15), Period.HOUR, "payscale", in_dollars_of=When(2026, 8))
    result = runner.invoke(
        app, ["rank", "cs", "15", "--source", "payscale", "--in-dollars-of", "2026-08"]
    )
    assert result.exit_code == 2
    assert "no reference date" in result.stderr


amounts = st.decimals(min_value=Decimal(1), max_value=Decimal(200000), places=2)


@given(first=amounts, second=amounts)
def test_rank_is_monotonic_in_amount(first: Decimal, second: Decimal) -> None:
    low, high = sorted((first, second))
    a, b = rank(DATA, PR, low), rank(DATA, PR, high)
    order = {"below": 0, "within": 1, "above": 2}
    assert order[a.position] <= order[b.position]
    if a.percentile is not None and b.percentile is not None:
        assert a.percentile <= b.percentile


@given(period=st.sampled_from(list(Period)))
def test_every_point_maps_to_its_percentile_in_every_period(period: Period) -> None:
    # The annual points as the data file publishes them, converted here with exact fractions
    # and rounded half-up to the cent: each ranks exactly at its own percentile.
    text = (Path(__file__).parents[2] / "data" / "bls_2008.yaml").read_text(encoding="utf-8")
    entry = next(c for c in yaml.safe_load(text)["careers"] if c["career"] == PR.id)
    published = entry["wages"]["year"]
    assert published == {"p10": 30140, "median": 51280, "p90": 97910}
    for statistic, percentile in (("p10", 10), ("median", 50), ("p90", 90)):
        exact = Fraction(published[statistic]) * HOURS[period] / HOURS[Period.YEAR]
        cents = (exact * 200 + 1) // 2  # half-up, in whole cents
        amount = Decimal(int(cents)).scaleb(-2)
        ranked = rank(DATA, PR, amount, period, "bls-2008")
        assert (ranked.position, ranked.percentile) == ("within", percentile), amount
