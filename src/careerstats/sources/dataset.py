"""Loading the dataset: the bundled files validated (or from the cache), plus the store."""

from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerstats.core.dataset import Dataset
from careerstats.core.model import Catalog, SourceRelease
from careerstats.core.value import replace
from careerstats.errors import DataError, NothingImported, StoreUnreadable

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from careerstats.core.inflation import CpiTable
    from careerstats.core.outlook import SocGroup
    from careerstats.core.profiles import SourceListing
    from careerstats.core.tax import TaxData
    from careerstats.sources.store import ReleaseRecord


def build(catalog: Catalog, sources: Iterable[tuple[str, SourceRelease]]) -> Dataset:
    """Join the catalog and releases, checking that every reference between files resolves."""
    ids = {career.id for career in catalog.careers}
    releases: list[SourceRelease] = []
    seen: dict[str, str] = {}
    for file_name, release in sources:
        if release.id in seen:
            raise DataError(
                f"{file_name}: id: source {release.id!r} is also defined in {seen[release.id]}"
            )
        seen[release.id] = file_name
        check_references(file_name, release, ids)
        releases.append(release)
    return Dataset(catalog=catalog, sources=tuple(releases))


def check_references(
    file_name: str, release: SourceRelease, ids: set[str], text: str | None = None
) -> None:
    """Every career a release lists must be in the catalog."""
    from careerstats.sources.datafiles import located_error

    for index, entry in enumerate(release.careers):
        if entry.career not in ids:
            import difflib

            close = difflib.get_close_matches(entry.career, sorted(ids), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise located_error(
                file_name,
                ("careers", index, "career"),
                f"unknown career {entry.career!r}{hint}",
                text,
            )


def _is_catalog(name: str, document: Any) -> bool:
    from careerstats.sources.bundle import CATALOG_FILE

    return name == CATALOG_FILE or (isinstance(document, dict) and "offices" in document)


def _read(files: Sequence[Any]) -> list[tuple[str, str, Any]]:
    """Each file's name, text (for line numbers in errors) and parsed YAML."""
    from careerstats.sources.datafiles import parse_yaml, read_text

    loaded = []
    for file in files:
        name = getattr(file, "name", str(file))
        text = read_text(file)
        loaded.append((name, text, parse_yaml(text, name)))
    return loaded


def _releases(
    loaded: Iterable[tuple[str, str, Any]], ids: set[str]
) -> list[tuple[str, SourceRelease]]:
    from careerstats.sources.datafiles import validate

    releases = []
    for name, text, document in loaded:
        release = validate(SourceRelease, document, name, text=text)
        check_references(name, release, ids, text)
        releases.append((name, release))
    return releases


def load_files(files: "Sequence[Traversable | Path]") -> Dataset:
    """Validate dataset files (paths or package resources) into a `Dataset`."""
    from careerstats.sources.bundle import CATALOG_FILE
    from careerstats.sources.datafiles import validate

    loaded = _read(files)
    catalogs = [item for item in loaded if item[0] == CATALOG_FILE]
    if not catalogs:
        raise DataError(f"{CATALOG_FILE}: the career catalog is missing")
    name, text, document = catalogs[0]
    catalog = validate(Catalog, document, name, text=text)
    ids = {career.id for career in catalog.careers}
    sources = [item for item in loaded if item[0] != CATALOG_FILE]
    return build(catalog, _releases(sources, ids))


class CheckedFile(NamedTuple):  # a named tuple: no dataclass to define on every start-up
    name: str
    kind: Literal["catalog", "source", "tax"]
    id: str
    careers: int
    years: tuple[int, ...] = ()  # a tax data file's tax years


def check_files(files: Sequence[Any] | None = None) -> list[CheckedFile]:
    """Validate dataset files (the bundled ones by default), in order.

    The first invalid one raises `DataError` naming its file, line and field. Career
    references are checked against the catalog among `files`, or the bundled one.
    """
    from careerstats.sources.bundle import bundled_files
    from careerstats.sources.datafiles import validate
    from careerstats.sources.tax_data import TAX_FILE, bundled_tax_data

    loaded = _read(list(files) if files is not None else list(bundled_files()))
    taxes = [
        _checked_tax(name, text, document) for name, text, document in loaded if _is_tax(document)
    ]
    loaded = [item for item in loaded if not _is_tax(item[2])]
    if files is None:
        taxes.append(_tax_years("/".join(TAX_FILE), bundled_tax_data()))
    catalogs = {
        name: validate(Catalog, document, name, text=text)
        for name, text, document in loaded
        if _is_catalog(name, document)
    }
    catalog = list(catalogs.values())[-1] if catalogs else bundled().catalog
    ids = {career.id for career in catalog.careers}
    releases = _releases([item for item in loaded if item[0] not in catalogs], ids)
    build(catalog, releases)
    checked = [CheckedFile(name, "catalog", name, len(c.careers)) for name, c in catalogs.items()]
    checked += [CheckedFile(name, "source", r.id, len(r.careers)) for name, r in releases]
    order = {name: index for index, (name, _, _) in enumerate(loaded)}
    return sorted(checked, key=lambda item: order[item.name]) + taxes


def _is_tax(document: Any) -> bool:
    """A tax data file: tax years, and none of a dataset's keys."""
    return isinstance(document, dict) and "years" in document and "careers" not in document


def _checked_tax(name: str, text: str, document: Any) -> CheckedFile:
    from careerstats.core.tax import TaxData
    from careerstats.sources.datafiles import validate

    return _tax_years(name, validate(TaxData, document, name, text=text))


def _tax_years(name: str, data: "TaxData") -> CheckedFile:
    stem = name.rpartition("/")[2].removesuffix(".yaml").replace("_", "-")
    return CheckedFile(name, "tax", stem, 0, tuple(sorted(entry.year for entry in data.years)))


class StoreUse:
    """How this run uses the store: whether a dataset with it was handed out for the bundled
    selection (the nation, cross-industry), and why it is left out, once it is."""

    bundled_with_store = False
    left_out: str | None = None

    @classmethod
    def reset(cls) -> None:
        """A run starts with the store in use (tests run many in one process)."""
        cls.bundled_with_store, cls.left_out = False, None


def leave_store_out(reason: str) -> None:
    """From now on in this run, open the dataset without the store, saying `reason`."""
    StoreUse.left_out = reason


def open_dataset(area: str | None = None, industry: str | None = None) -> Dataset:
    """The bundled dataset plus every imported release, in the area and industry asked for.

    Without a store (nothing imported yet) this is the bundled dataset alone, and the SQLite
    and OEWS modules are never loaded. A store that cannot be read is left out of the nation,
    cross-industry selection (the bundled figures do not need it; the CLI says why), and
    fails any other.
    """
    from careerstats.sources.paths import store_path

    if StoreUse.left_out is not None:
        if area is not None or industry is not None:
            raise StoreUnreadable(StoreUse.left_out)
        return replace(bundled(), store_problem=StoreUse.left_out)
    store = None
    try:
        path = store_path()
        if path.exists() or path.is_symlink():  # else neither SQLite nor the store is loaded
            from careerstats.sources.store import Store

            store = Store.existing()
            if store is not None and area is None and industry is None:
                from careerstats.sources.imported import with_imported

                StoreUse.bundled_with_store = True
                return with_imported(bundled(), store, area, industry)
    except DataError as error:
        if area is not None or industry is not None:
            raise
        return replace(bundled(), store_problem=str(error))
    if store is None:
        if area is not None or industry is not None:
            raise NothingImported(
                "areas and industries are rows of imported OEWS data, and none is imported yet"
            )
        return bundled()
    from careerstats.sources.imported import with_imported

    return with_imported(bundled(), store, area, industry)


@cache
def bundled() -> Dataset:
    """The dataset shipped with careerstats: the catalog and the cited sources (validated
    once, then served from the cache), every bundled official OEWS release, the newest
    Employment Projections and the SOC structure (the last two modules read on first use)."""
    from careerstats.sources import bundled_projections
    from careerstats.sources.bundle import bundled_files
    from careerstats.sources.bundled_oews import bundled_releases
    from careerstats.sources.cache import load_or_build
    from careerstats.sources.occupation_names import NamedOccupations

    files = list(bundled_files())
    cited = load_or_build(files, lambda: load_files(files))
    # The official releases follow the cited ones: a cited source and the official release
    # of the same month are both May 2017, and ties keep this order.
    codes = {career.id: career.soc_codes for career in cited.careers}
    return replace(
        cited,
        sources=(*cited.sources, *bundled_releases(codes)),
        occupations=NamedOccupations(),
        prices=_bundled_prices,
        projections=bundled_projections,
        classification=_Classification(),
    )


def _bundled_prices() -> "CpiTable":
    # The CPI table and the inflation code load only when a figure is adjusted.
    from careerstats.sources.cpi import bundled_cpi

    return bundled_cpi()


class _Classification:
    """The bundled 2018 SOC structure, its module loaded only when a group is asked for
    (`show`, not `compare`)."""

    def soc(self, code: str) -> "SocGroup | None":
        from careerstats.sources import bundled_soc

        return bundled_soc.soc(code)

    def groups_of(self, code: str) -> "Sequence[SocGroup]":
        from careerstats.sources import bundled_soc

        return bundled_soc.groups_of(code)


def imported_into_bundled(listing: "list[SourceListing]") -> "list[ReleaseRecord]":
    """Imported releases of a bundled year (their areas and industries join the bundled
    release, so the listing does not show them): their files and downloads are shown apart."""
    from careerstats.sources.paths import store_path

    if not store_path().exists():
        return []
    from careerstats.sources.store import Store

    try:
        store = Store.existing()
        records = store.releases() if store is not None else []
    except DataError:
        return []  # the listing has said why the store is left out
    listed = {item.release.id for item in listing}
    shown = {item.release.id for item in listing if getattr(item.release, "record", None)}
    return [record for record in records if record.id in listed - shown]
