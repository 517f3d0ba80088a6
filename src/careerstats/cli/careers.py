"""`careerstats compare | show | rank | list | sources`: careers side by side, one career in
full, where an amount ranks, and what the data covers."""

from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import completing, options, pay_options
from careerstats.cli.output import CsvOption, JsonOption, chosen, write
from careerstats.cli.root import app
from careerstats.core.wording import quoted
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from decimal import Decimal


@app.command()
def compare(
    careers: Annotated[
        list[str],
        typer.Argument(
            metavar="CAREER...",
            autocompletion=completing.career,
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
            autocompletion=completing.source,
            help="Source release (see 'careerstats sources'); 'all' shows each career once "
            "per source. Default: the newest dated release covering every career.",
        ),
    ] = None,
    areas: options.AreasOption = None,
    industry: options.IndustryOption = None,
    hours_per_week: options.HoursOption = "40",
    weeks_per_year: options.WeeksOption = "52",
    days_per_week: options.DaysOption = "5",
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    in_dollars_of: options.InDollarsOfOption = None,
    chart: Annotated[
        bool | None,
        typer.Option(
            "--chart/--no-chart",
            help="Draw the distribution chart (tables only). Default: for one release, or "
            "with --full.",
            show_default=False,
        ),
    ] = None,
    per: options.PerShownOption = None,
    full: options.FullOption = False,
    quiet: options.QuietOption = False,
    takehome: Annotated[
        bool,
        typer.Option(
            "--takehome",
            help="Add each career's take-home pay at its annual 10th percentile, median and "
            "90th percentile, after federal income and payroll taxes.",
            rich_help_panel=pay_options.TAXES,
        ),
    ] = False,
    tax_year: Annotated[
        str | None,
        typer.Option(
            "--tax-year",
            metavar="YYYY",
            help="Tax year for --takehome. Default: the newest in the data.",
            rich_help_panel=pay_options.TAXES,
        ),
    ] = None,
    status: pay_options.StatusOption = "single",
    state: pay_options.StateOption = None,
    state_rate: pay_options.StateRateOption = None,
    overtime_hours: pay_options.OvertimeHoursOption = None,
    overtime_multiplier: pay_options.OvertimeMultiplierOption = "1.5",
    differential: pay_options.DifferentialOption = None,
    differential_hours: pay_options.DifferentialHoursOption = None,
    bonus: pay_options.BonusOption = None,
    commission: pay_options.CommissionOption = None,
    unpaid_weeks: pay_options.UnpaidWeeksOption = None,
    adjust_prices: options.AdjustPricesOption = False,
) -> None:
    """Compare careers' pay: a row per career, the statistics as columns, hourly and annual
    apart; published figures, derived ones marked, and sources.

    With --takehome or extra pay, a section of each career's gross and take-home pay.

    Examples: careerstats compare cs pr;  careerstats compare cs --area TX --area CA;
    careerstats compare cs --industry "Software Publishers";  careerstats compare cs pr --csv;
    careerstats compare cs pr --takehome
    """
    output = chosen(as_json, as_csv)
    schedule = options.schedule(hours_per_week, weeks_per_year, days_per_week)
    if (areas and len(areas) > 1) or adjust_prices:
        extra = (overtime_hours, differential, differential_hours, bonus, commission, unpaid_weeks)
        if takehome or any(value is not None for value in extra):
            raise UsageError(
                "--takehome and extra pay are computed for one place at a time: give one "
                "--area (without --adjust-prices), or leave them out to compare places"
            )
        from careerstats.sources.places import compare_across

        across = compare_across(
            careers,
            areas or [None],
            industry,
            source,
            schedule,
            options.when(in_dollars_of),
            prices=adjust_prices,
        )
        write("comparison", across, output, chart=chart, per=options.shown_period(per), full=full)
        return
    from careerstats.core.comparison import compare as run_compare

    area = areas[0] if areas else None
    dataset = options.dataset(area, industry)
    found, named = options.careers(dataset, careers)
    result = run_compare(
        dataset, found, source, schedule, in_dollars_of=options.when(in_dollars_of)
    )
    extra_pay = (
        overtime_hours,
        overtime_multiplier,
        differential,
        differential_hours,
        bonus,
        commission,
        unpaid_weeks,
    )
    taxes = (tax_year, status, state, state_rate)
    shown = options.shown_period(per)
    if not takehome and pay_options.nothing_asked(extra_pay, taxes):
        write("comparison", result, output, chart=chart, per=shown, full=full, warnings=named)
        return
    section = pay_options.takehome_section(result, extra_pay, taxes, taxed=takehome)
    write(
        "comparison",
        result,
        output,
        chart=chart,
        per=shown,
        full=full,
        takehome=section,
        warnings=(*named, *section.warnings()),
    )


@app.command()
def show(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER",
            help="Career by id, alias, SOC code or title.",
            show_default=False,
            autocompletion=completing.career,
        ),
    ],
    area: options.AreaOption = None,
    industry: options.IndustryOption = None,
    hours_per_week: options.HoursOption = "40",
    weeks_per_year: options.WeeksOption = "52",
    days_per_week: options.DaysOption = "5",
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    in_dollars_of: options.InDollarsOfOption = None,
    chart: Annotated[
        bool | None,
        typer.Option(
            "--chart/--no-chart",
            help="Draw the distribution chart (tables only). Default: with --full, or when "
            "one source covers the career.",
            show_default=False,
        ),
    ] = None,
    per: options.PerShownOption = None,
    full: options.FullOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """One career: its pay in every source (a row each), its outlook; with --full also
    duties, education, skills, the articles it comes from, notes and more figures.

    Example: careerstats show cs --full
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.profiles import profile

    dataset = options.dataset(area, industry)
    schedule = options.schedule(hours_per_week, weeks_per_year, days_per_week)
    (found,), named = options.careers(dataset, [career])
    result = profile(dataset, found, schedule, options.when(in_dollars_of))
    write(
        "profile",
        result,
        output,
        chart=chart,
        per=options.shown_period(per),
        full=full,
        warnings=named,
    )


@app.command()
def rank(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER",
            help="Career by id, alias, SOC code or title.",
            show_default=False,
            autocompletion=completing.career,
        ),
    ],
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT", help="Pay such as 40000, '$51,280' or 55k.", show_default=False
        ),
    ],
    per: options.PerOption = "year",
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            autocompletion=completing.source,
            help="Source release. Default: the newest with at least two percentile points "
            "for the career.",
        ),
    ] = None,
    hours_per_week: options.HoursOption = "40",
    weeks_per_year: options.WeeksOption = "52",
    days_per_week: options.DaysOption = "5",
    area: options.AreaOption = None,
    industry: options.IndustryOption = None,
    in_dollars_of: options.InDollarsOfOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Say how the percentile is found (the method).")
    ] = False,
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
    output = chosen(as_json, as_csv)
    from careerstats.core.ranking import rank as run_rank

    value = _rank_amount(career, amount)
    period = options.period(per)
    schedule = options.schedule(hours_per_week, weeks_per_year, days_per_week)
    dataset = options.dataset(area, industry)
    (found,), named = options.careers(dataset, [career])
    result = run_rank(
        dataset,
        found,
        value,
        period,
        source,
        schedule,
        in_dollars_of=options.when(in_dollars_of),
    )
    from careerstats.render.plaintext import period_note

    note = period_note(result)
    write(
        "rank",
        result,
        output,
        warnings=(*named, *((note,) if note else ())),
        explain=explain,
    )


def _rank_amount(career: str, amount: str) -> "Decimal":
    """AMOUNT read; when it is not an amount but CAREER is, the two were given swapped."""
    from careerstats.core.money import AmountError, parse_amount

    try:
        return parse_amount(amount)
    except AmountError as error:
        try:
            parse_amount(career)
        except AmountError:
            raise error from None
    import shlex

    raise UsageError(
        f"{quoted(amount)} is not an amount but {quoted(career)} is: did you mean "
        f"`careerstats rank {shlex.quote(amount)} {shlex.quote(career)}`? "
        "(the career comes first)"
    )


@app.command("list")
def list_(
    group: options.GroupOption = None,
    level: options.LevelOption = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            autocompletion=completing.source,
            help="List the occupations of this release with their figures as published, every "
            "level unless --level is given (oews-2024, bls-2008, ...; see 'careerstats "
            "sources').",
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[
        bool,
        typer.Option(
            "--csv",
            help="Write CSV to stdout, one row per occupation (with --source, per figure).",
        ),
    ] = False,
    quiet: options.QuietOption = False,
) -> None:
    """The detailed occupations of the newest OEWS release, one line each under its major
    group; the catalog's careers are marked with their aliases. With --source, one release's
    occupations and their published figures.

    Example: careerstats list --group 15
    """
    output = chosen(as_json, as_csv)
    chosen_level = options.level(level)
    dataset = options.dataset()
    if source is not None:
        from careerstats.core.profiles import release_contents

        write("release_contents", release_contents(dataset, source, chosen_level, group), output)
        return
    from careerstats.core.listing import occupation_list

    result = occupation_list(dataset, chosen_level or "detailed", group)
    write("occupation_list", result, output)


@app.command()
def sources(
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Every source release with its provenance: publisher, program, reference period, notes.

    Example: careerstats sources --csv
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.profiles import list_sources
    from careerstats.sources.dataset import imported_into_bundled

    listing = list_sources(options.dataset())
    write("source_list", listing, output, imported=imported_into_bundled(listing))


@app.command()
def history(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER",
            help="Career by id, alias, SOC code or title.",
            show_default=False,
            autocompletion=completing.career,
        ),
    ],
    in_dollars_of: Annotated[
        str | None,
        typer.Option(
            "--in-dollars-of",
            metavar="WHEN",
            help="The month (YYYY-MM) or year (YYYY) whose dollars every figure is also shown "
            "in (CPI-U). Default: the newest month of the bundled CPI-U table.",
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    chart: Annotated[
        bool, typer.Option("--chart/--no-chart", help="Draw the median over time (tables only).")
    ] = True,
    quiet: options.QuietOption = False,
) -> None:
    """One occupation in every official OEWS release since May 2008: the 10th, median and
    90th, as published and in one month's dollars, the change since the previous release and
    its compound annual rate. Codes follow the SOC crosswalks; where the occupation's
    definition changed, no change is computed across it.

    Example: careerstats history cs
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.history import history as run_history
    from careerstats.sources.lineage import lineage

    dataset = options.dataset()
    (found,), named = options.careers(dataset, [career])
    result = run_history(
        dataset, found, lineage(found.soc, found.title), options.when(in_dollars_of)
    )
    write("history", result, output, chart=chart, warnings=named)
