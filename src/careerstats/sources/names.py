"""Every name the data knows, for completing them on the command line: careers (the
catalog's ids, aliases and codes, and the codes and titles of the newest bundled release and
of imported data), source ids, and the areas and industries of imported data.

Quick by design (a shell waits for it): the newest bundled release is the one file read, and
the store is opened only when it exists.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from careerstats.sources.store import Store


def _store() -> Store | None:
    from careerstats.sources.paths import store_path

    if not store_path().exists():
        return None
    from careerstats.sources.store import Store

    return Store.existing()


def career_names() -> list[str]:
    """Ids, aliases, SOC codes and titles (in lower case: names ignore case), each once."""
    names = _bundled_names()
    store = _store()
    if store is not None:
        for title, code in store.occupation_titles().items():
            names += (code, title.lower())
    return list(dict.fromkeys(names))


_NAMES_MAGIC = "careerstats-names 1"


def _bundled_names() -> list[str]:
    """The catalog's names and the newest bundled release's codes and titles, kept in the
    cache folder beside the dataset cache and under the same key (a changed data file or
    version selects a new entry): a shell should not wait for the catalog to load."""
    from careerstats.sources.bundle import bundled_files
    from careerstats.sources.cache import DISABLE, key
    from careerstats.sources.paths import cache_dir

    entry_key = key(list(bundled_files()))
    path = cache_dir() / f"names-{entry_key}.txt"
    header = f"{_NAMES_MAGIC} {entry_key}"
    if not os.environ.get(DISABLE):
        try:
            first, *names = path.read_text(encoding="utf-8").split("\n")
            if first == header:
                return names
        except (OSError, UnicodeError, ValueError):
            pass  # no entry yet, or not ours: build it
    names = _build_names()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        written = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        written.write_text("\n".join([header, *names]), encoding="utf-8")
        os.replace(written, path)
    except OSError:
        pass  # only ever an optimisation
    return names


def _build_names() -> list[str]:
    from careerstats.sources.bundled_oews import occupations, releases
    from careerstats.sources.dataset import bundled

    names: list[str] = []
    for career in bundled().careers:
        names += (*career.aliases, career.id, *career.soc_codes, career.title.lower())
    for item in occupations(releases()[-1].id):
        names += (item.code, item.title.lower())
    return [name for name in dict.fromkeys(names) if "\n" not in name]


def group_codes() -> list[str]:
    """The codes of the major and minor groups of the newest bundled release."""
    from careerstats.sources.bundled_oews import occupations, releases

    return [
        item.code
        for item in occupations(releases()[-1].id)
        if {"major", "minor"} & set(item.groups)
    ]


def source_ids() -> list[str]:
    from careerstats.sources.dataset import bundled

    ids = [release.id for release in bundled().by_recency()]
    store = _store()
    if store is not None:
        ids += [record.id for record in store.releases() if record.id not in ids]
    return ids


def place_names(what: Literal["area", "industry"]) -> list[str]:
    """The codes and titles of the imported data's areas (or industries)."""
    store = _store()
    if store is None:
        return []
    return [name for place in store.places(what) for name in (place.code, place.title)]
