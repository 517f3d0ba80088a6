"""Federal income tax, Social Security and Medicare on wages, against values worked by hand.

The tax tables below are typed from ../shared/TAX_FACTS.md (itself from the IRS revenue
procedures and SSA announcements), independently of data/tax/us_federal.yaml. The expected
taxes are worked here, bracket by bracket, with plain Decimal arithmetic; the code under test
reads the data file. Then a few cases are written out in full as literals.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerstats.core.gross import ExtraPay, gross_pay
from careerstats.core.periods import Period
from careerstats.core.states import state_tax
from careerstats.core.takehome import Pretax, TakeHome, take_home
from careerstats.core.tax import FilingStatus
from careerstats.sources.tax_data import bundled_tax_data

D = Decimal
SINGLE, JOINT, HEAD = "single", "married-joint", "head-of-household"

# Where each bracket ends (10% ... 35%), from TAX_FACTS.md.
BRACKET_ENDS = {
    (2024, SINGLE): (11600, 47150, 100525, 191950, 243725, 609350),
    (2024, JOINT): (23200, 94300, 201050, 383900, 487450, 731200),
    (2024, HEAD): (16550, 63100, 100500, 191950, 243700, 609350),
    (2025, SINGLE): (11925, 48475, 103350, 197300, 250525, 626350),
    (2025, JOINT): (23850, 96950, 206700, 394600, 501050, 751600),
    (2025, HEAD): (17000, 64850, 103350, 197300, 250500, 626350),
    (2026, SINGLE): (12400, 50400, 105700, 201775, 256225, 640600),
    (2026, JOINT): (24800, 100800, 211400, 403550, 512450, 768700),
    (2026, HEAD): (17700, 67450, 105700, 201750, 256200, 640600),
}
RATES = (10, 12, 22, 24, 32, 35, 37)
DEDUCTION = {
    (2024, SINGLE): 14600,
    (2024, JOINT): 29200,
    (2024, HEAD): 21900,
    (2025, SINGLE): 15750,
    (2025, JOINT): 31500,
    (2025, HEAD): 23625,
    (2026, SINGLE): 16100,
    (2026, JOINT): 32200,
    (2026, HEAD): 24150,
}
WAGE_BASE = {2024: 168600, 2025: 176100, 2026: 184500}
ADDITIONAL_THRESHOLD = {SINGLE: 200000, JOINT: 250000, HEAD: 200000}


def hand_cents(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def hand_income_tax(year: int, status: str, wages: Decimal) -> Decimal:
    taxable = max(D(0), wages - DEDUCTION[year, status])
    tax, start = D(0), D(0)
    for rate, end in zip(RATES, (*BRACKET_ENDS[year, status], None), strict=True):
        top = taxable if end is None else min(taxable, D(end))
        if top > start:
            tax += (top - start) * rate / 100
        if end is not None:
            start = D(end)
    return hand_cents(tax)


def hand_social_security(year: int, wages: Decimal) -> Decimal:
    return hand_cents(min(wages, D(WAGE_BASE[year])) * D("0.062"))


def hand_medicare(status: str, wages: Decimal) -> tuple[Decimal, Decimal]:
    additional = max(D(0), wages - ADDITIONAL_THRESHOLD[status]) * D("0.009")
    return hand_cents(wages * D("0.0145")), hand_cents(additional)


def compute(year: int, status: str, wages: Decimal | int | str, **options: object) -> TakeHome:
    return take_home(
        gross_pay(D(wages), Period.YEAR),
        bundled_tax_data().year(year),
        FilingStatus(status),
        **options,  # type: ignore[arg-type]
    )


def _incomes(year: int, status: str) -> list[tuple[str, Decimal]]:
    """Wages whose taxable income falls in the middle of every bracket, at the top, below
    the standard deduction, at and above the wage base and above the Additional Medicare
    threshold."""
    deduction = D(DEDUCTION[year, status])
    starts = (0, *BRACKET_ENDS[year, status])
    ends = (*BRACKET_ENDS[year, status], BRACKET_ENDS[year, status][-1] + 100_000)
    cases = [
        (f"{rate}% bracket", deduction + (D(start) + D(end)) / 2 + D("0.37"))
        for rate, start, end in zip(RATES, starts, ends, strict=True)
    ]
    cases += [
        ("bracket end exactly", deduction + BRACKET_ENDS[year, status][1]),
        ("zero income tax", deduction - 1),
        ("at the wage base", D(WAGE_BASE[year])),
        ("above the wage base", D(WAGE_BASE[year]) + D("12345.67")),
        ("above the Additional Medicare threshold", D(ADDITIONAL_THRESHOLD[status]) + 10000),
    ]
    return cases


SWEEP = [
    (year, status, label, wages)
    for (year, status) in BRACKET_ENDS
    for label, wages in _incomes(year, status)
]


@pytest.mark.parametrize(
    ("year", "status", "label", "wages"),
    SWEEP,
    ids=[f"{y}-{s}-{label}" for y, s, label, _ in SWEEP],
)
def test_every_year_and_status_is_taxed_as_worked_by_hand(
    year: int, status: str, label: str, wages: Decimal
) -> None:
    result = compute(year, status, wages)
    medicare, additional = hand_medicare(status, wages)
    assert result.income_tax == hand_income_tax(year, status, wages)
    assert result.social_security == hand_social_security(year, wages)
    assert result.medicare == medicare
    assert result.additional_medicare == additional
    expected_net = hand_cents(wages) - (
        result.income_tax + result.social_security + medicare + additional
    )
    assert result.net == expected_net


# Written out in full: wages, taxable income, and each tax to the cent.
LITERAL_CASES = [
    # TAX_FACTS's worked example: 42,830 - 14,600 = 28,230 taxable;
    # 10% x 11,600 + 12% x (28,230 - 11,600) = 1,160.00 + 1,995.60.
    (2024, SINGLE, "42830", "28230", "3155.60", "2655.46", "621.04", "0", "36397.90"),
    # 2025 single, 15,000 < 15,750 deduction: no income tax; 930.00 and 217.50.
    (2025, SINGLE, "15000", "0", "0", "930.00", "217.50", "0", "13852.50"),
    # 2026 joint, 120,000 - 32,200 = 87,800: 2,480 + 12% x (87,800 - 24,800) = 2,480 + 7,560;
    # SS 6.2% x 120,000 = 7,440.00; Medicare 1,740.00; net 120,000 - 19,220.00.
    (2026, JOINT, "120000", "87800", "10040.00", "7440.00", "1740.00", "0", "100780.00"),
    # 2024 head of household, 250,000 - 21,900 = 228,100: 1,655 + 12% x 46,550 (5,586)
    # + 22% x 37,400 (8,228) + 24% x 91,450 (21,948) + 32% x 36,150 (11,568) = 48,985.00;
    # SS 6.2% x 168,600 = 10,453.20; Medicare 3,625.00; Additional 0.9% x 50,000 = 450.00.
    (2024, HEAD, "250000", "228100", "48985.00", "10453.20", "3625.00", "450.00", "186486.80"),
    # 2025 single, 700,000 - 15,750 = 684,250: 10% x 11,925 (1,192.50) + 12% x 36,550
    # (4,386.00) + 22% x 54,875 (12,072.50) + 24% x 93,950 (22,548.00) + 32% x 53,225
    # (17,032.00) + 35% x 375,825 (131,538.75) + 37% x 57,900 (21,423.00) = 210,192.75;
    # SS 6.2% x 176,100 = 10,918.20; Medicare 10,150.00; Additional 0.9% x 500,000 = 4,500.
    (2025, SINGLE, "700000", "684250", "210192.75", "10918.20", "10150.00", "4500.00", "464239.05"),
]


@pytest.mark.parametrize(
    ("year", "status", "wages", "taxable", "income", "security", "medicare", "extra", "net"),
    LITERAL_CASES,
)
def test_worked_examples_to_the_cent(
    year: int,
    status: str,
    wages: str,
    taxable: str,
    income: str,
    security: str,
    medicare: str,
    extra: str,
    net: str,
) -> None:
    result = compute(year, status, wages)
    assert result.taxable_income == D(taxable)
    assert result.income_tax == D(income)
    assert result.social_security == D(security)
    assert result.medicare == D(medicare)
    assert result.additional_medicare == D(extra)
    assert result.net == D(net)


def test_pretax_contributions_lower_income_tax_but_not_payroll_taxes() -> None:
    # 2024 single, 60,000 with 6% (3,600) to a 401(k): income-tax wages 56,400, taxable
    # 41,800: 1,160 + 12% x 30,200 = 4,784.00. SS and Medicare on all 60,000: 3,720.00 and
    # 870.00. Net: 60,000 - 3,600 - 4,784 - 3,720 - 870 = 47,026.00.
    result = compute(2024, SINGLE, "60000", pretax=Pretax(percent=D(6)))
    assert (result.pretax, result.taxable_income) == (D("3600.00"), D("41800.00"))
    assert (result.income_tax, result.social_security, result.medicare) == (
        D("4784.00"),
        D("3720.00"),
        D("870.00"),
    )
    assert result.net == D("47026.00")


def test_a_flat_state_rate_applies_to_wages_after_pretax_contributions() -> None:
    # 5% of (60,000 - 5,000) = 2,750.00.
    result = compute(
        2024, SINGLE, "60000", pretax=Pretax(amount=D(5000)), state=state_tax("CA", D(5))
    )
    assert result.state_tax == D("2750.00")


def test_each_spouse_has_their_own_wage_base_and_the_couple_one_medicare_threshold() -> None:
    # 2026 joint, 200,000 + 100,000: SS 6.2% x (184,500 + 100,000) = 17,639.00;
    # Medicare 1.45% x 300,000 = 4,350.00; Additional 0.9% x (300,000 - 250,000) = 450.00.
    # Taxable 300,000 - 32,200 = 267,800: 2,480 + 9,120 + 22% x 110,600 (24,332)
    # + 24% x 56,400 (13,536) = 49,468.00.
    result = compute(2026, JOINT, "200000", spouse_wages=D(100000))
    assert result.social_security == D("17639.00")
    assert result.medicare == D("4350.00")
    assert result.additional_medicare == D("450.00")
    assert result.income_tax == D("49468.00")
    assert result.net == D("300000") - D("17639") - D("4350") - D("450") - D("49468")


def test_the_marginal_rate_is_the_next_dollars_taxes() -> None:
    # 2024 single 42,830: 12% bracket + 6.2% + 1.45% = 19.65%.
    assert compute(2024, SINGLE, "42830").marginal_rate == D("19.65")
    top = compute(2024, SINGLE, "700000")
    # taxable 685,400 > 609,350: 37% + 1.45% + 0.9% = 39.35%.
    assert top.marginal_rate == D("39.35")
    # Below the standard deduction: payroll taxes only, 7.65%.
    assert compute(2024, SINGLE, "10000").marginal_rate == D("7.65")
    # At the deduction exactly, the next dollar is taxed at 10%: 17.65%.
    assert compute(2024, SINGLE, "14600").marginal_rate == D("17.65")
    # At the end of the 12% bracket (taxable 47,150), the next dollar is in the 22% one.
    assert compute(2024, SINGLE, "61750").marginal_rate == D("29.65")
    # At the wage base, the next dollar owes no Social Security: 24% + 1.45%.
    assert compute(2024, SINGLE, "168600").marginal_rate == D("25.45")


def test_the_tax_table_note_appears_below_100000_of_taxable_income_only() -> None:
    assert any("$50 bands" in note for note in compute(2024, SINGLE, "42830").notes)
    assert not any("$50 bands" in note for note in compute(2024, SINGLE, "200000").notes)
    assert not any("$50 bands" in note for note in compute(2024, SINGLE, "10000").notes)


def test_overtime_in_the_pay_brings_the_one_line_overtime_note() -> None:
    gross = gross_pay(D(20), Period.HOUR, extra=ExtraPay(overtime_hours=D(5)))
    result = take_home(gross, bundled_tax_data().year(2025), FilingStatus.SINGLE)
    assert len(result.warnings) == 1
    assert "2025-2028" in result.warnings[0]
    assert compute(2025, SINGLE, "42830").warnings == ()


# ------------------------------------------------------------------ properties

WAGES = st.decimals(min_value=0, max_value=3_000_000, places=2, allow_nan=False)
YEARS = st.sampled_from((2024, 2025, 2026))
STATUSES = st.sampled_from((SINGLE, JOINT, HEAD))
STATES = st.sampled_from(((None, None), ("TX", None), ("CA", D("9.3")), ("NY", D(20))))
PRETAX = st.sampled_from((Pretax(), Pretax(percent=D(10)), Pretax(amount=D(0))))


@settings(max_examples=300, deadline=None)
@given(WAGES, YEARS, STATUSES, STATES, PRETAX)
def test_K21_net_never_exceeds_gross(
    wages: Decimal,
    year: int,
    status: str,
    state: tuple[str | None, Decimal | None],
    pretax: Pretax,
) -> None:
    wages = wages + 1  # at least a dollar: nothing to take home from 0
    result = compute(year, status, wages, state=state_tax(*state), pretax=pretax)
    assert result.net <= result.wages


@settings(max_examples=300, deadline=None)
@given(WAGES, YEARS, STATUSES, STATES, PRETAX)
def test_K22_a_dollar_more_of_gross_is_more_net(
    wages: Decimal,
    year: int,
    status: str,
    state: tuple[str | None, Decimal | None],
    pretax: Pretax,
) -> None:
    wages = wages + 1
    lower = compute(year, status, wages, state=state_tax(*state), pretax=pretax)
    higher = compute(year, status, wages + 1, state=state_tax(*state), pretax=pretax)
    assert higher.net > lower.net


@settings(max_examples=300, deadline=None)
@given(WAGES, WAGES, YEARS, STATUSES, STATES)
def test_K23_net_never_falls_by_more_than_rounding_as_gross_rises(
    first: Decimal,
    second: Decimal,
    year: int,
    status: str,
    state: tuple[str | None, Decimal | None],
) -> None:
    low, high = sorted((first + D("0.01"), second + D("0.01")))
    if low == high:
        high += D("0.01")
    net_low = compute(year, status, low, state=state_tax(*state)).net
    net_high = compute(year, status, high, state=state_tax(*state)).net
    assert net_high >= net_low - D("0.03")


@settings(max_examples=300, deadline=None)
@given(WAGES, YEARS, STATUSES, STATES, PRETAX)
def test_K24_the_marginal_rate_is_between_0_and_100_percent(
    wages: Decimal,
    year: int,
    status: str,
    state: tuple[str | None, Decimal | None],
    pretax: Pretax,
) -> None:
    result = compute(year, status, wages + 1, state=state_tax(*state), pretax=pretax)
    assert 0 <= result.marginal_rate <= 100
