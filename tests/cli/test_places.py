"""Areas you can find (`data areas`, `--area`), one career across places (`compare --area A
--area B`, `where`) and local prices (`--adjust-prices`), on the fixture state and metro
workbooks of tests/place_files.py."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import place_files as pf
import pytest
from conftest import Run, as_json


@pytest.fixture
def places(files: Path, run: Run) -> None:
    result = run("data", "import", pf.state_xlsx(files), pf.msa_xlsx(files), pf.bos_xlsx(files))
    assert result.exit_code == 0, result.stderr


def one_error_line(result: object, status: int, fragment: str) -> str:
    assert result.exit_code == status, result.stderr  # type: ignore[attr-defined]
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert lines[0].startswith("careerstats: error: ")
    assert fragment in lines[0]
    return str(lines[0])


def test_data_areas_lists_every_area_and_industry_with_its_type(places: None, run: Run) -> None:
    document = as_json(run("data", "areas", "--json"))
    rows = [(a["type"], a["code"], a["name"]) for a in document["areas"]]
    assert rows == [
        ("state", "6", "California"),
        ("state", "36", "New York"),
        ("state", "48", "Texas"),
        ("territory", "72", "Puerto Rico"),
        ("metro", "12420", "Austin-Round Rock-San Marcos, TX"),
        ("metro", "35620", "New York-Newark-Jersey City, NY-NJ"),
        ("metro", "49620", "York-Hanover, PA"),
        ("nonmetro", "4800003", "Big Thicket Region of Texas nonmetropolitan area"),
        ("industry", "000000", "Cross-industry"),
    ]
    assert {tuple(a["releases"]) for a in document["areas"]} == {("oews-2024",)}


def test_data_areas_search_by_words_postal_code_or_code(places: None, run: Run) -> None:
    found = run("data", "areas", "--search", "TX", "--csv")
    assert found.exit_code == 0, found.stderr
    rows = list(csv.DictReader(io.StringIO(found.stdout)))
    assert [(r["code"], r["name"]) for r in rows] == [
        ("48", "Texas"),
        ("12420", "Austin-Round Rock-San Marcos, TX"),
    ]
    words = as_json(run("data", "areas", "--search", "new york", "--json"))["areas"]
    assert [a["code"] for a in words] == ["36", "35620"]
    table = run("data", "areas", "--search", "thicket")
    assert table.stdout.splitlines()[1].split()[:2] == ["nonmetro", "4800003"]


def test_G25_data_areas_with_nothing_to_show_says_what_to_do(run: Run) -> None:
    result = run("data", "areas")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no OEWS data is imported yet; 'careerstats data fetch'" in result.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [("Texas", "48"), ("tx", "48"), ("48", "48"), ("48000", "48"), ("new york", "36")],
)
def test_area_by_state_name_postal_code_or_fips(
    places: None, run: Run, text: str, code: str
) -> None:
    document = as_json(run("compare", "cs", "--area", text, "--json"))
    assert document["careers"][0]["source"]["area"]["code"] == code


def test_area_by_words_of_a_metro_title(places: None, run: Run) -> None:
    document = as_json(run("compare", "cs", "--area", "new york-newark", "--json"))
    assert document["careers"][0]["source"]["area"]["code"] == "35620"
    document = as_json(run("compare", "cs", "--area", "austin", "--json"))
    assert document["careers"][0]["wages"]["year"]["median"]["value"] == 40770


def test_N20_words_that_fit_several_areas_exit_2_with_the_candidates(
    places: None, run: Run
) -> None:
    line = one_error_line(run("compare", "cs", "--area", "york"), 2, "area 'york' matches several")
    assert "36 New York; 35620 New York-Newark-Jersey City, NY-NJ; 49620 York-Hanover, PA" in line


def test_N21_a_state_missing_from_the_store_names_the_fetch_that_adds_it(
    places: None, run: Run
) -> None:
    line = one_error_line(run("compare", "cs", "--area", "Florida"), 2, "(Florida, FIPS 12)")
    assert "'careerstats data fetch --states' would add it" in line


def test_N22_unknown_words_with_only_states_imported_name_the_metros_fetch(
    files: Path, run: Run
) -> None:
    assert run("data", "import", pf.state_xlsx(files)).exit_code == 0
    one_error_line(
        run("compare", "cs", "--area", "CA", "--area", "austin"), 2, "unknown area 'austin'"
    )


def test_compare_across_areas_has_a_row_per_area_with_the_fixture_figures(
    places: None, run: Run
) -> None:
    document = as_json(
        run("compare", "cs", "--area", "TX", "--area", "CA", "--area", "new york", "--json")
    )
    rows = [
        (
            c["area"]["code"],
            c["wages"]["hour"]["median"]["value"],
            c["wages"]["year"]["p90"]["value"],
        )
        for c in document["careers"]
    ]
    assert rows == [("48", 18.75, 58450), ("6", 22.5, 67390), ("36", 22.1, 69890)]
    table = run("compare", "cs", "--area", "TX", "--area", "CA", "--no-chart")
    assert table.exit_code == 0
    assert "Texas" in table.stdout
    assert "California" in table.stdout


def test_G24_the_same_area_twice_exits_2(places: None, run: Run) -> None:
    one_error_line(run("compare", "cs", "--area", "TX", "--area", "48"), 2, "Texas is named twice")


@pytest.mark.parametrize(
    "extra",
    [
        ("--area", "CA", "--takehome"),
        ("--area", "CA", "--bonus", "3000"),
        ("--adjust-prices", "--takehome"),
    ],
)
def test_G27_takehome_or_extra_pay_across_places_exits_2_rather_than_being_dropped(
    places: None, run: Run, extra: tuple[str, ...]
) -> None:
    one_error_line(
        run("compare", "cs", "--area", "TX", *extra),
        2,
        "--takehome and extra pay are computed for one place at a time",
    )


def test_compare_adjust_prices_divides_by_the_rpp_of_the_nearest_year(
    places: None, run: Run
) -> None:
    document = as_json(
        run("compare", "cs", "--area", "TX", "--area", "PR", "--adjust-prices", "--json")
    )
    texas, puerto_rico = document["careers"]
    adjusted = texas["price_adjusted"]
    # BEA's states end in 2023: the nearest year to the May 2024 release; Texas 97.175.
    assert (adjusted["rpp"], adjusted["rpp_year"], adjusted["nearest_year"]) == (97.175, 2023, True)
    # 39,000 x 100 / 97.175 = 40,133.78... (by hand)
    assert adjusted["wages"]["year"]["median"] == {
        "value": 40133.78,
        "derived": True,
        "basis": "price_adjusted",
    }
    assert texas["wages"]["year"]["median"]["value"] == 39000  # the published figure stays
    assert puerto_rico["price_adjusted"] == {
        "rpp": None,
        "not_adjusted": "BEA publishes no RPP for territories",
    }


def test_where_ranks_the_areas_by_the_median(places: None, run: Run) -> None:
    document = as_json(run("where", "cs", "--type", "state", "--json"))
    assert [(a["rank"], a["name"], a["value"]) for a in document["areas"]] == [
        (1, "California", 46800),
        (2, "New York", 45970),
        (3, "Texas", 39000),
        (4, "Puerto Rico", 24960),
    ]
    assert document["source"]["id"] == "oews-2024"
    metros = as_json(
        run("where", "cs", "--type", "metro", "--limit", "2", "--per", "hour", "--json")
    )
    assert [(a["name"], a["value"]) for a in metros["areas"]] == [
        ("New York-Newark-Jersey City, NY-NJ", 23.0),
        ("Austin-Round Rock-San Marcos, TX", 19.6),
    ]
    assert metros["areas_ranked"] == 4


def test_where_by_the_90th_percentile_puts_a_top_coded_bound_as_a_bound(
    places: None, run: Run
) -> None:
    document = as_json(run("where", "15-1252", "--by", "90th", "--json"))
    first, second = document["areas"]
    assert (first["name"], first["at_least"]) == ("California", 239200)
    assert (second["name"], second["value"]) == ("Texas", 200100)


def test_where_adjust_prices_ranks_in_us_average_prices(places: None, run: Run) -> None:
    document = as_json(run("where", "cs", "--type", "state", "--adjust-prices", "--json"))
    ranked = [(a["name"], a["price_adjusted"].get("value")) for a in document["areas"]]

    # By hand: New York 45,970 x 100 / 107.626; California 46,800 x 100 / 112.581;
    # Texas 39,000 x 100 / 97.175; Puerto Rico has no RPP and comes last.
    def by_hand(value: str, rpp: str) -> float:
        exact = Decimal(value) * 100 / Decimal(rpp)
        return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    assert ranked == [
        ("New York", by_hand("45970", "107.626")),
        ("California", by_hand("46800", "112.581")),
        ("Texas", by_hand("39000", "97.175")),
        ("Puerto Rico", None),
    ]
    assert document["ranked_by"] == "price_adjusted"


@pytest.mark.parametrize(
    ("case", "args", "fragment"),
    [
        ("G20", ("--by", "mode"), "--by takes median, mean, 10th, 25th, 75th or 90th"),
        ("G21", ("--type", "county"), "--type takes state or metro"),
        ("G22", ("--limit", "0"), "--limit takes a number of areas of at least 1"),
        ("G18", ("--per", "month"), "--per takes hour or year (the periods BLS publishes)"),
    ],
)
def test_G18_G20_G22_bad_where_options_exit_2(
    places: None, run: Run, case: str, args: tuple[str, ...], fragment: str
) -> None:
    one_error_line(run("where", "cs", *args), 2, fragment)


def test_G23_where_with_nothing_imported_names_the_fetch(run: Run) -> None:
    one_error_line(run("where", "cs"), 2, "run 'careerstats data fetch'")


def test_G26_where_for_a_career_no_area_has(places: None, run: Run) -> None:
    one_error_line(run("where", "lawyer"), 2, "no imported release has lawyers in any")


def test_compare_csv_across_areas_names_each_rows_area_and_adds_adjusted_rows(
    places: None, run: Run
) -> None:
    result = run("compare", "cs", "--area", "TX", "--area", "CA", "--adjust-prices", "--csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    medians = [
        (r["area"], r["basis"], r["value"], r["adjusted_to"])
        for r in rows
        if r["period"] == "year" and r["statistic"] == "median"
    ]
    assert medians == [
        ("Texas", "published", "39000.00", ""),
        ("Texas", "price_adjusted", "40133.78", "RPP 97.175 (2023)"),  # 39,000 x 100 / 97.175
        ("California", "published", "46800.00", ""),
        ("California", "price_adjusted", "41570.07", "RPP 112.581 (2023)"),  # / 112.581
    ]


def test_adjust_prices_for_the_nation_uses_rpp_100_and_keeps_the_gaps(run: Run) -> None:
    document = as_json(run("compare", "cs", "pr", "--adjust-prices", "--json"))
    assert len(document["median_gaps"]) == 2  # hourly and annual, as without the option
    for career in document["careers"]:
        adjusted = career["price_adjusted"]
        assert (adjusted["rpp"], adjusted["rpp_area"]["code"]) == (100, "00000")
        published = career["wages"]["year"]["median"]["value"]
        assert adjusted["wages"]["year"]["median"]["value"] == published
