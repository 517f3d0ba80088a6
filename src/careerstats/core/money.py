"""Amounts of money: strict parsing of what people type, and rounding for presentation.

Money stays a `Decimal` from input to output. Rounding happens only here, half-up to the
cent, when a figure is presented; the core never rounds.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from careerstats.core.wording import quoted
from careerstats.errors import UsageError

CENT = Decimal("0.01")

# Thousands separators are accepted only where they belong ("51,280", not "5,1280"), so a
# mistyped number is rejected rather than read as something the user did not mean.
_AMOUNT = re.compile(r"\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\$?\.\d+", re.ASCII)
# What people write for thousands: `55k`, `55K`, `$1.5k`; read exactly (1.5k is 1500).
THOUSANDS = ("k", "K")

# Far beyond any pay figure, yet small enough that converted amounts stay exact in the
# 50-digit context the conversions use.
MAX_DIGITS = 15
MAX_PLACES = 20


class AmountError(UsageError):
    """An amount that is not a plain, non-negative decimal number."""


def parse_amount(text: str, *, thousands: bool = True) -> Decimal:
    """Read an amount as typed: `14.36`, `$51,280`, `51280.00`, `55k`. Never a float on the way.

    Only for what people type: data files and imported workbooks keep their own strict
    readers, where `55k` is not a figure. `thousands=False` refuses the `k` too (hours and
    weeks of a schedule are not counted in thousands)."""
    stripped = text.strip()
    if not stripped:
        raise AmountError("empty amount: give a number such as 14.36 or $51,280")
    scale = 0
    if thousands and stripped.endswith(THOUSANDS):
        stripped, scale = stripped[:-1], 3
    if stripped.startswith("-"):
        raise AmountError(f"negative amount {quoted(text)}: pay is given as a positive number")
    if not _AMOUNT.fullmatch(stripped):
        raise AmountError(
            f"not an amount: {quoted(text)}; "
            "write a plain number such as 14.36, 51280, $51,280 or 55k"
        )
    digits = stripped.lstrip("$").replace(",", "")
    if scale:
        digits = _shifted(digits, scale)
    whole, _, places = digits.partition(".")
    if len(whole.lstrip("0")) > MAX_DIGITS:
        raise AmountError(
            f"amount {quoted(text)} is too large: at most {MAX_DIGITS} digits before the point"
        )
    if len(places) > MAX_PLACES:
        raise AmountError(
            f"amount {quoted(text)} has too many decimals: at most {MAX_PLACES} after the point"
        )
    return Decimal(digits)


def _shifted(digits: str, scale: int) -> str:
    """`digits` times 10**scale, as text, by moving the point: exact, no arithmetic."""
    whole, _, places = digits.partition(".")
    places = places.ljust(scale, "0")
    whole, places = whole + places[:scale], places[scale:]
    return f"{whole.lstrip('0') or '0'}.{places}" if places else whole.lstrip("0") or "0"


def to_cents(value: Decimal) -> Decimal:
    """Round half-up to the cent: the only rounding the program does, for presentation."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def to_places(value: Decimal, places: int) -> str:
    """`value` rounded half-up to `places` decimals, trailing zeros kept: `1.5463`.

    Decimal's own format rounds half-even (`1.00005` -> `1.0000`); presentation here always
    rounds half-up, as for money.
    """
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"


def plain(value: Decimal) -> str:
    """`29868.80`: two decimals, no symbol, no separators (for scripts)."""
    return f"{to_cents(value):f}"


def dollars(value: Decimal, *, whole: bool = False) -> str:
    """`$29,868.80`, or `$51,280` for figures published in whole dollars."""
    rounded = to_cents(value)
    if whole and rounded == rounded.to_integral_value():
        return f"${rounded:,.0f}"
    return f"${rounded:,.2f}"


def json_number(value: Decimal) -> str:
    """Cents, without trailing zeros: `29868.8`, `51280`, `14.36` (a JSON number's text)."""
    text = f"{to_cents(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def signed_percent(value: Decimal) -> str:
    """`+10.1%`, `-2.5%`: a percentage (already times 100), half-up to one decimal."""
    shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if shown == 0:  # -0.04 rounds to -0.0: shown as +0.0%, not +-0.0%
        shown = abs(shown)
    return f"{'+' if shown >= 0 else ''}{shown}%"
