"""An occupation's codes in every bundled OEWS release, by the official SOC crosswalks.

May 2008 uses SOC 2000, May 2013-2018 SOC 2010, May 2021-2024 SOC 2018. May 2019 and 2020
use SOC 2018 codes where they could, SOC 2010 codes where they could not split an occupation
yet (19-3031), and "hybrid" codes of their own for some 2018 occupations put together
(15-1256 = 15-1252 software developers + 15-1253 software quality assurance analysts and
testers). The crosswalks map 2000 -> 2010 -> 2018; a code in no pair (a group, an OEWS
aggregate) is taken to stay itself. The hybrid codes are in no crosswalk: a hybrid code puts
together the 2018 occupations of its minor group that the release lacks and every word of
whose title is in the hybrid's title.

Standard library only; reads the crosswalks and looks up single codes in the releases (a
whole release only when a 2018 code is missing from a hybrid one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from careerstats.core.lineage import Lineage, Link, SocCode
from careerstats.sources import bundled_oews, bundled_soc
from careerstats.sources.bundled_oews import ReleaseInfo

OLDEST, MIDDLE, NEWEST, HYBRID = "2000", "2010", "2018", "hybrid"
# Words titles are joined with ("Software Developers and Software Quality Assurance ...").
_JOINING = frozenset({"and", "or", "of", "the"})


def version(info: ReleaseInfo) -> str:
    """The SOC version of a release: 2000, 2010, 2018, or hybrid (May 2019 and 2020)."""
    if "hybrid" in info.classification.lower():
        return HYBRID
    found = re.search(r"\d{4}", info.classification)
    return found[0] if found else NEWEST


def _words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", title.lower())) - _JOINING


def _unique(codes: Iterable[str]) -> list[str]:
    return sorted(set(codes))


class _Crosswalks:
    """Both crosswalks, looked up a code at a time (and remembered)."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, str], list[bundled_soc.CrosswalkPair]] = {}
        self._groups: dict[str, dict[str, str]] = {}

    def _of(self, code: str, older: bundled_soc.Older) -> list[bundled_soc.CrosswalkPair]:
        key = (code, older)
        if key not in self._pairs:
            self._pairs[key] = bundled_soc.pairs_of(code, older)
        return self._pairs[key]

    def forward(self, code: str, older: str) -> list[str]:
        """The codes of the next SOC version `code` became; empty for a code in no pair."""
        return [p.to_code for p in self._of(code, _OLDER[older]) if p.from_code == code]

    def backward(self, code: str, newer: str) -> list[str]:
        return [p.from_code for p in self._of(code, _OLDER[_PREVIOUS[newer]]) if p.to_code == code]

    def has(self, code: str, soc: str) -> bool:
        """A code of SOC `soc` that the crosswalks know."""
        return self.title(code, soc) is not None

    def title(self, code: str, soc: str) -> str | None:
        if soc != OLDEST:  # a newer code of the crosswalk into `soc`
            for pair in self._of(code, _OLDER[_PREVIOUS[soc]]):
                if pair.to_code == code:
                    return pair.to_name
        if soc != NEWEST:  # an older code of the crosswalk out of `soc`
            for pair in self._of(code, _OLDER[soc]):
                if pair.from_code == code:
                    return pair.from_name
        return None

    def group(self, prefix: str) -> dict[str, str]:
        """The 2018 codes starting with `prefix`, with their titles."""
        if prefix not in self._groups:
            pairs = bundled_soc.pairs_into(prefix, "2010")
            self._groups[prefix] = {p.to_code: p.to_name for p in pairs}
        return self._groups[prefix]

    def after(self, codes: Iterable[str], older: str) -> list[str]:
        """The codes of the next SOC version these became (a code in no pair stays itself)."""
        return _unique(new for code in codes for new in self.forward(code, older) or [code])

    def before(self, codes: Iterable[str], newer: str) -> list[str]:
        """The codes of the previous SOC version these came from."""
        return _unique(old for code in codes for old in self.backward(code, newer) or [code])


_OLDER: dict[str, bundled_soc.Older] = {OLDEST: "2000", MIDDLE: "2010"}
_PREVIOUS = {MIDDLE: OLDEST, NEWEST: MIDDLE}


class _Finder:
    def __init__(self) -> None:
        self.walks = _Crosswalks()
        self.published: dict[str, str] = {}  # code -> title, as a release publishes it
        self._present: dict[tuple[str, str], bool] = {}
        self._titles: dict[tuple[str, str], str] = {}  # (release, code) -> its title there
        self._groups: set[str] = set()  # codes a release publishes as a group, not detailed
        self._hybrids: dict[str, list[tuple[str, str]]] = {}

    def present(self, info: ReleaseInfo, code: str) -> bool:
        key = (info.id, code)
        if key not in self._present:
            found = bundled_oews.occupation(info.id, code)
            if found is not None:
                self.published.setdefault(code, found.title)
                self._titles[key] = found.title
                if any(group not in ("detailed", "") for group in found.groups):
                    self._groups.add(code)
            self._present[key] = found is not None
        return self._present[key]

    def kept_from_2010(self, info: ReleaseInfo, code: str) -> bool:
        """A 2010 code a hybrid release still publishes (19-3031), not being a 2018 one."""
        return (
            bool(self.walks.forward(code, MIDDLE))
            and not self.walks.has(code, NEWEST)
            and self.present(info, code)
        )

    def is_hybrid(self, code: str) -> bool:
        return not self.walks.has(code, NEWEST) and not self.walks.forward(code, MIDDLE)

    def hybrids(self, info: ReleaseInfo) -> list[tuple[str, str]]:
        """The hybrid detailed codes of a release, with their titles."""
        if info.id not in self._hybrids:
            self._hybrids[info.id] = [
                (item.code, item.title)
                for item in bundled_oews.occupations(info.id)
                if "detailed" in item.groups and self.is_hybrid(item.code)
            ]
        return self._hybrids[info.id]

    def covered(self, info: ReleaseInfo, hybrid: str, title: str) -> list[str]:
        """The 2018 occupations a hybrid code of `info` puts together."""
        words = _words(title)
        return _unique(
            code
            for code, name in self.walks.group(hybrid[:4]).items()
            if _words(name) <= words and not self.present(info, code)
        )

    def covering(self, info: ReleaseInfo, code: str) -> list[str]:
        """The hybrid codes of `info` that a 2018 code it lacks is part of."""
        return [
            hybrid
            for hybrid, title in self.hybrids(info)
            if hybrid[:4] == code[:4] and code in self.covered(info, hybrid, title)
        ]

    # -------------------------------------------------------- one code in every version

    def newest(self, code: str, soc: str, info: ReleaseInfo | None = None) -> list[str]:
        if soc == HYBRID and info is not None:
            return self.covered(info, code, self.published.get(code, ""))
        if soc == OLDEST:
            return self.walks.after(self.walks.after([code], OLDEST), MIDDLE)
        return self.walks.after([code], MIDDLE) if soc == MIDDLE else [code]

    def middle(self, code: str, soc: str, info: ReleaseInfo | None = None) -> list[str]:
        if soc == OLDEST:
            return self.walks.after([code], OLDEST)
        if soc == MIDDLE:
            return [code]
        return self.walks.before(self.newest(code, soc, info), NEWEST)

    def oldest(self, code: str, soc: str, info: ReleaseInfo | None = None) -> list[str]:
        if soc == OLDEST:
            return [code]
        return self.walks.before(self.middle(code, soc, info), MIDDLE)

    def of(self, codes: Iterable[str], soc: str) -> tuple[SocCode, ...]:
        return tuple(
            SocCode(code, self.walks.title(code, soc) or self.published.get(code, code))
            for code in codes
        )

    def soc_of(self, code: str, info: ReleaseInfo) -> str:
        """The SOC version a code of `info` belongs to (a hybrid release mixes three)."""
        soc = version(info)
        if soc != HYBRID:
            return soc
        if self.walks.has(code, NEWEST) or code in self._groups:
            return NEWEST  # groups are in no crosswalk: taken to be 2018's
        return MIDDLE if self.walks.forward(code, MIDDLE) else HYBRID

    def link(self, info: ReleaseInfo, code: str) -> Link:
        soc = self.soc_of(code, info)
        return Link(
            release_id=info.id,
            code=code,
            title=self._titles.get((info.id, code), code),
            classification=info.classification,
            now=self.of(self.newest(code, soc, info), NEWEST),
            origins=self.of(self.oldest(code, soc, info), OLDEST),
            hybrid=soc == HYBRID,
        )


def lineage(code: str, title: str) -> Lineage:
    """The codes of occupation `code` (of any SOC version, or a hybrid code) in every bundled
    release, oldest first; `title` names the occupation where no release does."""
    finder = _Finder()
    infos = bundled_oews.releases()
    home_release = next((info for info in reversed(infos) if finder.present(info, code)), None)
    soc = NEWEST if home_release is None else finder.soc_of(code, home_release)
    finder.published.setdefault(code, title)
    now = finder.newest(code, soc, home_release)
    middle = finder.middle(code, soc, home_release)
    origins = finder.oldest(code, soc, home_release)
    links: list[Link] = []
    for info in infos:
        wanted = {OLDEST: origins, MIDDLE: middle, NEWEST: now}.get(version(info))
        if wanted is None:  # hybrid: 2018 codes, else the hybrids or 2010 codes for them
            found: list[str] = []
            for new in now:
                if finder.present(info, new):
                    found.append(new)
                else:
                    found += finder.covering(info, new)
            found += [old for old in middle if finder.kept_from_2010(info, old)]
            if soc == HYBRID and finder.present(info, code):
                found.append(code)
            wanted = _unique(found)
        links += [finder.link(info, item) for item in wanted if finder.present(info, item)]
    return Lineage(
        code=code,
        title=title,
        now=finder.of(now, NEWEST),
        origins=finder.of(origins, OLDEST),
        links=tuple(links),
    )
