"""One amount in every pay period: the result object behind `convert` without `--to`.

Standard library only, like `periods`, so `convert` starts fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from careerstats.core.periods import STANDARD, Period, Schedule, convert


@dataclass(frozen=True, slots=True)
class Conversion:
    amount: Decimal
    period: Period
    schedule: Schedule
    amounts: dict[Period, Decimal]


def convert_to_every_period(
    amount: Decimal, period: Period, schedule: Schedule = STANDARD
) -> Conversion:
    return Conversion(
        amount,
        period,
        schedule,
        {target: convert(amount, period, target, schedule) for target in Period},
    )
