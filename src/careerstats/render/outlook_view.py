"""Outlook and entry requirements (BLS Employment Projections) and SOC groups, as lines of
label and text for the tables of `compare` and `show`."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from careerstats.core.money import signed_percent

if TYPE_CHECKING:
    from careerstats.core.outlook import Edition, Outlook, SocPlace

NOT_ASSIGNED = "none assigned (a group of occupations)"
LABELS = (
    "entry education",
    "work experience",
    "on-the-job training",
    "employment {base}",
    "projected change {span}",
    "openings a year",
)


def span(edition: Edition) -> str:
    """2024-34 as BLS writes it, with an en dash."""
    return f"{edition.base_year}\u2013{str(edition.projected_year)[-2:]}"


def labels(edition: Edition) -> list[str]:
    return [label.format(base=edition.base_year, span=span(edition)) for label in LABELS]


def _thousands(value: Decimal) -> str:
    return f"{value:,} thousand"


def cells(found: Outlook) -> list[str] | None:
    """The texts of the rows `labels` names, or None where the edition has no line."""
    line = found.projection
    if line is None:
        return None
    return [
        line.education or NOT_ASSIGNED,
        line.work_experience or NOT_ASSIGNED,
        line.training or NOT_ASSIGNED,
        _thousands(line.employment_base),
        f"{signed_percent(line.change_percent)} ({_signed_thousands(line.change)})",
        _thousands(line.openings),
    ]


def _signed_thousands(value: Decimal) -> str:
    return ("+" if value >= 0 else "") + _thousands(value)


def missing(found: Outlook) -> str:
    return f"no line for {found.code} in {found.edition.title}"


def legend(edition: Edition) -> str:
    return (
        "employment, change and openings in thousands, as published; openings a year, on "
        "average over the decade"
    )


def soc_lines(place: SocPlace) -> list[tuple[str, str]]:
    """`major group: 43-0000 Office and ...` and so on, or why there are none."""
    if not place.known:
        return [("SOC groups", f"{place.code} is not a code of the 2018 SOC")]
    return [(f"{group.level} group", f"{group.code} {group.title}") for group in place.groups]
