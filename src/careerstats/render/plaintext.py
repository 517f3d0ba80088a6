"""Plain lines for the quick commands that should not load Rich (standard library only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerstats.core.money import dollars, to_places

if TYPE_CHECKING:
    from careerstats.core.inflation import Adjustment, CpiTable, When
    from careerstats.core.ranking import Rank


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


def period_note(result: Rank) -> str | None:
    """Why the amount may be meant per another period ('rank cs 15' reads 15 a year)."""
    from careerstats.core.ranking import likelier_period

    likelier = likelier_period(result)
    if likelier is None:
        return None
    return (
        f"{dollars(result.amount, whole=True)} was read as pay per {result.period.value}, "
        f"{result.position} every point; per {likelier.value} it falls among them: "
        f"add --per {likelier.value}"
    )
