"""Take-home pay and gross pay from a schedule as CSV rows, written through `csvout`'s
writer (the JSON is in `jsonout`).

Standard library only (the `--csv` path). Money is cents, written from its Decimal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerstats.core.money import plain
from careerstats.core.periods import Period

if TYPE_CHECKING:
    from careerstats.core.career_takehome import TakeHomeComparison
    from careerstats.core.gross import GrossPay
    from careerstats.core.takehome import TakeHome

PAYCHECKS = (Period.WEEK, Period.BIWEEK, Period.SEMIMONTH, Period.MONTH)


TAKEHOME_COLUMNS = ("item", "period", "amount")


def takehome_rows(result: TakeHome, writer: Any) -> None:
    """One row per figure, through `csvout`'s writer: every part of gross pay and every tax
    a year, then the net per paycheck (taxes as positive amounts withheld)."""
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


def gross_rows(gross: GrossPay, writer: Any) -> None:
    writer.writerow(GROSS_COLUMNS)
    for part in gross.parts:
        writer.writerow((f"gross_{part.part.value}", Period.YEAR.value, plain(part.per_year)))
    for period in Period:
        writer.writerow(("gross", period.value, plain(gross.per(period))))


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
