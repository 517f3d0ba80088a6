"""One career across the imported areas: the data half of `compare --area A --area B` and
`where` (opening each area's releases; the comparing and ranking is the core's)."""

from __future__ import annotations

from collections.abc import Sequence

from careerstats.core.comparison import Comparison, compare
from careerstats.core.inflation import When
from careerstats.core.model import Career, SourceRelease
from careerstats.core.periods import Schedule
from careerstats.core.places import METRO, NATION, NONMETRO, STATE, TERRITORY, Area
from careerstats.core.prices import PriceAdjustment, price_adjustment
from careerstats.errors import NothingImported, UsageError
from careerstats.sources.dataset import open_dataset
from careerstats.sources.imported import CROSS_INDUSTRY_PLACE, StoreRelease
from careerstats.sources.store import Place, Store

NATION_AREA = Area("99", "U.S.", NATION)
KINDS = {"state": (STATE, TERRITORY), "metro": (METRO, NONMETRO)}


def area_of(release: SourceRelease) -> Area:
    """The area a release's figures are for: an imported one's, else the nation."""
    if isinstance(release, StoreRelease):
        place = release.area
        return Area(place.code, place.title, place.kind or NATION)
    return NATION_AREA


def compare_across(
    careers: Sequence[str],
    areas: Sequence[str | None],
    industry: str | None,
    source: str | None,
    schedule: Schedule,
    in_dollars_of: When | None,
    *,
    prices: bool,
) -> Comparison:
    """The careers compared in each area, as one comparison with a row per career and area;
    with `prices`, each row's RPP nearest its release's year."""
    rows = []
    places: list[Area] = []
    adjustments: list[PriceAdjustment] = []
    first: Comparison | None = None
    seen: set[str] = set()
    for name in areas:
        dataset = open_dataset(name, industry)
        found = compare(
            dataset, [dataset.career(c) for c in careers], source, schedule, in_dollars_of
        )
        first = first or found
        for pay in found.rows:
            area = area_of(pay.release)
            if area.code in seen and pay is found.rows[0]:
                raise UsageError(f"{area.name} is named twice; name each area once")
            seen.add(area.code)
            rows.append(pay)
            places.append(area)
            if prices:
                adjustments.append(_prices(area, pay.release))
    assert first is not None  # at least one area
    if len(areas) == 1:  # one place (--adjust-prices alone): its gaps and changes stay
        return first._replace(places=tuple(places), prices=tuple(adjustments))
    # Gaps and changes are between careers in one source; across places there is none.
    return first._replace(
        rows=tuple(rows),
        gaps=(),
        changes=(),
        chosen=None,
        places=tuple(places),
        prices=tuple(adjustments),
    )


def _prices(area: Area, release: SourceRelease) -> PriceAdjustment:
    from careerstats.sources.prices import bundled_prices

    year = int((release.reference_period or "0")[:4])
    return price_adjustment(bundled_prices(), area, year)


def area_releases(
    career: Career, kind: str | None, source: str | None
) -> tuple[list[tuple[Area, SourceRelease]], str]:
    """Every imported area (of `kind`: state or metro) bound to the newest release that has
    the career in some area of that kind (or the release `source`), with that release's id."""
    store = Store.existing()
    if store is None:
        raise NothingImported(
            "areas are rows of imported OEWS data (state and metropolitan files), "
            "and none is imported yet"
        )
    wanted = KINDS.get(kind or "", (STATE, TERRITORY, METRO, NONMETRO))
    codes = {career.id: career.soc_codes}
    records = store.releases()
    if source is not None:
        key = source.strip().lower()
        records = [record for record in records if record.id == key]
        if not records:
            raise UsageError(f"no imported release {source!r}; imported: {_ids(store)}")
    for record in records:  # newest first
        areas = [
            area
            for area in store.release_areas(record.id)
            if area.kind in wanted and area.code != NATION_AREA.code
        ]
        bound = [
            (
                area,
                StoreRelease.bind(
                    store,
                    record,
                    Place(area.code, area.name, area.kind),
                    CROSS_INDUSTRY_PLACE,
                    codes,
                ),
            )
            for area in areas
        ]
        if any(release.figures_for(career.id) is not None for _, release in bound):
            return [(area, release) for area, release in bound], record.id
    what = {"state": "state", "metro": "metropolitan"}.get(kind or "", "state or metropolitan")
    raise NothingImported(f"no imported release has {career.title.lower()} in any {what} area")


def _ids(store: Store) -> str:
    return ", ".join(record.id for record in store.releases()) or "none"
