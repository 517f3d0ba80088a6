"""Property-based and fuzz tests (docs/errors.md, rows F1-F6): whatever arrives, careerstats
gives a correct result or a clean error, never an exception.

Exceptions are not caught by the runner (`catch_exceptions=False`), so any traceback a
user could see fails the test.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import oews_files as fx
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from careerstats.cli import app
from careerstats.core.model import Catalog, SourceRelease
from careerstats.core.periods import Period
from careerstats.errors import DataError
from careerstats.sources import oews
from careerstats.sources.datafiles import parse_yaml, validate

RUNNER = CliRunner()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def invoke(*args: str) -> Result:
    return RUNNER.invoke(app, list(args), catch_exceptions=False)


def clean_usage_error(result: Result) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: ")
    assert result.stderr.count("\n") == 1


# ------------------------------------------------------------------ a reference, by hand
# What an amount is (docs/errors.md, A1-A8) and what it is worth, written out here with
# integers and fractions, so the expected values owe nothing to the code under test.

DIGITS = frozenset("0123456789")


def digits(text: str) -> bool:
    return text != "" and set(text) <= DIGITS


def reference_amount(text: str, scale: int = 0) -> Fraction | None:
    """The amount `text` states (`$` first, `,` between groups of three) times 10**scale, or
    None if refused."""
    body = text.strip().removeprefix("$")
    whole, point, places = body.partition(".")
    if (point and not digits(places)) or (not whole and not point):
        return None
    if "," in whole:
        first, *groups = whole.split(",")
        if not (
            digits(first) and len(first) <= 3 and all(digits(g) and len(g) == 3 for g in groups)
        ):
            return None
    elif whole and not digits(whole):
        return None
    number = whole.replace(",", "")
    meant = number + places[:scale].ljust(scale, "0")
    if len(meant.lstrip("0")) > 15 or len(places) - scale > 20:
        return None
    stated = Fraction(int(number or "0")) + Fraction(int(places or "0"), 10 ** len(places))
    return stated * 10**scale


def reference_typed_amount(text: str) -> Fraction | None:
    """As `reference_amount`, and a trailing `k` or `K` counts thousands (docs/errors.md A20):
    the 15-digit and 20-decimal limits apply to the amount meant (`1.5k` is 1500)."""
    body = text.strip()
    if not body.endswith(("k", "K")):
        return reference_amount(text)
    return reference_amount(body[:-1], scale=3) if body[:-1] == body[:-1].rstrip() else None


def cents_text(exact: Fraction) -> str:
    """`exact` rounded half-up to the cent, written `1234.50`."""
    cents = (exact * 200 + 1) // 2
    return f"{cents // 100}.{cents % 100:02d}"


def hours_in(period: Period, week: Fraction, year: Fraction, days: Fraction) -> Fraction:
    """Working hours in a period, given hours per week and per year and days per week."""
    return {
        Period.HOUR: Fraction(1),
        Period.DAY: week / days,
        Period.WEEK: week,
        Period.BIWEEK: 2 * week,
        Period.SEMIMONTH: year / 24,
        Period.MONTH: year / 12,
        Period.QUARTER: year / 4,
        Period.YEAR: year,
    }[period]


# ------------------------------------------------------------------ amounts and schedules

amount_like = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789.,$- eE+naifINF_\tkK", max_size=25),
    # Thousands as people type them (55k, $1.5K), around the limits too.
    st.decimals(min_value=0, max_value=10**13, places=4).map(lambda d: f"{d}k"),
    st.decimals(min_value=0, max_value=10**14, places=2).map(str),
    st.integers(min_value=0, max_value=10**20).map(lambda n: f"${n:,}"),
    # Digit groups joined by commas, right and wrong ("51,280", "5,1280", "1,00,000").
    st.lists(st.text(alphabet="0123456789", min_size=1, max_size=4), min_size=1, max_size=5).map(
        ",".join
    ),
    # Around the 15-digit limit, with and without leading zeros.
    st.integers(min_value=10**14 - 10, max_value=10**15 + 10).map(lambda n: f"{n:016d}"[-16:]),
    # Exact half cents a year: (2j + 1) x 0.00003125 x 2,080 = (2j + 1) x 0.065.
    st.integers(min_value=0, max_value=10**9).map(
        lambda j: f"{(2 * j + 1) * Decimal('0.00003125'):f}"
    ),
)


@FAST
@given(amount_like)
def test_F1_any_amount_text_converts_exactly_or_is_refused(text: str) -> None:
    if text.startswith("-") and text != "-":
        return  # an option to the parser (see A4); covered there
    if text.strip() == "-":
        return  # the stream, covered by S1-S8
    result = invoke("convert", text, "--to", "year")
    amount = reference_typed_amount(text)
    if amount is None:
        clean_usage_error(result)
        return
    assert result.exit_code == 0, result.stderr
    assert result.stdout == cents_text(amount * 2080) + "\n"


thousands_typed = st.builds(
    lambda whole, places, dollar, comma, big: (
        ("$" if dollar else "")
        + (f"{whole:,}" if comma else str(whole))
        + (f".{places}" if places else "")
        + ("K" if big else "k")
    ),
    st.integers(min_value=0, max_value=10**11),
    st.text(alphabet="0123456789", max_size=6),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)


@FAST
@given(st.lists(thousands_typed, min_size=1, max_size=20))
def test_F7_streams_of_amounts_in_thousands_convert_exactly(texts: list[str]) -> None:
    meant = [reference_typed_amount(text) for text in texts]
    assert None not in meant  # every text drawn is a well-formed amount
    stream_input = "".join(f"{text}\n" for text in texts)
    plain_run = RUNNER.invoke(app, ["convert", "-", "--to", "year"], input=stream_input)
    assert plain_run.exit_code == 0, plain_run.stderr
    assert plain_run.stdout.splitlines() == [cents_text(m * 2080) for m in meant if m is not None]
    lines = RUNNER.invoke(app, ["convert", "-", "--to", "year", "--jsonl"], input=stream_input)
    assert lines.exit_code == 0, lines.stderr
    decoded = [
        json.loads(line, parse_float=Fraction, parse_int=Fraction)
        for line in lines.stdout.splitlines()
    ]
    assert [line["amount"] for line in decoded] == meant


option_values = st.one_of(
    st.text(max_size=12),
    st.decimals(min_value=-10, max_value=400, places=3).map(str),
    st.sampled_from(["0", "168", "168.0001", "52.1786", "52.1787", "7", "7.01", "nan", "1e2"]),
    # Just inside and just outside each limit: 7 days, 52.1786 weeks, 168 hours.
    st.sampled_from([Decimal(7), Decimal("52.1786"), Decimal(168)])
    .flatmap(lambda limit: st.decimals(min_value=limit - 1, max_value=limit + 1, places=4))
    .map(str),
)


@FAST
@given(hours=option_values, weeks=option_values, days=option_values)
def test_F2_any_schedule_options_give_a_result_or_one_usage_line(
    hours: str, weeks: str, days: str
) -> None:
    if any(value.startswith("-") for value in (hours, weeks, days)):
        return  # taken for options by the parser, which reports them itself
    result = invoke(
        "convert", "14.36", "--json",
        "--hours-per-week", hours, "--weeks-per-year", weeks, "--days-per-week", days,
    )  # fmt: skip
    week, per_year, per_week = (reference_amount(v) for v in (hours, weeks, days))
    if not (
        week is not None
        and per_year is not None
        and per_week is not None
        and 0 < week <= 168
        and 0 < per_year <= Fraction("52.1786")
        and 0 < per_week <= 7
    ):
        clean_usage_error(result)
        return
    assert result.exit_code == 0, result.stderr
    amounts = json.loads(result.stdout, parse_float=Decimal)["amounts"]
    assert amounts == {
        period.value: Decimal(
            cents_text(Fraction("14.36") * hours_in(period, week, week * per_year, per_week))
        )
        for period in Period
    }


@FAST
@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=10**9, places=2),
    source=st.sampled_from(list(Period)),
    target=st.sampled_from(list(Period)),
    hours=st.decimals(min_value=Decimal("0.5"), max_value=168, places=1),
    weeks=st.decimals(min_value=1, max_value=Decimal("52.1786"), places=4),
    days=st.decimals(min_value=Decimal("0.5"), max_value=7, places=1),
)
def test_F3_period_pairs_round_trip_to_the_cent(
    amount: Decimal, source: Period, target: Period, hours: Decimal, weeks: Decimal, days: Decimal
) -> None:
    common = ["--hours-per-week", str(hours), "--weeks-per-year", str(weeks)]
    common += ["--days-per-week", str(days)]
    week = Fraction(hours)
    year = week * Fraction(weeks)
    ratio = hours_in(target, week, year, Fraction(days)) / hours_in(
        source, week, year, Fraction(days)
    )
    there = invoke("convert", str(amount), "--from", source.value, "--to", target.value, *common)
    assert there.exit_code == 0, there.stderr
    assert there.stdout == cents_text(Fraction(amount) * ratio) + "\n"
    # And back from the rounded figure: each leg exact to the cent, so the start is missed
    # by at most half a cent each way, the first half cent scaled back by the ratio.
    shown = Fraction(Decimal(there.stdout))
    back = invoke(
        "convert", there.stdout.strip(), "--from", target.value, "--to", source.value, *common
    )
    assert back.exit_code == 0, back.stderr
    assert back.stdout == cents_text(shown / ratio) + "\n"
    assert abs(Fraction(Decimal(back.stdout)) - Fraction(amount)) <= Fraction(1, 200) * (
        1 + 1 / ratio
    )


# ------------------------------------------------------------------ dataset documents

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**6, min_value=-1),
    st.text(max_size=20),
    st.sampled_from(["hour", "year", "median", "p10", "43-4051", "2008-05", "bls-2008"]),
)
keys = st.one_of(
    st.sampled_from(
        ["id", "publisher", "program", "title", "reference_period", "careers", "career",
         "wages", "hour", "year", "median", "p10", "p90", "mean", "notes", "soc", "aliases",
         "summary", "classification", "cited_in"]
    ),
    st.text(max_size=8),
)  # fmt: skip
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=30,
)


def yaml_text(document: Any) -> str:
    def plain_data(value: Any) -> Any:
        if isinstance(value, Decimal):
            return float(value)
        if isinstance(value, list):
            return [plain_data(v) for v in value]
        if isinstance(value, dict):
            return {k: plain_data(v) for k, v in value.items()}
        return value

    return yaml.safe_dump(plain_data(document), allow_unicode=True)


@FAST
@given(documents, st.sampled_from([SourceRelease, Catalog]))
def test_F4_any_document_validates_or_is_one_data_error(document: Any, model: type) -> None:
    text = yaml_text(document)
    try:
        validate(model, parse_yaml(text, "fuzz.yaml"), "fuzz.yaml", text=text)
    except DataError as error:
        message = str(error)
    else:
        return
    assert message.startswith("fuzz.yaml")
    assert "\n" not in message


# Random text is rarely YAML at all, and YAML is rarely a mapping: most texts start from a
# real source file, edited a few characters or lines at a time, so that most of them parse
# and reach the schema, and some still pass it.
DATA = Path(__file__).parents[1] / "data"
SOURCE_TEXTS = [
    (DATA / name).read_text(encoding="utf-8")
    for name in ("bls_2008.yaml", "bls_2017.yaml", "payscale.yaml")
]
positions = st.integers(min_value=0, max_value=2**16)  # of a character, line or number
text_edits = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace", "value", "drop line", "repeat line"]),
            positions,
            st.one_of(
                st.text(max_size=6),
                st.sampled_from([": ", "- ", "  ", "\n", "'", "[]", "{}", "x", "2008-13"]),
            ),
        ),
        # A figure, code or date changed: what the schema itself must refuse, deep inside.
        st.tuples(
            st.just("number"),
            positions,
            st.sampled_from(["0", "-1", "-0", "0.5", "1e3", "9" * 16, "0x1F", "1_000", "12345"]),
        ),
    ),
    max_size=4,
)


def edited(text: str, edits: list[tuple[str, int, str]]) -> str:
    for kind, where, piece in edits:
        at = where % (len(text) + 1)
        lines = text.splitlines(keepends=True) or [""]
        line = where % len(lines)
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + 1 + len(piece) :]
        elif kind == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        elif kind == "number":  # a figure, a code or a date: one of its numbers becomes `piece`
            numbers = list(re.finditer(r"[0-9]+(?:\.[0-9]+)?", text))
            if numbers:
                found = numbers[where % len(numbers)]
                text = text[: found.start()] + piece + text[found.end() :]
        elif kind == "value":  # a line's value, after its key, becomes `piece`
            key, colon, _ = lines[line].partition(": ")
            lines[line] = f"{key}{colon or ': '}{piece}\n"
            text = "".join(lines)
        else:
            copies = 0 if kind == "drop line" else 2
            text = "".join(lines[:line] + lines[line : line + 1] * copies + lines[line + 1 :])
    return text


F4_TEXTS = st.one_of(  # an edited source file three times in four
    st.text(max_size=200),
    st.builds(edited, st.sampled_from(SOURCE_TEXTS), text_edits),
    st.builds(edited, st.sampled_from(SOURCE_TEXTS), text_edits),
    st.builds(edited, st.sampled_from(SOURCE_TEXTS), text_edits),
)


def reaches_the_schema(text: str) -> bool:
    """Whether `text` is YAML for a mapping, so that validation looks inside it."""
    try:
        return isinstance(parse_yaml(text, "fuzz.yaml"), dict)
    except DataError:
        return False


def valid(text: str) -> bool:
    try:
        validate(SourceRelease, parse_yaml(text, "fuzz.yaml"), "fuzz.yaml", text=text)
    except DataError:
        return False
    return True


@FAST
@given(F4_TEXTS)
def test_F4_any_text_parses_or_is_one_data_error(text: str) -> None:
    try:
        document = parse_yaml(text, "fuzz.yaml")
        event(f"parsed to a {type(document).__name__}")
        validate(SourceRelease, document, "fuzz.yaml", text=text)
    except DataError as error:
        message = str(error)
    else:
        event("valid")
        return
    assert message.startswith("fuzz.yaml")


def test_F4_most_texts_reach_the_schema_and_some_pass_it() -> None:
    # The same 200 texts every run: the strategy, not chance, must keep reaching the schema.
    reached: list[bool] = []
    passed: list[bool] = []

    @settings(max_examples=200, derandomize=True, database=None, deadline=None)
    @given(F4_TEXTS)
    def draw(text: str) -> None:
        reached.append(reaches_the_schema(text))
        passed.append(reached[-1] and valid(text))

    draw()
    assert sum(reached) >= len(reached) / 4, (sum(reached), len(reached))
    assert sum(passed) >= len(passed) / 20, (sum(passed), len(passed))


# ------------------------------------------------------------------ OEWS files


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    directory = tmp_path_factory.mktemp("workbook")
    return fx.national_xlsx(directory).read_bytes()


def read_file(tmp: Path, name: str, content: bytes) -> bool:
    """Whether the file was read (else refused in one line naming it)."""
    path = tmp / name
    path.write_bytes(content)
    try:
        parsed = oews.read(path, 2024)
    except DataError as error:
        message = str(error)
    else:
        assert parsed.rows
        return True
    assert message.startswith(f"{name}: ")
    assert "\n" not in message
    return False


SETTINGS_FILES = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS_FILES
@given(content=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".xls"]))
def test_F5_random_bytes_as_an_oews_file_are_a_data_error(
    content: bytes, suffix: str, tmp_path: Path
) -> None:
    read_file(tmp_path, f"fuzz_M2024_dl{suffix}", content)


@SETTINGS_FILES
@given(data=st.data())
def test_F5_a_damaged_workbook_is_a_data_error(
    data: st.DataObject, workbook: bytes, tmp_path: Path
) -> None:
    damaged = bytearray(workbook)
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        position = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[position] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=0, max_value=len(damaged)))
    read_file(tmp_path, "fuzz_M2024_dl.xlsx", bytes(damaged[:cut] if cut % 3 == 0 else damaged))


# Random rows are almost never readable: most start from the real rows of a national file,
# with a few cells replaced, rows cut short or lengthened, so that many files are read and
# the rest fail on one cell.
REAL_ROWS = [[str(cell) for cell in row] for row in fx.national_rows()]
cells = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["*", "**", "#", "~", "43-4051", "12.5", "1,000", "", "-1", "TRUE"]),
)
random_rows = st.lists(st.lists(cells, max_size=len(fx.NATIONAL_COLUMNS) + 2), max_size=8)
row_edits = st.lists(
    st.tuples(
        st.sampled_from(["set", "cut", "add"]),
        st.integers(min_value=0, max_value=len(REAL_ROWS) - 1),  # which row
        st.integers(min_value=0, max_value=len(fx.NATIONAL_COLUMNS) - 1),  # which cell
        cells,
    ),
    max_size=3,
)


def edited_rows(picks: list[int], edits: list[tuple[str, int, int, str]]) -> list[list[str]]:
    rows = [list(REAL_ROWS[pick]) for pick in picks]
    for kind, row, column, value in edits:
        changed = rows[row % len(rows)]
        if kind == "cut":
            del changed[column:]
        elif kind == "set" and column < len(changed):
            changed[column] = value
        else:
            changed.append(value)
    return rows


real_rows_edited = st.builds(
    edited_rows,
    st.lists(st.integers(min_value=0, max_value=len(REAL_ROWS) - 1), min_size=1, max_size=8),
    row_edits,
)
F6_ROWS = st.one_of(random_rows, real_rows_edited, real_rows_edited, real_rows_edited)


def csv_file(rows: list[list[str]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fx.NATIONAL_COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode()


@SETTINGS_FILES
@given(rows=F6_ROWS)
def test_F6_random_rows_under_a_real_header_are_read_or_a_data_error(
    rows: list[list[str]], tmp_path: Path
) -> None:
    event("read" if read_file(tmp_path, "fuzz_M2024_dl.csv", csv_file(rows)) else "refused")


def test_F6_many_files_are_read_and_many_are_refused(tmp_path: Path) -> None:
    # The same 200 files every run: many must be read for the fuzzing to reach the rows.
    outcomes: list[bool] = []

    @settings(max_examples=200, derandomize=True, database=None, deadline=None)
    @given(F6_ROWS)
    def draw(rows: list[list[str]]) -> None:
        outcomes.append(read_file(tmp_path, "fuzz_M2024_dl.csv", csv_file(rows)))

    draw()
    assert len(outcomes) / 8 <= sum(outcomes) <= len(outcomes) * 7 / 8, sum(outcomes)


def test_F5_a_zip_that_is_not_a_workbook_is_a_data_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<not-a-workbook")
    read_file(tmp_path, "fuzz_M2024_dl.xlsx", buffer.getvalue())
