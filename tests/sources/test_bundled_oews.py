"""The bundled national OEWS releases: every cell as BLS published it, the ceilings, the
generator's determinism, and the same figures as `careerstats data import` of the original.

The original workbooks are read here with python-calamine directly, not with careerstats'
OEWS reader (which the generator uses), so a bug in that reader cannot hide. Tests that need
them are skipped, saying why, when the shared folder of official files is absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import Run, as_json

from careerstats.core.model import PERCENTILE_ORDER, Statistic
from careerstats.core.periods import Period
from careerstats.sources import bundled_oews
from careerstats.sources.bundled_oews import AtLeast, BundledRelease, Occupation

REPOSITORY = Path(__file__).resolve().parents[2]
YEARS = (2008, *range(2013, 2025))
# BLS's top-coding ceilings, hourly and annual (May 2016 publishes exact figures up to $99.71).
CEILINGS = {
    2008: ("80.00", "166400"),
    **dict.fromkeys(range(2013, 2016), ("90.00", "187200")),
    **dict.fromkeys(range(2016, 2022), ("100.00", "208000")),
    **dict.fromkeys(range(2022, 2025), ("115.00", "239200")),
}
WAGE_COLUMNS = [
    (f"{prefix}_{name}", period, statistic)
    for prefix, period in (("h", Period.HOUR), ("a", Period.YEAR))
    for name, statistic in (
        ("mean", Statistic.MEAN),
        ("pct10", Statistic.P10),
        ("pct25", Statistic.P25),
        ("median", Statistic.MEDIAN),
        ("pct75", Statistic.P75),
        ("pct90", Statistic.P90),
    )
]


def shared_folder() -> Path:
    """The shared reference folder: $CAREERSTATS_SHARED, else `shared` beside the repository."""
    configured = os.environ.get("CAREERSTATS_SHARED")
    return Path(configured) if configured else REPOSITORY.parent / "shared"


@pytest.fixture
def official() -> Path:
    folder = shared_folder() / "official"
    if not (folder / "oews").is_dir():
        pytest.skip(
            f"the official BLS files are not at {folder} (set CAREERSTATS_SHARED to the "
            "folder holding official/)"
        )
    return folder


def original(official: Path, year: int) -> Path:
    found = sorted((official / "oews").glob(f"national_M{year}_dl.xls*"))
    assert len(found) == 1, found
    return found[0]


def published_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The data sheet's rows as dicts keyed by the lower-case header (GROUP and OCC_GROUP
    as o_group), cells as calamine gives them."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    (name,) = [name for name in book.sheet_names if name.lower().startswith("national")]
    header, *rows = book.get_sheet_by_name(name).to_python()
    keys = [str(cell).strip().lower() for cell in header]
    keys = [{"group": "o_group", "occ_group": "o_group"}.get(key, key) for key in keys]
    for row in rows:
        cells = dict(zip(keys, row, strict=True))
        if str(cells["occ_code"]).strip():
            yield cells


def published_value(cell: Any) -> Decimal | str:
    """A number cell as an exact decimal ('   240610', '29,860', 14.36), or BLS's special
    value as published (`*`, `**`, `#`)."""
    if isinstance(cell, str):
        text = cell.strip()
        return text if text in {"*", "**", "#"} else Decimal(text.replace(",", ""))
    assert type(cell) in (int, float), cell
    return Decimal(repr(cell))  # the shortest repr of a float cell is the number typed


def differences(year: int, code: str, row: dict[str, Any], found: Occupation) -> list[str]:
    wrong = []

    def check(what: str, expected: object, actual: object) -> None:
        if expected != actual:
            wrong.append(f"May {year} {code} {what}: published {expected!r}, bundled {actual!r}")

    check("title", row["occ_title"].strip(), found.title)
    employment = published_value(row["tot_emp"])
    if isinstance(employment, str):
        check("TOT_EMP", employment, found.cells[0])
        check("employment", None, found.employment)
    else:
        check("employment", employment, found.employment)
    hour, year_ = (Decimal(c) for c in CEILINGS[year])
    for index, (column, period, statistic) in enumerate(WAGE_COLUMNS, start=1):
        value = published_value(row[column])
        actual = found.wage(period, statistic)
        if value == "#":
            check(column, AtLeast(hour if period is Period.HOUR else year_), actual)
        elif isinstance(value, str):
            check(column, None, actual)
        else:
            check(column, (Decimal, value), (type(actual), actual))
        if isinstance(value, str):
            check(f"{column} marker", value, found.cells[index])
    check("ANNUAL", str(row["annual"]).strip() == "TRUE", found.annual_only)
    check("HOURLY", str(row["hourly"]).strip() == "TRUE", found.hourly_only)
    for flag in ("annual", "hourly"):
        check(f"{flag} flag text", True, str(row[flag]).strip() in {"", "TRUE"})
    return wrong


# ------------------------------------------------------------------ every cell of every file


def test_every_original_file_is_bundled(official: Path) -> None:
    names = sorted(path.name for path in (official / "oews").iterdir())
    assert [info.file_name for info in bundled_oews.releases()] == names
    assert [info.year for info in bundled_oews.releases()] == list(YEARS)


@pytest.mark.parametrize("year", YEARS)
def test_every_row_is_as_published(official: Path, year: int) -> None:
    path = original(official, year)
    release_id = f"oews-{year}"
    info = bundled_oews.release(release_id)
    assert (info.file_name, info.file_size) == (path.name, path.stat().st_size)
    published: dict[str, list[dict[str, Any]]] = {}
    for row in published_rows(path):
        published.setdefault(row["occ_code"].strip(), []).append(row)
    bundled = bundled_oews.occupations(release_id)
    assert [item.code for item in bundled] == list(published)
    assert info.rows == sum(len(rows) for rows in published.values())
    wrong = []
    for found in bundled:
        rows = published[found.code]
        assert found.groups == tuple(str(row["o_group"]).strip() for row in rows), found.code
        for row in rows:
            wrong.extend(differences(year, found.code, row, found))
        assert bundled_oews.occupation(release_id, found.code) == found
    assert wrong == []


@pytest.mark.parametrize(
    ("release_id", "groups"),
    [("oews-2024", ("broad", "detailed")), ("oews-2017", ("detailed", "broad"))],
)
def test_a_code_published_twice_keeps_both_groups(release_id: str, groups: tuple[str]) -> None:
    found = bundled_oews.occupation(release_id, "13-1020")
    assert found is not None
    assert found.groups == groups  # in the published order
    assert found.title == "Buyers and Purchasing Agents"


# ------------------------------------------------------------------ ceilings


@pytest.mark.parametrize("info", bundled_oews.releases(), ids=lambda info: info.id)
def test_no_exact_percentile_reaches_the_ceiling(info: bundled_oews.ReleaseInfo) -> None:
    hour, year = (Decimal(c) for c in CEILINGS[info.year])
    assert (info.ceiling_hour, info.ceiling_year) == (hour, year)
    assert info.ceiling_stated == (info.year >= 2019)  # the older workbooks state none
    top_coded = 0
    for item in bundled_oews.occupations(info.id):
        for period, ceiling in ((Period.HOUR, hour), (Period.YEAR, year)):
            for statistic in PERCENTILE_ORDER:
                value = item.wage(period, statistic)
                if isinstance(value, AtLeast):
                    top_coded += 1
                    assert value.ceiling == ceiling
                elif value is not None:
                    assert value < ceiling, (item.code, period, statistic)
    assert top_coded > 0


def test_may_2016_publishes_exact_hourly_figures_above_90_dollars() -> None:
    highest = max(
        value
        for item in bundled_oews.occupations("oews-2016")
        for statistic in PERCENTILE_ORDER
        if isinstance(value := item.wage(Period.HOUR, statistic), Decimal)
    )
    assert highest == Decimal("99.71")


@pytest.mark.parametrize("year", [year for year in YEARS if year >= 2019])
def test_the_stated_ceilings_are_the_workbooks(official: Path, year: int) -> None:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(original(official, year)))
    notes = " ".join(
        str(cell)
        for name in book.sheet_names
        if not name.lower().startswith("national")
        for row in book.get_sheet_by_name(name).to_python()
        for cell in row
    )
    hour, annual = CEILINGS[year]
    assert f"${hour} per hour or ${int(annual):,} per year" in notes


# ------------------------------------------------------------------ seed figures


@pytest.mark.parametrize(
    ("release_id", "code", "period", "statistic", "expected"),
    [
        ("oews-2008", "43-4051", Period.HOUR, Statistic.MEDIAN, "14.36"),
        ("oews-2008", "43-4051", Period.YEAR, Statistic.MEDIAN, "29860"),
        ("oews-2008", "27-3031", Period.YEAR, Statistic.MEDIAN, "51280"),
        ("oews-2008", "27-3031", Period.YEAR, Statistic.P10, "30140"),
        ("oews-2008", "27-3031", Period.YEAR, Statistic.P90, "97910"),
        ("oews-2017", "43-4051", Period.HOUR, Statistic.MEDIAN, "15.81"),
        ("oews-2017", "43-4051", Period.YEAR, Statistic.MEDIAN, "32890"),
        ("oews-2017", "43-4051", Period.HOUR, Statistic.P10, "10.27"),
        ("oews-2017", "43-4051", Period.HOUR, Statistic.P90, "26.12"),
        ("oews-2024", "43-4051", Period.HOUR, Statistic.MEDIAN, "20.59"),
        ("oews-2024", "15-1252", Period.YEAR, Statistic.MEDIAN, "133080"),
    ],
)
def test_seed_figures(
    release_id: str, code: str, period: Period, statistic: Statistic, expected: str
) -> None:
    found = bundled_oews.occupation(release_id, code)
    assert found is not None
    assert found.wage(period, statistic) == Decimal(expected)


def test_special_values_and_flags() -> None:
    actors = bundled_oews.occupation("oews-2024", "27-2011")
    assert actors is not None
    assert actors.hourly_only
    assert not actors.annual_only
    assert actors.wage(Period.YEAR, Statistic.MEDIAN) is None
    figures = actors.figures()
    assert figures.only_published_per is Period.HOUR
    assert Period.YEAR not in figures.wages
    anesthesiologists = bundled_oews.occupation("oews-2024", "29-1211")
    assert anesthesiologists is not None
    assert anesthesiologists.wage(Period.HOUR, Statistic.MEDIAN) == AtLeast(Decimal("115"))
    figures = anesthesiologists.figures()
    assert figures.top_coded[Period.YEAR][Statistic.MEDIAN] == Decimal("239200")
    assert Statistic.MEDIAN not in figures.wages[Period.YEAR]
    total = bundled_oews.occupation("oews-2020", "00-0000")
    assert total is not None
    assert total.groups == ("total",)
    assert bundled_oews.occupation("oews-2024", "15-1132") is None  # a SOC 2010 code
    assert bundled_oews.occupation("oews-2024", "15-1252,") is None


def test_catalog_careers_and_former_codes() -> None:
    codes = {"software": ("15-1252", "15-1132"), "cs": ("43-4051",)}
    (old, *_, new) = bundled_oews.bundled_releases(codes)
    assert old.id == "oews-2008"
    assert new.id == "oews-2024"
    assert new.period_label == "May 2024"
    assert new.figures_for("software").soc == "15-1252"  # type: ignore[union-attr]
    in_2013 = bundled_oews.release("oews-2013")
    former = BundledRelease.bind(in_2013, codes).figures_for("software")
    assert former is not None
    assert former.soc == "15-1132"
    assert former.wages[Period.YEAR][Statistic.MEDIAN] == Decimal("92660")
    assert any("under SOC code 15-1132" in note for note in former.notes)
    assert old.figures_for("software") is None  # 2008 has 15-1031 and 15-1032 instead
    entries = new.entries()
    assert len(entries) == len({item.code for item in bundled_oews.occupations("oews-2024")})
    assert "cs" in {entry.career for entry in entries}


def test_an_unknown_release_names_the_bundled_ones() -> None:
    from careerstats.errors import UsageError

    with pytest.raises(UsageError, match="oews-2008, oews-2013"):
        bundled_oews.occupation("oews-2012", "43-4051")


# ------------------------------------------------------------------ the generator


def test_generator_is_deterministic_and_every_bundled_file_current(
    official: Path, tmp_path: Path
) -> None:
    script = REPOSITORY / "scripts" / "make_bundle.py"
    outputs = []
    for name in ("first", "second"):
        output = tmp_path / name
        done = subprocess.run(
            [sys.executable, str(script), str(official), "--output", str(output)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*.csv")})
    assert outputs[0] == outputs[1]
    committed = REPOSITORY / "data"
    for name, content in outputs[0].items():
        assert (committed / name).read_bytes() == content, f"data/{name} is stale"
    generated = {name.parts[0] for name in outputs[0]}
    assert generated == {"oews", "ep", "soc"}
    assert {p.relative_to(committed) for f in generated for p in (committed / f).iterdir()} == set(
        outputs[0]
    )


# ------------------------------------------------------------------ the same as an import


def test_import_of_each_original_leaves_every_row_to_the_bundle_as_identical(
    official: Path, run: Run
) -> None:
    """`data import` of an official national file reads every row exactly as the bundle has
    it: each is left out as the bundled release's own, with the same figures."""
    for info in bundled_oews.releases():
        result = run("data", "import", original(official, info.year))
        assert result.exit_code == 0, result.stderr
        assert result.stdout == ""
        shown = f"{info.rows:,}"
        assert result.stderr.startswith(
            f"note: {info.id}: {info.file_name}: {shown} national rows left out ({shown} with "
            "the same figures)"
        ), result.stderr
    assert as_json(run("data", "list", "--json"))["releases"] == []


@pytest.mark.parametrize("year", YEARS)
def test_the_cli_returns_every_cell_of_every_row_as_published(
    official: Path, year: int, run: Run
) -> None:
    """One `list --source oews-YYYY --json` per release: every row's code, title, group,
    employment, mean and percentiles (hourly and annual) and flags, as the original has them."""
    document = as_json(run("list", "--source", f"oews-{year}", "--json"))
    assert document["source"]["id"] == f"oews-{year}"
    shown = {entry["soc"]: entry for entry in document["occupations"]}
    published: dict[str, list[dict[str, Any]]] = {}
    for row in published_rows(original(official, year)):
        published.setdefault(row["occ_code"].strip(), []).append(row)
    assert list(shown) == list(published)
    hour, annual = (Decimal(c) for c in CEILINGS[year])
    wrong = []
    for code, rows in published.items():
        entry = shown[code]
        groups = [str(row["o_group"]).strip() for row in rows]
        expected_flags = tuple(
            str(rows[0][flag]).strip() == "TRUE" for flag in ("annual", "hourly")
        )
        actual: dict[str, object] = {
            "title": entry["title"],
            "groups": entry["groups"],
            "employment": entry["employment"],
            "flags": (entry["only_published_per"] == "year", entry["only_published_per"] == "hour"),
        }
        expected: dict[str, object] = {
            "title": rows[0]["occ_title"].strip(),
            "groups": [group for group in groups if group],
            "employment": _employment(rows[0]["tot_emp"]),
            "flags": expected_flags,
        }
        for column, period, statistic in WAGE_COLUMNS:
            value = published_value(rows[0][column])
            key = f"{period.value} {statistic.value}"
            in_json = entry["published"].get(period.value, {}).get(statistic.value)
            bound = entry["top_coded"].get(period.value, {}).get(statistic.value)
            if value == "#":
                expected[key] = ("at least", hour if period is Period.HOUR else annual)
                actual[key] = ("at least", None if bound is None else Decimal(str(bound)))
            elif isinstance(value, str):
                expected[key], actual[key] = None, in_json
            else:
                expected[key] = value
                actual[key] = None if in_json is None else Decimal(str(in_json))
        if actual != expected:
            wrong.append((code, expected, actual))
    assert wrong == []


def _employment(cell: Any) -> int | None:
    value = published_value(cell)
    return None if isinstance(value, str) else int(value)


def summary(entry: Any) -> tuple[Any, ...]:
    return (
        entry.career,
        entry.soc,
        entry.title_in_source,
        entry.wages,
        entry.top_coded,
        entry.only_published_per,
        entry.notes,
    )


def test_the_reader_maps_each_wage_column_of_a_file_to_the_stores() -> None:
    from careerstats.sources import oews

    assert oews.WAGE_COLUMNS == (
        ("h_mean", "h_mean"), ("h_p10", "h_pct10"), ("h_p25", "h_pct25"),
        ("h_median", "h_median"), ("h_p75", "h_pct75"), ("h_p90", "h_pct90"),
        ("a_mean", "a_mean"), ("a_p10", "a_pct10"), ("a_p25", "a_pct25"),
        ("a_median", "a_median"), ("a_p75", "a_pct75"), ("a_p90", "a_pct90"),
    )  # fmt: skip


def test_a_damaged_bundled_file_is_reported_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.errors import DataError
    from careerstats.sources import bundle

    folder = tmp_path / "oews"
    folder.mkdir()
    data = REPOSITORY / "data" / "oews"
    (folder / "releases.csv").write_bytes((data / "releases.csv").read_bytes())
    text = (data / "oews-2024.csv").read_text("utf-8")
    actors = "\n27-2011,detailed,38800,44.4,14,16.94,23.33,41.09,97.19,*,"
    assert actors in text
    damaged = text.replace(actors, actors.replace(",*,", ",**,"))
    (folder / "oews-2024.csv").write_text(damaged, "utf-8")
    monkeypatch.setattr(bundle, "bundled_data_dir", lambda: tmp_path)
    monkeypatch.setattr(bundled_oews, "_releases", {})
    monkeypatch.setattr(bundled_oews, "_texts", {})
    with pytest.raises(DataError, match=r"oews-2024\.csv: the line of 27-2011 is damaged"):
        bundled_oews.occupation("oews-2024", "27-2011")
    assert bundled_oews.occupation("oews-2024", "27-2012") is not None
    with pytest.raises(DataError, match=r"oews/oews-2023\.csv cannot be read"):
        bundled_oews.occupation("oews-2023", "27-2011")
