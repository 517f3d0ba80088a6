"""The names occupations are found by: every title of the newest bundled OEWS release (major
group to detailed occupation) and of the 2018 SOC structure, and the 6,539 alternate titles
of the SOC direct-match file (`CEO`, `Software Engineer`).

Standard library only. A search runs a regular expression over the files' text and parses
only the lines it finds something in, so a run reads three files and parses one release's
titles, never every name.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence

from careerstats.core.matching import Entry, Named, level_of
from careerstats.sources.bundle import bundled_text
from careerstats.sources.bundled_oews import BundledOccupations, releases, titled

ALTERNATES = "direct_match_titles_2018.csv"
_ALTERNATES_HEADER = "code,illustrative,title\n"
_WORDS = re.compile(r"[a-z]+")
TOTAL = "00-0000"  # "All Occupations": not an occupation to look for


class NamedOccupations(BundledOccupations):
    """The bundled occupations (the core's `Occupations`) with the names they are found by,
    read on the first search."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[str, Entry] | None = None
        self._titles = self._titles_lower = ""
        self._alternates = self._alternates_lower = ""

    def entries(self) -> dict[str, Entry]:
        """Every occupation of the newest bundled release by code, with its title, level
        and employment as published, then every 2018 SOC code it lacks (without
        employment: OEWS publishes some of them only inside a group of its own)."""
        if self._entries is None:
            # The SOC module loads only when a name is looked for beyond the catalog's own.
            from careerstats.sources.bundled_soc import SOC_DIR, structure

            found: dict[str, Entry] = {}
            newest = releases()[-1]
            for code, group, employment, title in titled(newest.id):
                if code == TOTAL or code in found:
                    continue
                level = group or level_of(code)
                found[code] = Entry(
                    code, title, level, int(employment) if employment.isdigit() else None
                )
            for code, item in structure().items():
                found.setdefault(code, Entry(code, item.title, item.level, None))
            self._entries = found
            self._titles = "".join(f"{code},{entry.title}\n" for code, entry in found.items())
            text = bundled_text(SOC_DIR, ALTERNATES)
            self._alternates = text.removeprefix(_ALTERNATES_HEADER)
            self._titles_lower = self._titles.lower()
            self._alternates_lower = self._alternates.lower()
        return self._entries

    def entry(self, code: str) -> Entry | None:
        return self.entries().get(code)

    def vocabulary(self) -> set[str]:
        """Every word of every title and alternate title, in lower case (read only when a
        query has a word no name uses, to look for the word it may have meant)."""
        self.entries()
        return set(_WORDS.findall(self._titles_lower)) | set(_WORDS.findall(self._alternates_lower))

    def names_with(self, patterns: Sequence[str]) -> list[Named]:
        """The titles and alternate titles in which a pattern finds something (in lower
        case)."""
        entries = self.entries()
        found = [
            Named(code, title, "title")
            for code, title in (
                line.split(",", 1) for line in _lines(patterns, self._titles, self._titles_lower)
            )
        ]
        lines = _lines(patterns, self._alternates, self._alternates_lower)
        for cells in csv.reader(lines):
            if len(cells) == 3 and cells[0] in entries:
                found.append(Named(cells[0], cells[2], "alternate"))
        return found


def _lines(patterns: Sequence[str], text: str, lower: str) -> list[str]:
    """The lines of `text` in which a pattern finds something, each once. The patterns are
    for lower-case text: `text` is searched in lower case (`lower`, at the same offsets when
    it is as long: each letter became one letter; fast, as each pattern starts with letters),
    else without regard to case."""
    flags = 0
    if len(lower) != len(text):
        lower, flags = text, re.IGNORECASE
    found: dict[int, str] = {}
    for pattern in patterns:
        for hit in re.finditer(pattern, lower, flags):
            start = text.rfind("\n", 0, hit.start()) + 1
            if start not in found:
                found[start] = text[start : text.find("\n", hit.start())]
    return [found[start] for start in sorted(found)]
