"""How what someone types is matched against the names of occupations: word by word, in
lower case, without punctuation, the singular and the plural alike, in any order, and with
one slip of the keyboard in a word forgiven.

Standard library only. The data layer finds the names that may fit with the regular
expressions made here (`word_pattern`) and this module says how well each one fits.
"""

import re
from collections.abc import Collection
from typing import Literal, NamedTuple

# How an occupation is named: its SOC code, a catalog id or alias, its official title (or
# a catalog career's title), or an alternate title of the SOC direct-match file.
Kind = Literal["code", "alias", "title", "alternate"]
LEVELS = ("major", "minor", "broad", "detailed")

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile(r"['\u2019]")
_CODE = re.compile(r"(\d\d)-?(\d{4})")
# Words that tell occupations apart by nothing ("Teachers and Instructors"): neither needed
# in a query nor counted against how much of a title a query covers.
STOP_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
# A slip is forgiven only in a word long enough that one letter does not make another word
# ('ceo' is not 'cfo').
TYPO_LENGTH = 4


class Named(NamedTuple):
    """One name of an occupation, as published."""

    code: str
    text: str
    kind: Kind


class Entry(NamedTuple):
    """An occupation as a search shows it: the official title and level, and the employment
    that orders matches that fit alike (None where none is published)."""

    code: str
    title: str
    level: str
    employment: int | None


class Fit(NamedTuple):
    """How well a name fits a query: `exact` when the two have the same words; `typos`, the
    query words found only with a slip; `coverage`, the share of the name's words the query
    has (a query is closer to "Registered Nurses" than to "Licensed Practical and Licensed
    Vocational Nurses")."""

    exact: bool
    typos: int
    coverage: float


def stem(word: str) -> str:
    """The word without a plural ending: nurses -> nurse, secretaries -> secretary,
    boxes -> box; class and status stay. The same for a query and a name, which is all
    that matters."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """The stemmed words of a name or a query ("Nurse-Midwives" -> nurse, midwive)."""
    return tuple(stem(word) for word in _WORD.findall(_APOSTROPHE.sub("", text.lower())))


def content(found: tuple[str, ...]) -> tuple[str, ...]:
    """The words that tell occupations apart; all of them when there are no others."""
    kept = tuple(word for word in found if word not in STOP_WORDS)
    return kept or found


def as_code(text: str) -> str | None:
    """A SOC code written with or without its dash (151252 -> 15-1252), else None."""
    found = _CODE.fullmatch(text.strip())
    return f"{found[1]}-{found[2]}" if found else None


def level_of(code: str) -> str:
    """The level a 2018 SOC code has by its shape: 15-0000 major, 15-1200 minor, 15-1250
    broad, 15-1252 detailed (a detailed code never ends in 0)."""
    if code.endswith("0000"):
        return "major"
    if code.endswith("00"):
        return "minor"
    return "broad" if code.endswith("0") else "detailed"


def one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i + 2 :] == b[i + 2 :] and a[i] == b[i + 1] and a[i + 1] == b[i]


def word_pattern(word: str) -> str:
    """A regular expression (for text in lower case) that finds every whole word whose stem
    is `word`. It starts with letters, so that it is looked for as fast as a plain string,
    and may find more than fits: `fit` decides."""
    prefix, endings = (
        (word[:-1], ("y", "ys", "ies")) if word.endswith("y") else (word, ("", "s", "es"))
    )
    head = re.escape(prefix)
    return rf"{head}(?<![a-z0-9]{head})(?:{'|'.join(endings)})(?![a-z0-9])"


def fit(
    query: tuple[str, ...], name: tuple[str, ...], *, slips: Collection[str] = ()
) -> Fit | None:
    """How the query's content words fit a name's words, or None when one of them is not
    in it; a word of `slips` may be in it with one slip."""
    wanted, have = content(query), set(content(name))
    missed = 0
    matched: set[str] = set()
    for word in wanted:
        if word in have:
            matched.add(word)
            continue
        near = sorted(other for other in have if one_edit(word, other))
        if word not in slips or len(word) < TYPO_LENGTH or not near:
            return None
        missed += 1
        matched.add(near[0])
    exact = not missed and set(wanted) == have
    return Fit(exact, missed, len(matched) / len(have) if have else 1.0)
