"""The tax parameters file: validated like the datasets, one entry per year, each citing its
sources; a new year is a change of data only."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Run, as_json

from careerstats.core.tax import FilingStatus, UnknownTaxYear
from careerstats.errors import DataError
from careerstats.sources import tax_data
from careerstats.sources.bundle import bundled_data_dir
from careerstats.sources.tax_data import bundled_tax_data, load_tax_data

BUNDLED = bundled_data_dir().joinpath(*tax_data.TAX_FILE)

# 2027 as a data file would state it (invented figures: only the mechanism is tested).
YEAR_2027 = """
  - year: 2027
    sources: ["Revenue Procedure 2026-99 (invented for a test)", "SSA 2027 (invented)"]
    income_tax:
      rates: [10, 12, 22, 24, 32, 35, 37]
      brackets:
        single: [13000, 52000, 110000, 210000, 265000, 660000]
        married-joint: [26000, 104000, 220000, 420000, 530000, 790000]
        head-of-household: [18500, 70000, 110000, 210000, 265000, 660000]
      standard_deduction: {single: 17000, married-joint: 34000, head-of-household: 25500}
    social_security: {rate: 6.2, wage_base: 190000}
    medicare:
      rate: 1.45
      additional_rate: 0.9
      additional_threshold: {single: 200000, married-joint: 250000, head-of-household: 200000}
"""


def test_the_bundled_file_has_2024_to_2026_each_citing_the_irs_and_the_ssa() -> None:
    data = bundled_tax_data()
    assert [entry.year for entry in data.years] == [2024, 2025, 2026]
    assert data.newest.year == 2026
    procedures = {2024: "2023-34", 2025: "2024-40", 2026: "2025-32"}
    for entry in data.years:
        cited = " ".join(entry.sources)
        assert f"Revenue Procedure {procedures[entry.year]}" in cited
        assert "Social Security Administration" in cited
    assert "119-21" in " ".join(data.year(2025).sources)


def test_a_new_year_is_a_change_of_data_only(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "us_federal.yaml"
    file.write_text(BUNDLED.read_text("utf-8") + YEAR_2027, "utf-8")
    data = load_tax_data(file)
    assert data.newest.year == 2027
    assert data.year(2027).income_tax.standard_deduction[FilingStatus.SINGLE] == Decimal(17000)
    # The command takes it as its newest year: 50,000 - 17,000 = 33,000 taxable;
    # 10% x 13,000 + 12% x 20,000 = 1,300 + 2,400 = 3,700.00.
    monkeypatch.setattr(tax_data, "bundled_tax_data", lambda: data)
    document = as_json(run("takehome", "50000", "--json"))
    assert (document["tax_year"], document["federal_income_tax"]) == (2027, 3700)


def test_K2_a_year_without_data_names_the_years_there_are() -> None:
    with pytest.raises(UnknownTaxYear, match="2024, 2025, 2026") as raised:
        bundled_tax_data().year(2023)
    assert raised.value.years == (2024, 2025, 2026)


BAD_FILES = [
    ("K20", "years: []\n", "no tax year"),
    (
        "K20",
        YEAR_2027.replace("head-of-household: 25500", "").replace(", }", "}"),
        "head-of-household",
    ),
    ("K20", YEAR_2027.replace("[13000, 52000,", "[52000, 13000,"), "end above the one before"),
    ("K20", YEAR_2027.replace("rate: 6.2", "rate: 106.2"), "not a percentage"),
    ("K20", YEAR_2027.replace("wage_base: 190000", "wage_base: -1"), "not an amount"),
    ("K20", YEAR_2027.replace("    social_security:", "    social_securty:"), "social_se"),
    (
        "K20",
        YEAR_2027.replace(
            'sources: ["Revenue Procedure 2026-99 (invented for a test)", "SSA 2027 (invented)"]',
            "sources: []",
        ),
        "sources",
    ),
    (
        "K20",
        YEAR_2027.replace("13000, 52000, 110000, 210000, 265000, 660000", "13000"),
        "bracket ends",
    ),
    ("K20", YEAR_2027 + YEAR_2027, "given twice"),
]


@pytest.mark.parametrize(("case", "text", "words"), BAD_FILES)
def test_K20_a_bad_tax_file_is_refused_naming_the_file_and_field(
    case: str, text: str, words: str, tmp_path: Path
) -> None:
    file = tmp_path / "us_federal.yaml"
    body = text if text.startswith("years") else "years:" + text
    file.write_text(body, "utf-8")
    with pytest.raises(DataError, match=words) as raised:
        load_tax_data(file)
    assert str(raised.value).startswith("us_federal.yaml:")


def test_K25_data_check_validates_the_tax_file(tmp_path: Path, run: Run) -> None:
    bundled = run("data", "check")
    assert bundled.exit_code == 0, bundled.stderr
    assert "ok  tax/us_federal.yaml: tax years 2024, 2025, 2026\n" in bundled.stdout
    file = tmp_path / "us_federal.yaml"
    file.write_text(BUNDLED.read_text("utf-8") + YEAR_2027, "utf-8")
    added = run("data", "check", file, "--json")
    assert added.exit_code == 0, added.stderr
    (entry,) = as_json(added)["files"]
    assert (entry["kind"], entry["id"], entry["years"]) == (
        "tax",
        "us-federal",
        [2024, 2025, 2026, 2027],
    )
    file.write_text(BUNDLED.read_text("utf-8") + YEAR_2027 + YEAR_2027, "utf-8")
    refused = run("data", "check", file)
    assert refused.exit_code == 1
    (line,) = refused.stderr.splitlines()
    assert line.startswith("careerstats: error: us_federal.yaml: ")
    assert "given twice" in line


def _entries(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("tax-*.json"))


def test_the_validated_tax_data_is_cached_and_read_back_equal(home: Path) -> None:
    from careerstats.sources.tax_cache import load_or_build

    built = load_tax_data(BUNDLED)
    assert load_or_build(BUNDLED, lambda: built) is built  # a cold cache builds
    assert len(_entries(home)) == 1

    def must_not_build() -> object:
        raise AssertionError("the cache entry should have been read")

    cached = load_or_build(BUNDLED, must_not_build)  # type: ignore[arg-type]
    assert cached is not built
    assert cached.years == built.years


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[:-5],
        lambda blob: blob.replace(b"168600", b"168601"),
        lambda blob: b"",
        lambda blob: blob.split(b"\n", 2)[0] + b"\n" + b'{"years": [{"year": "x"}]}',
    ],
    ids=["cut short", "a changed figure", "empty", "foreign payload"],
)
def test_a_damaged_tax_cache_entry_is_rebuilt_from_the_file(home: Path, damage: object) -> None:
    from careerstats.sources.tax_cache import load_or_build

    load_or_build(BUNDLED, lambda: load_tax_data(BUNDLED))
    (entry,) = _entries(home)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    rebuilt = load_or_build(BUNDLED, lambda: load_tax_data(BUNDLED))
    assert rebuilt.year(2024).social_security.wage_base == Decimal(168600)


def test_a_changed_tax_file_is_never_answered_from_the_old_entry(tmp_path: Path) -> None:
    from careerstats.sources.tax_cache import load_or_build

    file = tmp_path / "us_federal.yaml"
    file.write_text(BUNDLED.read_text("utf-8"), "utf-8")
    assert load_or_build(file, lambda: load_tax_data(file)).newest.year == 2026
    file.write_text(BUNDLED.read_text("utf-8") + YEAR_2027, "utf-8")
    assert load_or_build(file, lambda: load_tax_data(file)).newest.year == 2027


def test_a_source_from_the_tax_file_is_shown_literally(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "us_federal.yaml"
    hostile = YEAR_2027.replace("SSA 2027 (invented)", "SSA \u202e2027 (invented)")
    file.write_text(BUNDLED.read_text("utf-8") + hostile, "utf-8")
    data = load_tax_data(file)
    monkeypatch.setattr(tax_data, "bundled_tax_data", lambda: data)
    result = run("takehome", "50000")
    assert "SSA \\u202e2027 (invented)" in result.stdout
    assert "\u202e" not in result.stdout


def test_a_planted_tax_entry_without_the_homes_key_is_not_believed(home: Path) -> None:
    import json

    from careerstats.sources import tax_cache

    load_or_build = tax_cache.load_or_build
    load_or_build(BUNDLED, lambda: load_tax_data(BUNDLED))
    (entry,) = _entries(home)
    forged = tax_cache.encode(load_tax_data(BUNDLED))
    forged["years"][0]["social_security"][1] = "1"  # a wage base of one dollar
    payload = json.dumps(forged).encode()
    entry_key = entry.name.removeprefix("tax-").removesuffix(".json")
    wrong_secret = bytes(32)
    entry.write_bytes(tax_cache._header(entry_key, payload, wrong_secret) + payload)
    rebuilt = load_or_build(BUNDLED, lambda: load_tax_data(BUNDLED))
    assert rebuilt.year(2024).social_security.wage_base == Decimal(168600)
