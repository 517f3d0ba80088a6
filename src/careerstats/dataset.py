"""The validated dataset as one object: the career catalog, the source releases, and lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from careerstats.errors import DataError, UsageError
from careerstats.model import Career, CareerFigures, Catalog, SourceRelease
from careerstats.wording import quoted

if TYPE_CHECKING:
    from careerstats.store import Store


class UnknownCareer(UsageError):
    pass


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
    _by_name: dict[str, Career] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Career] = {}
        for career in self.catalog.careers:
            for name in (career.id, career.title, *career.aliases, *career.soc_codes):
                by_name.setdefault(_key(name), career)
        object.__setattr__(self, "_by_name", by_name)

    @property
    def careers(self) -> tuple[Career, ...]:
        return self.catalog.careers

    def career(self, name: str) -> Career:
        """Find a career by id, alias, SOC code or title; an unknown name suggests close ones."""
        found = self._by_name.get(_key(name))
        if found is not None:
            return found
        if self.store is not None:
            from careerstats.imported import store_career

            found = store_career(self.store, name)
        found = found or self._loose_match(_key(name))
        if found is not None:
            self._by_name[_key(name)] = found
            return found
        if _SOC_CODE.fullmatch(name.strip()):  # a code is not spelt wrong: say where to get it
            where = "the catalog or the imported data" if self.store else "the catalog"
            raise UnknownCareer(
                f"no occupation with SOC code {name.strip()} in {where}; official OEWS files "
                "have every one: 'careerstats data import FILE'"
            )
        raise UnknownCareer(f"unknown career {quoted(name)}; {self._suggest(name)}")

    def _loose_match(self, key: str) -> Career | None:
        """The one career a singular, plural or leading words of its title name, if just one.

        'receptionists' names "Receptionists and information clerks" and 'customer service
        representative' the plural title. Imported occupation titles count too, so a name
        that fits a catalog career and an imported one ('insurance') is not guessed but left
        to the suggestions.
        """
        if len(key) < 3:
            return None
        forms = {key, f"{key}s", f"{key}es", key.removesuffix("s"), key.removesuffix("es")}

        def fits(name: str) -> bool:
            name = _key(name)
            return name in forms or any(name.startswith(f"{form} ") for form in forms)

        found: dict[str, Career | str] = {
            career.soc: career
            for career in self.catalog.careers
            if any(fits(name) for name in (career.title, *career.aliases))
        }
        if self.store is not None:
            for title, code in self.store.occupation_titles().items():
                if code not in found and fits(title):
                    found[code] = self._by_name.get(_key(code)) or title
        if len(found) != 1:
            return None
        (only,) = found.values()
        if isinstance(only, Career):
            return only
        from careerstats.imported import store_career

        assert self.store is not None  # a title can only have come from the store
        return store_career(self.store, only)

    def _suggest(self, name: str) -> str:
        import difflib

        scored: dict[str, float] = {}
        key = _key(name)
        for candidate, career in self._by_name.items():
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if candidate.startswith(key) or key in candidate.split():
                score = max(score, 0.9)
            elif candidate in key.split():  # 'hr manager' names the 'hr' alias
                score = max(score, 0.7)
            shown = career.aliases[0] if career.aliases else career.id
            label = f"'{shown}' ({career.title.lower()})"
            scored[label] = max(scored.get(label, 0.0), score)
        if self.store is not None:
            titles = self.store.occupation_titles()
            for title, code in titles.items():
                score = _title_score(key, title)
                if score >= 0.6:
                    label = f"'{code}' ({title})"
                    scored[label] = max(scored.get(label, 0.0), score)
        # A weak second guess is noise ('sales' is not 'cashier'): offer it only when it is
        # nearly as close as the best one.
        best = sorted(scored.items(), key=lambda item: -item[1])[:2]
        close = [label for label, score in best if score >= max(0.6, best[0][1] - 0.15)]
        listing = "'careerstats list' shows every career"
        if not close:
            # Nothing is named like it: offer the catalog's careers to choose from rather than
            # a far-fetched guess ('plumber' is not 'lawyer').
            names = ", ".join(c.aliases[0] if c.aliases else c.id for c in self.catalog.careers)
            return f"no career is named like it: did you mean one of {names}? {listing}"
        return f"did you mean {' or '.join(close)}? {listing}"

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


def _title_score(key: str, title: str) -> float:
    """How close `key` is to a title or to one of its words (softwre -> software developers)."""
    import difflib

    matcher = difflib.SequenceMatcher(None, "", key)
    best = 0.0
    for candidate in (title, *title.replace(",", " ").split()):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


_SOC_CODE = re.compile(r"\d{2}-\d{4}")


def _key(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())


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


@dataclass(frozen=True)
class CheckedFile:
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
