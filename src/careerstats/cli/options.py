"""What several commands take: the schedule, dates, periods, area and industry, and the
dataset they read. Parsing only; the meaning is the core's."""

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import completing
from careerstats.cli.errors import PROG
from careerstats.cli.output import say
from careerstats.core.wording import quoted
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.core.dataset import Dataset
    from careerstats.core.inflation import When
    from careerstats.core.model import Career
    from careerstats.core.periods import Period, Schedule


def dataset(area: str | None = None, industry: str | None = None) -> "Dataset":
    """The data a command reads, with a warning on stderr when imported data is left out."""
    from careerstats.sources.dataset import open_dataset

    dataset = open_dataset(area, industry)
    if dataset.store_problem:
        say(f"{PROG}: warning: {dataset.store_problem}; showing bundled data only")
    return dataset


def careers(dataset: "Dataset", names: list[str]) -> "tuple[list[Career], tuple[str, ...]]":
    """The careers named, and a note for each name that is not a career's own code, alias
    or title, saying which occupation it was taken for."""
    found = [dataset.career(name) for name in names]
    notes = (dataset.named_as(name, career) for name, career in zip(names, found, strict=True))
    return found, tuple(note for note in notes if note)


HoursOption = Annotated[
    str, typer.Option("--hours-per-week", metavar="H", help="Working hours in a week (0-168].")
]
WeeksOption = Annotated[
    str, typer.Option("--weeks-per-year", metavar="W", help="Working weeks in a year (0-52.1786].")
]
DaysOption = Annotated[
    str, typer.Option("--days-per-week", metavar="D", help="Working days in a week (0-7].")
]
InDollarsOfOption = Annotated[
    str | None,
    typer.Option(
        "--in-dollars-of",
        metavar="WHEN",
        help="Adjust every figure for inflation (CPI-U) from its release's reference month "
        "to WHEN: YYYY-MM, YYYY or latest. Releases with no reference date are left as "
        "published.",
    ),
]
PerOption = Annotated[
    str,
    typer.Option(
        "--per",
        "-p",
        metavar="PERIOD",
        help="Period AMOUNT is paid per (hour, week, month, year, ...).",
        autocompletion=completing.period,
    ),
]


def _quiet(asked: bool) -> bool:
    from careerstats.cli import output

    # Set either way: one process may run several commands (a test runner does).
    output.want_notes(not asked)
    return asked


QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        callback=_quiet,
        help="Drop the notes written to stderr (warnings and errors stay).",
    ),
]
ChartOption = Annotated[
    bool, typer.Option("--chart/--no-chart", help="Draw the distribution chart (tables only).")
]
PerShownOption = Annotated[
    str | None,
    typer.Option(
        "--per",
        metavar="hour|year",
        autocompletion=completing.wage_period,
        help="Show the hourly or the annual figures only. Default: both (across several "
        "releases, annual).",
        show_default=False,
    ),
]
FullOption = Annotated[
    bool, typer.Option("--full", help="Show everything: every table, note and chart.")
]
AreaOption = Annotated[
    str | None,
    typer.Option(
        "--area",
        metavar="CODE|NAME",
        autocompletion=completing.area,
        help="Area of imported OEWS data: code or name (48, Texas). Default: the nation.",
    ),
]
AreasOption = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        metavar="PLACE",
        help="Area of imported OEWS data: a state (Texas, TX, 48), an area code or words of a "
        "metro title ('data areas' lists them). Repeat it to compare places, a row per area. "
        "Default: the nation.",
        show_default=False,
        autocompletion=completing.area,
    ),
]
AdjustPricesOption = Annotated[
    bool,
    typer.Option(
        "--adjust-prices",
        help="Also show each figure in U.S.-average prices: x 100 / the area's RPP (BEA, all "
        "items, the year nearest the release). Areas without an RPP stay as published.",
    ),
]
IndustryOption = Annotated[
    str | None,
    typer.Option(
        "--industry",
        metavar="NAICS|TITLE",
        autocompletion=completing.industry,
        help="Industry of imported OEWS data: NAICS code or title. Default: cross-industry.",
    ),
]


def schedule(hours: str, weeks: str, days: str) -> "Schedule":
    from careerstats.core.periods import Schedule

    return Schedule(
        hours_per_week=_positive(hours, "--hours-per-week"),
        weeks_per_year=_positive(weeks, "--weeks-per-year"),
        days_per_week=_positive(days, "--days-per-week"),
    )


def _positive(text: str, option: str) -> Decimal:
    from careerstats.core.money import AmountError, parse_amount

    try:
        return parse_amount(text, thousands=False)
    except AmountError:
        raise UsageError(
            f"{option} takes a plain number such as 40 or 37.5, not {quoted(text)}"
        ) from None


# Words for "the newest month there is": the CPI-U table's newest month, said so in a note.
NEWEST = ("latest", "today")


def when(text: str | None) -> "When | None":
    """A month or year as typed; `latest` or `today` is the newest month of the CPI-U table."""
    if text is None:
        return None
    from careerstats.core.inflation import When

    word = text.strip().lower()
    if word not in NEWEST:
        return When.parse(text)
    from careerstats.cli.output import note
    from careerstats.sources.cpi import bundled_cpi

    newest = bundled_cpi().newest
    note(f"{word} is read as {newest.label} ({newest}), the newest month of the CPI-U table")
    return newest


def shown_period(text: str | None) -> "Period | None":
    """`--per` of `compare` and `show`: the hourly or the annual figures."""
    if text is None:
        return None
    from careerstats.core.periods import Period

    found = Period.parse(text)
    if found not in (Period.HOUR, Period.YEAR):
        raise UsageError(f"--per shows hour or year figures, not {quoted(text)}")
    return found


def period(text: str) -> "Period":
    from careerstats.core.periods import Period

    return Period.parse(text)


GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        "-g",
        metavar="MAJOR|MINOR",
        autocompletion=completing.group,
        help="Keep one major or minor group: its code (15, 15-1200) or words of its title "
        "('computer and mathematical').",
    ),
]
LevelOption = Annotated[
    str | None,
    typer.Option(
        "--level",
        metavar="LEVEL",
        autocompletion=completing.level,
        help="Occupations of this level: major, minor, broad or detailed. Default: detailed.",
    ),
]


def level(text: str | None) -> str | None:
    """The SOC level asked for (major, minor, broad, detailed), as the core names it."""
    if text is None:
        return None
    from careerstats.core.groups import LEVELS

    key = text.strip().lower()
    if key not in LEVELS:
        raise UsageError(
            f"--level takes {', '.join(LEVELS[:-1])} or {LEVELS[-1]}, not {quoted(text)}"
        )
    return key


def whole_number(text: str | None, option: str, example: str, *, least: int) -> int | None:
    """A count typed on the command line (thousands separators allowed), at least `least`."""
    if text is None:
        return None
    digits = text.strip().replace(",", "")
    if not digits.isascii() or not digits.isdigit() or int(digits) < least:
        raise UsageError(
            f"{option} takes a whole number of at least {least}, such as {example}, "
            f"not {quoted(text)}"
        )
    return int(digits)


OccupationsCsvOption = Annotated[
    bool, typer.Option("--csv", help="Write CSV to stdout, one row per occupation.")
]
