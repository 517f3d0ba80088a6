"""The typical education needed to enter an occupation, in BLS's order (Employment
Projections), and the natural ways people write each level."""

from __future__ import annotations

import re

from careerstats.core.wording import quoted
from careerstats.errors import UnknownEducation

# As the Employment Projections name them, lowest first: BLS's own order.
LEVELS = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
# A short name for each level, for messages and completion.
SHORT = (
    "none",
    "high school",
    "some college",
    "postsecondary award",
    "associate's",
    "bachelor's",
    "master's",
    "doctoral",
)
# Other ways of writing a level, as keys (lower case, no apostrophes or punctuation, a
# trailing "degree" dropped).
_SPELLINGS = {
    0: ("none", "no formal educational credential", "no formal credential", "no credential"),
    1: ("high school", "high school diploma", "high school diploma or equivalent", "hs", "ged"),
    2: ("some college", "some college no"),
    3: (
        "postsecondary nondegree award",
        "postsecondary non award",
        "postsecondary award",
        "postsecondary",
        "nondegree award",
        "certificate",
    ),
    4: ("associate", "associates"),
    5: ("bachelor", "bachelors", "ba", "bs"),
    6: ("master", "masters", "ma", "ms"),
    7: ("doctoral", "doctorate", "doctoral or professional", "professional", "phd"),
}


def _key(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "").replace("\u2019", ""))
    words = " ".join(words.split())
    return words.removesuffix(" degree").removesuffix(" degrees")


_BY_KEY = {_key(spelling): level for level, names in _SPELLINGS.items() for spelling in names}
_BY_KEY.update({_key(name): level for level, name in enumerate(LEVELS)})


def education_level(text: str) -> int:
    """The rank of a level in BLS's order (0: no formal credential ... 7: doctoral)."""
    found = _BY_KEY.get(_key(text))
    if found is None:
        known = ", ".join(SHORT)
        raise UnknownEducation(
            f"no education level {quoted(text)}; the levels, in BLS's order: {known}", text
        )
    return found


def level_of(published: str | None) -> int | None:
    """The rank of a level as the Employment Projections publish it; None for none."""
    if published is None:
        return None
    return _BY_KEY.get(_key(published))
