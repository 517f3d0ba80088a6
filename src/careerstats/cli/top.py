"""`careerstats top`: occupations ranked by a published figure, with filters."""

from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import completing, options
from careerstats.cli.output import JsonOption, chosen, write
from careerstats.cli.root import app
from careerstats.core.wording import quoted
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.core.periods import Period
    from careerstats.core.top import Measure

MEASURES = ("median", "mean", "p10", "p25", "p75", "p90", "growth", "openings", "employment")
WAGES = MEASURES[:6]


@app.command()
def top(
    by: Annotated[
        str,
        typer.Option(
            "--by",
            "-b",
            metavar="STATISTIC",
            autocompletion=completing.measure,
            help="Rank by median, mean, p10, p25, p75 or p90 wage, growth (projected percent "
            "change), openings (projected a year) or employment.",
        ),
    ] = "median",
    per: Annotated[
        str | None,
        typer.Option(
            "--per",
            "-p",
            metavar="hour|year",
            autocompletion=completing.wage_period,
            help="Wages per hour or per year, as published. Default: year.",
        ),
    ] = None,
    group: options.GroupOption = None,
    education: Annotated[
        str | None,
        typer.Option(
            "--education",
            metavar="LEVEL",
            autocompletion=completing.education,
            help="Keep occupations whose typical entry education (BLS Employment Projections) "
            "is LEVEL: none, 'high school', 'some college', 'postsecondary award', "
            "associate's, bachelor's, master's, doctoral.",
        ),
    ] = None,
    max_education: Annotated[
        str | None,
        typer.Option(
            "--max-education",
            metavar="LEVEL",
            autocompletion=completing.education,
            help="Keep occupations whose typical entry education is LEVEL or below, in BLS's "
            "order.",
        ),
    ] = None,
    min_employment: Annotated[
        str | None,
        typer.Option(
            "--min-employment", metavar="N", help="Keep occupations with at least N employed."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            autocompletion=completing.source,
            help="Release to rank (see 'careerstats sources'). Default: the newest OEWS release.",
        ),
    ] = None,
    area: options.AreaOption = None,
    industry: options.IndustryOption = None,
    level: options.LevelOption = None,
    limit: Annotated[
        str, typer.Option("--limit", "-n", metavar="N", help="Show the first N.")
    ] = "20",
    as_json: JsonOption = False,
    as_csv: options.OccupationsCsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Occupations ranked by a published figure: detailed occupations of the newest OEWS
    release by default. A top-coded figure ("at or above") sorts as its ceiling, ties by
    employment, and is shown as a bound, never as an exact amount.

    Example: careerstats top --max-education "high school"
    """
    output = chosen(as_json, as_csv)
    measure = _measure(by)
    period = _period(per, measure.value)
    chosen_level = options.level(level) or "detailed"
    if education is not None and max_education is not None:
        raise UsageError(
            "--education and --max-education conflict: give --education LEVEL for that level "
            "only, or --max-education LEVEL for it and those below"
        )
    if (education or max_education) and chosen_level != "detailed":
        raise UsageError(
            f"BLS assigns typical entry education to detailed occupations, not {chosen_level} "
            "groups: leave out --level, or the education filter"
        )
    from careerstats.core.education import education_level
    from careerstats.core.top import Filters
    from careerstats.core.top import top as run_top

    filters = Filters(
        level=chosen_level,
        group=group,
        education=education_level(education) if education is not None else None,
        max_education=education_level(max_education) if max_education is not None else None,
        min_employment=options.whole_number(min_employment, "--min-employment", "10000", least=0),
    )
    count = options.whole_number(limit, "--limit", "20", least=1)
    result = run_top(options.dataset(area, industry), measure, period, filters, source, count)
    write("top", result, output)


def _measure(text: str) -> "Measure":
    from careerstats.core.top import Measure

    key = text.strip().lower()
    if key not in MEASURES:
        raise UsageError(
            f"--by takes {', '.join(MEASURES[:-1])} or {MEASURES[-1]}, not {quoted(text)}"
        )
    return Measure(key)


def _period(text: str | None, measure: str) -> "Period | None":
    if text is None:
        return None
    if measure not in WAGES:
        raise UsageError(
            f"--per chooses between hourly and annual wages, and {measure} is not a wage: "
            "leave out --per"
        )
    from careerstats.core.periods import Period

    period = options.period(text)
    if period not in (Period.HOUR, Period.YEAR):
        raise UsageError(
            f"--per takes hour or year for top (BLS publishes wages per hour and per year), "
            f"not {quoted(text)}"
        )
    return period
