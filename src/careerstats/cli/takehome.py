"""`careerstats takehome`: the pay one takes home after federal income and payroll taxes."""

from typing import Annotated

import typer

from careerstats.cli import completing, options, pay_options
from careerstats.cli.output import CsvOption, JsonOption, chosen, write
from careerstats.cli.root import app


@app.command()
def takehome(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="One earner's base pay such as 42830 or '$20.50' (--per says per what).",
            show_default=False,
        ),
    ],
    per: Annotated[
        str,
        typer.Option(
            "--per",
            "-p",
            metavar="PERIOD",
            help="Period AMOUNT is paid per.",
            autocompletion=completing.period,
        ),
    ] = "year",
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="Tax year of the rules (2024, 2025, 2026). Default: the newest in the data.",
            rich_help_panel=pay_options.TAXES,
        ),
    ] = None,
    status: pay_options.StatusOption = "single",
    pretax: Annotated[
        str | None,
        typer.Option(
            "--pretax",
            metavar="AMOUNT|%",
            help="Pre-tax retirement contributions a year (401(k), 403(b)): 5000 or 6% of "
            "gross pay. They lower income tax, not Social Security or Medicare.",
            rich_help_panel=pay_options.TAXES,
        ),
    ] = None,
    state: pay_options.StateOption = None,
    state_rate: pay_options.StateRateOption = None,
    spouse_wages: Annotated[
        str | None,
        typer.Option(
            "--spouse-wages",
            metavar="AMOUNT",
            help="The other earner's wages a year, filing married-joint (their own Social "
            "Security wage base applies).",
            rich_help_panel=pay_options.TAXES,
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
    quiet: options.QuietOption = False,
) -> None:
    """Take-home pay: gross, less pre-tax contributions, federal income tax, Social Security,
    Medicare and a state tax you approximate; per year and per paycheck.

    Income tax follows the IRS tax rate schedule with the standard deduction of the tax
    year and filing status. Not computed: credits, itemized deductions, the 2025 law's
    deductions for tips and overtime, local taxes; withholding per paycheck differs from
    the tax owed for the year.

    Example: careerstats takehome 42830 --year 2024 --state TX
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.gross import gross_pay
    from careerstats.core.money import parse_amount
    from careerstats.core.takehome import take_home
    from careerstats.core.tax import ZERO
    from careerstats.sources.tax_data import bundled_tax_data

    schedule = options.schedule(hours_per_week, weeks_per_year, days_per_week)
    extra = pay_options.extra_pay(
        overtime_hours,
        overtime_multiplier,
        differential,
        differential_hours,
        bonus,
        commission,
        unpaid_weeks,
        schedule.hours_per_week,
    )
    filing = pay_options.status(status)
    taxes = bundled_tax_data().year(pay_options.tax_year(year))
    result = take_home(
        gross_pay(parse_amount(amount), options.period(per), schedule, extra),
        taxes,
        filing,
        pretax=pay_options.pretax(pretax),
        state=pay_options.state(state, state_rate),
        spouse_wages=pay_options.number(spouse_wages, "--spouse-wages") or ZERO,
    )
    write("takehome", result, output, warnings=result.warnings)
