"""Major and minor occupational groups: naming one by code or by words of its title, and
which occupations belong to it (SOC codes nest: 15-1252 is in 15-1250, 15-1200 and 15-0000)."""

import re
from collections.abc import Iterable
from typing import NamedTuple

from careerstats.core.model import CareerFigures, Summary
from careerstats.core.wording import quoted
from careerstats.errors import UnknownGroup

LEVELS = ("major", "minor", "broad", "detailed")
TOTAL = "00-0000"  # all occupations (May 2008 publishes it without a level)
_CODE = re.compile(r"(\d{2})-?(\d{4})")
# Words every group title has, or that only join others: naming a group needs none of them.
_FILLER = {"occupation", "and", "related", "or", "other"}


class Group(NamedTuple):
    code: str  # 15-1200
    title: str  # Computer Occupations
    level: str  # major or minor

    @property
    def prefix(self) -> str:
        """What the codes of its members start with: 15-0000 -> "15-", 15-1200 -> "15-12"."""
        return self.code[:3] + self.code[3:].rstrip("0")

    def holds(self, code: str) -> bool:
        return code.startswith(self.prefix) and code != self.code


def level_of(entry: CareerFigures | Summary) -> str | None:
    """The entry's level; a code published as broad and as detailed is detailed. None when
    the source states none (a cited source's careers)."""
    for level in reversed(LEVELS):
        if level in entry.groups:
            return level
    if "total" in entry.groups or entry.soc == TOTAL:
        return "total"
    return None


def described(level: str) -> str:
    """What the SOC calls the members of a level: major groups ... detailed occupations."""
    return f"{level} groups" if level in ("major", "minor") else f"{level} occupations"


def groups_in(entries: Iterable[CareerFigures | Summary], levels: tuple[str, ...]) -> list[Group]:
    found = []
    for entry in entries:
        level = level_of(entry)
        if level in levels:
            found.append(Group(entry.soc, entry.title_in_source or entry.soc, level))
    return found


def _words(text: str) -> list[str]:
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return [word.removesuffix("s") if len(word) > 3 else word for word in words]


def find_group(entries: Iterable[CareerFigures | Summary], text: str, release_id: str) -> Group:
    """The major or minor group `text` names in a release: a code (`15`, `15-1200`, `151200`)
    or words of its title (`computer and mathematical`), ignoring case, punctuation and
    plurals. A title equal to the words wins over titles that only contain them."""
    entries = list(entries)
    groups = groups_in(entries, ("major", "minor"))
    given = " ".join(text.split())
    code = _CODE.fullmatch(given)
    if given.isdigit() and len(given) <= 2:
        wanted = f"{int(given):02d}-0000"
    elif code:
        wanted = f"{code[1]}-{code[2]}"
    else:
        wanted = None
    if wanted is not None:
        for group in groups:
            if group.code == wanted:
                return group
        other = next((entry for entry in entries if entry.soc == wanted), None)
        if other is not None:
            raise UnknownGroup(
                f"{wanted} {other.title_in_source or ''} is a {level_of(other) or 'detailed'} "
                "occupation, not a major or minor group",
                text,
            )
        raise UnknownGroup(f"{release_id} has no major or minor group with code {wanted}", text)
    words = [word for word in _words(given) if word not in _FILLER]
    if not words:
        raise UnknownGroup(f"no group is named {quoted(text)}", text)
    exact, containing = [], []
    for group in groups:
        title = [word for word in _words(group.title) if word not in _FILLER]
        if title == words:
            exact.append(group)
        elif all(word in title for word in words):
            containing.append(group)
    found = exact or containing
    if len(found) == 1:
        return found[0]
    if not found:
        raise UnknownGroup(f"no major or minor group of {release_id} is named {quoted(text)}", text)
    shown = "; ".join(f"{group.code} {group.title}" for group in found[:6])
    raise UnknownGroup(
        f"{quoted(text)} names {len(found)} groups: {shown}",
        text,
        tuple(group.code for group in found),
    )
