"""Plain lines for the quick commands that should not load Rich (standard library only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerstats.money import dollars, to_places

if TYPE_CHECKING:
    from careerstats.inflation import Adjustment, CpiTable, When


def adjustment(result: Adjustment, table: CpiTable) -> str:
    rebase = result.rebase
    factor = to_places(rebase.factor, 6)
    source, target = rebase.source, rebase.target
    return (
        f"{dollars(result.amount)} in {_dollars_of(source)} dollars is "
        f"{dollars(result.result)} in {_dollars_of(target)} dollars\n"
        f"CPI-U {table.series} ({table.base}): {source.label} {rebase.from_index} -> "
        f"{target.label} {rebase.to_index}, factor {factor}\n"
    )


def _dollars_of(when: When) -> str:
    return when.label if when.is_month else str(when.year)
