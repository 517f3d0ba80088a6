"""Imported rows that the bundled official releases already have.

A national, cross-industry row of a year careerstats bundles is the bundled release's own:
the bundled (official national) row is kept, and the imported one is left out, whether its
figures are the same (the official file imported again) or not (a file someone changed).
State, metropolitan and industry rows of the same year are added to the store as usual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from careerstats.sources import bundled_oews
from careerstats.sources.oews import (
    ALL_OWNERSHIPS,
    CROSS_INDUSTRY,
    NATION,
    ROW_FIELDS,
    WAGE_COLUMNS,
    ParsedFile,
    Row,
)


def published_cells(row: Row) -> list[str]:
    """A national row as a bundled release writes it: OCC_CODE, O_GROUP, TOT_EMP, the twelve
    wages, ANNUAL, HOURLY, OCC_TITLE, each the text BLS published (`*`, `**` for none)."""
    cells = dict(zip(ROW_FIELDS, row, strict=True))
    employment = cells["tot_emp"]
    return [
        cells["occ_code"],
        cells["o_group"],
        bundled_oews.EMPLOYMENT_NOT_AVAILABLE if employment is None else employment,
        *(
            bundled_oews.WAGE_NOT_AVAILABLE if cells[name] is None else cells[name]
            for name, _ in WAGE_COLUMNS
        ),
        "TRUE" if cells["annual_only"] else "",
        "TRUE" if cells["hourly_only"] else "",
        cells["occ_title"],
    ]


def is_national(row: Sequence[Any]) -> bool:
    return (row[0], row[1], row[2]) == (NATION, CROSS_INDUSTRY, ALL_OWNERSHIPS)


class LeftOut(NamedTuple):
    """National rows of an imported file that the bundled release of its year has."""

    release_id: str
    file_name: str
    same: int  # rows with the bundled figures exactly
    different: int  # rows whose figures differ from the bundled ones

    @property
    def total(self) -> int:
        return self.same + self.different


def defer_to_bundle(parsed: ParsedFile) -> tuple[ParsedFile, LeftOut | None]:
    """`parsed` without the national rows its year's bundled release has, and what was left
    out; a year careerstats does not bundle is returned as it is."""
    bundled_ids = {info.id for info in bundled_oews.releases()}
    if parsed.release_id not in bundled_ids:
        return parsed, None
    kept: list[Row] = []
    same = different = 0
    for row in parsed.rows:
        if not is_national(row):
            kept.append(row)
            continue
        official = bundled_oews.occupation(parsed.release_id, row[3])
        if official is None:
            kept.append(row)  # a code the official file lacks: nothing to defer to
            continue
        cells = published_cells(row)
        if (official.title, *official.cells) == (cells[-1], *cells[2:-1]):
            same += 1
        else:
            different += 1
    if same + different == 0:
        return parsed, None
    left_out = LeftOut(parsed.release_id, parsed.path.name, same, different)
    return replace(parsed, rows=kept), left_out
