"""Hardening of what people type: amounts, options, names and streamed lines
(docs/errors.md, rows A1-A16, N1-N8 and S1-S8).

Every bad input gets exit status 2 (a usage problem) or, for a stream, 1 at the end, and
exactly one line on stderr per problem, `careerstats: error: ...`; never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run
from typer.testing import CliRunner, Result

from careerstats.cli import app


def one_error_line(result: Result, code: int, *parts: str) -> None:
    stderr = result.stderr
    assert result.exit_code == code, stderr
    assert result.stdout == "", result.stdout
    assert stderr.startswith("careerstats: error: "), stderr
    assert stderr.count("\n") == 1, stderr
    assert len(stderr) < 400, stderr
    for part in parts:
        assert part in stderr, stderr


# ------------------------------------------------------------------ amounts (A)

BAD_AMOUNTS = [
    ("A1", "", "empty amount"),
    ("A1", "   ", "empty amount"),
    ("A2", "nan", "not an amount"),
    ("A2", "NaN", "not an amount"),
    ("A2", "inf", "not an amount"),
    ("A2", "Infinity", "not an amount"),
    ("A3", "1e5", "not an amount"),
    ("A3", "1E-3", "not an amount"),
    ("A3", "0x1F", "not an amount"),
    ("A4", "-5", "negative amount"),
    ("A4", "-$5", "negative amount"),
    ("A5", "5,1280", "not an amount"),
    ("A5", "51,28,0", "not an amount"),
    ("A5", "1.2.3", "not an amount"),
    ("A5", "$$5", "not an amount"),
    ("A5", "14.36 dollars", "not an amount"),
    ("A6", "1" * 16, "too large"),
    ("A6", "1." + "1" * 21, "too many decimals"),
    ("A6", "9" * 100_000, "(100,000 characters) is too large"),
    ("A7", "١٢", "not an amount"),
    ("A7", "\uff11\uff12", "not an amount"),  # full-width digits
    ("A7", "12\x00", "not an amount"),
    ("A7", "1_000", "not an amount"),
]


@pytest.mark.parametrize(
    ("row", "amount", "message"), BAD_AMOUNTS, ids=[f"{r}-{a[:12]!r}" for r, a, _ in BAD_AMOUNTS]
)
def test_A1_to_A7_bad_amounts_exit_2(row: str, amount: str, message: str, run: Run) -> None:
    one_error_line(run("convert", amount, "--to", "year"), 2, message)
    one_error_line(run("rank", "pr", amount), 2, message)
    one_error_line(run("inflate", amount, "--from", "2008"), 2, message)


# 15 digits before the point, the most allowed, and 20 after it: 2,080 times it is exactly
# 2079999999999997920.10499999999999999840, a hair below a half cent. Computed to fewer than
# 37 significant digits (Decimal's default is 28), it would round up to .11.
LARGEST = "999999999999999.00005048076923076923"


def test_A6_the_largest_amount_is_accepted_and_converted_exactly(run: Run) -> None:
    result = run("convert", LARGEST, "--to", "year")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "2079999999999997920.10\n",
        "",
    )
    streamed = CliRunner().invoke(app, ["convert", "-", "--to", "year"], input=LARGEST + "\n")
    assert (streamed.exit_code, streamed.stdout) == (0, "2079999999999997920.10\n")


def test_A6_one_digit_more_is_refused(run: Run) -> None:
    one_error_line(
        run("convert", "1000000000000000", "--to", "year"),
        2,
        "amount '1000000000000000' is too large: at most 15 digits before the point",
    )
    # Leading zeros are not digits of the amount.
    result = run("convert", "0999999999999999", "--to", "year")
    assert (result.exit_code, result.stdout) == (0, "2079999999999997920.00\n")


@pytest.mark.parametrize(
    ("amount", "year"),
    [("14.36", "29868.80"), ("$14.36", "29868.80"), ("$1,000", "2080000.00"), (".5", "1040.00"),
     ("0014.360", "29868.80"), (" 14.36 ", "29868.80"), ("0", "0.00")],
)  # fmt: skip
def test_A8_plain_amounts_are_read_exactly(amount: str, year: str, run: Run) -> None:
    result = run("convert", amount, "--to", "year")
    assert (result.exit_code, result.stdout, result.stderr) == (0, year + "\n", "")


BAD_OPTIONS = [
    ("A9", "--hours-per-week", "0", "more than 0 and at most 168"),
    ("A9", "--hours-per-week", "168.01", "more than 0 and at most 168"),
    ("A9", "--hours-per-week", "200", "more than 0 and at most 168"),
    ("A10", "--weeks-per-year", "53", "weeks per year"),
    ("A10", "--weeks-per-year", "0", "weeks per year"),
    ("A10", "--days-per-week", "8", "days per week"),
    ("A11", "--hours-per-week", "abc", "--hours-per-week takes a plain number"),
    ("A11", "--hours-per-week", "-40", "--hours-per-week takes a plain number"),
    ("A11", "--hours-per-week", "nan", "--hours-per-week takes a plain number"),
    ("A11", "--days-per-week", "1e1", "--days-per-week takes a plain number"),
]


@pytest.mark.parametrize(
    ("row", "option", "value", "message"), BAD_OPTIONS, ids=[f"{b[0]}-{b[2]}" for b in BAD_OPTIONS]
)
def test_A9_to_A11_schedule_options_out_of_range_exit_2(
    row: str, option: str, value: str, message: str, run: Run
) -> None:
    one_error_line(run("convert", "14.36", option, value), 2, message)
    one_error_line(run("compare", "cs", "pr", option, value), 2, message)


def test_A9_a_week_of_168_hours_is_the_limit(run: Run) -> None:
    result = run("convert", "1", "--hours-per-week", "168", "--to", "week")
    assert (result.exit_code, result.stdout) == (0, "168.00\n")


def test_A10_a_year_of_52_1786_weeks_is_the_limit(run: Run) -> None:
    # 365.25 / 7 = 52.178571... weeks, rounded up: 100 an hour x 40 x 52.1786 = 208,714.40.
    result = run("convert", "100", "--weeks-per-year", "52.1786", "--to", "year")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "208714.40\n", "")
    one_error_line(
        run("convert", "100", "--weeks-per-year", "52.1787", "--to", "year"),
        2,
        "weeks per year must be more than 0 and at most 52.1786, not 52.1787",
    )


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("compare", "cs", "--zzz"), "--zzz (see 'careerstats compare --help')"),
        (("--json", "compare", "cs"), "go after the command (see 'careerstats compare --help')"),
        (("data", "--zz", "import", "x"), "(see 'careerstats data import --help')"),
        (("convert",), "Missing argument 'AMOUNT' (see 'careerstats convert --help')"),
        (("nosuchcommand",), "No such command 'nosuchcommand'"),
        (("convert", "1", "--to"), "--to"),
    ],
)  # fmt: skip
def test_A12_unknown_options_and_commands_point_to_the_right_help(
    args: tuple[str, ...], hint: str, run: Run
) -> None:
    one_error_line(run(*args), 2, hint)


@pytest.mark.parametrize("args", [(), ("data",)])
def test_A13_no_command_prints_help_once(args: tuple[str, ...], run: Run) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.count("Usage:") == 1
    assert result.stderr == ""


def test_A14_json_and_csv_together_exit_2(run: Run) -> None:
    one_error_line(
        run("compare", "cs", "pr", "--json", "--csv"), 2, "choose one of --json and --csv"
    )


@pytest.mark.parametrize("year", ["1800", "2101", "x"])
def test_A15_import_year_out_of_range_exit_2(year: str, run: Run) -> None:
    one_error_line(run("data", "import", "--year", year, "x.csv"), 2, "--year")


@pytest.mark.parametrize("when", ["2008-13", "20080", "May 2008", "2025-10", "1800", "2999-01"])
def test_A16_inflation_dates_that_do_not_exist_exit_2(when: str, run: Run) -> None:
    one_error_line(run("inflate", "10", "--from", when), 2)
    one_error_line(run("compare", "cs", "pr", "--in-dollars-of", when), 2)


# ------------------------------------------------------------------ names (N)


@pytest.mark.parametrize(
    ("row", "args", "message"),
    [
        ("N1", ("compare", "cs", "customer servise"), "unknown career 'customer servise'"),
        ("N1", ("show", "zzzz"), "unknown career 'zzzz'"),
        ("N1", ("rank", "x" * 5000, "1"), "... (5,000 characters)"),
        ("N2", ("convert", "1", "--from", "fortnite"), "unknown period 'fortnite'"),
        ("N2", ("rank", "pr", "1", "--per", ""), "unknown period"),
        ("N3", ("compare", "cs", "pr", "--source", "bls-1999"), "unknown source 'bls-1999'"),
        ("N4", ("compare", "cs", "--area", "48"), "none is imported yet"),
        ("N4", ("show", "cs", "--industry", "5241"), "none is imported yet"),
        ("N5", ("data", "remove", "oews-1999"), "no OEWS data imported yet"),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 4 else "",
)
def test_N1_to_N5_unknown_names_exit_2(
    row: str, args: tuple[str, ...], message: str, run: Run
) -> None:
    one_error_line(run(*args), 2, message)


def test_N6_N7_N8_unknown_names_in_imported_data_exit_2(files: Path, run: Run) -> None:
    path = fx.write_csv(
        files / "all_data_M_2022.csv",
        fx.NATIONAL_COLUMNS,
        fx.all_data_rows(),
    )
    assert run("data", "import", path).exit_code == 0
    one_error_line(run("compare", "cs", "--area", "Texsa"), 2, "did you mean '48' (Texas)?")  # N6
    one_error_line(run("compare", "cs", "--industry", "bakeries"), 2, "unknown industry")  # N7
    one_error_line(run("data", "remove", "oews-1999"), 2, "imported: oews-2022")  # N8


# ------------------------------------------------------------------ streams (S)


def stream(run_input: str | bytes, *args: str) -> Result:
    return CliRunner().invoke(app, ["convert", "-", "--to", "year", *args], input=run_input)


def test_S1_a_bad_line_keeps_its_place_and_the_status_is_1() -> None:
    result = stream("14.36\nabc\n15.81\n")
    assert result.exit_code == 1
    assert result.stdout == "29868.80\n\n32884.80\n"
    assert result.stderr.splitlines() == [
        "careerstats: line 2: not an amount: 'abc'; write a plain number such as 14.36, "
        "51280, $51,280 or 55k",
        "careerstats: error: lines that were not amounts: 1; their output lines are empty",
    ]


def test_S2_a_last_line_without_a_newline_is_converted() -> None:
    result = stream("14.36\n15.81")
    assert (result.exit_code, result.stdout) == (0, "29868.80\n32884.80\n")


def test_S3_blank_lines_are_bad_lines_that_keep_their_place() -> None:
    result = stream("14.36\n\n  \n15.81\n")
    assert result.exit_code == 1
    assert result.stdout == "29868.80\n\n\n32884.80\n"
    assert "line 2: empty amount" in result.stderr
    assert "line 3: empty amount" in result.stderr


def test_S4_bytes_that_are_not_utf8_are_a_bad_line() -> None:
    result = stream(b"14.36\n\xff\xfe12\n15.81\n")
    assert result.exit_code == 1
    assert result.stdout == "29868.80\n\n32884.80\n"
    assert "line 2: not an amount" in result.stderr


def test_S5_json_does_not_apply_to_a_stream(run: Run) -> None:
    one_error_line(run("convert", "-", "--json"), 2, "use --jsonl for JSON lines")


def test_S7_windows_line_endings_are_read() -> None:
    result = stream("14.36\r\n15.81\r\n")
    assert (result.exit_code, result.stdout) == (0, "29868.80\n32884.80\n")


def test_S8_a_megabyte_line_is_one_bad_line_with_a_short_message() -> None:
    result = stream("9" * 1_000_000 + "\n14.36\n")
    assert result.exit_code == 1
    assert result.stdout == "\n29868.80\n"
    first = result.stderr.splitlines()[0]
    assert first == "careerstats: line 1: longer than 65536 bytes: not an amount"


def test_S1_many_bad_lines_are_all_counted() -> None:
    lines = "\n".join("x" if n % 3 == 0 else "1" for n in range(3000)) + "\n"
    result = stream(lines)
    assert result.exit_code == 1
    output = result.stdout.split("\n")[:-1]
    assert len(output) == 3000
    assert all((line == "") == (n % 3 == 0) for n, line in enumerate(output))
    assert result.stderr.endswith(
        "lines that were not amounts: 1,000; their output lines are empty\n"
    )


def test_A19_list_csv_without_a_source_is_the_newest_releases_occupations(run: Run) -> None:
    result = run("list", "--csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "source_id,major_group,major_group_title,soc,title,level,career_id,aliases",
        "oews-2024,11-0000,Management Occupations,11-1011,Chief Executives,detailed,,",
    ]
    assert (
        "oews-2024,43-0000,Office and Administrative Support Occupations,43-4051,"
        "Customer Service Representatives,detailed,customer-service-representatives,"
        "cs; csr; customer service; customer service representative; customer service rep" in lines
    )
    assert run("list", "--source", "oews-2024", "--csv").stdout.startswith(
        "source_id,soc,title,groups,employment,period,statistic,value,at_least,"
        "only_published_per\noews-2024,00-0000,All Occupations,total,154187380,hour,mean,32.66,"
    )
