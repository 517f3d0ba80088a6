"""Plain lines for the quick commands that should not load Rich (standard library only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerstats.money import dollars

if TYPE_CHECKING:
    from careerstats.inflation import Adjustment, CpiTable


def adjustment(result: Adjustment, table: CpiTable) -> str:
    rebase = result.rebase
    factor = f"{rebase.factor:.6f}"
    return (
        f"{dollars(result.amount)} in dollars of {rebase.source.label} is "
        f"{dollars(result.result)} in dollars of {rebase.target.label}\n"
        f"CPI-U {table.series} ({table.base}): {rebase.from_index} -> {rebase.to_index}, "
        f"factor {factor}\n"
    )
