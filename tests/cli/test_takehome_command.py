"""`careerstats takehome`, `convert` with extra pay and `compare --takehome`, driven as a user
does (issue 16; docs/errors.md rows K1-K19). Expected figures are worked by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Run, as_json
from test_architecture import _loaded
from test_bad_input import one_error_line
from test_installed_command import careerstats

TX_2024 = ("--year", "2024", "--status", "single", "--state", "TX")


def test_the_median_customer_service_wage_in_2024_single_in_texas(run: Run) -> None:
    # TAX_FACTS.md's worked example: 42,830 - 3,155.60 - 2,655.46 - 621.04 = 36,397.90.
    document = as_json(run("takehome", "42830", *TX_2024, "--json"))
    assert document["federal_income_tax"] == 3155.6
    assert document["social_security"] == 2655.46
    assert document["medicare"] == 621.04
    assert document["additional_medicare"] == 0
    assert document["state_income_tax"] == 0
    assert document["net"] == 36397.9
    assert document["taxable_income"] == 28230
    assert document["state"] == {
        "code": "TX",
        "name": "Texas",
        "taxes_wages": False,
        "flat_rate_percent": None,
        "computed": False,
    }
    # 36,397.90 / 52 = 699.959... ; / 26 = 1,399.919... ; / 24 = 1,516.579... ; / 12.
    assert document["net_per_paycheck"] == {
        "week": 699.96,
        "biweek": 1399.92,
        "semimonth": 1516.58,
        "month": 3033.16,
    }
    # (3,155.60 + 2,655.46 + 621.04) / 42,830 = 15.0177...%; marginal 12 + 6.2 + 1.45.
    assert document["effective_rate_percent"] == 15.02
    assert document["marginal_rate_percent"] == 19.65


@pytest.mark.installed
def test_the_installed_command_gives_the_same_figures(tmp_path: Path) -> None:
    done = careerstats("takehome", "42830", *TX_2024, "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert (document["federal_income_tax"], document["net"]) == (3155.6, 36397.9)


def test_the_table_shows_each_part_and_says_what_is_not_computed(run: Run) -> None:
    result = run("takehome", "42830", *TX_2024)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Take-home pay, tax year 2024, single, Texas (TX)"
    text = " ".join(result.stdout.split())
    for shown in (
        "Gross pay 42,830.00",
        "Federal income tax -3,155.60",
        "Social Security (6.2% up to $168,600) -2,655.46",
        "Medicare (1.45%) -621.04",
        "Net pay 36,397.90",
        "week $699.96",
        "$50 bands",
        "Not computed: tax credits",
        "local income taxes",
        "Revenue Procedure 2023-34",
    ):
        assert shown in text
    assert result.stderr == ""


def test_without_a_state_the_output_says_no_state_tax_is_computed(run: Run) -> None:
    result = run("takehome", "42830", "--year", "2024")
    assert "State income tax: not computed (no state given)" in result.stdout
    document = as_json(run("takehome", "42830", "--year", "2024", "--json"))
    assert document["state"]["code"] is None


def test_a_taxing_state_with_a_flat_rate_is_marked_an_approximation(run: Run) -> None:
    # 5% of 42,830 = 2,141.50.
    document = as_json(
        run("takehome", "42830", "--year", "2024", "--state", "ca", "--state-rate", "5", "--json")
    )
    assert document["state_income_tax"] == 2141.5
    assert document["state"]["flat_rate_percent"] == 5
    assert document["state"]["computed"] is False
    text = run("takehome", "42830", "--state", "CA", "--state-rate", "5%").stdout
    assert "your flat 5%, not CA's own tax" in text


def test_the_default_year_is_the_newest_and_the_default_status_single(run: Run) -> None:
    # 2026 single: 42,830 - 16,100 = 26,730; 1,240 + 12% x 14,330 = 2,959.60.
    document = as_json(run("takehome", "42830", "--json"))
    assert (document["tax_year"], document["status"]) == (2026, "single")
    assert document["federal_income_tax"] == 2959.6


def test_an_hourly_wage_with_overtime_and_a_bonus(run: Run) -> None:
    # 20 x 40 x 52 = 41,600; overtime 30 x 5 x 52 = 7,800; bonus 3,000: 52,400 gross.
    # 2025 single: 52,400 - 15,750 = 36,650; 1,192.50 + 12% x 24,725 = 2,967.00 -> 4,159.50.
    result = run(
        "takehome",
        "20",
        "--per",
        "hour",
        "--overtime-hours",
        "5",
        "--bonus",
        "3000",
        "--year",
        "2025",
        "--json",
    )
    document = as_json(result)
    assert document["gross"]["per_year"] == 52400
    assert [p["per_year"] for p in document["gross"]["parts"]] == [41600, 7800, 3000]
    assert document["federal_income_tax"] == 4159.5
    # The overtime note: one line on stderr, whatever the format.
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("note: the federal deduction for qualified overtime pay")
    assert "2025-2028" in result.stderr


def test_married_joint_with_spouse_wages(run: Run) -> None:
    # 2024 joint, 60,000 + 40,000: taxable 100,000 - 29,200 = 70,800;
    # 2,320 + 12% x 47,600 = 8,032.00; SS 6,200.00; Medicare 1,450.00.
    document = as_json(
        run(
            "takehome",
            "60000",
            "--status",
            "married-joint",
            "--spouse-wages",
            "40000",
            "--year",
            "2024",
            "--json",
        )
    )
    assert document["federal_income_tax"] == 8032
    assert document["social_security"] == 6200
    assert document["net"] == 100000 - 8032 - 6200 - 1450


def test_csv_has_one_row_per_figure(run: Run) -> None:
    result = run("takehome", "42830", *TX_2024, "--csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["item", "period", "amount"]
    assert ["federal_income_tax", "year", "3155.60"] in rows
    assert ["net", "year", "36397.90"] in rows
    assert ["net", "month", "3033.16"] in rows


# ------------------------------------------------------------------ convert


def test_convert_with_overtime_to_a_week(run: Run) -> None:
    # 20 x 40 + 30 x 10 = 1,100.00.
    result = run("convert", "20", "--overtime-hours", "10", "--to", "week")
    assert (result.exit_code, result.stdout) == (0, "1100.00\n")


def test_convert_with_extra_pay_shows_every_part(run: Run) -> None:
    result = run(
        "convert",
        "20",
        "--overtime-hours",
        "10",
        "--differential",
        "10%",
        "--differential-hours",
        "8",
    )
    text = " ".join(result.stdout.split())
    # Base 41,600; overtime 15,600; 10% of 20 = 2.00 x 8 x 52 = 832.00.
    assert "base pay: 40 h/week x 52 weeks at $20.00/h 41,600.00" in text
    assert "overtime: 10 h/week x 52 weeks at $30.00/h 15,600.00" in text
    assert "shift differential: 8 h/week x 52 weeks at $2.00/h 832.00" in text
    assert "Gross pay 58,032.00" in text
    document = as_json(run("convert", "20", "--bonus", "1040", "--to", "week", "--json"))
    # (41,600 + 1,040) / 52 = 820.00.
    assert document["result"] == 820


def test_convert_without_extra_pay_is_unchanged(run: Run) -> None:
    assert run("convert", "14.36", "--to", "year").stdout == "29868.80\n"


# ------------------------------------------------------------------ compare


def test_compare_takehome_adds_a_key_and_keeps_every_existing_one(run: Run) -> None:
    plain = as_json(run("compare", "cs", "pr", "--json"))
    taxed = as_json(
        run("compare", "cs", "pr", "--takehome", "--tax-year", "2024", "--state", "TX", "--json")
    )
    assert {key: value for key, value in taxed.items() if key != "takehome"} == plain
    rows = {(r["id"], r["statistic"]): r for r in taxed["takehome"]["careers"]}
    median = rows["customer-service-representatives", "median"]
    assert (median["annual_wage"], median["net"]) == (42830, 36397.9)
    assert {statistic for _, statistic in rows} == {"p10", "median", "p90"}


def test_compare_takehome_table_at_80_columns(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("compare", "cs", "pr", "--takehome", "--tax-year", "2024", "--no-chart")
    assert result.exit_code == 0, result.stderr
    assert "Take-home pay a year, tax year 2024, single, no state tax" in result.stdout
    assert "$36,397.90" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_compare_with_extra_pay_alone_shows_gross_pay_without_taxes(run: Run) -> None:
    # The 2024 median, 42,830 a year, with a 3,000 bonus: 45,830.00 gross.
    result = run("compare", "cs", "--bonus", "3000", "--json")
    section = as_json(result)["takehome"]
    assert section["taxed"] is False
    median = next(r for r in section["careers"] if r["statistic"] == "median")
    assert (median["annual_wage"], median["gross"]) == (42830, 45830)
    assert "net" not in median
    assert result.stderr == ""


def test_compare_takehome_csv_rows(run: Run) -> None:
    rows = list(
        csv.reader(
            io.StringIO(run("compare", "cs", "--takehome", "--tax-year", "2024", "--csv").stdout)
        )
    )
    assert [r[6:8] for r in rows if r[6] == "median_takehome"] == [["median_takehome", "36397.90"]]


def test_compare_without_takehome_loads_no_tax_code(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _loaded(("compare", "cs", "pr", "--json"), home, tmp_path / "warm.txt")
    loaded = _loaded(("compare", "cs", "pr", "--json"), home, tmp_path / "loaded.txt")
    assert "careerstats.core.comparison" in loaded
    assert not {m for m in loaded if "tax" in m or "takehome" in m or m.endswith(".gross")}


def test_takehome_json_loads_no_rich(tmp_path: Path) -> None:
    loaded = _loaded(("takehome", "42830", "--json"), tmp_path / "home", tmp_path / "l.txt")
    assert "careerstats.core.takehome" in loaded
    assert not [m for m in loaded if m.split(".")[0] == "rich"]


# ------------------------------------------------------------------ errors (K)

BAD = [
    ("K1", ("takehome", "42830", "--status", "widow"), 2, "unknown filing status 'widow'"),
    ("K1", ("takehome", "42830", "--status", ""), 2, "unknown filing status"),
    (
        "K2",
        ("takehome", "42830", "--year", "2023"),
        2,
        "no tax figures for 2023; the tax data covers 2024, 2025, 2026",
    ),
    ("K2", ("takehome", "42830", "--year", "2027"), 2, "no tax figures for 2027"),
    ("K3", ("takehome", "42830", "--year", "20x4"), 2, "--year takes a tax year such as 2024"),
    (
        "K3",
        ("compare", "cs", "--takehome", "--tax-year", "24"),
        2,
        "--tax-year takes a tax year such as 2024, not '24'",
    ),
    ("K4", ("takehome", "42830", "--state", "CA"), 2, "give --state-rate PERCENT"),
    (
        "K5",
        ("takehome", "42830", "--state", "TX", "--state-rate", "3"),
        2,
        "Texas (TX) has no income tax on wages",
    ),
    ("K6", ("takehome", "42830", "--state-rate", "3"), 2, "give --state XX with --state-rate"),
    ("K8", ("takehome", "42830", "--state", "CA", "--state-rate", ""), 2, "empty amount"),
    ("K7", ("takehome", "42830", "--state", "ZZ"), 2, "unknown state 'ZZ'"),
    ("K8", ("takehome", "42830", "--state", "CA", "--state-rate", "30"), 2, "out of range"),
    ("K8", ("takehome", "42830", "--state", "CA", "--state-rate", "-3"), 2, "negative amount"),
    ("K9", ("takehome", "42830", "--pretax", "50000"), 2, "more than the gross pay"),
    (
        "K9",
        ("takehome", "42830", "--pretax", "120%"),
        2,
        "--pretax 120% is more than all of the pay",
    ),
    # 42,830 all contributed: nothing left for SS 2,655.46 and Medicare 621.04 (3,276.50).
    (
        "K9",
        ("takehome", "42830", "--pretax", "100%", "--year", "2024"),
        2,
        "leave less pay than the taxes of 3,276.50 still owed on it",
    ),
    (
        "K10",
        ("takehome", "42830", "--spouse-wages", "1000"),
        2,
        "--spouse-wages applies with --status married-joint",
    ),
    ("K11", ("takehome", "0"), 2, "gross pay of 0 a year"),
    ("K12", ("takehome", "42830", "--bonus", "-5"), 2, "--bonus: negative amount"),
    ("K12", ("takehome", "42830", "--overtime-hours", "abc"), 2, "--overtime-hours: not an amount"),
    ("K12", ("takehome", "-42830"), 2, "negative amount"),
    ("K12", ("takehome", "1" * 16), 2, "too large"),
    (
        "K13",
        ("convert", "20", "--overtime-hours", "5", "--overtime-rate", "0.5"),
        2,
        "not a premium",
    ),
    ("K14", ("takehome", "20", "--per", "hour", "--unpaid-weeks", "52"), 2, "no paid week"),
    ("K15", ("convert", "20", "--overtime-hours", "130"), 2, "a week has 168"),
    (
        "K16",
        ("convert", "20", "--differential", "1", "--differential-hours", "60"),
        2,
        "hours a week",
    ),
    ("K16", ("convert", "20", "--differential", "150%"), 2, "at most 100%"),
    (
        "K16",
        ("convert", "20", "--differential", "1", "--differential-hours", "0"),
        2,
        "for 0 hours",
    ),
    (
        "K17",
        ("convert", "20", "--differential-hours", "8"),
        2,
        "--differential-hours needs --differential",
    ),
    ("K18", ("convert", "-", "--bonus", "100"), 2, "extra pay does not apply to streamed amounts"),
    ("K19", ("compare", "cs", "--state", "TX"), 2, "apply with --takehome"),
    ("K19", ("compare", "cs", "--takehome", "--state", "CA"), 2, "give --state-rate PERCENT"),
]


@pytest.mark.parametrize(("case", "args", "code", "words"), BAD)
def test_bad_tax_and_extra_pay_input_is_one_line(
    case: str, args: tuple[str, ...], code: int, words: str, run: Run
) -> None:
    one_error_line(run(*args), code, words)


def test_a_second_takehome_run_loads_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _loaded(("takehome", "42830", "--json"), home, tmp_path / "warm.txt")
    loaded = _loaded(("takehome", "42830", "--json"), home, tmp_path / "loaded.txt")
    assert "careerstats.sources.tax_cache" in loaded
    assert not [m for m in loaded if m.split(".")[0] in {"pydantic", "yaml", "rich"}]


def test_a_top_coded_wage_gives_a_take_home_that_is_at_least(run: Run) -> None:
    # Chief executives, May 2024: the 90th percentile is top-coded at 239,200 a year.
    # 2024 single: taxable 239,200 - 14,600 = 224,600: 10% x 11,600 (1,160) + 12% x 35,550
    # (4,266) + 22% x 53,375 (11,742.50) + 24% x 91,425 (21,942) + 32% x 32,650 (10,448)
    # = 49,558.50; SS 6.2% x 168,600 = 10,453.20; Medicare 1.45% x 239,200 = 3,468.40;
    # Additional 0.9% x 39,200 = 352.80. Net: 239,200 - 63,832.90 = 175,367.10.
    document = as_json(run("compare", "11-1011", "--takehome", "--tax-year", "2024", "--json"))
    top = next(r for r in document["takehome"]["careers"] if r["statistic"] == "p90")
    assert (top["annual_wage"], top["at_least"], top["net"]) == (239200, True, 175367.1)
    table = run("compare", "11-1011", "--takehome", "--tax-year", "2024", "--no-chart").stdout
    assert "≥$175,367.10" in table


def test_regular_hours_over_40_bring_a_note_on_the_federal_overtime_rule(run: Run) -> None:
    # 20 x 45 x 52 = 46,800, all at the base rate as asked; the note says what the law pays.
    result = run("convert", "20", "--hours-per-week", "45", "--bonus", "10", "--to", "year")
    assert result.stdout == "46810.00\n"
    assert result.stderr.startswith("note: all 45 regular hours a week are paid at the base")
    assert result.stderr.count("\n") == 1
    assert run("takehome", "20", "--per", "hour", "--json").stderr == ""


def test_convert_without_extra_pay_loads_nothing_of_it(tmp_path: Path) -> None:
    loaded = _loaded(("convert", "14.36", "--to", "year"), tmp_path / "home", tmp_path / "l.txt")
    assert "careerstats.core.periods" in loaded
    assert "careerstats.core.gross" not in loaded


@pytest.mark.parametrize("columns", ["40", "60"])
def test_compare_takehome_at_narrow_widths_is_one_block_per_career_and_cuts_nothing(
    columns: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = run("compare", "cs", "pr", "--takehome", "--tax-year", "2024", "--no-chart")
    assert result.exit_code == 0, result.stderr
    section = result.stdout[result.stdout.index("Take-home pay a year") :]
    assert "…" not in section
    assert max(len(line) for line in section.splitlines()) <= int(columns)
    assert "take-home $36,397.90" in section


def test_completion_completes_statuses_states_and_periods() -> None:
    from test_completion import bash_completes

    assert bash_completes("careerstats takehome 42830 --status h") == ["head-of-household"]
    assert bash_completes("careerstats takehome 42830 --state W") == ["WA", "WV", "WI", "WY"]
    assert bash_completes("careerstats takehome 20 --per ho") == ["hour"]
    assert bash_completes("careerstats compare cs --takehome --state N")[:2] == ["NE", "NV"]
