"""The chart never places a top-coded bound as a point, and writes a bound after a bar
whole."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run


def test_the_chart_never_places_a_bound_as_a_point(
    national: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    # Annual points outnumber hourly ones here (teachers publish annual only), so the chart
    # is annual and actors, who publish hourly only, have no bar.
    # The fixture's release (oews-2012), not the bundled official one of these occupations.
    result = run("compare", "29-1211", "15-1252", "27-2011", "25-2021", "--source", "oews-2012")
    chart = result.stdout.split("Annual pay distribution")[1]
    anesthesiologists = next(line for line in chart.splitlines() if "Anesthesiologists" in line)
    assert "◆" not in anesthesiologists  # the median is only "at least": no diamond
    assert anesthesiologists.rstrip().endswith("├ 25th+ ≥ $239,200")
    actors = next(line for line in chart.splitlines() if line.startswith("Actors"))
    assert actors.rstrip().endswith("only hourly wages are published")


def test_a_bound_after_a_bar_is_written_whole(
    files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fx.national_csv_with(files, 2012, {"15-1252": {"A_PCT90": "#", "H_PCT90": "#"}})
    assert run("data", "import", path).exit_code == 0
    for columns in ("80", "100", "140"):
        monkeypatch.setenv("COLUMNS", columns)
        chart = run("show", "15-1252", "--chart").stdout.split("Annual pay distribution")[1]
        # One bar per release: the bundled ones, and the imported one with the bound.
        bar = next(line for line in chart.splitlines() if line.startswith("oews-2012: Software"))
        # A CSV states no ceiling: May 2012's is BLS's $90.00 an hour / $187,200 a year.
        assert bar.rstrip().endswith(" 90th+ ≥ $187,200")  # not cut: the scale leaves room
        assert len(bar.rstrip()) <= int(columns)
