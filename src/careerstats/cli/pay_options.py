"""The options of extra pay (overtime, a shift differential, bonus, commission, unpaid weeks)
and of taxes, shared by `convert`, `compare` and `takehome`. Parsing only."""

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.core.wording import quoted
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.core.career_takehome import TakeHomeComparison
    from careerstats.core.comparison import Comparison
    from careerstats.core.gross import ExtraPay
    from careerstats.core.states import StateTax
    from careerstats.core.takehome import Pretax
    from careerstats.core.tax import FilingStatus

EXTRA_PAY = "Extra pay"
DEFAULT_MULTIPLIER = "1.5"
DEFAULT_STATUS = "single"
TAXES = "Taxes"

OvertimeHoursOption = Annotated[
    str | None,
    typer.Option(
        "--overtime-hours",
        metavar="H",
        help="Overtime hours a week, beyond --hours-per-week, paid at --overtime-rate "
        "times the base rate.",
        rich_help_panel=EXTRA_PAY,
    ),
]
OvertimeMultiplierOption = Annotated[
    str,
    typer.Option(
        "--overtime-rate",
        metavar="X",
        help="Overtime pay per hour as a multiple of the base rate (federal rule: 1.5 for "
        "hours over 40 in a week).",
        rich_help_panel=EXTRA_PAY,
    ),
]
DifferentialOption = Annotated[
    str | None,
    typer.Option(
        "--differential",
        metavar="PAY|%",
        help="Shift differential: an amount per hour (2.50) or a percentage of the base rate "
        "(10%), for --differential-hours a week.",
        rich_help_panel=EXTRA_PAY,
    ),
]
DifferentialHoursOption = Annotated[
    str | None,
    typer.Option(
        "--differential-hours",
        metavar="H",
        help="Hours a week paid the differential. Default: every hour worked.",
        rich_help_panel=EXTRA_PAY,
    ),
]
BonusOption = Annotated[
    str | None,
    typer.Option("--bonus", metavar="AMOUNT", help="Bonus pay a year.", rich_help_panel=EXTRA_PAY),
]
CommissionOption = Annotated[
    str | None,
    typer.Option(
        "--commission",
        metavar="AMOUNT",
        help="Commission a year.",
        rich_help_panel=EXTRA_PAY,
    ),
]
UnpaidWeeksOption = Annotated[
    str | None,
    typer.Option(
        "--unpaid-weeks",
        metavar="W",
        help="Weeks of the working year without pay (unpaid leave, seasonal gaps).",
        rich_help_panel=EXTRA_PAY,
    ),
]


def _statuses(incomplete: str) -> list[str]:
    from careerstats.cli.completing import matching
    from careerstats.core.tax import FilingStatus

    return matching((status.value for status in FilingStatus), incomplete)


def _states(incomplete: str) -> list[str]:
    from careerstats.cli.completing import matching
    from careerstats.core.states import STATES

    return matching(STATES, incomplete)


StatusOption = Annotated[
    str,
    typer.Option(
        "--status",
        metavar="STATUS",
        autocompletion=_statuses,
        help="Filing status: single, married-joint or head-of-household.",
        rich_help_panel=TAXES,
    ),
]
StateOption = Annotated[
    str | None,
    typer.Option(
        "--state",
        metavar="XX",
        autocompletion=_states,
        help="State of work (TX, CA...). AK FL NV NH SD TN TX WA WY tax no wages; any other "
        "needs --state-rate. Without it, no state tax is computed.",
        rich_help_panel=TAXES,
    ),
]
StateRateOption = Annotated[
    str | None,
    typer.Option(
        "--state-rate",
        metavar="PERCENT",
        help="Your flat approximation of the state's income tax, in percent of wages after "
        "pre-tax contributions (careerstats computes no state tax).",
        rich_help_panel=TAXES,
    ),
]


def number(text: str | None, option: str) -> Decimal | None:
    """A plain non-negative number given to `option` (None when not given)."""
    if text is None:
        return None
    from careerstats.core.money import AmountError, parse_amount

    try:
        return parse_amount(text)
    except AmountError as error:
        raise UsageError(f"{option}: {error}") from None


def percent_or_amount(text: str, option: str) -> tuple[Decimal | None, Decimal | None]:
    """`10%` -> (None, 10); `2.50` -> (2.50, None)."""
    stripped = text.strip()
    if stripped.endswith("%"):
        return None, number(stripped[:-1], option)
    return number(stripped, option), None


def extra_pay(
    overtime_hours: str | None,
    overtime_multiplier: str | None,
    differential: str | None,
    differential_hours: str | None,
    bonus: str | None,
    commission: str | None,
    unpaid_weeks: str | None,
    hours_per_week: Decimal,
) -> "ExtraPay":
    from careerstats.core.gross import ZERO, Differential, ExtraPay

    overtime = number(overtime_hours, "--overtime-hours") or ZERO
    multiplier = number(overtime_multiplier or DEFAULT_MULTIPLIER, "--overtime-rate") or ZERO
    shift = None
    if differential is not None:
        amount, percent = percent_or_amount(differential, "--differential")
        hours = number(differential_hours, "--differential-hours")
        every_hour = hours_per_week + overtime
        shift = Differential(every_hour if hours is None else hours, amount, percent)
    elif differential_hours is not None:
        raise UsageError("--differential-hours needs --differential PAY|%")
    return ExtraPay(
        overtime_hours=overtime,
        overtime_multiplier=multiplier,
        differential=shift,
        bonus=number(bonus, "--bonus") or ZERO,
        commission=number(commission, "--commission") or ZERO,
        unpaid_weeks=number(unpaid_weeks, "--unpaid-weeks") or ZERO,
    )


def status(text: str) -> "FilingStatus":
    from careerstats.core.tax import FilingStatus

    return FilingStatus.parse(text)


def tax_year(text: str | None, option: str = "--year") -> int | None:
    if text is None:
        return None
    stripped = text.strip()
    if not (stripped.isascii() and stripped.isdigit() and len(stripped) == 4):
        raise UsageError(f"{option} takes a tax year such as 2024, not {quoted(text)}")
    return int(stripped)


def state(code: str | None, rate: str | None) -> "StateTax":
    from careerstats.core.states import state_code, state_tax

    given = number(rate.strip().removesuffix("%") if rate is not None else None, "--state-rate")
    return state_tax(state_code(code) if code is not None else None, given)


def pretax(text: str | None) -> "Pretax":
    from careerstats.core.takehome import NO_PRETAX, Pretax

    if text is None:
        return NO_PRETAX
    amount, percent = percent_or_amount(text, "--pretax")
    if percent is not None and percent > 100:
        raise UsageError(f"--pretax {text.strip()} is more than all of the pay: give at most 100%")
    return Pretax(amount, percent)


def nothing_asked(
    extra: tuple[str | None, ...], taxes: tuple[str | None, ...] = (None, None, None, None)
) -> bool:
    """True when no extra pay and no tax option was given (their defaults): checked before
    anything of extra pay is imported, so that runs without it pay nothing for it."""
    overtime_hours, multiplier, *others = extra
    year, status_text, state_text, rate = taxes
    return (
        overtime_hours is None
        and multiplier == DEFAULT_MULTIPLIER
        and all(value is None for value in others)
        and (year, state_text, rate) == (None, None, None)
        and status_text in (None, DEFAULT_STATUS)
    )


def takehome_section(
    comparison: "Comparison",
    extra_texts: tuple[str | None, ...],
    taxes: tuple[str | None, ...],
    *,
    taxed: bool,
) -> "TakeHomeComparison":
    """`compare`'s section of gross and take-home pay at each career's figures."""
    from careerstats.core.career_takehome import compare_takehome
    from careerstats.sources.tax_data import bundled_tax_data

    year, status_text, state_text, rate = taxes
    asked = (year, state_text, rate) != (None, None, None) or status_text != DEFAULT_STATUS
    if asked and not taxed:
        raise UsageError("--tax-year, --status, --state and --state-rate apply with --takehome")
    overtime_hours, multiplier, differential, differential_hours, bonus, commission, unpaid = (
        extra_texts
    )
    extra = extra_pay(
        overtime_hours,
        multiplier,
        differential,
        differential_hours,
        bonus,
        commission,
        unpaid,
        comparison.schedule.hours_per_week,
    )
    data = bundled_tax_data().year(tax_year(year, "--tax-year"))
    return compare_takehome(
        comparison,
        data,
        status(status_text or DEFAULT_STATUS),
        state(state_text, rate),
        extra,
        taxed=taxed,
    )
