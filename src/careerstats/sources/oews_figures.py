"""One OEWS row as `CareerFigures`: the same for an imported release and a bundled one.

A row is anything indexed by the store's column names (`occ_code`, `occ_title`, `tot_emp`,
`h_mean` ... `a_p90`, `annual_only`, `hourly_only`), each figure the exact decimal text BLS
published, `"#"` for top-coded or None for not available: an `sqlite3.Row` of the store or
a line of a bundled release. Standard library and the model only.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from careerstats.core.model import CareerFigures, Statistic
from careerstats.core.periods import Period

PUBLISHER = "U.S. Bureau of Labor Statistics"
PROGRAM = "Occupational Employment and Wage Statistics (OEWS; called OES until 2020)"
TOP_CODED = "#"
# The store's wage columns, hourly first, then annual (the OEWS reader maps file columns to them).
WAGE_NAMES = (
    *(f"h_{s}" for s in ("mean", "p10", "p25", "median", "p75", "p90")),
    *(f"a_{s}" for s in ("mean", "p10", "p25", "median", "p75", "p90")),
)
_PERIODS = {"h": Period.HOUR, "a": Period.YEAR}
WAGE_FIELDS = tuple((name, _PERIODS[name[0]], Statistic(name[2:])) for name in WAGE_NAMES)


if TYPE_CHECKING:  # for the type checker only: a Protocol class costs start-up time

    class OewsRow(Protocol):
        def __getitem__(self, key: str, /) -> Any: ...


def career_figures(
    career_id: str,
    wanted: str,
    row: OewsRow,
    *,
    release_id: str,
    classification: str | None,
    ceilings: dict[Period, Decimal | None],
    place: Sequence[str] = (),
    groups: tuple[str, ...] = (),
) -> CareerFigures:
    """The figures of `row` for `career_id`, asked for under SOC code `wanted`; `place` names
    what the row is limited to (an area, an industry), if anything. Raises ValueError when
    the row breaks the model's rules (a wage not above 0, percentiles out of order)."""
    wages: dict[Period, dict[Statistic, Decimal]] = {}
    top: dict[Period, dict[Statistic, Decimal]] = {}
    notes: list[str] = []
    for name, period, statistic in WAGE_FIELDS:
        text = row[name]
        if text is None:
            continue
        if text == TOP_CODED:
            ceiling = ceilings[period]
            if ceiling is None:
                notes.append(
                    f"the {period.adjective} {statistic.label} is top-coded (#) and this "
                    "release states no ceiling, so it is left out"
                )
                continue
            top.setdefault(period, {})[statistic] = ceiling
        else:
            wages.setdefault(period, {})[statistic] = Decimal(text)
    only = Period.HOUR if row["hourly_only"] else Period.YEAR if row["annual_only"] else None
    code = row["occ_code"]
    if code != wanted:
        notes.append(
            f"{release_id} ({classification}) lists this occupation under SOC code "
            f"{code} ({row['occ_title']}), not {wanted}; the two codes may not cover "
            "exactly the same work"
        )
    if place:
        notes.append("figures for " + ", ".join(place))
    return CareerFigures(
        career=career_id,
        soc=code,
        title_in_source=row["occ_title"] or None,
        wages=wages,
        top_coded=top,
        only_published_per=only,
        notes=tuple(notes),
        employment=int(Decimal(row["tot_emp"])) if row["tot_emp"] else None,
        groups=groups,
    )
