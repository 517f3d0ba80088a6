"""rank among top-coded points (bounds, never interpolated against), at and above the
ceiling, adjusted points, and notes when an amount fits another period."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json


@pytest.mark.parametrize(
    ("amount", "position", "lower", "upper"),
    [
        ("100000", "below", None, 10),  # p10 is exact: $145,640
        ("145640", "within", 10, 10),
        ("200000", "within", 10, 25),  # p25 is "at or above $239,200": below it for sure
        ("300000", "above", 10, None),  # at or above the ceiling: no finer answer
    ],
)
def test_rank_among_top_coded_points(
    national: Path,
    run: Run,
    amount: str,
    position: str,
    lower: int | None,
    upper: int | None,
) -> None:
    document = as_json(run("rank", "anesthesiologists", amount, "--source", "oews-2012", "--json"))
    assert document["source"]["id"] == "oews-2012"
    assert document["position"] == position
    between = document["between"]
    assert (between["lower"] or {}).get("percentile") == lower
    assert (between["upper"] or {}).get("percentile") == upper
    assert [point["percentile"] for point in document["points"]] == [10]
    assert [point["at_least"] for point in document["top_coded"]] == [239200] * 4
    assert document["percentile"] == (10 if amount == "145640" else None)


def test_a_top_coded_point_is_never_interpolated_against(national: Path, run: Run) -> None:
    text = " ".join(run("rank", "29-1211", "200000", "--source", "oews-2012").stdout.split())
    assert "between the 10th and the 25th percentile" in text
    assert "less than the 25th percentile (≥ $239,200)" in text
    assert "top-coded points (lower bounds, not ranked against): 25th ≥ $239,200" in text
    above = " ".join(run("rank", "29-1211", "300000", "--source", "oews-2012").stdout.split())
    assert "above the 10th percentile" in above
    assert "at or above the top-coding ceiling" in above


def test_A18_every_point_top_coded_and_an_amount_above_the_ceiling(
    files: Path, run: Run, tmp_path: Path
) -> None:
    rows = fx.national_rows()
    for row in rows:
        if row[fx.NATIONAL_COLUMNS.index("OCC_CODE")] == "29-1211":
            for name in ("A_PCT10", "H_PCT10"):
                row[fx.NATIONAL_COLUMNS.index(name)] = "#"
    path = fx.write_csv(files / "national_M2012_dl.csv", fx.NATIONAL_COLUMNS, rows)
    assert run("data", "import", path).exit_code == 0
    # A CSV states no ceiling: May 2012's was $90.00 an hour, $187,200 a year.
    below = as_json(run("rank", "29-1211", "180000", "--source", "oews-2012", "--json"))
    assert (below["position"], below["between"]["upper"]["percentile"]) == ("below", 10)
    result = run("rank", "29-1211", "200000", "--source", "oews-2012")
    assert result.exit_code == 1  # what the data cannot tell, not a usage mistake
    assert "above the lowest of them, so where it ranks cannot be told" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_adjusted_hourly_bound_keeps_its_cents(national: Path, run: Run) -> None:
    table = run("show", "29-1211", "--in-dollars-of", "2026-08", "--no-chart", "--full").stdout
    assert "(was $115.00)" in table
    assert "(was $239,200)" in table
    assert "stays one" in " ".join(table.split())


def test_A17_an_amount_that_reads_as_hourly_gets_a_note(run: Run) -> None:
    result = run("rank", "cs", "15", "--json")
    assert as_json(result)["position"] == "below"
    assert result.stderr == (
        "note: $15 was read as pay per year, below every point; per hour it falls among "
        "them: add --per hour\n"
    )
    assert run("rank", "cs", "15", "--per", "hour").stderr == ""
    assert run("rank", "pr", "20000").stderr == ""  # below at every reading: nothing to add


def test_rank_marks_adjusted_points_and_keeps_the_published_ones(run: Run) -> None:
    result = run("rank", "pr", "60000", "--source", "bls-2008", "--in-dollars-of", "2026-08")
    text = " ".join(result.stdout.split())
    assert "points (annual): 10th $46,605.75^, 50th $79,294.72^, 90th $151,399.11^" in text
    assert "as published: 10th $30,140, 50th $51,280, 90th $97,910" in text


def test_rank_at_exactly_the_ceiling_is_below_the_top_coded_point(national: Path, run: Run) -> None:
    # The 25th is "at or above $239,200": an amount of $239,200 is at or below it.
    document = as_json(run("rank", "29-1211", "239200", "--source", "oews-2012", "--json"))
    assert document["position"] == "within"
    assert document["between"]["upper"]["percentile"] == 25
    above = as_json(run("rank", "29-1211", "239200.01", "--source", "oews-2012", "--json"))
    assert above["position"] == "above"


def test_rank_of_an_hourly_only_row_per_year_says_why(national: Path, run: Run) -> None:
    result = run("rank", "actors", "50000", "--source", "oews-2012")
    assert result.exit_code == 2
    assert result.stderr == (
        "careerstats: error: oews-2012, actors: only hourly wages are published (HOURLY flag); "
        "no annual figure is derived, so an amount per year cannot be ranked; give it per "
        "hour: --per hour\n"
    )
    # 25 + (20 - 17.94) / (23.33 - 17.94) x 25 = 34.55...
    hourly = as_json(
        run("rank", "actors", "20", "--per", "hour", "--source", "oews-2012", "--json")
    )
    assert hourly["percentile"] == 34.6


def test_rank_at_the_ceiling_when_every_point_is_top_coded(files: Path, run: Run) -> None:
    hourly = {f"H_{c}": "#" for c in ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")}
    path = fx.national_csv_with(files, 2012, {"29-1211": hourly})
    assert run("data", "import", path).exit_code == 0
    # A CSV states no ceiling: May 2012's was $90.00 an hour.
    result = run("rank", "29-1211", "90", "--per", "hour", "--source", "oews-2012")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "at or below the 10th percentile" in text
    assert "at most the 10th percentile (≥ $90.00)" in text
