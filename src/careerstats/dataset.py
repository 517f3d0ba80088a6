"""The validated dataset as one object: the career catalog, the source releases, and lookups."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from careerstats.datafiles import CATALOG_FILE, bundled_files, read_yaml, validate
from careerstats.errors import DataError, UsageError
from careerstats.model import Career, CareerFigures, Catalog, SourceRelease

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
    _by_name: dict[str, Career] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, Career] = {}
        for career in self.catalog.careers:
            for name in (career.id, career.title, *career.aliases, *career.soc_codes):
                by_name.setdefault(_key(name), career)
        object.__setattr__(self, "_by_name", by_name)

    @property
    def careers(self) -> list[Career]:
        return self.catalog.careers

    def career(self, name: str) -> Career:
        """Find a career by id, alias, SOC code or title; an unknown name suggests close ones."""
        found = self._by_name.get(_key(name))
        if found is not None:
            return found
        if self.store is not None:
            from careerstats.imported import store_career

            found = store_career(self.store, name)
            if found is not None:
                self._by_name[_key(name)] = found
                return found
        raise UnknownCareer(f"unknown career {name!r}; {self._suggest(name)}")

    def _suggest(self, name: str) -> str:
        scored: dict[str, float] = {}
        key = _key(name)
        for candidate, career in self._by_name.items():
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if candidate.startswith(key) or key in candidate.split():
                score = max(score, 0.9)
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
        best = sorted(scored.items(), key=lambda item: -item[1])[:2]
        close = [label for label, score in best if score >= 0.4]
        listing = "'careerstats list' shows every career"
        if not close:
            return listing
        return f"did you mean {' or '.join(close)}? {listing}"

    def source(self, source_id: str) -> SourceRelease:
        for release in self.sources:
            if release.id == source_id.strip().lower():
                return release
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
    matcher = difflib.SequenceMatcher(None, "", key)
    best = 0.0
    for candidate in (title, *title.replace(",", " ").split()):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


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
        for index, entry in enumerate(release.careers):
            if entry.career not in ids:
                close = difflib.get_close_matches(entry.career, sorted(ids), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise DataError(
                    f"{file_name}: careers[{index}].career: unknown career {entry.career!r}{hint}"
                )
        releases.append(release)
    return Dataset(catalog=catalog, sources=tuple(releases))


def load_files(files: Sequence[object]) -> Dataset:
    """Validate dataset files (paths or package resources) into a `Dataset`."""
    catalog: Catalog | None = None
    sources: list[tuple[str, SourceRelease]] = []
    for file in files:
        name = getattr(file, "name", str(file))
        document = read_yaml(file)  # type: ignore[arg-type]
        if name == CATALOG_FILE:
            catalog = validate(Catalog, document, name)
        else:
            sources.append((name, validate(SourceRelease, document, name)))
    if catalog is None:
        raise DataError(f"{CATALOG_FILE}: the career catalog is missing")
    return build(catalog, sources)


@cache
def bundled() -> Dataset:
    """The dataset shipped with careerstats, validated once per process."""
    return load_files(list(bundled_files()))
