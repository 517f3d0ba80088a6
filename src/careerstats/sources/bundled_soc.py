"""The Standard Occupational Classification bundled with careerstats (data/soc/).

Standard library only; each file is read on first use. The 2018 structure gives every
major, minor and broad group and detailed occupation its title and parent; the direct-match
file maps 6,539 job titles people use (`CEO`, `Software Engineer`) to 2018 codes; the
crosswalks map 2000 codes to 2010 ones and 2010 codes to 2018 ones, one pair per line (a code
split or merged has several), with the titles as published.
"""

import csv
import re
from collections.abc import Callable
from typing import Literal, NamedTuple

from careerstats.errors import DataError
from careerstats.sources.bundle import bundled_text

SOC_DIR = "soc"
Level = Literal["major", "minor", "broad", "detailed"]
Older = Literal["2000", "2010"]  # a version the crosswalks map from
Newer = Literal["2010", "2018"]  # and to
_LEVELS: dict[str, Level] = {
    "major": "major",
    "minor": "minor",
    "broad": "broad",
    "detailed": "detailed",
}
# The crosswalks' footnote marks after a title: *, ** (2000-2010) and (#), (##) (2010-2018).
_MARK = re.compile(r"\s*(?:\*{1,2}|\(#{1,2}\))$")


class SocGroup(NamedTuple):
    """A group or occupation of the 2018 SOC."""

    code: str
    level: Level
    parent: str | None  # the group it belongs to; None for a major group
    title: str


class AlternateTitle(NamedTuple):
    """A job title as people use it, and the 2018 occupation it belongs to."""

    title: str
    code: str
    illustrative: bool  # BLS marks the title an illustrative example of the occupation


class CrosswalkPair(NamedTuple):
    """One pair of the crosswalk from an older SOC to the next; a code split or merged
    appears in several pairs."""

    from_code: str
    to_code: str
    from_title: str  # as published, footnote marks included
    to_title: str

    @property
    def from_name(self) -> str:
        """The older title without the crosswalk's footnote mark."""
        return _MARK.sub("", self.from_title)

    @property
    def to_name(self) -> str:
        return _MARK.sub("", self.to_title)


_tables: dict[str, list[list[str]]] = {}


def _table(name: str, columns: tuple[str, ...]) -> list[list[str]]:
    if name not in _tables:
        header, *lines = csv.reader(bundled_text(SOC_DIR, f"{name}.csv").splitlines())
        if tuple(header) != columns or any(len(line) != len(columns) for line in lines):
            raise DataError(f"bundled file {SOC_DIR}/{name}.csv is damaged; reinstall careerstats")
        _tables[name] = lines
    return _tables[name]


_structure: dict[str, SocGroup] = {}


def structure() -> dict[str, SocGroup]:
    """Every 2018 SOC group and occupation by code, in the structure's order."""
    if not _structure:
        columns = ("code", "level", "parent", "title")
        for code, level, parent, title in _table("structure_2018", columns):
            known = _LEVELS.get(level)
            if known is None:
                raise DataError(f"bundled file {SOC_DIR}/structure_2018.csv is damaged")
            _structure[code] = SocGroup(code, known, parent or None, title)
    return _structure


def soc(code: str) -> SocGroup | None:
    """The 2018 SOC group or occupation with this code, or None."""
    return structure().get(code)


def groups_of(code: str) -> list[SocGroup]:
    """The groups a 2018 code belongs to, major first (for 15-1252: 15-0000, 15-1200,
    15-1250); empty for a code not in the 2018 SOC."""
    found: list[SocGroup] = []
    item = soc(code)
    while item is not None and item.parent is not None:
        item = soc(item.parent)
        if item is not None:
            found.insert(0, item)
    return found


def alternate_titles() -> list[AlternateTitle]:
    """The 6,539 direct-match titles, in code order."""
    return [
        AlternateTitle(title, code, mark == "x")
        for code, mark, title in _table(
            "direct_match_titles_2018", ("code", "illustrative", "title")
        )
    ]


def _key(title: str) -> str:
    return " ".join(title.split()).casefold()


def codes_titled(title: str) -> list[str]:
    """The 2018 codes a direct-match title belongs to (`CEO` -> 11-1011), matched whole,
    ignoring case and spacing; a few titles belong to two occupations."""
    key = _key(title)
    return list(dict.fromkeys(item.code for item in alternate_titles() if _key(item.title) == key))


def titles_for(code: str) -> list[AlternateTitle]:
    """The direct-match titles of one 2018 occupation."""
    return [item for item in alternate_titles() if item.code == code]


_CROSSWALKS: dict[Older, str] = {"2000": "crosswalk_2000_2010", "2010": "crosswalk_2010_2018"}
_PREVIOUS: dict[Newer, Older] = {"2010": "2000", "2018": "2010"}


def crosswalk(source: Older) -> list[CrosswalkPair]:
    """Every pair from SOC `source` to the next version (2000 -> 2010, 2010 -> 2018)."""
    columns = ("from_code", "to_code", "from_title", "to_title")
    return [CrosswalkPair(*line) for line in _table(_CROSSWALKS[source], columns)]


def successors(code: str, source: Older) -> list[CrosswalkPair]:
    """The pairs of a `source` code in the next version (15-1132 in 2010: 15-1252, 15-1253)."""
    return [pair for pair in crosswalk(source) if pair.from_code == code]


def predecessors(code: str, target: Newer) -> list[CrosswalkPair]:
    """The pairs of a `target` code in the version before it (15-1252 in 2018: 15-1132,
    15-1133)."""
    return [pair for pair in crosswalk(_PREVIOUS[target]) if pair.to_code == code]


# Looking up a few codes without parsing a whole crosswalk (`history` needs a handful of
# pairs; parsing every pair costs more than the rest of its run).
_CROSSWALK_HEADER = "from_code,to_code,from_title,to_title\n"
_crosswalk_texts: dict[str, str] = {}


def _crosswalk_text(source: Older) -> str:
    name = _CROSSWALKS[source]
    if name not in _crosswalk_texts:
        text = bundled_text(SOC_DIR, f"{name}.csv")
        if not text.startswith(_CROSSWALK_HEADER):
            raise DataError(f"bundled file {SOC_DIR}/{name}.csv is damaged; reinstall careerstats")
        _crosswalk_texts[name] = text
    return _crosswalk_texts[name]


def _lines_holding(text: str, code: str) -> list[str]:
    """Each line of `text` in which `code` appears, once, in the file's order: found with
    str.find, which skips the rest of the file far faster than a regular expression tried at
    every line start (that was most of a `history` run's time in the crosswalks)."""
    lines = []
    at = text.find(code)
    while at != -1:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        lines.append(text[start:end])
        at = text.find(code, end)
    return lines


def _pairs_where(
    source: Older, code: str, wanted: Callable[[str, str], bool]
) -> list[CrosswalkPair]:
    """The pairs of lines holding `code` whose (from, to) codes are `wanted`."""
    found = [
        line for line in _lines_holding(_crosswalk_text(source), code) if wanted(*_codes(line))
    ]
    pairs = [CrosswalkPair(*cells) for cells in csv.reader(found) if len(cells) == 4]
    if len(pairs) != len(found):
        raise DataError(f"bundled file {SOC_DIR}/{_CROSSWALKS[source]}.csv is damaged")
    return pairs


def _codes(line: str) -> tuple[str, str]:
    older, newer, *_ = (*line.split(",", 2), "", "")
    return older, newer


def pairs_of(code: str, source: Older) -> list[CrosswalkPair]:
    """The pairs from SOC `source` to the next version with `code` on either side."""
    return _pairs_where(source, code, lambda older, newer: code in (older, newer))


def pairs_into(prefix: str, source: Older) -> list[CrosswalkPair]:
    """The pairs whose newer code starts with `prefix` (`15-1`: a minor group's)."""
    return _pairs_where(source, prefix, lambda _, newer: newer.startswith(prefix))
