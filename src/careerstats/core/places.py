"""Places as people name them: a state's name or postal abbreviation, a FIPS or area code,
or words of a metropolitan area's title, found among the places some data has.

One resolver serves BEA's price parities and the imported OEWS areas alike, so `Texas`,
`TX`, `48` and `48000` mean the same state everywhere. A state's name wins over the metros
whose titles contain it (`new york` is the state; `new york-newark` the metro).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from careerstats.core.wording import quoted
from careerstats.errors import PlaceMissing, UnknownPlace, UnknownPricePlace, UsageError

# Named tuples rather than dataclasses: cheaper to define, and the store loads this module.
# Kinds of place. OEWS area types 2 (state), 3 (territory), 4 (metro), 6 (nonmetro).
NATION, STATE, TERRITORY, METRO, NONMETRO = "nation", "state", "territory", "metro", "nonmetro"

# (FIPS code, postal abbreviation, name): the states, DC and the territories OEWS covers.
STATES: tuple[tuple[str, str, str], ...] = (
    ("01", "AL", "Alabama"),
    ("02", "AK", "Alaska"),
    ("04", "AZ", "Arizona"),
    ("05", "AR", "Arkansas"),
    ("06", "CA", "California"),
    ("08", "CO", "Colorado"),
    ("09", "CT", "Connecticut"),
    ("10", "DE", "Delaware"),
    ("11", "DC", "District of Columbia"),
    ("12", "FL", "Florida"),
    ("13", "GA", "Georgia"),
    ("15", "HI", "Hawaii"),
    ("16", "ID", "Idaho"),
    ("17", "IL", "Illinois"),
    ("18", "IN", "Indiana"),
    ("19", "IA", "Iowa"),
    ("20", "KS", "Kansas"),
    ("21", "KY", "Kentucky"),
    ("22", "LA", "Louisiana"),
    ("23", "ME", "Maine"),
    ("24", "MD", "Maryland"),
    ("25", "MA", "Massachusetts"),
    ("26", "MI", "Michigan"),
    ("27", "MN", "Minnesota"),
    ("28", "MS", "Mississippi"),
    ("29", "MO", "Missouri"),
    ("30", "MT", "Montana"),
    ("31", "NE", "Nebraska"),
    ("32", "NV", "Nevada"),
    ("33", "NH", "New Hampshire"),
    ("34", "NJ", "New Jersey"),
    ("35", "NM", "New Mexico"),
    ("36", "NY", "New York"),
    ("37", "NC", "North Carolina"),
    ("38", "ND", "North Dakota"),
    ("39", "OH", "Ohio"),
    ("40", "OK", "Oklahoma"),
    ("41", "OR", "Oregon"),
    ("42", "PA", "Pennsylvania"),
    ("44", "RI", "Rhode Island"),
    ("45", "SC", "South Carolina"),
    ("46", "SD", "South Dakota"),
    ("47", "TN", "Tennessee"),
    ("48", "TX", "Texas"),
    ("49", "UT", "Utah"),
    ("50", "VT", "Vermont"),
    ("51", "VA", "Virginia"),
    ("53", "WA", "Washington"),
    ("54", "WV", "West Virginia"),
    ("55", "WI", "Wisconsin"),
    ("56", "WY", "Wyoming"),
    ("66", "GU", "Guam"),
    ("72", "PR", "Puerto Rico"),
    ("78", "VI", "Virgin Islands"),
)
TERRITORY_CODES = frozenset({"66", "72", "78"})
_BY_POSTAL = {postal: code for code, postal, _ in STATES}
_BY_NAME = {name.casefold(): code for code, _, name in STATES}
NATION_NAMES = frozenset({"united states", "u.s.", "us", "usa", "nation", "the nation"})
SHOWN_CANDIDATES = 6
MAX_CODE_DIGITS = 7  # OEWS's nonmetropolitan areas: 4800003
_WORD = re.compile(r"[^\W_]+")


class Area(NamedTuple):
    """A place some data has: its code as that data writes it, its name and kind."""

    code: str
    name: str
    kind: str


_OEWS_TYPES = {"1": NATION, "2": STATE, "3": TERRITORY, "4": METRO, "6": NONMETRO}


def oews_kind(code: str, area_type: str | None) -> str:
    """The kind of an OEWS area from its AREA_TYPE, or (older files have none) its code:
    two digits a state's FIPS code, seven a nonmetropolitan area, else a metro's code."""
    if area_type in _OEWS_TYPES:
        return _OEWS_TYPES[area_type]
    if code.isascii() and code.isdigit() and len(code) <= 2:
        return TERRITORY if f"{int(code):02d}" in TERRITORY_CODES else STATE
    return NONMETRO if len(code) == 7 else METRO


INDUSTRY = "industry"
_LISTING_ORDER = (NATION, STATE, TERRITORY, METRO, NONMETRO, INDUSTRY)


class Listed(NamedTuple):
    """An area or industry some imported releases have (`data areas`)."""

    kind: str
    code: str
    name: str
    releases: tuple[str, ...]

    def order(self) -> tuple[int, str, str]:
        return (_rank(self.kind), self.name.casefold(), self.code)


def _rank(kind: str) -> int:
    return _LISTING_ORDER.index(kind) if kind in _LISTING_ORDER else len(_LISTING_ORDER)


class AreaListing(NamedTuple):
    """What `data areas` shows: the entries found, for the words searched (if any)."""

    entries: tuple[Listed, ...]
    search: str | None = None


def search(listed: Sequence[Listed], text: str | None) -> list[Listed]:
    """The entries whose code is `text`, or whose name has all its words (as `find_area`)."""
    if text is None or not text.strip():
        return list(listed)
    wanted = text.strip()
    state = state_code(wanted)
    asked = words(wanted)
    return [
        entry
        for entry in listed
        if same_code(entry.code, wanted)
        or (state is not None and entry.kind == STATE and same_code(entry.code, state))
        or (asked and _has_words(entry.name, asked))
    ]


def code_like(text: str) -> bool:
    """ASCII digits only, as many as an area code has at most: `²`, `٤٨` or a 4,301-digit
    number are not codes (and never reach `int`)."""
    return text.isascii() and text.isdigit() and len(text) <= MAX_CODE_DIGITS


def state_code(text: str) -> str | None:
    """The two-digit FIPS code of a state named by name, postal code or FIPS code."""
    wanted = " ".join(text.split())
    if code_like(wanted):
        number = int(wanted)
        if len(wanted) == 5 and number % 1000 == 0:
            number //= 1000
        code = f"{number:02d}"
        return code if any(code == fips for fips, _, _ in STATES) else None
    if len(wanted) == 2 and wanted.upper() in _BY_POSTAL:
        return _BY_POSTAL[wanted.upper()]
    return _BY_NAME.get(wanted.casefold())


def state_name(code: str) -> str | None:
    return next((name for fips, _, name in STATES if fips == code), None)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def same_code(a: str, b: str) -> bool:
    """Codes as different files write them: `06`, `6`, `0006` are one code."""
    if a.isascii() and b.isascii() and a.isdigit() and b.isdigit():
        return a.lstrip("0") == b.lstrip("0")
    return a.casefold() == b.casefold()


def find_area(
    text: str,
    areas: Sequence[Area],
    *,
    within: str,
    what: str = "area",
    option: str = "area",
    default: str = "the nation",
    prices: bool = False,
) -> Area:
    """The one area of `areas` that `text` names, or an `UnknownPlace` saying why not
    (`within` names the data searched: "the imported data"; `option` is what the error
    carries as its `place`; `prices`: the data searched is BEA's price parities)."""

    def unknown(message: str, *, ambiguous: bool = False, kind: str | None = None) -> UnknownPlace:
        if prices:
            return UnknownPricePlace(message, option, default, ambiguous=ambiguous)
        if ambiguous:
            return UnknownPlace(message, option, default, ambiguous=True)
        return PlaceMissing(message, option, default, kind)

    wanted = " ".join(text.split())
    if not wanted:
        raise UsageError(f"empty {what}: give a state (Texas, TX, 48) or words of a metro title")
    state = state_code(wanted)
    if state is not None:
        found = [area for area in areas if area.kind == STATE and same_code(area.code, state)]
        found = found or [
            a for a in areas if a.kind in {STATE, TERRITORY} and same_code(a.code, state)
        ]
        if found:
            return found[0]
        if not (code_like(wanted) and len(wanted) == 5):  # 5 digits may be a metro's code
            kind = TERRITORY if state in TERRITORY_CODES else STATE
            raise unknown(
                f"{what} {quoted(text)} ({state_name(state)}, FIPS {state}) is not in {within}",
                kind=kind,
            )
    if wanted.casefold() in NATION_NAMES:
        found = [area for area in areas if area.kind == NATION]
        if found:
            return found[0]
    if wanted.isascii() and wanted.isdigit():
        found = [area for area in areas if same_code(area.code, wanted)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise unknown(f"unknown {what} {quoted(text)} in {within}: no {what} has that code")
    exact = [area for area in areas if area.name.casefold() == wanted.casefold()]
    if len(exact) == 1:
        return exact[0]
    asked = words(wanted)
    found = [area for area in areas if _has_words(area.name, asked)]
    if len(found) == 1:
        return found[0]
    if found:
        found.sort(key=lambda area: (_rank(area.kind), area.name.casefold()))
        shown = "; ".join(f"{area.code} {area.name}" for area in found[:SHOWN_CANDIDATES])
        more = f" and {len(found) - SHOWN_CANDIDATES} more" if len(found) > SHOWN_CANDIDATES else ""
        raise unknown(f"{what} {quoted(text)} matches several: {shown}{more}", ambiguous=True)
    raise unknown(f"unknown {what} {quoted(text)} in {within}{_guess(wanted, areas)}")


def _has_words(name: str, asked: Iterable[str]) -> bool:
    """Every word asked for begins a word of the name (`san fran` fits San Francisco)."""
    have = words(name)
    return all(any(word.startswith(part) for word in have) for part in asked)


def _guess(wanted: str, areas: Sequence[Area]) -> str:
    import difflib

    names = {area.name: area for area in areas}
    close = difflib.get_close_matches(wanted, list(names), n=2, cutoff=0.6)
    guesses = " or ".join(f"'{names[name].code}' ({name})" for name in close)
    return f"; did you mean {guesses}?" if guesses else ""
