"""Take-home pay and gross pay from a schedule, as plain lines for people (no Rich).

Every part of gross pay and every tax on its own line, amounts per year in one right-aligned
column; then the net per paycheck, the rates, what is not computed and the sources.
"""

from __future__ import annotations

import shutil
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING

from careerstats.core.gross import GrossPart, GrossPay
from careerstats.core.money import dollars, to_cents, to_places
from careerstats.core.periods import Period
from careerstats.render.literal import visible_in_view

if TYPE_CHECKING:
    from careerstats.core.takehome import TakeHome

NARROWEST = 40
WIDEST = 100


def width() -> int:
    return max(NARROWEST, min(WIDEST, shutil.get_terminal_size((80, 24)).columns))


def figure(value: Decimal) -> str:
    return f"{value.normalize():f}"


def amount(value: Decimal) -> str:
    """`42,830.00`: the column's figures carry no symbol."""
    return f"{to_cents(value):,.2f}"


def part_detail(part: GrossPart) -> str:
    """How a part is made: `40 h/week x 52 weeks at $20.59/h`, or a sum a year."""
    if part.rate is None or part.hours_per_week is None or part.weeks is None:
        return f"{part.part.label}, a year"
    return (
        f"{part.part.label}: {figure(part.hours_per_week)} h/week x {figure(part.weeks)} "
        f"weeks at {dollars(part.rate)}/h"
    )


def gross_lines(gross: GrossPay) -> list[tuple[str, Decimal | None]]:
    lines: list[tuple[str, Decimal | None]] = [("Gross pay", gross.per_year)]
    lines += [("  " + part_detail(part), part.per_year) for part in gross.parts]
    if gross.extra.unpaid_weeks:
        lines.append(
            (
                f"  ({figure(gross.extra.unpaid_weeks)} unpaid of "
                f"{figure(gross.schedule.weeks_per_year)} working weeks)",
                None,
            )
        )
    return lines


def columns(lines: list[tuple[str, Decimal | None]], *, sign: bool = False) -> str:
    """Labels left, amounts right, fitted to the terminal; a label too long is wrapped."""
    numbers = [amount(value) for _, value in lines if value is not None]
    column = max((len(text) for text in numbers), default=0) + (1 if sign else 0)
    room = width() - column - 2
    room = min(room, max(len(label) for label, value in lines if value is not None))
    out = []
    for label, value in lines:
        text = "" if value is None else amount(value)
        indent = len(label) - len(label.lstrip(" "))
        wrapped = textwrap.wrap(label, room, subsequent_indent=" " * (indent + 2)) or [""]
        for line in wrapped[:-1]:
            out.append(line)
        out.append(f"{wrapped[-1]:<{room}}  {text:>{column}}".rstrip())
    return "\n".join(out) + "\n"


def paragraph(text: str, indent: str = "") -> str:
    return "\n".join(textwrap.wrap(text, width(), subsequent_indent=indent)) + "\n"


def gross_view(gross: GrossPay) -> str:
    """`convert` with extra pay: every part a year, then the total in every period."""
    body = columns(gross_lines(gross))
    per = [
        f"{period.value} {dollars(gross.per(period))}"
        for period in Period
        if period is not Period.YEAR
    ]
    note = (
        "per hour: the average over every hour worked (overtime included); other periods: "
        "the year's gross spread evenly over them"
    )
    heading = (
        f"Gross pay of {dollars(gross.amount)} per {gross.period.value} at "
        f"{gross.schedule.describe()}"
    )
    return (
        paragraph(heading, "  ")
        + "\n"
        + body
        + "\n"
        + paragraph("Gross pay per " + ", ".join(per), "  ")
        + paragraph(note)
    )


def takehome_view(result: TakeHome) -> str:
    year = result.tax_year
    security = year.social_security
    medicare = year.medicare
    threshold = medicare.additional_threshold[result.status]
    base = dollars(security.wage_base, whole=True)
    heading = f"Take-home pay, tax year {year.year}, {result.status.label}"
    if result.state.code is not None:
        heading += f", {result.state.name} ({result.state.code})"
    lines = gross_lines(result.gross)
    if result.spouse_wages:
        lines.append(("Spouse's wages", result.spouse_wages))
    lines += [
        ("Pre-tax retirement contributions", -result.pretax),
        ("Federal income tax", -result.income_tax),
        (
            f"  on taxable income of {amount(result.taxable_income)}: wages of "
            f"{amount(result.income_wages)} after contributions, less the standard "
            f"deduction of {amount(result.standard_deduction)}",
            None,
        ),
        (
            f"Social Security ({figure(security.rate)}% up to {base})",
            -result.social_security,
        ),
        (f"Medicare ({figure(medicare.rate)}%)", -result.medicare),
        (
            f"Additional Medicare Tax ({figure(medicare.additional_rate)}% over "
            f"{dollars(threshold, whole=True)})",
            -result.additional_medicare,
        ),
        (_state_label(result), -result.state_tax),
        ("Net pay", result.net),
    ]
    checks = ", ".join(f"{period.value} {dollars(result.net_per(period))}" for period in _PAYCHECKS)
    rates = (
        f"Effective rate {to_places(result.effective_rate, 2)}% (every tax over gross "
        f"wages); marginal rate {to_places(result.marginal_rate, 2)}% (taxes on one more "
        "dollar of gross pay)"
    )
    warned = result.warnings  # written once, on stderr
    parts = [
        paragraph(heading, "  ") + "\n",
        columns(lines, sign=True),
        "\n",
        paragraph(f"Net per paycheck: {checks}", "  "),
        paragraph(rates),
        "\n",
        *(paragraph(f"Note: {note}", "  ") for note in result.notes if note not in warned),
        paragraph("Not computed: " + "; ".join(_not_computed()) + ".", "  "),
        # The sources are text from the tax data file: shown literally (render.literal).
        *(paragraph(f"Source: {visible_in_view(source)}", "  ") for source in year.sources),
    ]
    return "".join(parts)


_PAYCHECKS = (Period.WEEK, Period.BIWEEK, Period.SEMIMONTH, Period.MONTH)


def _not_computed() -> tuple[str, ...]:
    from careerstats.core.takehome import NOT_COMPUTED

    return NOT_COMPUTED


def _state_label(result: TakeHome) -> str:
    state = result.state
    if state.code is None:
        return "State income tax: not computed (no state given)"
    if state.rate is None:
        return f"State income tax: {state.code} has no income tax on wages"
    return f"State income tax (your flat {figure(state.rate)}%, not {state.code}'s own tax)"
