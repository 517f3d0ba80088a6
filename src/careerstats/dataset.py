"""The validated dataset as one object: the career catalog, the source releases, and lookups."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from careerstats.career_names import CareerNames
from careerstats.career_names import UnknownCareer as UnknownCareer  # re-exported
from careerstats.errors import DataError, UsageError
from careerstats.model import Career, CareerFigures, Catalog, SourceRelease

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from careerstats.store import Store


class UnknownSource(UsageError):
    pass


@dataclass(frozen=True)
class Dataset:
    catalog: Catalog
    sources: tuple[SourceRelease, ...]
    # The store of imported OEWS releases, for occupations the catalog does not have.
    store: Store | None = field(default=None, repr=False, compare=False)
    # The area or industry every source is restricted to, for messages: " in Texas (48)".
    scope: str = ""
    # Why imported data is left out (a damaged store), for the CLI to warn about.
    store_problem: str | None = field(default=None, compare=False)
    _names: CareerNames = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", CareerNames(self.catalog.careers, self.store))

    @property
    def careers(self) -> tuple[Career, ...]:
        return self.catalog.careers

    def career(self, name: str) -> Career:
        """Find a career by id, alias, SOC code or title; an unknown name suggests close ones."""
        return self._names.find(name)

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
    from careerstats.datafiles import located_error

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
    from careerstats.bundle import CATALOG_FILE

    return name == CATALOG_FILE or (isinstance(document, dict) and "offices" in document)


def _read(files: Sequence[Any]) -> list[tuple[str, str, Any]]:
    """Each file's name, text (for line numbers in errors) and parsed YAML."""
    from careerstats.datafiles import parse_yaml, read_text

    loaded = []
    for file in files:
        name = getattr(file, "name", str(file))
        text = read_text(file)
        loaded.append((name, text, parse_yaml(text, name)))
    return loaded


def _releases(
    loaded: Iterable[tuple[str, str, Any]], ids: set[str]
) -> list[tuple[str, SourceRelease]]:
    from careerstats.datafiles import validate

    releases = []
    for name, text, document in loaded:
        release = validate(SourceRelease, document, name, text=text)
        check_references(name, release, ids, text)
        releases.append((name, release))
    return releases


def load_files(files: Sequence[Traversable | Path]) -> Dataset:
    """Validate dataset files (paths or package resources) into a `Dataset`."""
    from careerstats.bundle import CATALOG_FILE
    from careerstats.datafiles import validate

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
    kind: Literal["catalog", "source"]
    id: str
    careers: int


def check_files(files: Sequence[Any] | None = None) -> list[CheckedFile]:
    """Validate dataset files (the bundled ones by default), in order.

    The first invalid one raises `DataError` naming its file, line and field. Career
    references are checked against the catalog among `files`, or the bundled one.
    """
    from careerstats.bundle import bundled_files
    from careerstats.datafiles import validate

    loaded = _read(list(files) if files is not None else list(bundled_files()))
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
    return sorted(checked, key=lambda item: order[item.name])


def open_dataset(area: str | None = None, industry: str | None = None) -> Dataset:
    """The bundled dataset plus every imported release, in the area and industry asked for.

    Without a store (nothing imported yet) this is the bundled dataset alone, and the SQLite
    and OEWS modules are never loaded.
    """
    from careerstats.paths import store_path

    store = None
    try:
        if store_path().exists():  # else neither SQLite nor the store module is loaded
            from careerstats.store import Store

            store = Store.existing()
    except DataError as error:
        if area is not None or industry is not None:
            raise
        # The bundled figures do not need the store: carry on, and let the CLI say why.
        return replace(bundled(), store_problem=str(error))
    if store is None:
        if area is not None or industry is not None:
            raise UsageError(
                "--area and --industry select rows of imported OEWS data and none is "
                "imported yet; run 'careerstats data import FILE'"
            )
        return bundled()
    from careerstats.imported import with_imported

    return with_imported(bundled(), store, area, industry)


@cache
def bundled() -> Dataset:
    """The dataset shipped with careerstats: validated once, then served from the cache."""
    from careerstats.bundle import bundled_files
    from careerstats.cache import load_or_build

    files = list(bundled_files())
    return load_or_build(files, lambda: load_files(files))
