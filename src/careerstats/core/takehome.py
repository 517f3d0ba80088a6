"""Take-home pay: gross wages, less pre-tax retirement contributions, federal income tax,
Social Security, Medicare and a state tax the user approximates.

Order of the computation: gross -> pre-tax contributions (they lower the wages subject to
income tax, not to Social Security and Medicare) -> taxable income (less the standard
deduction) -> income tax by the tax rate schedule -> Social Security on each earner's wages
up to the wage base -> Medicare on all wages, plus the Additional Medicare Tax above the
threshold -> the state's flat rate on wages after pre-tax contributions -> net.

Each tax is an amount owed, so it is rounded to the cent (half-up) as a payer rounds it; the
net is the gross less exactly the amounts shown. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from careerstats.core.gross import GrossPay, Part
from careerstats.core.periods import EXACT, Period
from careerstats.core.states import StateTax
from careerstats.core.tax import HUNDRED, ZERO, FilingStatus, TaxYear, cents
from careerstats.errors import UsageError

# Paychecks in a calendar year, by pay period.
PAYCHECKS = {
    Period.WEEK: Decimal(52),
    Period.BIWEEK: Decimal(26),
    Period.SEMIMONTH: Decimal(24),
    Period.MONTH: Decimal(12),
}

# Form 1040's instructions: below this taxable income, the tax comes from the Tax Table.
TAX_TABLE_BELOW = Decimal(100_000)

NOT_COMPUTED = (
    "tax credits (earned income credit, child tax credit)",
    "itemized deductions (the standard deduction is taken)",
    "the 2025 law's deductions for tips, overtime pay and seniors",
    "local income taxes",
    "withholding: each paycheck's withholding (IRS Publication 15-T) differs from the tax "
    "owed for the year, which the return settles",
)

OVERTIME_NOTE = (
    "the federal deduction for qualified overtime pay of tax years 2025-2028 (P.L. 119-21) "
    "is not applied: income tax is on all overtime pay"
)

TAX_TABLE_NOTE = (
    "below $100,000 of taxable income Form 1040 takes the tax from the IRS Tax Table, which "
    "taxes the middle of $50 bands: the tax owed can differ from this rate-schedule figure "
    "by a few dollars"
)


class TakeHomeError(UsageError):
    """Pay or contributions that cannot be taxed as given."""


class SpouseWagesNotJoint(TakeHomeError):
    """A second earner's wages given for a status other than married filing jointly."""


@dataclass(frozen=True, slots=True)
class Pretax:
    """Pre-tax retirement contributions for a year: a sum, or a percentage of gross pay."""

    amount: Decimal | None = None
    percent: Decimal | None = None

    def of(self, gross: Decimal) -> Decimal:
        if self.percent is not None:
            return EXACT.divide(EXACT.multiply(gross, self.percent), HUNDRED)
        return self.amount or ZERO

    @property
    def share(self) -> Decimal:
        """The part of each further dollar of pay contributed (0 for a fixed sum)."""
        return self.percent / HUNDRED if self.percent is not None else ZERO


NO_PRETAX = Pretax()


@dataclass(frozen=True, slots=True)
class TakeHome:
    gross: GrossPay
    tax_year: TaxYear
    status: FilingStatus
    state: StateTax
    spouse_wages: Decimal
    pretax: Decimal
    income_wages: Decimal  # wages subject to income tax: after pre-tax contributions
    standard_deduction: Decimal
    taxable_income: Decimal
    income_tax: Decimal
    social_security: Decimal
    medicare: Decimal
    additional_medicare: Decimal
    state_tax: Decimal
    marginal_rate: Decimal  # percent, on one more dollar of the earner's gross pay

    @property
    def earned(self) -> Decimal:
        """The earner's gross wages for the year, in cents as they are paid."""
        return cents(self.gross.per_year)

    @property
    def wages(self) -> Decimal:
        """Every earner's gross wages for the year."""
        return self.earned + self.spouse_wages

    @property
    def taxes(self) -> Decimal:
        return (
            self.income_tax
            + self.social_security
            + self.medicare
            + self.additional_medicare
            + self.state_tax
        )

    @property
    def net(self) -> Decimal:
        return self.wages - self.pretax - self.taxes

    def net_per(self, period: Period) -> Decimal:
        return EXACT.divide(self.net, PAYCHECKS[period])

    @property
    def effective_rate(self) -> Decimal:
        """Every tax as a percentage of gross wages."""
        return EXACT.divide(self.taxes * HUNDRED, self.wages)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the user should see whatever the format: the overtime deduction left out,
        regular hours beyond the federal 40 paid at the base rate."""
        overtime = any(part.part is Part.OVERTIME for part in self.gross.parts)
        return ((OVERTIME_NOTE,) if overtime else ()) + self.gross.notes

    @property
    def notes(self) -> tuple[str, ...]:
        """What the figures leave out that this case touches (the warnings among them)."""
        notes = list(self.warnings)
        if ZERO < self.taxable_income < TAX_TABLE_BELOW:
            notes.append(TAX_TABLE_NOTE)
        return tuple(notes)


def take_home(
    gross: GrossPay,
    tax_year: TaxYear,
    status: FilingStatus,
    *,
    pretax: Pretax = NO_PRETAX,
    state: StateTax | None = None,
    spouse_wages: Decimal = ZERO,
) -> TakeHome:
    state = state or StateTax()
    spouse_wages = cents(spouse_wages)
    if spouse_wages and status is not FilingStatus.MARRIED_JOINT:
        raise SpouseWagesNotJoint(
            f"a spouse's wages count only for married filing jointly, not {status.label}"
        )
    earned = cents(gross.per_year)  # wages are paid in cents
    if earned + spouse_wages <= 0:
        raise TakeHomeError("gross pay of 0 a year: there is nothing to take home or tax")
    contributed = cents(pretax.of(earned))
    if contributed > earned:
        raise TakeHomeError(
            f"pre-tax contributions of {cents(contributed):,} are more than the gross pay "
            f"of {cents(earned):,} they come from"
        )
    income_tax_rules = tax_year.income_tax
    income_wages = earned + spouse_wages - contributed
    deduction = income_tax_rules.standard_deduction[status]
    taxable = max(ZERO, income_wages - deduction)
    security = tax_year.social_security
    medicare = tax_year.medicare
    threshold = medicare.additional_threshold[status]
    above = max(ZERO, earned + spouse_wages - threshold)
    wages = earned + spouse_wages
    covered = min(earned, security.wage_base) + min(spouse_wages, security.wage_base)
    state_tax = ZERO
    if state.rate is not None:
        state_tax = cents(income_wages * state.rate / HUNDRED)

    kept = 1 - pretax.share
    marginal = medicare.rate
    if income_wages >= deduction:
        marginal += income_tax_rules.rate_at(taxable, status) * kept
    if earned < security.wage_base:
        marginal += security.rate
    if wages >= threshold:
        marginal += medicare.additional_rate
    if state.rate is not None:
        marginal += state.rate * kept

    result = TakeHome(
        gross=gross,
        tax_year=tax_year,
        status=status,
        state=state,
        spouse_wages=spouse_wages,
        pretax=contributed,
        income_wages=income_wages,
        standard_deduction=deduction,
        taxable_income=taxable,
        income_tax=cents(income_tax_rules.tax(taxable, status)),
        social_security=cents(covered * security.rate / HUNDRED),
        medicare=cents(wages * medicare.rate / HUNDRED),
        additional_medicare=cents(above * medicare.additional_rate / HUNDRED),
        state_tax=state_tax,
        marginal_rate=marginal,
    )
    if result.net < 0:
        raise TakeHomeError(
            f"pre-tax contributions of {contributed:,} leave less pay than the taxes of "
            f"{result.taxes:,} still owed on it (Social Security and Medicare are owed on "
            "contributions too): contribute less"
        )
    return result
