"""Median gaps stay within one release and are marked when derived; release-to-release
changes are never computed from top-coded medians; show adjusts and explains every figure."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json


def test_gaps_are_marked_derived_in_the_table(run: Run) -> None:
    # CSR's hourly median is published, PR's derived; PR's annual is published, CSR's derived:
    # both gaps rest on a derived figure and the table says so, as the JSON does.
    document = as_json(run("compare", "cs", "pr", "--source", "bls-2008", "--json"))
    assert [gap["derived"] for gap in document["median_gaps"]] == [True, True]
    table = run("compare", "cs", "pr", "--source", "bls-2008", "--no-chart").stdout
    # The table shows the annual gap; the JSON has both.
    assert [gap["difference"] for gap in document["median_gaps"]] == [10.29, 21411.2]
    assert "+$21,411.20 (1.72x)*" in table
    assert "marked * when a median in it is derived" in " ".join(table.split())


def test_gaps_never_cross_releases(run: Run) -> None:
    document = as_json(run("compare", "cs", "pr", "--source", "all", "--json"))
    pairs = {
        (gap["baseline"]["id"], gap["baseline"]["source"], gap["id"], gap["source"])
        for gap in document["median_gaps"]
    }
    # bls-2008 and every official release cover both careers: PR is compared with CSR of
    # the same release, never with bls-2017's CSR (which has no PR) nor with another
    # release's, nor CSR with itself in another source.
    both = ["bls-2008", "oews-2008", *(f"oews-{year}" for year in range(2013, 2025))]
    cs, pr = "customer-service-representatives", "public-relations-specialists"
    assert pairs == {(cs, release, pr, release) for release in both}


def test_one_career_in_every_source_has_changes_not_gaps(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = as_json(run("compare", "cs", "--source", "all", "--json"))
    assert document["median_gaps"] == []
    monkeypatch.setenv("COLUMNS", "120")  # the change column needs 100 columns
    table = run("compare", "cs", "--source", "all", "--no-chart").stdout
    assert "gap" not in table  # neither a column nor its legend
    # The newest change: May 2023's median $39,680 a year to May 2024's $42,830: +7.9%,
    # and +4.5% in real terms; in the row of oews-2024.
    row = next(line for line in table.splitlines() if line.startswith("oews-2024 "))
    assert row.rstrip().endswith("+7.9% (+4.5%)")
    assert "change: the median since the previous dated release" in table
    monkeypatch.setenv("COLUMNS", "80")
    narrow = run("compare", "cs", "--source", "all", "--no-chart").stdout
    assert "+7.9%" not in narrow
    assert "change since the previous release: at 100 columns or more" in narrow


def test_no_change_between_releases_is_computed_from_top_coded_medians(
    files: Path, run: Run
) -> None:
    # Years careerstats does not bundle (a national file of a bundled year defers to it).
    for year in (2011, 2012):  # the ceiling moved from $80 to $90 an hour: not a wage change
        assert run("data", "import", fx.lawyers_csv(year, files, "#")).exit_code == 0
    document = as_json(run("compare", "lawyers", "--source", "all", "--json"))
    ids = [item["source"]["id"] for item in document["careers"]]
    assert ids[-3:] == ["oews-2012", "oews-2011", "oews-2008"]
    # None to or from a top-coded median; the bundled releases' exact medians (2013 to
    # 2024) still have theirs.
    changes = {(c["from_source"], c["to_source"]) for c in document["release_changes"]}
    assert [pair for pair in changes if {"oews-2011", "oews-2012"} & set(pair)] == []
    assert {(f"oews-{year}", f"oews-{year + 1}") for year in range(2013, 2024)} <= changes


def test_show_adjusts_the_industry_figures_too(run: Run) -> None:
    document = as_json(run("show", "cs", "--in-dollars-of", "2026-08", "--json"))
    by_source = {item["source"]["id"]: item for item in document["sources"]}
    wholesale = by_source["bls-2017"]["industries"][0]
    assert wholesale["industry"] == "Wholesale trade"
    # 18.06 x 334.980 / 244.733 (CPI-U August 2026 over May 2017) = 24.7197...
    assert (wholesale["value"], wholesale["original"]) == (24.72, 18.06)
    assert wholesale["adjusted_to"] == "2026-08"
    # PayScale states no date: its sums stay as published, without adjustment keys.
    assert by_source["payscale"]["extra_compensation"][0]["value"] == 3000
    assert "adjusted_to" not in by_source["payscale"]["extra_compensation"][0]
    table = " ".join(
        run("show", "cs", "--in-dollars-of", "2026-08", "--no-chart", "--full").stdout.split()
    )
    assert "$24.72^/hour" in table
    assert "(was $18.06)" in table
    assert "payscale: no reference date, as published" in table


def test_show_carries_how_a_reference_period_was_read(run: Run) -> None:
    table = " ".join(run("show", "cs", "--no-chart", "--full").stdout.split())
    assert "bls-2017, reference period: The article does not name the month." in table
    assert "payscale, reference period: The article gives no publication date" in table
