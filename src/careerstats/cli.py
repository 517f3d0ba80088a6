"""The `careerstats` command: parses arguments, calls the core, picks a renderer.

No arithmetic here. Imports stay inside the commands so that `convert` loads neither
pydantic, Rich nor YAML, and `--json` never loads Rich.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli_errors import PROG, CareerstatsGroup, fail
from careerstats.errors import UsageError
from careerstats.wording import quoted

if TYPE_CHECKING:
    from careerstats.comparison import Comparison
    from careerstats.dataset import Dataset
    from careerstats.inflation import When
    from careerstats.periods import Period, Schedule

app = typer.Typer(
    cls=CareerstatsGroup,
    name=PROG,
    help="Salary and career statistics from published BLS and PayScale figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(asked: bool) -> None:
    if asked:
        from careerstats import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Salary and career statistics from published BLS and PayScale figures."""


def _dataset(area: str | None = None, industry: str | None = None) -> Dataset:
    """The data a command reads, with a warning on stderr when imported data is left out."""
    from careerstats.dataset import open_dataset

    dataset = open_dataset(area, industry)
    if dataset.store_problem:
        sys.stderr.write(f"{PROG}: warning: {dataset.store_problem}; showing bundled data only\n")
    return dataset


# ------------------------------------------------------------------ shared options

HoursOption = Annotated[
    str, typer.Option("--hours-per-week", metavar="H", help="Working hours in a week (0-168].")
]
WeeksOption = Annotated[
    str, typer.Option("--weeks-per-year", metavar="W", help="Working weeks in a year (0-52.1786].")
]
DaysOption = Annotated[
    str, typer.Option("--days-per-week", metavar="D", help="Working days in a week (0-7].")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout.")]
InDollarsOfOption = Annotated[
    str | None,
    typer.Option(
        "--in-dollars-of",
        metavar="WHEN",
        help="Adjust every figure for inflation (CPI-U) from its release's reference month "
        "to WHEN: YYYY-MM or YYYY. Releases with no reference date are left as published.",
    ),
]
ChartOption = Annotated[
    bool, typer.Option("--chart/--no-chart", help="Draw the distribution chart (tables only).")
]
AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        metavar="CODE|NAME",
        help="Area of imported OEWS data: code or name (48, Texas). Default: the nation.",
    ),
]
IndustryOption = Annotated[
    str | None,
    typer.Option(
        "--industry",
        metavar="NAICS|TITLE",
        help="Industry of imported OEWS data: NAICS code or title. Default: cross-industry.",
    ),
]


def _schedule(hours: str, weeks: str, days: str) -> Schedule:
    from careerstats.periods import Schedule

    return Schedule(
        hours_per_week=_positive(hours, "--hours-per-week"),
        weeks_per_year=_positive(weeks, "--weeks-per-year"),
        days_per_week=_positive(days, "--days-per-week"),
    )


def _positive(text: str, option: str) -> Decimal:
    from careerstats.money import AmountError, parse_amount

    try:
        return parse_amount(text)
    except AmountError:
        raise UsageError(
            f"{option} takes a plain number such as 40 or 37.5, not {quoted(text)}"
        ) from None


def _when(text: str | None) -> When | None:
    if text is None:
        return None
    from careerstats.inflation import When

    return When.parse(text)


def _period(text: str) -> Period:
    from careerstats.periods import Period

    return Period.parse(text)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


# ------------------------------------------------------------------ convert


@app.command()
def convert(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="Pay such as 14.36, 51280.00 or '$51,280'; '-' reads amounts from stdin, "
            "one per line.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str, typer.Option("--from", "-f", metavar="PERIOD", help="Period AMOUNT is paid per.")
    ] = "hour",
    target: Annotated[
        str | None,
        typer.Option(
            "--to",
            "-t",
            metavar="PERIOD",
            help="Print only this period's amount: 2 decimals, no symbols. "
            "Without it: a table of every period.",
        ),
    ] = None,
    hours_per_week: HoursOption = "40",
    weeks_per_year: WeeksOption = "52",
    days_per_week: DaysOption = "5",
    as_json: JsonOption = False,
) -> None:
    """Convert pay between periods exactly (hour day week biweek semimonth month quarter year).

    Example: careerstats convert 14.36 --from hour --to year  ->  29868.80
    """
    schedule = _schedule(hours_per_week, weeks_per_year, days_per_week)
    from_period = _period(source)
    to_period = _period(target) if target is not None else None
    if amount.strip() == "-":
        raise typer.Exit(_stream(from_period, to_period, schedule, as_json))

    from careerstats.conversion import convert_to_every_period
    from careerstats.money import parse_amount, plain

    result = convert_to_every_period(parse_amount(amount), from_period, schedule)
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.conversion(result, to_period)))
    elif to_period is not None:
        _write(plain(result.amounts[to_period]) + "\n")
    else:
        from careerstats.render.common import console
        from careerstats.render.convert_view import conversion_table

        console().print(conversion_table(result))


def _stream(source: Period, target: Period | None, schedule: Schedule, as_json: bool) -> int:
    """One result line per input line; exit status 1 if any line was not an amount."""
    from careerstats.cents import CentsConverter
    from careerstats.periods import Period
    from careerstats.streaming import stream

    if as_json:
        raise UsageError("--json does not apply to streamed amounts ('-'); use --to PERIOD")
    converter = CentsConverter(source, target or Period.YEAR, schedule)
    bad = stream(converter, _stdin_reader(), sys.stdout, sys.stderr, PROG)
    if bad:
        fail(f"lines that were not amounts: {bad:,}; their output lines are empty", 1)
    return 0


def _stdin_reader() -> Callable[[int], bytes]:
    """Read what has arrived, up to n bytes, without waiting for a full block."""
    import os

    try:
        descriptor = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # a test runner's in-memory stdin
        buffer = sys.stdin.buffer
        return getattr(buffer, "read1", buffer.read)
    return lambda size: os.read(descriptor, size)


# ------------------------------------------------------------------ rank


@app.command()
def rank(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER", help="Career by id, alias, SOC code or title.", show_default=False
        ),
    ],
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT", help="Pay such as 40000 or '$51,280'.", show_default=False
        ),
    ],
    per: Annotated[
        str, typer.Option("--per", "-p", metavar="PERIOD", help="Period AMOUNT is paid per.")
    ] = "year",
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            help="Source release. Default: the newest with at least two percentile points "
            "for the career.",
        ),
    ] = None,
    hours_per_week: HoursOption = "40",
    weeks_per_year: WeeksOption = "52",
    days_per_week: DaysOption = "5",
    area: AreaOption = None,
    industry: IndustryOption = None,
    in_dollars_of: InDollarsOfOption = None,
    as_json: JsonOption = False,
) -> None:
    """Where an amount ranks among a career's wages, as a percentile.

    Method: linear interpolation between the release's percentile points (10th, 25th,
    median, 75th, 90th; those published, or derived at the schedule for --per and taken at
    the cent). An amount equal to a point gets exactly that percentile. Outside the
    outermost points nothing is extrapolated: the answer is "below the 10th" or "above the
    90th" (JSON: percentile null, position below/above). A top-coded point of imported OEWS
    data ("at or above $115.00 an hour") is a bound, never interpolated against: an amount
    between the last exact point and the ceiling is "between the 75th and the 90th".

    Example: careerstats rank pr 40000 --per year
    """
    from careerstats.money import parse_amount
    from careerstats.ranking import rank as run_rank

    value = parse_amount(amount)
    period = _period(per)
    schedule = _schedule(hours_per_week, weeks_per_year, days_per_week)
    dataset = _dataset(area, industry)
    result = run_rank(
        dataset,
        dataset.career(career),
        value,
        period,
        source,
        schedule,
        in_dollars_of=_when(in_dollars_of),
    )
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.rank(result)))
    else:
        from careerstats.render.common import console
        from careerstats.render.rank_view import rank_view

        console().print(rank_view(result))
    from careerstats.render.rank_view import period_note

    note = period_note(result)
    if note:
        sys.stderr.write(f"note: {note}\n")


# ------------------------------------------------------------------ inflate


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
            help="The dollars to express it in (YYYY-MM or YYYY). Default: the newest month.",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Adjust an amount for inflation with the CPI-U (series CUUR0000SA0), either way in time.

    result = AMOUNT x index(--to) / index(--from), from the bundled table of BLS's published
    indexes. A date without an index is an error naming the nearest months that have one.

    Example: careerstats inflate 14.36 --from 2008-05 --to 2026-08  ->  $22.20
    """
    from careerstats.inflation import When, bundled_cpi
    from careerstats.money import parse_amount

    value = parse_amount(amount)
    table = bundled_cpi()
    result = table.adjust(value, When.parse(source), When.parse(target) if target else None)
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.adjustment(result, table)))
    else:
        from careerstats.render import plaintext

        _write(plaintext.adjustment(result, table))


# ------------------------------------------------------------------ compare, show, list, sources


@app.command()
def compare(
    careers: Annotated[
        list[str],
        typer.Argument(
            metavar="CAREER...",
            help="Careers by id, alias (cs, pr), SOC code (43-4051) or title.",
            show_default=False,
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID|all",
            help="Source release (see 'careerstats sources'); 'all' shows each career once "
            "per source. Default: the newest dated release covering every career.",
        ),
    ] = None,
    area: AreaOption = None,
    industry: IndustryOption = None,
    hours_per_week: HoursOption = "40",
    weeks_per_year: WeeksOption = "52",
    days_per_week: DaysOption = "5",
    as_json: JsonOption = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Write CSV to stdout, one row per figure.")
    ] = False,
    in_dollars_of: InDollarsOfOption = None,
    chart: ChartOption = True,
) -> None:
    """Compare careers' pay side by side: published figures, derived ones marked, and sources.

    Example: careerstats compare cs pr
    """
    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    from careerstats.comparison import compare as run_compare

    schedule = _schedule(hours_per_week, weeks_per_year, days_per_week)
    dataset = _dataset(area, industry)
    result = run_compare(
        dataset,
        [dataset.career(name) for name in careers],
        source,
        schedule,
        in_dollars_of=_when(in_dollars_of),
    )
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.comparison(result)))
    elif as_csv:
        from careerstats.render import csvout

        csvout.write_comparison(result, sys.stdout)
    else:
        _print_comparison(result, chart)


def _print_comparison(result: Comparison, chart: bool) -> None:
    from careerstats.render.common import console, source_notes
    from careerstats.render.compare_view import comparison_view

    out = console()
    out.print(comparison_view(result))
    if chart:
        from careerstats.render.chart import distribution_chart

        out.print(distribution_chart(result.rows))
    notes = source_notes(result.releases, result.rows)
    if notes:
        err = console(stderr=True)
        for note in notes:
            err.print(f"note: {note}", style="dim", soft_wrap=False)


@app.command()
def show(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER", help="Career by id, alias, SOC code or title.", show_default=False
        ),
    ],
    area: AreaOption = None,
    industry: IndustryOption = None,
    hours_per_week: HoursOption = "40",
    weeks_per_year: WeeksOption = "52",
    days_per_week: DaysOption = "5",
    as_json: JsonOption = False,
    in_dollars_of: InDollarsOfOption = None,
    chart: ChartOption = True,
) -> None:
    """Everything about one career: duties, education, skills, and every source's figures."""
    from careerstats.profiles import profile

    dataset = _dataset(area, industry)
    schedule = _schedule(hours_per_week, weeks_per_year, days_per_week)
    result = profile(dataset, dataset.career(career), schedule, _when(in_dollars_of))
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.profile(result)))
    else:
        from careerstats.render.common import console
        from careerstats.render.profile_view import profile_view

        console().print(profile_view(result, chart=chart))


@app.command("list")
def list_(as_json: JsonOption = False) -> None:
    """Careers with their aliases, SOC codes and the sources that cover them."""
    from careerstats.profiles import list_careers

    listing = list_careers(_dataset())
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.career_list(listing)))
    else:
        from careerstats.render.common import console
        from careerstats.render.listing_view import career_list_view

        console().print(career_list_view(listing))


@app.command()
def sources(as_json: JsonOption = False) -> None:
    """Every source release with its provenance: publisher, program, reference period, notes."""
    from careerstats.profiles import list_sources

    listing = list_sources(_dataset())
    if as_json:
        from careerstats.render import jsonout

        _write(jsonout.dumps(jsonout.source_list(listing)))
    else:
        from careerstats.render.common import console
        from careerstats.render.listing_view import source_list_view

        console().print(source_list_view(listing))


def _add_subcommands() -> None:
    from careerstats.cli_data import data_app

    app.add_typer(data_app, name="data")


_add_subcommands()


def main() -> None:
    """The `careerstats` command. Typer builds a Click command for every registered command
    on each run (inspecting every signature); when the command asked for is known, only that
    one is built, which saves a noticeable share of a short run such as `convert`."""
    asked = sys.argv[1] if len(sys.argv) > 1 else ""
    chosen = [info for info in app.registered_commands if _command_name(info) == asked]
    if not chosen:
        app()
        return
    only = typer.Typer(
        cls=CareerstatsGroup,
        name=PROG,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings=app.info.context_settings,
    )
    only.registered_commands = chosen
    # A callback makes Typer build a group (`careerstats convert ...`), not a lone command.
    only.callback()(_no_options)
    only()


def _no_options() -> None:
    """Salary and career statistics from published BLS and PayScale figures."""


def _command_name(info: typer.models.CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.lower().replace("_", "-") if callback else ""
