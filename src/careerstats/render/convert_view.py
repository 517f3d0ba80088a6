"""The table of one amount in every pay period (`convert` without `--to`)."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from careerstats.core.conversion import Conversion
from careerstats.core.money import dollars, to_places
from careerstats.render.common import (
    money_text,
)


def conversion_table(result: Conversion) -> Table:
    table = Table(
        title=f"{money_text(result.amount)} per {result.period.value} in every period",
        caption=f"at {result.schedule.describe()}",
        box=box.SIMPLE_HEAD,
        min_width=60,
    )
    table.add_column("period")
    table.add_column("amount", justify="right")
    table.add_column("hours", justify="right", style="dim")
    for period, value in result.amounts.items():
        hours = result.schedule.hours_as_decimal(period)
        hours_text = to_places(hours, 2).rstrip("0").rstrip(".")
        style = "bold" if period is result.period else ""
        table.add_row(period.value, Text(dollars(value), style=style), hours_text)
    return table
