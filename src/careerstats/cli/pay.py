"""`careerstats convert` and `careerstats inflate`: pay between periods, and between dates."""

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import completing, options, pay_options
from careerstats.cli.errors import PROG, fail
from careerstats.cli.output import CsvOption, JsonOption, chosen, write
from careerstats.cli.root import app
from careerstats.errors import DataError, UsageError

if TYPE_CHECKING:
    from careerstats.core.periods import Period, Schedule


@app.command()
def convert(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="Pay such as 14.36, 51280.00, '$51,280' or 55k; '-' reads amounts from "
            "stdin, one per line.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--from",
            "-f",
            metavar="PERIOD",
            help="Period AMOUNT is paid per.",
            autocompletion=completing.period,
        ),
    ] = "hour",
    target: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            metavar="PERIOD",
            autocompletion=completing.period,
            help="Print only this period's amount: 2 decimals, no symbols. "
            "Without it: a table of every period.",
        ),
    ] = None,
    hours_per_week: options.HoursOption = "40",
    weeks_per_year: options.WeeksOption = "52",
    days_per_week: options.DaysOption = "5",
    overtime_hours: pay_options.OvertimeHoursOption = None,
    overtime_multiplier: pay_options.OvertimeMultiplierOption = "1.5",
    differential: pay_options.DifferentialOption = None,
    differential_hours: pay_options.DifferentialHoursOption = None,
    bonus: pay_options.BonusOption = None,
    commission: pay_options.CommissionOption = None,
    unpaid_weeks: pay_options.UnpaidWeeksOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    as_jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="With AMOUNT '-': one JSON object per input line, streamed "
            '({"amount": 14.36, "from": "hour", "to": "year", "result": 29868.8}; '
            "a line that is not an amount gets null).",
        ),
    ] = False,
    quiet: options.QuietOption = False,
) -> None:
    """Convert pay between periods exactly (hour day week biweek semimonth month quarter year).

    With extra pay (overtime, a shift differential, bonus, commission, unpaid weeks), the
    year's gross pay part by part, spread over each period.

    Examples: careerstats convert 14.36 --from hour --to year  ->  29868.80;
    careerstats convert 55k --from year;  seq 10 20 | careerstats convert - --to year;
    careerstats convert - --from year --to hour --jsonl < salaries.txt
    """
    output = chosen(as_json, as_csv)
    schedule = options.schedule(hours_per_week, weeks_per_year, days_per_week)
    from_period = options.period(source)
    to_period = options.period(target) if target is not None else None
    extra_pay = (
        overtime_hours,
        overtime_multiplier,
        differential,
        differential_hours,
        bonus,
        commission,
        unpaid_weeks,
    )
    if not pay_options.nothing_asked(extra_pay):
        if amount.strip() == "-":
            raise UsageError("extra pay does not apply to streamed amounts ('-')")
        from careerstats.core.gross import gross_pay
        from careerstats.core.money import parse_amount

        extra = pay_options.extra_pay(*extra_pay, schedule.hours_per_week)
        gross = gross_pay(parse_amount(amount), from_period, schedule, extra)
        write("gross", gross, output, target=to_period, warnings=gross.notes)
        return
    if amount.strip() == "-":
        if as_json or as_csv:
            raise UsageError(
                "streamed amounts ('-') are written one per line: use --jsonl for JSON lines"
            )
        raise typer.Exit(_stream(from_period, to_period, schedule, as_jsonl))
    if as_jsonl:
        raise UsageError("--jsonl streams amounts read from stdin: give '-' as AMOUNT")

    from careerstats.core.conversion import convert_to_every_period
    from careerstats.core.money import parse_amount

    result = convert_to_every_period(parse_amount(amount), from_period, schedule)
    write("conversion", result, output, target=to_period)


def _stream(source: "Period", target: "Period | None", schedule: "Schedule", as_jsonl: bool) -> int:
    """One result line per input line; exit status 1 if any line was not an amount."""
    from careerstats.cli.streaming import JsonLines, stream
    from careerstats.core.cents import CentsConverter
    from careerstats.core.periods import Period

    cents = CentsConverter(source, target or Period.YEAR, schedule)
    converter = JsonLines(cents, source, target or Period.YEAR) if as_jsonl else cents
    blank = "null" if as_jsonl else ""
    bad = stream(converter, _stdin_reader(), sys.stdout, sys.stderr, PROG, blank=blank)
    if bad:
        shown = "null" if as_jsonl else "empty"
        fail(f"lines that were not amounts: {bad:,}; their output lines are {shown}", 1)
    return 0


def _stdin_reader() -> Callable[[int], bytes]:
    """Read what has arrived, up to n bytes, without waiting for a full block."""
    import os

    if sys.stdin is None:  # `<&-`: Python leaves no stream at all
        raise DataError("standard input is closed: nothing to read for '-'; pipe amounts in")
    try:
        descriptor = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # a test runner's in-memory stdin
        buffer = sys.stdin.buffer
        return getattr(buffer, "read1", buffer.read)
    return lambda size: os.read(descriptor, size)


@app.command()
def inflate(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT", help="An amount such as 14.36 or '$51,280'.", show_default=False
        ),
    ],
    source: Annotated[
        str,
        typer.Option(
            "--from",
            "-f",
            metavar="WHEN",
            help="Whose dollars AMOUNT is in: YYYY-MM (a month) or YYYY (a year's annual average).",
            show_default=False,
        ),
    ],
    target: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            metavar="WHEN",
            help="The dollars to express it in: YYYY-MM, YYYY, or latest (also today): the "
            "newest month of the table, the default.",
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Adjust an amount for inflation with the CPI-U (series CUUR0000SA0), either way in time.

    result = AMOUNT x index(--to) / index(--from), from the bundled table of BLS's published
    indexes. A date without an index is an error naming the nearest months that have one.

    Examples: careerstats inflate 14.36 --from 2008-05 --to 2026-08  ->  $22.20;
    careerstats inflate 10 --from 2020 --to latest
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.money import parse_amount
    from careerstats.sources.cpi import bundled_cpi

    value = parse_amount(amount)
    table = bundled_cpi()
    start = options.when(source)
    assert start is not None  # --from is required
    result = table.adjust(value, start, options.when(target))
    write("adjustment", result, output, table=table)
