"""Gaps within one release, derived gaps marked, top-coded points in `rank`, the period note,
help paragraphs at 80 columns, and `data import` checking the file before the year."""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json

# ------------------------------------------------------------------ median gaps


def test_gaps_are_marked_derived_in_the_table(run: Run) -> None:
    # CSR's hourly median is published, PR's derived; PR's annual is published, CSR's derived:
    # both gaps rest on a derived figure and the table says so, as the JSON does.
    document = as_json(run("compare", "cs", "pr", "--json"))
    assert [gap["derived"] for gap in document["median_gaps"]] == [True, True]
    table = run("compare", "cs", "pr", "--no-chart").stdout
    assert "+$10.29 (1.72x)*" in table
    assert "+$21,411.20 (1.72x)*" in table
    assert "marked * when a median in it is derived" in " ".join(table.split())


def test_gaps_never_cross_releases(run: Run) -> None:
    document = as_json(run("compare", "cs", "pr", "--source", "all", "--json"))
    pairs = {
        (gap["baseline"]["id"], gap["baseline"]["source"], gap["id"], gap["source"])
        for gap in document["median_gaps"]
    }
    # Only bls-2008 covers both careers: PR is compared with CSR of the same release, never
    # with bls-2017's CSR (nine years apart) nor CSR with itself in another source.
    assert pairs == {
        (
            "customer-service-representatives",
            "bls-2008",
            "public-relations-specialists",
            "bls-2008",
        )
    }


def test_one_career_in_every_source_has_changes_not_gaps(run: Run) -> None:
    document = as_json(run("compare", "cs", "--source", "all", "--json"))
    assert document["median_gaps"] == []
    table = run("compare", "cs", "--source", "all", "--no-chart").stdout
    assert "gap" not in table  # neither a row nor its legend
    assert "+10.1% nominal" in table
    assert "since bls-2008" in table


# ------------------------------------------------------------------ top-coded points


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
    document = as_json(run("rank", "anesthesiologists", amount, "--json"))
    assert document["source"]["id"] == "oews-2024"
    assert document["position"] == position
    between = document["between"]
    assert (between["lower"] or {}).get("percentile") == lower
    assert (between["upper"] or {}).get("percentile") == upper
    assert [point["percentile"] for point in document["points"]] == [10]
    assert [point["at_least"] for point in document["top_coded"]] == [239200] * 4
    assert document["percentile"] == (10 if amount == "145640" else None)


def test_a_top_coded_point_is_never_interpolated_against(national: Path, run: Run) -> None:
    text = " ".join(run("rank", "29-1211", "200000").stdout.split())
    assert "between the 10th and the 25th percentile" in text
    assert "less than the 25th percentile (≥ $239,200)" in text
    assert "top-coded points (lower bounds, not ranked against): 25th ≥ $239,200" in text
    above = " ".join(run("rank", "29-1211", "300000").stdout.split())
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
    path = fx.write_csv(files / "national_M2024_dl.csv", fx.NATIONAL_COLUMNS, rows)
    assert run("data", "import", path).exit_code == 0
    below = as_json(run("rank", "29-1211", "200000", "--json"))
    assert (below["position"], below["between"]["upper"]["percentile"]) == ("below", 10)
    result = run("rank", "29-1211", "250000")
    assert result.exit_code == 1  # what the data cannot tell, not a usage mistake
    assert "above the lowest of them, so where it ranks cannot be told" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------ inflation of bounds


def test_an_adjusted_hourly_bound_keeps_its_cents(national: Path, run: Run) -> None:
    table = run("show", "29-1211", "--in-dollars-of", "2026-08", "--no-chart").stdout
    assert "(was $115.00)" in table
    assert "(was $239,200)" in table
    assert "stays one" in " ".join(table.split())


# ------------------------------------------------------------------ rank: the period


def test_A17_an_amount_that_reads_as_hourly_gets_a_note(run: Run) -> None:
    result = run("rank", "cs", "15", "--json")
    assert as_json(result)["position"] == "below"
    assert result.stderr == (
        "note: $15 was read as pay per year, below every point; per hour it falls among "
        "them: add --per hour\n"
    )
    assert run("rank", "cs", "15", "--per", "hour").stderr == ""
    assert run("rank", "pr", "20000").stderr == ""  # below at every reading: nothing to add


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["rank"], "An amount equal to a point gets exactly that percentile."),
        (["inflate"], "A date without an index is an error naming the nearest months"),
        (["data", "audit"], "Each finding names the source, the figures and what it means."),
    ],
)
def test_help_paragraphs_wrap_at_the_terminal_width(
    command: list[str], words: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each of these docstrings breaks its paragraphs at about 90 columns in the source.
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert words in " ".join(result.stdout.split())
    lines = result.stdout.splitlines()
    prose = [line.strip() for line in lines if line.startswith(" ") and "│" not in line]
    words = [line for line in prose if line and len(line.split()) == 1 and not line.endswith(".")]
    # A paragraph broken in the source and again by Rich leaves single words on lines.
    assert words == [], prose


# ------------------------------------------------------------------ data import: file first


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.xlsx", "missing.xlsx: cannot be read: No such file or directory"),
        ("photo.jpg", "photo.jpg: unknown file type .jpg; use .xlsx, .xls or .csv"),
    ],
)
def test_O18_import_checks_the_file_before_asking_for_a_year(
    files: Path, run: Run, name: str, message: str
) -> None:
    if name != "missing.xlsx":
        (files / name).write_bytes(b"\xff\xd8\xff")
    result = run("data", "import", files / name)
    assert result.exit_code == 1
    assert result.stderr == f"careerstats: error: {message}\n"


# ------------------------------------------------------------------ second review


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
    table = " ".join(run("show", "cs", "--in-dollars-of", "2026-08", "--no-chart").stdout.split())
    assert "$24.72^/hour" in table
    assert "(was $18.06)" in table
    assert "payscale: no reference date, as published" in table


def test_show_carries_how_a_reference_period_was_read(run: Run) -> None:
    table = " ".join(run("show", "cs", "--no-chart").stdout.split())
    assert "bls-2017, reference period: The article does not name the month." in table
    assert "payscale, reference period: The article gives no publication date" in table


def test_rank_marks_adjusted_points_and_keeps_the_published_ones(run: Run) -> None:
    text = " ".join(run("rank", "pr", "60000", "--in-dollars-of", "2026-08").stdout.split())
    assert "points (annual): 10th $46,605.75^, 50th $79,294.72^, 90th $151,399.11^" in text
    assert "as published: 10th $30,140, 50th $51,280, 90th $97,910" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "cs", "pr", "--source", ""), "unknown source ''; sources are: "),
        (("rank", "pr", "40000", "--source", ""), "unknown source ''; sources are: "),
        (
            ("compare", "cs", "43-4051"),
            "customer service representatives is named twice; name each career once",
        ),
        (
            ("convert", "14.36", "--to", "bogus"),
            "unknown period 'bogus'; periods are: hour, day,",
        ),
        (
            ("convert", "14.36", "--to"),
            "Option '--to' requires an argument (see 'careerstats convert --help')",
        ),
        (
            ("inflate", "1", "--from", "2030"),
            "no annual average for 2030 in this table (not yet published)",
        ),
    ],
)
def test_usage_mistakes_get_a_precise_line(args: tuple[str, ...], run: Run, message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


# ------------------------------------------------------------------ third review: top-coding


def _lawyers(year: int, files: Path, median: float | str) -> Path:
    """A one-row national CSV: lawyers, median and up top-coded (`#`) or exact."""
    hourly = (60, 30 + year % 10, 40, median, "#", "#")  # bytes differ from year to year
    annual = (124800, 62400, 83200, "#" if median == "#" else float(median) * 2080, "#", "#")
    row = [
        99, "U.S.", 1, "US", "000000", "Cross-industry", "cross-industry", 1235, "23-1011",
        "Lawyers", "detailed", 1000, 0.2, "", "", "", "", hourly[0], annual[0], 0.3,
        *hourly[1:], *annual[1:], "", "",
    ]  # fmt: skip
    return fx.write_csv(files / f"national_M{year}_dl.csv", fx.NATIONAL_COLUMNS, [row])


def test_no_change_between_releases_is_computed_from_top_coded_medians(
    files: Path, run: Run
) -> None:
    for year in (2019, 2023):  # the ceiling moved from $100 to $115 an hour: not a wage change
        assert run("data", "import", _lawyers(year, files, "#")).exit_code == 0
    document = as_json(run("compare", "lawyers", "--source", "all", "--json"))
    assert [item["source"]["id"] for item in document["careers"]] == ["oews-2023", "oews-2019"]
    assert document["release_changes"] == []


def test_rank_at_exactly_the_ceiling_is_below_the_top_coded_point(national: Path, run: Run) -> None:
    # The 25th is "at or above $239,200": an amount of $239,200 is at or below it.
    document = as_json(run("rank", "29-1211", "239200", "--json"))
    assert document["position"] == "within"
    assert document["between"]["upper"]["percentile"] == 25
    assert as_json(run("rank", "29-1211", "239200.01", "--json"))["position"] == "above"


def test_rank_of_an_hourly_only_row_per_year_says_why(national: Path, run: Run) -> None:
    result = run("rank", "actors", "50000")
    assert result.exit_code == 2
    assert result.stderr == (
        "careerstats: error: oews-2024, actors: only hourly wages are published (HOURLY flag); "
        "no annual figure is derived, so an amount per year cannot be ranked; give it per "
        "hour: --per hour\n"
    )
    # 25 + (20 - 17.94) / (23.33 - 17.94) x 25 = 34.55...
    assert as_json(run("rank", "actors", "20", "--per", "hour", "--json"))["percentile"] == 34.6


def test_the_chart_never_places_a_bound_as_a_point(
    national: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    # Annual points outnumber hourly ones here (teachers publish annual only), so the chart
    # is annual and actors, who publish hourly only, have no bar.
    result = run("compare", "29-1211", "15-1252", "27-2011", "25-2021")
    chart = result.stdout.split("Annual pay distribution")[1]
    anesthesiologists = next(line for line in chart.splitlines() if "Anesthesiologists" in line)
    assert "◆" not in anesthesiologists  # the median is only "at least": no diamond
    assert anesthesiologists.rstrip().endswith("├ 25th+ ≥ $239,200")
    actors = next(line for line in chart.splitlines() if line.startswith("Actors"))
    assert actors.rstrip().endswith("only hourly wages are published")


def test_a_ceiling_converted_from_the_stated_one_says_so(files: Path, run: Run) -> None:
    notes = [["#  = indicates a wage equal to or greater than $239,200 per year"]]
    path = fx.write_xlsx(
        files / "national_M2024_dl.xlsx", fx.NATIONAL_COLUMNS, fx.national_rows(), notes
    )
    assert run("data", "import", path).exit_code == 0
    listing = as_json(run("data", "list", "--json"))
    (release,) = listing["releases"]
    assert release["top_coding"] == {
        "hour": 115,
        "year": 239200,
        "stated_in_file": True,
        "converted": "hour",
    }
    text = " ".join(run("show", "29-1211", "--no-chart").stdout.split())
    assert "the file states the annual one; the hourly one is converted from it" in text


# ------------------------------------------------------------------ lookup with imports


def test_a_name_fitting_a_catalog_career_and_an_imported_one_is_not_guessed(
    files: Path, run: Run
) -> None:
    row = fx.national_rows()[0][:]
    code, title = fx.NATIONAL_COLUMNS.index("OCC_CODE"), fx.NATIONAL_COLUMNS.index("OCC_TITLE")
    agents, scientists = row[:], row[:]
    agents[code], agents[title] = "41-3021", "Insurance Sales Agents"
    scientists[code], scientists[title] = "15-2051", "Data Scientists"
    path = fx.write_csv(files / "national_M2022_dl.csv", fx.NATIONAL_COLUMNS, [agents, scientists])
    assert run("data", "import", path).exit_code == 0
    line = run("show", "insurance").stderr
    assert "did you mean '41-3021' (insurance sales agents) or 'claims processor'" in line
    for name in ("data scientist", "Data Scientists"):
        assert as_json(run("show", name, "--json"))["career"]["id"] == "15-2051"


def test_list_shows_every_imported_occupation_after_the_catalog(national: Path, run: Run) -> None:
    careers = as_json(run("list", "--json"))["careers"]
    ids = [career["id"] for career in careers]
    assert ids[:2] == ["customer-service-representatives", "public-relations-specialists"]
    imported = [career for career in careers if career["id"][:2].isdigit()]
    # Every occupation of the fixture file the catalog lacks, in SOC order; 43-4051 and
    # 27-3031 are listed once, under their catalog careers.
    assert [c["id"] for c in imported] == [
        "00-0000", "15-1252", "25-2021", "27-2011", "29-1141", "29-1211", "39-9099",
    ]  # fmt: skip
    assert imported[1] == {
        "id": "15-1252",
        "title": "Software Developers",
        "soc": "15-1252",
        "former_soc": [],
        "aliases": [],
        "office": None,
        "sources": ["oews-2024"],
    }
    assert careers[0]["sources"][0] == "oews-2024"


def test_an_unknown_soc_code_gets_where_to_find_it_not_a_guess(run: Run) -> None:
    result = run("show", "29-1211")
    assert result.exit_code == 2
    assert result.stderr == (
        "careerstats: error: no occupation with SOC code 29-1211 in the catalog; official "
        "OEWS files have every one: 'careerstats data import FILE'\n"
    )


def test_no_wages_in_an_area_names_the_area(files: Path, run: Run) -> None:
    header = [name.lower() for name in fx.NATIONAL_COLUMNS]
    path = fx.write_csv(files / "all_data_M_2022.csv", header, fx.all_data_rows())
    assert run("data", "import", path).exit_code == 0
    text = " ".join(run("show", "receptionist", "--area", "Texas").stdout.split())
    assert "No wages: none of the sources publishes figures for this career in Texas (48)." in text


# ------------------------------------------------------------------ final review


def _national_csv(files: Path, year: int, change: dict[str, dict[str, object]]) -> Path:
    """The national fixture rows as a CSV, with cells changed by occupation code."""
    rows = fx.national_rows()
    for row in rows:
        for column, value in change.get(row[fx.NATIONAL_COLUMNS.index("OCC_CODE")], {}).items():
            row[fx.NATIONAL_COLUMNS.index(column)] = value
    return fx.write_csv(files / f"national_M{year}_dl.csv", fx.NATIONAL_COLUMNS, rows)


def test_a_csv_without_its_trailing_empty_flag_cells_imports(files: Path, run: Run) -> None:
    # Excel can leave off trailing empty cells: ANNUAL and HOURLY are blank on most rows.
    path = _national_csv(files, 2024, {})
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], *(line.rstrip(",") for line in lines[1:])]) + "\n")
    result = run("data", "import", path)
    assert result.exit_code == 0, result.stderr
    assert "9 rows" in result.stdout


def test_a_bound_after_a_bar_is_written_whole(
    files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _national_csv(files, 2024, {"15-1252": {"A_PCT90": "#", "H_PCT90": "#"}})
    assert run("data", "import", path).exit_code == 0
    for columns in ("80", "100", "140"):
        monkeypatch.setenv("COLUMNS", columns)
        chart = run("show", "15-1252").stdout.split("Annual pay distribution")[1]
        bar = next(line for line in chart.splitlines() if line.startswith("Software"))
        assert bar.rstrip().endswith(" 90th+ ≥ $239,200")  # not cut: the scale leaves room
        assert len(bar.rstrip()) <= int(columns)


def test_titles_with_a_comma_and_former_codes_in_the_store(files: Path, run: Run) -> None:
    path = _national_csv(
        files, 2016, {"15-1252": {"OCC_CODE": "15-1142", "OCC_TITLE": "Network and Computer "
                                  "Systems Administrators"}}
    )  # fmt: skip
    assert run("data", "import", path).exit_code == 0
    for name, career_id in [
        ("elementary school teachers", "25-2021"),
        ("personal care and service workers", "39-9099"),
        ("network", "network-and-computer-systems-administrators"),
    ]:
        assert as_json(run("show", name, "--json"))["career"]["id"] == career_id


def test_rank_at_the_ceiling_when_every_point_is_top_coded(files: Path, run: Run) -> None:
    hourly = {f"H_{c}": "#" for c in ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")}
    path = _national_csv(files, 2024, {"29-1211": hourly})
    assert run("data", "import", path).exit_code == 0
    result = run("rank", "29-1211", "115", "--per", "hour")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "at or below the 10th percentile" in text
    assert "at most the 10th percentile (≥ $115.00)" in text


def test_T6_plain_help_of_a_bare_command_into_a_closed_pipe(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats"],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(write)
    os.close(read)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, "")


def test_a_signed_zero_is_a_plain_number(files: Path, run: Run) -> None:
    # Read as the number 0, -0 then meets the same check as 0 (a wage must be above it): the
    # refusal names the figure and the rule, not the way it was written.
    text = (Path(__file__).parents[1] / "data" / "bls_2008.yaml").read_text(encoding="utf-8")
    line = 1 + next(n for n, line in enumerate(text.splitlines()) if "p10: 30140 " in line)
    path = files / "bls_2008.yaml"
    for written in ("0", "-0", "+0"):
        path.write_text(text.replace("p10: 30140 ", f"p10: {written} "), encoding="utf-8")
        result = run("data", "check", path)
        assert result.exit_code == 1, written
        assert result.stderr == (
            f"careerstats: error: bls_2008.yaml: line {line}: careers[0].wages.year.p10: "
            "0 is not a wage: it must be greater than 0\n"
        ), written
