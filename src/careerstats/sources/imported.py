"""Imported OEWS releases as the same objects the bundled ones are.

A `StoreRelease` is a `SourceRelease` bound to one area and one industry of a stored
release. It holds no figures up front: `figures_for(career_id)` asks the store for that
career's row (by SOC code, through the primary-key index) and builds a validated
`CareerFigures`, once, so the comparison, profile and listing code works on imported
releases unchanged, and a query never loads more than the rows it asks for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from careerstats.core.dataset import Dataset
from careerstats.core.model import (
    SOC_CODE,
    TOP_CODING_NOTE,
    AnnualBasis,
    Career,
    CareerFigures,
    SourceRelease,
)
from careerstats.core.money import dollars
from careerstats.core.names import AllOccupations
from careerstats.core.periods import Period
from careerstats.errors import DataError, UsageError
from careerstats.sources.oews import ALL_OWNERSHIPS, CROSS_INDUSTRY, NATION
from careerstats.sources.oews_figures import PROGRAM, PUBLISHER, career_figures
from careerstats.sources.store import Place, ReleaseRecord, Store

NATION_PLACE = Place(NATION, "U.S.")
CROSS_INDUSTRY_PLACE = Place(CROSS_INDUSTRY, "Cross-industry")


class StoreRelease(SourceRelease):
    """One imported OEWS release, in one area and one industry.

    Not a dataclass of its own: the attributes below are its link to the store, set once by
    `bind`, not fields of a dataset file.
    """

    _store: Store
    _record: ReleaseRecord
    _area: Place
    _industry: Place
    _codes: Mapping[str, tuple[str, ...]]
    _cache: dict[str, CareerFigures | None]

    @classmethod
    def bind(
        cls,
        store: Store,
        record: ReleaseRecord,
        area: Place,
        industry: Place,
        codes: Mapping[str, tuple[str, ...]],
    ) -> StoreRelease:
        where = "" if area.code == NATION else f", {area.title}"
        what = (
            "" if industry.code == CROSS_INDUSTRY else f", {industry.title} (NAICS {industry.code})"
        )
        release = cls(
            id=record.id,
            publisher=PUBLISHER,
            program=PROGRAM,
            title=f"OEWS May {record.year} estimates{where}{what}, imported",
            reference_period=f"{record.year}-05",
            classification=record.classification,
            annual_basis=AnnualBasis.HOURS_2080,
            cited_in=tuple(f"imported from {file.name}" for file in record.files),
            notes=_release_notes(record),
            careers=(),
        )
        links = {
            "_store": store,
            "_record": record,
            "_area": area,
            "_industry": industry,
            "_codes": codes,
            "_cache": {},
        }
        for name, value in links.items():
            object.__setattr__(release, name, value)  # the release itself stays frozen
        return release

    @property
    def record(self) -> ReleaseRecord:
        return self._record

    @property
    def area(self) -> Place:
        return self._area

    @property
    def industry(self) -> Place:
        return self._industry

    def figures_for(self, career_id: str) -> CareerFigures | None:
        if career_id not in self._cache:
            self._cache[career_id] = self._load(career_id)
        return self._cache[career_id]

    def entries(self) -> list[CareerFigures]:
        """Every occupation in this area and industry, in SOC code order (all groups: total,
        major, minor, broad and detailed). A catalog career appears under its catalog id."""
        catalog_id = {codes[0]: career_id for career_id, codes in self._codes.items()}
        found: list[CareerFigures] = []
        seen: set[str] = set()
        for row in self._store.place_rows(self.id, self._area.code, self._industry.code):
            code = row["occ_code"]
            if code in seen:
                continue  # another ownership of the same occupation
            seen.add(code)
            career_id = catalog_id.get(code, code)
            if career_id not in self._cache:
                self._cache[career_id] = self._figures(career_id, code, row)
            entry = self._cache[career_id]
            if entry is not None:
                found.append(entry)
        return found

    def _load(self, career_id: str) -> CareerFigures | None:
        codes = self._codes.get(career_id)
        if codes is None:
            codes = (career_id,) if SOC_CODE.fullmatch(career_id) else ()
        if not codes:
            return None
        try:
            rows = self._store.rows(self.id, codes, self._area.code, self._industry.code)
        except sqlite3.DatabaseError as error:
            raise DataError(f"{self._store.path}: cannot read the store: {error}") from None
        if not rows:
            return None
        by_code = {row["occ_code"]: row for row in reversed(rows)}
        row = next(by_code[code] for code in codes if code in by_code)
        return self._figures(career_id, codes[0], row)

    def _figures(self, career_id: str, wanted: str, row: sqlite3.Row) -> CareerFigures:
        place = [] if self._area.code == NATION else [self._area.title]
        if self._industry.code != CROSS_INDUSTRY:
            place.append(f"industry {self._industry.title}")
        if row["own_code"] != ALL_OWNERSHIPS:
            place.append(f"ownership code {row['own_code']}")
        try:
            # The row was checked when it was imported; building the figures checks the
            # rules across fields again (positive wages, percentiles in order).
            return career_figures(
                career_id,
                wanted,
                row,
                release_id=self.id,
                classification=self.classification,
                ceilings={
                    Period.HOUR: self._record.ceiling_hour,
                    Period.YEAR: self._record.ceiling_year,
                },
                place=place,
                groups=(row["o_group"],) if row["o_group"] else (),
            )
        except ValueError as error:
            raise DataError(
                f"{self.id}: the imported row for {row['occ_code']} does not validate: {error}"
            ) from None


def _release_notes(record: ReleaseRecord) -> tuple[str, ...]:
    if record.ceiling_hour is None or record.ceiling_year is None:
        return ("this release states no top-coding ceiling: top-coded (#) figures are left out",)
    where = (
        "as the imported file states"
        if record.ceiling_stated
        else ("the known ceiling of this release; the imported file states none")
    )
    converted = record.ceiling_derived
    if converted is not None:
        stated = "annual" if converted is Period.HOUR else "hourly"
        where = (
            f"the file states the {stated} one; the {converted.adjective} one is converted "
            "from it at 2,080 hours"
        )
    return (
        f"{TOP_CODING_NOTE} {dollars(record.ceiling_hour)} an hour or "
        f"{dollars(record.ceiling_year, whole=True)} a year ({where})",
    )


def store_career(store: Store, name: str) -> Career | None:
    """A career for an occupation the catalog lacks: by SOC code or by its OEWS title."""
    text = " ".join(name.split())
    if SOC_CODE.fullmatch(text):
        found = store.occupation(text)
    else:
        titled = store.occupations_titled(text)
        found = titled[0] if titled else None
    if found is None:
        return None
    return imported_career(*found)


def imported_career(code: str, title: str) -> Career:
    """An occupation the catalog lacks, as the imported OEWS data titles it."""
    return Career(
        id=code,
        title=title,
        soc=code,
        summary=(
            f"{title} (SOC {code}), as titled in the imported OEWS data; not in the careerstats "
            "catalog, so no duties, education or outlook are shown"
        ),
    )


class StoreOccupations:
    """The store's occupations, as the core's `Occupations` protocol asks for them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def titles(self) -> dict[str, str]:
        return self.store.occupation_titles()

    def career(self, name: str) -> Career | None:
        return store_career(self.store, name)

    def index(self) -> list[tuple[Career, list[str]]]:
        return [
            (imported_career(code, title), releases)
            for code, title, releases in self.store.occupation_index()
        ]


def with_imported(base: Dataset, store: Store, area: str | None, industry: str | None) -> Dataset:
    """`base` plus every imported release of `store`, in the area and industry asked for.

    With the default area (the nation) and industry (cross-industry) the bundled releases
    stay; with any other selection only imported releases with those rows take part.
    """
    area_place = store.area(area) if area is not None else NATION_PLACE
    industry_place = store.industry(industry) if industry is not None else CROSS_INDUSTRY_PLACE
    default = area_place.code == NATION and industry_place.code == CROSS_INDUSTRY
    codes = {career.id: career.soc_codes for career in base.careers}
    releases = [
        StoreRelease.bind(store, record, area_place, industry_place, codes)
        for record in store.releases()
        if store.has_place(record.id, area_place.code, industry_place.code)
    ]
    if not releases and not default:
        raise UsageError(
            f"no imported release has rows for {area_place.title} in {industry_place.title}"
        )
    if default:
        # The nation, cross-industry: the bundled official release of a year has those rows;
        # an imported file of the same year adds only other areas and industries.
        bundled = {release.id for release in base.sources}
        releases = [release for release in releases if release.id not in bundled]
    sources = (*(base.sources if default else ()), *releases)
    scope = [] if area_place.code == NATION else [f"{area_place.title} ({area_place.code})"]
    if industry_place.code != CROSS_INDUSTRY:
        scope.append(f"{industry_place.title} (NAICS {industry_place.code})")
    return Dataset(
        catalog=base.catalog,
        sources=sources,
        occupations=(
            AllOccupations(base.occupations, StoreOccupations(store))
            if base.occupations is not None
            else StoreOccupations(store)
        ),
        prices=base.prices,
        projections=base.projections,
        classification=base.classification,
        scope=f" in {', '.join(scope)}" if scope else "",
    )
