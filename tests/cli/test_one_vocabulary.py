"""One vocabulary in every command (issue 14, point 2) and friendlier amounts and dates
(point 6): --json and --csv everywhere data is printed, --jsonl for streams, -q, `latest`,
`55k`, swapped arguments noticed, help that reads in order of use."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Run, as_json
from typer.testing import CliRunner, Result

from careerstats.cli import app

ROOT = Path(__file__).parents[2]


def rows(result: Result) -> list[dict[str, str]]:
    """The CSV on stdout, parsed back with the csv module."""
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("\n")
    return list(csv.DictReader(io.StringIO(result.stdout)))


def one_error_line(result: Result, code: int, fragment: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: ")
    assert result.stderr.count("\n") == 1
    assert fragment in result.stderr, result.stderr


# ------------------------------------------------------------------ --csv everywhere


def test_compare_csv_parses_back_with_a_row_per_figure(run: Run) -> None:
    found = rows(run("compare", "cs", "pr", "--csv"))
    assert {row["career_id"] for row in found} == {
        "customer-service-representatives",
        "public-relations-specialists",
    }
    # OEWS May 2024, 43-4051: hourly 10th percentile $14.75, as published.
    assert {
        (row["source_id"], row["period"], row["statistic"], row["value"], row["derived"])
        for row in found
        if row["career_id"] == "customer-service-representatives"
    } >= {("oews-2024", "hour", "p10", "14.75", "false")}


def test_show_csv_has_every_sources_figures_for_the_one_career(run: Run) -> None:
    found = rows(run("show", "cs", "--csv"))
    assert {row["career_id"] for row in found} == {"customer-service-representatives"}
    assert {"oews-2024", "oews-2008", "bls-2008", "payscale"} <= {row["source_id"] for row in found}
    first = found[0]
    assert (first["source_id"], first["period"], first["statistic"], first["value"]) == (
        "oews-2024",
        "hour",
        "p10",
        "14.75",
    )


def test_rank_csv_is_one_row_with_the_percentile_and_its_neighbours(run: Run) -> None:
    (row,) = rows(run("rank", "pr", "55000", "--csv"))
    # OEWS May 2024, 27-3031: 25th percentile $51,970 a year, median $69,780. By hand:
    # 25 + 25 x (55,000 - 51,970) / (69,780 - 51,970) = 25 + 75,750 / 17,810 = 29.25...
    assert row["percentile"] == "29.3"
    assert (row["lower_percentile"], row["lower_value"]) == ("25", "51970.00")
    assert (row["upper_percentile"], row["upper_value"]) == ("50", "69780.00")
    assert (row["amount"], row["period"], row["position"]) == ("55000.00", "year", "within")
    assert (row["source_id"], row["reference_period"]) == ("oews-2024", "2024-05")


def test_list_csv_parses_back_with_the_catalogs_careers_marked(run: Run) -> None:
    found = rows(run("list", "--csv"))
    cs = next(row for row in found if row["soc"] == "43-4051")
    assert cs["career_id"] == "customer-service-representatives"
    assert "cs" in cs["aliases"].split("; ")
    assert {row["source_id"] for row in found} == {"oews-2024"}
    assert len(found) == as_json(run("list", "--json"))["count"]


def test_list_csv_of_a_release_parses_back(run: Run) -> None:
    found = rows(run("list", "--source", "oews-2013", "--csv"))
    assert {row["source_id"] for row in found} == {"oews-2013"}
    assert any(row["soc"] == "43-4051" for row in found)


def test_sources_csv_has_one_row_per_source(run: Run) -> None:
    found = rows(run("sources", "--csv"))
    ids = [row["id"] for row in found]
    assert {"oews-2024", "oews-2008", "bls-2008", "bls-2017", "payscale"} <= set(ids)
    assert len(ids) == len(set(ids))
    oews = next(row for row in found if row["id"] == "oews-2024")
    assert (oews["reference_period"], oews["reference_period_label"]) == ("2024-05", "May 2024")


def test_history_csv_parses_back(run: Run) -> None:
    found = rows(run("history", "cs", "--csv"))
    assert {"oews-2008", "oews-2024"} <= {row["source_id"] for row in found}


def test_convert_csv_has_a_row_per_period_or_only_the_one_asked(run: Run) -> None:
    found = rows(run("convert", "14.36", "--csv"))
    values = {row["period"]: row["value"] for row in found}
    # 14.36 x 2,080 = 29,868.80; x 8 = 114.88 (the 2,080-hour year, 8-hour day)
    assert (values["hour"], values["day"], values["year"]) == ("14.36", "114.88", "29868.80")
    assert len(values) == 8
    assert {(r["amount"], r["from"], r["hours_per_week"]) for r in found} == {
        ("14.36", "hour", "40")
    }
    (only,) = rows(run("convert", "14.36", "--to", "year", "--csv"))
    assert (only["period"], only["value"]) == ("year", "29868.80")


def cpi(year: int, month: int) -> Decimal:
    """A published CPI-U index, read from the bundled table directly."""
    for line in (ROOT / "data" / "cpi_u.csv").read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{year},"):
            return Decimal(line.split(",")[month])
    raise AssertionError(f"no {year} in the table")


def test_inflate_csv_gives_the_indexes_and_the_result(run: Run) -> None:
    (row,) = rows(run("inflate", "14.36", "--from", "2008-05", "--to", "2026-08", "--csv"))
    expected = (Decimal("14.36") * cpi(2026, 8) / cpi(2008, 5)).quantize(Decimal("0.01"))
    assert row["result"] == f"{expected}" == "22.20"
    assert (row["from_index"], row["to_index"]) == (str(cpi(2008, 5)), str(cpi(2026, 8)))


def test_data_audit_csv_has_every_finding_and_citation(run: Run) -> None:
    found = rows(run("data", "audit", "--csv"))
    document = as_json(run("data", "audit", "--json"))
    kinds = [row["record"] for row in found]
    assert kinds.count("finding") == len(document["findings"]) > 0
    assert kinds.count("citation") == len(document["citations"]) > 0
    cited = next(row for row in found if row["record"] == "citation" and row["matches"] == "true")
    assert cited["cited"] == cited["official"]


def test_data_list_csv_has_a_row_per_imported_file(run: Run, national: Path) -> None:
    (row,) = rows(run("data", "list", "--csv"))
    assert (row["release_id"], row["year"], row["file"]) == ("oews-2012", "2012", national.name)


def test_data_check_csv_has_a_row_per_file(run: Run) -> None:
    found = rows(run("data", "check", "--csv"))
    assert {row["kind"] for row in found} == {"catalog", "source", "tax"}
    assert any(row["id"] == "payscale" for row in found)
    assert [row["years"] for row in found if row["kind"] == "tax"] == ["2024;2025;2026"]


# ------------------------------------------------------------------ streams as JSON lines


def stream(text: str, *options: str) -> Result:
    return CliRunner().invoke(app, ["convert", "-", "--to", "year", *options], input=text)


def test_a_stream_with_jsonl_writes_one_object_per_line_and_null_for_a_bad_one() -> None:
    result = stream("14.36\nabc\n55k\n", "--jsonl")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {"amount": 14.36, "from": "hour", "to": "year", "result": 29868.8},
        None,
        # 55,000 x 2,080 = 114,400,000
        {"amount": 55000, "from": "hour", "to": "year", "result": 114400000},
    ]
    assert result.stderr.splitlines()[0].startswith("careerstats: line 2: not an amount: 'abc'")
    assert result.stderr.splitlines()[-1].endswith("their output lines are null")


def test_A24_a_stream_refuses_json_and_csv_and_jsonl_needs_a_stream(run: Run) -> None:
    one_error_line(stream("14.36\n", "--json"), 2, "use --jsonl for JSON lines")
    one_error_line(stream("14.36\n", "--csv"), 2, "use --jsonl for JSON lines")
    one_error_line(run("convert", "14.36", "--jsonl"), 2, "give '-' as AMOUNT")


# ------------------------------------------------------------------ amounts in thousands


def test_A20_thousands_typed_with_k_are_exact_wherever_an_amount_is_typed(run: Run) -> None:
    # 55,000 a year / 12 = 4,583.333...
    assert run("convert", "55k", "--from", "year", "--to", "month").stdout == "4583.33\n"
    assert run("convert", "55K", "--from", "year", "--to", "month").stdout == "4583.33\n"
    # 1.5k = 1,500 exactly: x 2,080 = 3,120,000
    assert run("convert", "1.5k", "--to", "year").stdout == "3120000.00\n"
    assert run("convert", "$0.0155k", "--to", "year").stdout == "32240.00\n"  # 15.50 an hour
    assert run("rank", "pr", "55k", "--json").stdout == run("rank", "pr", "55000", "--json").stdout
    inflated = as_json(run("inflate", "1.5k", "--from", "2020", "--to", "2020", "--json"))
    assert inflated["amount"] == 1500
    assert stream("55k\n1.5K\n").stdout == "114400000.00\n3120000.00\n"


@pytest.mark.parametrize("text", ["k", "55kk", "55 k", "k55", "5,5k", "1e3k", "-5k"])
def test_A20_a_k_that_does_not_end_a_number_is_not_an_amount(run: Run, text: str) -> None:
    result = run("convert", "--to", "year", "--", text)
    fragment = "negative amount" if text.startswith("-") else "not an amount"
    one_error_line(result, 2, fragment)


def test_A21_schedule_options_are_not_counted_in_thousands(run: Run) -> None:
    one_error_line(
        run("convert", "14.36", "--weeks-per-year", "0.05k"),
        2,
        "--weeks-per-year takes a plain number such as 40 or 37.5, not '0.05k'",
    )


# ------------------------------------------------------------------ swapped arguments


def test_A22_rank_with_the_amount_first_says_which_order_was_meant(run: Run) -> None:
    one_error_line(
        run("rank", "55000", "pr"),
        2,
        "'pr' is not an amount but '55000' is: did you mean `careerstats rank pr 55000`?",
    )
    one_error_line(
        run("rank", "55k", "customer service"),
        2,
        "did you mean `careerstats rank 'customer service' 55k`?",
    )
    # Neither is an amount: the amount's own message, no guess.
    one_error_line(run("rank", "pr", "lots"), 2, "not an amount: 'lots'")


# ------------------------------------------------------------------ latest and today


def newest_in_table() -> str:
    header = (ROOT / "data" / "cpi_u.csv").read_text(encoding="utf-8").splitlines()
    return next(line.split(": ")[1] for line in header if line.startswith("# newest: "))


@pytest.mark.parametrize("word", ["latest", "today", "LATEST"])
def test_A23_latest_and_today_are_the_newest_month_of_the_table_said_so(
    run: Run, word: str
) -> None:
    newest = newest_in_table()
    result = run("inflate", "10", "--from", "2020", "--to", word, "--json")
    assert as_json(result)["to"] == newest
    explicit = run("inflate", "10", "--from", "2020", "--to", newest, "--json")
    assert result.stdout == explicit.stdout
    assert result.stderr == (
        f"note: {word.lower()} is read as August 2026 ({newest}), "
        "the newest month of the CPI-U table\n"
    )
    compared = as_json(run("compare", "cs", "pr", "--in-dollars-of", word, "--json"))
    assert compared["adjusted_to"] == newest


# ------------------------------------------------------------------ -q


def test_A26_quiet_drops_notes_and_keeps_the_result(run: Run) -> None:
    noisy = run("rank", "cs", "15")
    assert "note: $15 was read as pay per year" in noisy.stderr
    quiet = run("rank", "cs", "15", "-q")
    assert (quiet.exit_code, quiet.stderr, quiet.stdout) == (0, "", noisy.stdout)
    latest = run("inflate", "10", "--from", "2020", "--to", "latest", "--quiet")
    assert (latest.exit_code, latest.stderr) == (0, "")
    compared = run("compare", "cs", "pr", "--source", "all", "--quiet")
    assert (compared.exit_code, compared.stderr) == (0, "")
    assert "note:" in run("compare", "cs", "pr", "--source", "all").stderr
    # Errors still reach stderr.
    one_error_line(run("rank", "cs", "abc", "-q"), 2, "not an amount")


COMMANDS_WITH_DATA = [
    ("compare", "cs"),
    ("top",),
    ("takehome", "42830"),
    ("show", "cs"),
    ("rank", "cs", "30000"),
    ("history", "cs"),
    ("list",),
    ("sources",),
    ("convert", "14.36"),
    ("inflate", "14.36", "--from", "2008-05"),
    ("data", "audit"),
    ("data", "list"),
    ("data", "check"),
]


@pytest.mark.parametrize("args", COMMANDS_WITH_DATA, ids=" ".join)
def test_every_command_that_prints_data_takes_json_csv_and_quiet(
    run: Run, args: tuple[str, ...]
) -> None:
    as_json(run(*args, "--json", "-q"))
    written = run(*args, "--csv", "--quiet")
    assert written.exit_code == 0, written.stderr
    header, *_ = csv.reader(io.StringIO(written.stdout))
    assert len(header) >= 3
    one_error_line(run(*args, "--json", "--csv"), 2, "choose one of --json and --csv")


# ------------------------------------------------------------------ help


def test_usage_lines_name_arguments_without_braces(run: Run) -> None:
    for command, usage in (
        (("convert",), "careerstats convert [OPTIONS] AMOUNT"),
        (("rank",), "careerstats rank [OPTIONS] CAREER AMOUNT"),
        (("compare",), "careerstats compare [OPTIONS] CAREER..."),
        (("data", "remove"), "careerstats data remove [OPTIONS] ID"),
    ):
        text = run(*command, "--help").stdout
        assert usage in text, text
        assert "{" not in text.split("Usage:")[1].splitlines()[0]


def test_help_lists_compare_first_and_an_example_of_each_thing(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = run("--help").stdout
    listed = re.findall(r"^│ (\w+) ", text, re.MULTILINE)
    assert listed[:4] == ["compare", "show", "rank", "history"]
    examples = text[text.index("Examples, in order of use:") :]
    assert examples.index("compare cs pr") < examples.index("convert 14.36")
    for fragment in ("--area Texas", "--industry", "convert - --to year", "--to latest"):
        assert fragment in examples
    assert max(len(line) for line in text.splitlines()) <= 80


def test_each_command_help_has_an_example(run: Run) -> None:
    for args in (*COMMANDS_WITH_DATA, ("schema", "compare"), ("data", "import", "x")):
        command = [a for a in args if re.fullmatch(r"[a-z]+", a)][:2]
        if command[0] != "data":
            command = command[:1]
        text = run(*command, "--help").stdout
        assert "Example" in text, command
