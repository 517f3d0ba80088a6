"""Take-home pay and gross pay from a schedule as JSON documents and CSV rows.

Standard library only (the `--json` and `--csv` paths). Money is cents, written from its
Decimal; rates are percentages.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from careerstats.core.money import plain
from careerstats.core.periods import Period
from careerstats.render.jsonout import money, number, schedule

if TYPE_CHECKING:
    from careerstats.core.career_takehome import TakeHomeComparison
    from careerstats.core.gross import GrossPay
    from careerstats.core.takehome import TakeHome

PAYCHECKS = (Period.WEEK, Period.BIWEEK, Period.SEMIMONTH, Period.MONTH)


def gross_document(gross: GrossPay) -> dict[str, Any]:
    extra = gross.extra
    differential = extra.differential
    return {
        "input": {"amount": number(gross.amount), "period": gross.period.value},
        "schedule": schedule(gross.schedule),
        "extra_pay": {
            "overtime_hours_per_week": number(extra.overtime_hours),
            "overtime_multiplier": number(extra.overtime_multiplier),
            "differential": None
            if differential is None
            else {
                "hours_per_week": number(differential.hours),
                "amount_per_hour": None
                if differential.amount is None
                else number(differential.amount),
                "percent_of_base": None
                if differential.percent is None
                else number(differential.percent),
            },
            "bonus": money(extra.bonus),
            "commission": money(extra.commission),
            "unpaid_weeks": number(extra.unpaid_weeks),
        },
        "base_rate_per_hour": money(gross.base_rate),
        "parts": [
            {
                "part": part.part.value,
                "per_year": money(part.per_year),
                "hours_per_week": None
                if part.hours_per_week is None
                else number(part.hours_per_week),
                "weeks": None if part.weeks is None else number(part.weeks),
                "rate_per_hour": None if part.rate is None else money(part.rate),
            }
            for part in gross.parts
        ],
        "per_year": money(gross.per_year),
        "amounts": {period.value: money(gross.per(period)) for period in Period},
    }


def takehome_document(result: TakeHome) -> dict[str, Any]:
    from careerstats.core.takehome import NOT_COMPUTED

    year = result.tax_year
    state = result.state
    return {
        "tax_year": year.year,
        "status": result.status.value,
        "gross": gross_document(result.gross),
        "wages": money(result.earned),
        "spouse_wages": money(result.spouse_wages),
        "pretax_contributions": money(result.pretax),
        "income_tax_wages": money(result.income_wages),
        "standard_deduction": money(result.standard_deduction),
        "taxable_income": money(result.taxable_income),
        "federal_income_tax": money(result.income_tax),
        "social_security": money(result.social_security),
        "medicare": money(result.medicare),
        "additional_medicare": money(result.additional_medicare),
        "state": {
            "code": state.code,
            "name": state.name,
            "taxes_wages": state.taxes_wages if state.code is not None else None,
            # The user's own flat rate, never a computed state tax.
            "flat_rate_percent": None if state.rate is None else number(state.rate),
            "computed": False,
        },
        "state_income_tax": money(result.state_tax),
        "taxes": money(result.taxes),
        "net": money(result.net),
        "net_per_paycheck": {period.value: money(result.net_per(period)) for period in PAYCHECKS},
        "effective_rate_percent": number(result.effective_rate, places=2),
        "marginal_rate_percent": number(result.marginal_rate, places=2),
        "notes": list(result.notes),
        "not_computed": list(NOT_COMPUTED),
        "sources": list(year.sources),
    }


TAKEHOME_COLUMNS = ("item", "period", "amount")


def takehome_rows(result: TakeHome, out: TextIO) -> None:
    """One row per figure: every part of gross pay and every tax a year, then the net per
    paycheck (taxes as positive amounts withheld)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(TAKEHOME_COLUMNS)
    year = Period.YEAR.value
    for part in result.gross.parts:
        writer.writerow((f"gross_{part.part.value}", year, plain(part.per_year)))
    rows = (
        ("gross", result.earned),
        ("spouse_wages", result.spouse_wages),
        ("pretax_contributions", result.pretax),
        ("taxable_income", result.taxable_income),
        ("federal_income_tax", result.income_tax),
        ("social_security", result.social_security),
        ("medicare", result.medicare),
        ("additional_medicare", result.additional_medicare),
        ("state_income_tax", result.state_tax),
        ("net", result.net),
    )
    for item, value in rows:
        writer.writerow((item, year, plain(value)))
    for period in PAYCHECKS:
        writer.writerow(("net", period.value, plain(result.net_per(period))))


GROSS_COLUMNS = ("item", "period", "amount")


def gross_rows(gross: GrossPay, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GROSS_COLUMNS)
    for part in gross.parts:
        writer.writerow((f"gross_{part.part.value}", Period.YEAR.value, plain(part.per_year)))
    for period in Period:
        writer.writerow(("gross", period.value, plain(gross.per(period))))


def comparison_takehome(section: TakeHomeComparison) -> dict[str, Any]:
    """`compare`'s new `takehome` key: net pay at each career's annual figures."""
    from careerstats.core.takehome import NOT_COMPUTED

    state = section.state
    document: dict[str, Any] = {
        "taxed": section.taxed,
        "tax_year": section.tax_year.year if section.taxed else None,
        "status": section.status.value if section.taxed else None,
        "state": {
            "code": state.code,
            "flat_rate_percent": None if state.rate is None else number(state.rate),
            "computed": False,
        }
        if section.taxed
        else None,
        "extra_pay": gross_document(section.rows[0].result.gross)["extra_pay"]
        if section.rows
        else None,
        "careers": [
            {
                "id": row.pay.career.id,
                "source": row.pay.release.id,
                "statistic": row.figure.statistic.value,
                "annual_wage": money(row.figure.value),
                "derived": row.figure.derived,
                "at_least": row.at_least,
                "gross": money(row.result.wages),
                **(_taxes(row.result) if section.taxed else {}),
            }
            for row in section.rows
        ],
    }
    if section.taxed:
        document["not_computed"] = list(NOT_COMPUTED)
        document["sources"] = list(section.tax_year.sources)
    return document


def _taxes(result: TakeHome) -> dict[str, Any]:
    return {
        "federal_income_tax": money(result.income_tax),
        "social_security": money(result.social_security),
        "medicare": money(result.medicare),
        "additional_medicare": money(result.additional_medicare),
        "state_income_tax": money(result.state_tax),
        "net": money(result.net),
        "effective_rate_percent": number(result.effective_rate, places=2),
        "marginal_rate_percent": number(result.marginal_rate, places=2),
    }


def comparison_takehome_rows(section: TakeHomeComparison, writer: Any) -> None:
    """Rows in compare's CSV columns: statistic `median_gross` and `median_takehome`."""
    for row in section.rows:
        pay, figure = row.pay, row.figure
        values = [("gross", row.result.wages)] if not section.extra.is_none else []
        if section.taxed:
            values.append(("takehome", row.result.net))
        for kind, value in values:
            writer.writerow(
                (
                    pay.career.id,
                    pay.career.soc,
                    pay.career.title,
                    pay.release.id,
                    pay.release.reference_period or "",
                    Period.YEAR.value,
                    f"{figure.statistic.value}_{kind}",
                    plain(value),
                    "true",
                    "true" if figure.at_least else "false",
                    str(figure.adjusted_to) if figure.adjusted_to else "",
                    "",
                    figure.basis.value,
                )
            )
