"""The dataset as one object: the career catalog, the source releases, and lookups.

Built by the data layer (`careerstats.sources.dataset`); the core only reads it. Occupations
beyond the catalog (imported or bundled OEWS data) come through the `Occupations` protocol,
so the core never touches a store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from careerstats.core.model import Career, CareerFigures, Catalog, SourceRelease
from careerstats.core.names import CareerNames
from careerstats.core.value import Value, field
from careerstats.errors import UnknownCareer as UnknownCareer  # re-exported
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.core.inflation import CpiTable
    from careerstats.core.names import Match, Occupations
    from careerstats.core.outlook import Classification, Projections


class UnknownSource(UsageError):
    pass


class Dataset(Value):
    catalog: Catalog
    sources: tuple[SourceRelease, ...]
    # Occupations the catalog does not have (imported OEWS data), for naming and listing.
    occupations: Occupations | None = field(default=None, repr=False, compare=False)
    # The area or industry every source is restricted to, for messages: " in Texas (48)".
    scope: str = ""
    # Why imported data is left out (a damaged store), for the CLI to warn about.
    store_problem: str | None = field(default=None, compare=False)
    # Loads the CPI-U table, only when a figure is adjusted for inflation.
    prices: Callable[[], CpiTable] | None = field(default=None, repr=False, compare=False)
    # The Employment Projections and the SOC structure the data layer bundles, read on use.
    projections: Projections | None = field(default=None, repr=False, compare=False)
    classification: Classification | None = field(default=None, repr=False, compare=False)

    @property
    def _names(self) -> CareerNames:
        # Built on first use: a run replaces its dataset (scope, store problem) before it
        # looks up any name, and some runs never do.
        names: CareerNames | None = self.__dict__.get("_career_names")
        if names is None:
            names = CareerNames(self.catalog.careers, self.occupations)
            object.__setattr__(self, "_career_names", names)
        return names

    @property
    def careers(self) -> tuple[Career, ...]:
        return self.catalog.careers

    def career(self, name: str) -> Career:
        """Find a career by id, alias, SOC code or title; an unknown name suggests close ones."""
        return self._names.find(name)

    def named_as(self, name: str, career: Career) -> str | None:
        """What `name` was taken to mean, when it is not the career's own code or title."""
        return self._names.named_as(name, career)

    def matches(self, query: str) -> list[Match]:
        """The occupations a query finds, best first (see `CareerNames.matches`)."""
        return self._names.matches(query)

    def source(self, source_id: str) -> SourceRelease:
        for release in self.sources:
            if release.id == source_id.strip().lower():
                return release
        import difflib

        known = ", ".join(release.id for release in self.sources)
        close = difflib.get_close_matches(source_id, [s.id for s in self.sources], n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise UnknownSource(f"unknown source {source_id!r}; {hint}sources are: {known}")

    def coverage(self, career: Career) -> list[SourceRelease]:
        """The releases that publish figures for `career`, newest dated first."""
        return [release for release in self.by_recency() if release.figures_for(career.id)]

    def by_recency(self) -> list[SourceRelease]:
        """Dated releases newest first, then undated ones in file order."""
        dated = sorted(
            (s for s in self.sources if s.reference_period),
            key=lambda s: s.reference_period or "",
            reverse=True,
        )
        return dated + [s for s in self.sources if not s.reference_period]

    def figures(self, release: SourceRelease, career: Career) -> CareerFigures | None:
        return release.figures_for(career.id)

    def price_index(self) -> CpiTable:
        """The CPI-U table the data layer provided (the bundled one)."""
        if self.prices is None:
            raise UsageError("this dataset has no CPI-U table to adjust figures with")
        return self.prices()
