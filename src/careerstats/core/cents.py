"""Converting amounts straight from text to cents with integer arithmetic.

The streaming path converts millions of lines; going through `Decimal` and a rounding
context per line costs several times more than this. An amount `n / 10**k` per `source`
period is worth `n * num / (10**k * den)` per `target` period, where `num / den` is the
schedule's exact ratio of hours; rounding half-up to the cent is then one floor division.
Nothing is approximated, so the result equals the `Decimal` path's to the cent (a
hypothesis test holds the two together).
"""

from __future__ import annotations

import re
from decimal import Decimal

from careerstats.core.money import MAX_DIGITS, MAX_PLACES, parse_amount
from careerstats.core.periods import STANDARD, Period, Schedule

# Whole blocks of the two commonest shapes (cents, or whole dollars), checked at C speed by
# possessive patterns that cannot backtrack: each line 1-15 digits, then ".dd" or nothing.
_CENTS_BLOCK = re.compile(r"(?:[0-9]{1,15}+\.[0-9][0-9]\n)++")
_WHOLE_BLOCK = re.compile(r"(?:[0-9]{1,15}+\n)++")


class CentsConverter:
    """`convert(text)` gives the amount per `target` as `29868.80`, or raises `AmountError`."""

    def __init__(self, source: Period, target: Period, schedule: Schedule = STANDARD) -> None:
        ratio = schedule.factor(source, target)
        self._numerator = ratio.numerator * 200  # in cents, doubled for half-up rounding
        # For an amount with k decimals: the rounding offset (10**k * den) and the divisor
        # (twice that), precomputed for every k allowed.
        self._offsets = [10**k * ratio.denominator for k in range(MAX_PLACES + 1)]
        self._divisors = [2 * offset for offset in self._offsets]
        self._whole_factor = ratio.numerator if ratio.denominator == 1 else None

    def __call__(self, text: str) -> str:
        return self.convert_many([text])[0]

    def convert_block(self, block: str) -> str | None:
        """Lines ending in newlines, all `14.36` or all `51280`: converted in one sweep.

        None when the block has any other shape; `convert_many` then takes it line by line.
        """
        if _CENTS_BLOCK.fullmatch(block):
            scale = 2
        elif _WHOLE_BLOCK.fullmatch(block):
            scale = 0
        else:
            return None
        units = map(int, block.replace(".", "").split())
        if self._whole_factor is not None:
            # A whole number of hours per period (2,080 a year): cents times it are exact.
            multiplier = self._whole_factor * (100 if scale == 0 else 1)
            cents = [n * multiplier for n in units]
        else:
            numerator, offset = self._numerator, self._offsets[scale]
            divisor = self._divisors[scale]
            cents = [(n * numerator + offset) // divisor for n in units]
        padded = ["%03d" % amount for amount in cents]  # noqa: UP031 - the fastest form here
        results = [text[:-2] + "." + text[-2:] for text in padded]
        return "\n".join(results) + "\n"

    def convert_many(self, texts: list[str]) -> list[str]:
        """Every text converted, in order; raises `AmountError` at the first bad one."""
        numerator, offsets, divisors = self._numerator, self._offsets, self._divisors
        results: list[str] = []
        append = results.append
        for text in texts:
            whole, dot, places = text.partition(".")
            digits = whole + places
            if not (
                digits.isdigit()
                and digits.isascii()
                and whole
                and (places or not dot)
                and len(whole) <= MAX_DIGITS
                and len(places) <= MAX_PLACES
            ):
                # Spaces, separators, a dollar sign, or something wrong: the full rules.
                digits, places = _digits(parse_amount(text))
            scale = len(places)
            cents = (int(digits) * numerator + offsets[scale]) // divisors[scale]
            append("%d.%02d" % divmod(cents, 100))  # noqa: UP031 - the fastest form here
        return results


def _digits(amount: Decimal) -> tuple[str, str]:
    """The digits of an amount and its decimals: Decimal('51280.5') -> ('512805', '5')."""
    text = f"{amount:f}"
    whole, _, places = text.partition(".")
    return whole + places, places
