"""`--in-dollars-of` on compare and show, and the change between dated releases."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from careerstats.cli import app

runner = CliRunner()


def run_json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def careers_by_source(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {career["source"]["id"]: career for career in document["careers"]}


def test_csr_median_in_august_2026_dollars() -> None:
    # The article's May 2008 median: 14.36 x 334.980 / 216.632 (CPI-U August 2026 over
    # May 2008) = 22.205...
    document = run_json("compare", "cs", "pr", "--source", "bls-2008", "--in-dollars-of", "2026-08")
    csr = document["careers"][0]
    median = csr["wages"]["hour"]["median"]
    assert median == {
        "value": 22.2,
        "derived": False,
        "basis": "published",
        "adjusted_to": "2026-08",
        "original": 14.36,
    }
    assert csr["inflation_adjustment"]["from"] == "2008-05"
    assert csr["inflation_adjustment"]["from_index"] == 216.632
    assert document["adjusted_to"] == "2026-08"


def test_without_the_option_nothing_is_adjusted() -> None:
    document = run_json("compare", "cs", "pr")
    median = document["careers"][0]["wages"]["hour"]["median"]
    assert "adjusted_to" not in median
    assert document["adjusted_to"] is None


def test_undated_release_is_left_as_published_and_says_so() -> None:
    document = run_json("compare", "cs", "--source", "all", "--in-dollars-of", "2026-08")
    payscale = careers_by_source(document)["payscale"]
    assert payscale["wages"]["hour"]["mean"]["value"] == 13.52
    assert "adjusted_to" not in payscale["wages"]["hour"]["mean"]
    assert payscale["inflation_adjustment"]["adjusted"] is False
    assert "no reference date" in payscale["inflation_adjustment"]["reason"]


def test_table_marks_adjusted_figures_and_keeps_the_original() -> None:
    result = runner.invoke(
        app, ["compare", "cs", "pr", "--source", "bls-2008", "--in-dollars-of", "2026-08"]
    )
    assert result.exit_code == 0
    assert "$22.20^" in result.stdout
    assert "(was $14.36)" in result.stdout
    assert "August 2026 dollars" in result.stdout


def test_show_in_dollars_of() -> None:
    document = run_json("show", "cs", "--in-dollars-of", "2026-08")
    by_source = {item["source"]["id"]: item for item in document["sources"]}
    assert by_source["bls-2008"]["wages"]["hour"]["median"]["value"] == 22.2
    assert by_source["payscale"]["inflation_adjustment"]["adjusted"] is False


def test_gap_month_is_rejected_for_in_dollars_of() -> None:
    result = runner.invoke(app, ["compare", "cs", "pr", "--in-dollars-of", "2025-10"])
    assert result.exit_code == 2
    assert "2025-09 and 2025-11" in result.stderr


def test_change_between_bls_releases_nominal_and_real() -> None:
    document = run_json("compare", "cs", "--source", "all")
    hourly = next(
        c
        for c in document["release_changes"]
        if c["period"] == "hour" and c["to_source"] == "oews-2024"
    )
    # May 2023's published median $19.08 to May 2024's $20.59: 20.59 / 19.08 = 1.0791...;
    # in real terms x 304.127 / 314.069 (CPI-U May 2023 over May 2024) = 1.0449...
    assert hourly["from_source"] == "oews-2023"
    assert (hourly["from_value"], hourly["to_value"]) == (19.08, 20.59)
    assert hourly["nominal_percent"] == 7.9
    assert hourly["real_percent"] == 4.5
    assert (hourly["from_index"], hourly["to_index"]) == (304.127, 314.069)


def test_change_column_in_the_table() -> None:
    result = runner.invoke(app, ["compare", "cs", "--source", "all"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("oews-2024 "))
    assert "+7.9% (+4.5%)" in row  # nominal, and real in brackets


def test_csv_keeps_the_original_beside_the_adjusted_value() -> None:
    result = runner.invoke(
        app, ["compare", "cs", "pr", "--source", "bls-2008", "--csv", "--in-dollars-of", "2026-08"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith(",value,derived,at_least,adjusted_to,original,basis")
    assert any(
        line.endswith(",hour,median,22.20,false,false,2026-08,14.36,published") for line in lines
    )
