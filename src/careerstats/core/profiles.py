"""Whole-career profiles (`show`) and the listings of careers and sources (`list`, `sources`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careerstats.core.dataset import Dataset
from careerstats.core.model import Career, CareerFigures, OfficeProfile, SourceRelease
from careerstats.core.pay import CareerPay, career_pay, price_target
from careerstats.core.periods import STANDARD, Schedule

if TYPE_CHECKING:
    from careerstats.core.inflation import CpiTable, When
    from careerstats.core.outlook import Outlook, SocPlace


@dataclass(frozen=True)
class Profile:
    career: Career
    office: OfficeProfile | None
    pay: tuple[CareerPay, ...]
    schedule: Schedule
    adjusted_to: When | None = None
    scope: str = ""  # the area or industry asked for: " in Texas (48)"
    # Its Employment Projections line (or its absence) and its SOC groups, when the dataset
    # has them.
    outlook: Outlook | None = None
    soc: SocPlace | None = None


@dataclass(frozen=True)
class SourceListing:
    release: SourceRelease
    careers: tuple[Career, ...]


def profile(
    dataset: Dataset,
    career: Career,
    schedule: Schedule = STANDARD,
    in_dollars_of: When | None = None,
    cpi: CpiTable | None = None,
) -> Profile:
    """Everything known about `career`: catalog facts, its SOC groups, its projection and
    each source's figures, newest first."""
    from careerstats.core.outlook import outlook, soc_place

    cpi = price_target(dataset, in_dollars_of, cpi)
    pays = (
        career_pay(release, career, schedule, in_dollars_of, cpi)
        for release in dataset.coverage(career)
    )
    return Profile(
        career=career,
        office=dataset.catalog.offices.get(career.office) if career.office else None,
        pay=tuple(pay for pay in pays if pay is not None),
        schedule=schedule,
        adjusted_to=in_dollars_of,
        scope=dataset.scope,
        outlook=outlook(dataset.projections, career),
        soc=soc_place(dataset.classification, career),
    )


def list_sources(dataset: Dataset) -> list[SourceListing]:
    return [
        SourceListing(
            release,
            tuple(dataset.career(entry.career) for entry in release.careers),
        )
        for release in dataset.by_recency()
    ]


@dataclass(frozen=True)
class ReleaseContents:
    """Every entry of one release, as its source published them."""

    release: SourceRelease
    entries: tuple[CareerFigures, ...]


def release_contents(
    dataset: Dataset, source_id: str, level: str | None = None, group: str | None = None
) -> ReleaseContents:
    """Every entry of a release, or those of one level and one group."""
    from careerstats.core.listing import figures, in_scope

    release, _, entries, _ = in_scope(dataset, source_id, level, group, figures)
    return ReleaseContents(release, tuple(entries))
