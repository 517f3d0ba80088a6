"""The store through the CLI: import, list, remove, and every query on imported releases."""

from __future__ import annotations

import contextlib
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
from conftest import Run, as_json

from careerstats.core.model import Statistic
from careerstats.core.periods import Period
from careerstats.sources import store as store_module

HEADER = fx.NATIONAL_COLUMNS


@pytest.fixture
def all_data(files: Path, run: Run) -> Path:
    header = [name.lower() for name in HEADER]
    path = fx.write_csv(files / "all_data_M_2022.csv", header, fx.all_data_rows())
    result = run("data", "import", path)
    assert result.exit_code == 0, result.stderr
    return path


def careers(document: dict[str, object]) -> list[dict[str, object]]:
    found = document["careers"]
    assert isinstance(found, list)
    return found


def wage(item: dict[str, object], period: str, statistic: str) -> object:
    wages = item["wages"]
    assert isinstance(wages, dict)
    return wages[period].get(statistic)


def published(*values: float) -> dict[str, dict[str, object]]:
    """p10, p25, median, p75, p90 and mean, each as published (not derived)."""
    names = ("p10", "p25", "median", "p75", "p90", "mean")
    return {
        name: {"value": value, "derived": False, "basis": "published"}
        for name, value in zip(names, values, strict=True)
    }


# ------------------------------------------------------------------ import


def test_import_prints_one_line_per_source(files: Path, run: Run, home: Path) -> None:
    result = run("data", "import", fx.national_xlsx(files))
    assert result.exit_code == 0
    assert result.stdout == (
        "oews-2012 created: national_M2012_dl.xlsx (national, 9 rows, 1 area, 1 industry)\n"
    )
    assert (home / "store.sqlite3").exists()


def test_reimport_changes_nothing(national: Path, run: Run, home: Path) -> None:
    before = (home / "store.sqlite3").read_bytes()
    result = run("data", "import", national)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "already imported; nothing changed" in result.stderr
    listing = as_json(run("data", "list", "--json"))
    assert listing["releases"][0]["rows"] == 9
    assert len(listing["releases"][0]["files"]) == 1
    db = sqlite3.connect(home / "store.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM wages").fetchone() == (9,)
    db.close()
    assert (home / "store.sqlite3").read_bytes() == before  # not a byte written


def test_same_rows_in_another_file_of_the_year_replace_not_duplicate(
    national: Path, files: Path, run: Run, home: Path
) -> None:
    again = fx.write_csv(files / "national_M2012_dl.csv", HEADER, fx.national_rows())
    result = run("data", "import", again)
    assert result.stdout.startswith("oews-2012 updated: national_M2012_dl.csv")
    listing = as_json(run("data", "list", "--json"))
    assert listing["releases"][0]["rows"] == 9
    assert [f["name"] for f in listing["releases"][0]["files"]] == [
        "national_M2012_dl.xlsx",
        "national_M2012_dl.csv",
    ]


def test_import_with_year_option(files: Path, run: Run) -> None:
    path = fx.write_csv(files / "oes.csv", HEADER, fx.national_rows())
    result = run("data", "import", path, "--year", "2011")  # a year careerstats does not bundle
    assert result.stdout.startswith("oews-2011 created")
    other = fx.write_csv(files / "oes2.csv", HEADER, fx.national_rows()[:3])
    result = run("data", "import", other)
    assert result.exit_code == 1
    assert "oes2.csv: cannot tell the release year from the file name" in result.stderr


def test_corrupt_workbook_exits_1_and_keeps_earlier_data(
    national: Path, files: Path, run: Run, home: Path
) -> None:
    before = as_json(run("data", "list", "--json"))
    bad = files / "national_M2011_dl.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    result = run("data", "import", bad)
    assert result.exit_code == 1
    assert result.stderr == (
        "careerstats: error: national_M2011_dl.xlsx: not a readable Excel workbook: "
        "cut short or damaged (its zip archive has no directory at the end); download it again\n"
    )
    assert as_json(run("data", "list", "--json")) == before


def test_one_bad_file_imports_none(files: Path, run: Run, home: Path) -> None:
    good = fx.national_xlsx(files)
    bad = fx.write_csv(files / "state_M2012_dl.csv", ["OCC_CODE", "X"], [["1", "2"]])
    result = run("data", "import", good, bad)
    assert result.exit_code == 1
    assert "state_M2012_dl.csv: not an OEWS file" in result.stderr
    assert (
        not (home / "store.sqlite3").exists()
        or as_json(run("data", "list", "--json"))["releases"] == []
    )


def test_failure_inside_the_transaction_rolls_back(
    national: Path, files: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = as_json(run("data", "list", "--json"))
    header = [name.lower() for name in HEADER]
    path = fx.write_csv(files / "all_data_M_2024.csv", header, fx.all_data_rows())

    real = store_module.Store._import_one

    def half(self: store_module.Store, parsed: object) -> object:
        real(self, parsed)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # interrupted after the rows were written

    monkeypatch.setattr(store_module.Store, "_import_one", half)
    result = run("data", "import", path)
    assert result.exit_code == 130
    assert as_json(run("data", "list", "--json")) == before


def test_concurrent_import_waits_then_fails_cleanly(
    national: Path, files: Path, run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "LOCK_WAIT_SECONDS", 0.2)
    other = sqlite3.connect(home / "store.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another import holds the write lock
    try:
        path = fx.write_csv(files / "national_M2011_dl.csv", HEADER, fx.national_rows())
        result = run("data", "import", path)
    finally:
        other.execute("ROLLBACK")
    assert result.exit_code == 1
    assert "the store is busy (another import?)" in result.stderr
    assert [r["id"] for r in as_json(run("data", "list", "--json"))["releases"]] == ["oews-2012"]


def test_list_and_remove(national: Path, all_data: Path, run: Run) -> None:
    listing = as_json(run("data", "list", "--json"))
    assert [
        (r["id"], r["year"], r["rows"], r["areas"], r["industries"]) for r in listing["releases"]
    ] == [
        ("oews-2022", 2022, 4, 3, 2),
        ("oews-2012", 2012, 9, 1, 1),
    ]  # 2022: its 2 national rows are the bundle's
    assert listing["releases"][0]["files"][0]["layout"] == "all-data"
    table = run("data", "list")
    assert "oews-2022" in table.stdout
    assert "all_data_M_2022.csv" in "".join(table.stdout.split())
    removed = run("data", "remove", "oews-2022")
    assert removed.stdout == "oews-2022 removed\n"
    assert [r["id"] for r in as_json(run("data", "list", "--json"))["releases"]] == ["oews-2012"]
    missing = run("data", "remove", "oews-2022")
    assert missing.exit_code == 2
    assert "no imported release 'oews-2022'; imported: oews-2012" in missing.stderr


def test_sources_lists_imported_releases(national: Path, run: Run) -> None:
    document = as_json(run("sources", "--json"))
    imported = next(s for s in document["sources"] if s["id"] == "oews-2012")
    assert imported["imported"]["rows"] == 9
    assert imported["imported"]["top_coding"] == {
        "hour": 115,
        "year": 239200,
        "stated_in_file": True,
        "converted": None,
    }
    # The release is named for its year: OEWS used SOC 2010 from May 2012 to May 2018.
    assert imported["classification"] == "SOC 2010"


# ------------------------------------------------------------------ queries


def test_compare_returns_exactly_the_files_figures(national: Path, run: Run) -> None:
    document = as_json(run("compare", "15-1252", "29-1141", "--source", "oews-2012", "--json"))
    software, nurses = careers(document)
    assert software["id"] == "15-1252"
    assert software["title"] == "Software Developers"
    assert software["source"]["id"] == "oews-2012"
    assert software["wages"] == {
        "hour": published(38.31, 50.07, 63.59, 80.75, 101.65, 69.5),
        "year": published(79690, 104150, 132270, 167960, 211450, 144570),
    }
    assert wage(nurses, "year", "median") == {
        "value": 93600,
        "derived": False,
        "basis": "published",
    }
    assert wage(nurses, "hour", "p90") == {"value": 65.12, "derived": False, "basis": "published"}


def test_top_coded_figures_are_bounds(national: Path, run: Run) -> None:
    document = as_json(run("compare", "29-1211", "--source", "oews-2012", "--json"))
    (item,) = careers(document)
    assert wage(item, "year", "median") == {
        "at_least": 239200,
        "derived": False,
        "basis": "published",
    }
    assert wage(item, "hour", "p90") == {"at_least": 115, "derived": False, "basis": "published"}
    assert wage(item, "hour", "mean") == {"value": 161.21, "derived": False, "basis": "published"}
    table = run("compare", "anesthesiologists", "--source", "oews-2012").stdout
    assert "≥ $239,200" in table
    assert "≥ $115.00" in table


def test_no_gap_is_computed_from_a_top_coded_median(national: Path, run: Run) -> None:
    document = as_json(run("compare", "15-1252", "29-1211", "--json"))
    assert document["median_gaps"] == []


def test_hourly_only_and_annual_only_rows(national: Path, run: Run) -> None:
    document = as_json(run("compare", "actors", "25-2021", "--json"))
    actors, teachers = careers(document)
    assert actors["wages"]["year"] == {}
    assert "HOURLY flag" in actors["not_derived"]["year"]
    assert wage(actors, "hour", "median") == {
        "value": 23.33,
        "derived": False,
        "basis": "published",
    }
    assert teachers["wages"]["hour"] == {}
    assert "ANNUAL flag" in teachers["not_derived"]["hour"]
    table = run("compare", "actors", "25-2021").stdout.replace("\n", " ")
    assert "Actors: no annual figures: only hourly wages are published" in table
    assert "Education: no hourly figures: only annual wages are published" in table


def test_csv_marks_top_coded(national: Path, run: Run) -> None:
    result = run("compare", "29-1211", "--source", "oews-2012", "--csv")
    assert (
        "29-1211,29-1211,Anesthesiologists,oews-2012,2012-05,year,median,239200.00,false,true"
        in (result.stdout)
    )


def test_default_source_is_the_newest_covering_every_career(national: Path, run: Run) -> None:
    # The imported May 2012 release covers both careers, but the bundled May 2024 is newer.
    document = as_json(run("compare", "cs", "pr", "--json"))
    assert document["chosen_source"] == "oews-2024"
    assert [c["source"]["id"] for c in careers(document)] == ["oews-2024", "oews-2024"]
    # national_M2024_dl.xlsx: public relations specialists, H_MEDIAN 33.55 (the fixture: 33.57)
    assert wage(careers(document)[1], "hour", "median") == {
        "value": 33.55,
        "derived": False,
        "basis": "published",
    }


def test_bundled_sources_still_answer_without_imports(run: Run) -> None:
    document = as_json(run("compare", "cs", "pr", "--json"))
    assert [c["source"]["id"] for c in careers(document)] == ["oews-2024", "oews-2024"]
    # national_M2024_dl.xlsx: customer service representatives, A_MEDIAN 42830
    assert wage(careers(document)[0], "year", "median") == {
        "value": 42830,
        "derived": False,
        "basis": "published",
    }


def test_area_by_name_and_code(all_data: Path, run: Run) -> None:
    for area in ("Texas", "48", "texas"):
        document = as_json(run("compare", "cs", "--source", "oews-2022", "--area", area, "--json"))
        (item,) = careers(document)
        assert item["source"]["area"] == {"code": "48", "title": "Texas"}
        assert wage(item, "hour", "median") == {
            "value": 17.89,
            "derived": False,
            "basis": "published",
        }
        assert wage(item, "year", "median") == {
            "value": 37210,
            "derived": False,
            "basis": "published",
        }
    table = run("compare", "cs", "--source", "oews-2022", "--area", "Texas")
    assert "$17.89" in table.stdout
    assert "Texas (48)" in table.stdout.replace("\n", " ")


def test_nation_is_the_default_area(all_data: Path, run: Run) -> None:
    document = as_json(run("compare", "cs", "--source", "oews-2022", "--json"))
    assert wage(careers(document)[0], "hour", "median") == {
        "value": 18.16,
        "derived": False,
        "basis": "published",
    }


def test_industry(all_data: Path, run: Run) -> None:
    for industry in ("524100", "insurance carriers", "Insurance"):
        document = as_json(run("compare", "cs", "--industry", industry, "--json"))
        (item,) = careers(document)
        assert item["source"]["industry"] == {"naics": "524100", "title": "Insurance Carriers"}
        assert wage(item, "hour", "median") == {
            "value": 20.5,
            "derived": False,
            "basis": "published",
        }


def test_unknown_area_suggests(all_data: Path, run: Run) -> None:
    result = run("compare", "cs", "--area", "Texs")
    assert result.exit_code == 2
    assert "unknown area 'Texs' in the imported data; did you mean '48' (Texas)?" in result.stderr


def test_area_without_imports_is_a_usage_error(run: Run) -> None:
    result = run("compare", "cs", "--area", "Texas")
    assert result.exit_code == 2
    assert "none is imported yet" in result.stderr


def test_career_by_title_and_close_matches(national: Path, run: Run) -> None:
    document = as_json(run("compare", "registered nurses", "--json"))
    assert careers(document)[0]["soc"] == "29-1141"
    result = run("compare", "softwre")
    assert result.exit_code == 2
    assert "did you mean '15-1252' (software developers)" in result.stderr


def test_show_an_imported_occupation(national: Path, run: Run) -> None:
    document = as_json(run("show", "15-1252", "--json"))
    assert document["career"]["title"] == "Software Developers"
    # 15-1252 is in the official workbooks of May 2021 to May 2024 (SOC 2018), then the import.
    assert [s["source"]["id"] for s in document["sources"]] == [
        "oews-2024",
        "oews-2023",
        "oews-2022",
        "oews-2021",
        "oews-2012",
    ]
    assert "Software Developers" in run("show", "15-1252").stdout


def test_list_source_shows_an_imported_releases_occupations(national: Path, run: Run) -> None:
    document = as_json(run("list", "--source", "oews-2012", "--level", "detailed", "--json"))
    assert document["source"]["id"] == "oews-2012"
    listed = [item["soc"] for item in document["occupations"]]
    assert listed == sorted(code for code, _, level, *_ in fx.OCCUPATIONS if level == "detailed")


def test_former_soc_code_is_reported(files: Path, run: Run) -> None:
    header = ["OCC_CODE", "OCC_TITLE", "H_MEDIAN", "A_MEDIAN"]
    rows = [["15-1142", "Network and Computer Systems Administrators", "38.31", "79,700"]]
    run("data", "import", fx.write_csv(files / "national_M2016_dl.csv", header, rows))
    document = as_json(run("compare", "sysadmin", "--source", "oews-2016", "--json"))
    (item,) = careers(document)
    assert item["soc"] == "15-1244"
    assert item["soc_in_source"] == "15-1142"
    assert any("SOC code 15-1142" in note and "not 15-1244" in note for note in item["notes"])
    missing = run("compare", "15-1142", "--source", "oews-2012")
    assert missing.exit_code == 2


def test_code_missing_from_a_release_names_the_ones_that_have_it(
    national: Path, all_data: Path, run: Run
) -> None:
    # May 2008 predates SOC 2018's 15-1252; the bundled 2021-2024 and the import publish it.
    result = run("compare", "15-1252", "--source", "oews-2008")
    assert result.exit_code == 2
    assert "sources that do: oews-2024, oews-2023, oews-2022, oews-2021, oews-2012;" in (
        result.stderr
    )


def test_no_coverage_in_an_area_names_the_area(all_data: Path, national: Path, run: Run) -> None:
    result = run("compare", "pr", "--area", "California")
    assert result.exit_code == 2
    assert "no source publishes wages for public relations specialists in California (6)" in (
        result.stderr
    )


def test_every_entry_of_an_imported_release(national: Path, all_data: Path) -> None:
    from careerstats.sources.dataset import open_dataset

    dataset = open_dataset()
    release = dataset.source("oews-2012")
    entries = release.entries()
    assert [e.soc for e in entries] == sorted(code for code, *_ in fx.OCCUPATIONS)
    ids = {e.soc: e.career for e in entries}
    assert ids["43-4051"] == "customer-service-representatives"
    assert ids["15-1252"] == "15-1252"
    texas = open_dataset(area="Texas").source("oews-2022").entries()
    assert [(e.career, e.wages[Period.HOUR][Statistic.MEDIAN]) for e in texas] == [
        ("public-relations-specialists", Decimal("28.4")),
        ("customer-service-representatives", Decimal("17.89")),
    ]
    assert dataset.source("bls-2017").entries()[0].soc == "43-4051"


def test_large_import_rebuilds_the_place_index(
    files: Path, run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every statement the store runs, as SQLite reports it, to see the rebuild happen.
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = connect(*args, **kwargs)
        db.set_trace_callback(statements.append)
        return db

    def place_index_work() -> list[str]:
        return [
            kind
            for sql in statements
            for kind in ("DROP", "CREATE", "INSERT")
            if sql.upper().startswith(kind)
            and ("wages_by_place" in sql or (kind == "INSERT" and " INTO wages " in sql))
        ]

    monkeypatch.setattr(sqlite3, "connect", traced)
    rows = len(fx.national_rows())
    # One row short of the threshold: the rows go into the index as they are inserted.
    monkeypatch.setattr(store_module, "REBUILD_INDEX_ROWS", rows + 1)
    small = fx.write_csv(files / "national_M2011_dl.csv", HEADER, fx.national_rows())
    assert run("data", "import", small).exit_code == 0
    assert place_index_work() == ["CREATE", *["INSERT"] * rows]  # the new store's index
    statements.clear()
    # At the threshold:
    monkeypatch.setattr(store_module, "REBUILD_INDEX_ROWS", rows)
    assert run("data", "import", fx.national_xlsx(files)).exit_code == 0
    # Dropped before the first row, built again after the last.
    assert place_index_work() == ["DROP", *["INSERT"] * rows, "CREATE"]
    with contextlib.closing(connect(home / "store.sqlite3")) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        indexed = db.execute("SELECT count(*) FROM wages INDEXED BY wages_by_place").fetchone()
    assert indexed == (2 * rows,)  # both releases' rows, the earlier one's kept
