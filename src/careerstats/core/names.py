"""Naming careers: by id, alias, SOC code (with or without its dash), official or alternate
title, singular or plural, or by words that only one occupation's title holds; a name that
fits several occupations, or none, gets the closest ones (issue 12)."""

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.matching import (
    LEVELS,
    Entry,
    Fit,
    Kind,
    Named,
    as_code,
    content,
    fit,
    level_of,
    one_edit,
    stem,
    word_pattern,
    words,
)
from careerstats.core.model import Career
from careerstats.core.wording import quoted
from careerstats.errors import AmbiguousCareer, UnknownCareer

if TYPE_CHECKING:  # a Protocol class costs start-up time, and only the type checker needs it
    from typing import Protocol

    class Occupations(Protocol):
        """Occupations beyond the catalog (bundled and imported OEWS data), as the data layer
        provides them."""

        def titles(self) -> Mapping[str, str]:
            """Each occupation's title, mapped to its SOC code."""
            ...

        def career(self, name: str) -> Career | None:
            """The occupation a SOC code or an exact title names, as a career."""
            ...

        def index(self) -> list[tuple[Career, list[str]]]:
            """Every occupation, by SOC code, with the ids of the releases that have it."""
            ...

        def names_with(self, patterns: Sequence[str]) -> list[Named]:
            """The official and alternate titles in which one of the regular expressions
            finds something, in lower case."""
            ...

        def entry(self, code: str) -> Entry | None:
            """The occupation a code names as a search shows it, or None."""
            ...

        def vocabulary(self) -> set[str]:
            """Every word of every name, in lower case."""
            ...


# How many candidates a message names; the rest are counted.
SHOWN = 5
SUGGESTED = 3
_KIND_ORDER: dict[Kind, int] = {"code": 0, "alias": 1, "title": 2, "alternate": 3}


class AllOccupations:
    """Several sources of occupations as one (bundled releases, then imported ones): the
    first that knows a name answers for it."""

    def __init__(self, *parts: "Occupations") -> None:
        self.parts = parts

    def titles(self) -> Mapping[str, str]:
        merged: dict[str, str] = {}
        for part in reversed(self.parts):
            merged.update(part.titles())
        return merged

    def career(self, name: str) -> Career | None:
        for part in self.parts:
            found = part.career(name)
            if found is not None:
                return found
        return None

    def index(self) -> list[tuple[Career, list[str]]]:
        merged: dict[str, tuple[Career, list[str]]] = {}
        for part in self.parts:
            for career, release_ids in part.index():
                known = merged.setdefault(career.soc, (career, []))
                known[1].extend(i for i in release_ids if i not in known[1])
        return [merged[code] for code in sorted(merged)]

    def names_with(self, patterns: Sequence[str]) -> list[Named]:
        return list(dict.fromkeys(n for part in self.parts for n in part.names_with(patterns)))

    def entry(self, code: str) -> Entry | None:
        for part in self.parts:
            found = part.entry(code)
            if found is not None:
                return found
        return None

    def vocabulary(self) -> set[str]:
        return set().union(*(part.vocabulary() for part in self.parts))


class Match(NamedTuple):
    """An occupation that fits a query, by its best-fitting name; `titled` is how its
    official title fits (None when only another name has every word)."""

    entry: Entry
    name: Named
    fit: Fit
    titled: Fit | None
    career: Career | None  # the catalog's career with this code, if any

    def order(self, by: Fit | None = None) -> tuple[bool, int, int, bool, int, int, float, str]:
        """Best first (by its best name's fit, or `by`): the same words, then fewer slips;
        a code, alias or title before an alternate title of the same words, an official
        title holding the words before another name; then a detailed occupation before a
        group, more employment, more of the name covered."""
        fitted = by or self.fit
        titled = by is not None or self.titled is not None
        kind = _KIND_ORDER["title" if by else self.name.kind] if fitted.exact else 0
        return (
            not fitted.exact,
            fitted.typos,
            kind,
            not titled,
            -_depth(self),
            -(self.entry.employment if self.entry.employment is not None else -1),
            -round(fitted.coverage, 6),
            self.entry.code,
        )


class CareerNames:
    """Every name of the catalog's careers, and of other occupations when there are any."""

    def __init__(self, careers: Sequence[Career], occupations: "Occupations | None") -> None:
        self.careers, self.occupations = tuple(careers), occupations
        self._by_name: dict[tuple[str, ...], Career] = {}
        self._by_code: dict[str, Career] = {}
        self._names: list[tuple[Named, Career]] = []
        for career in careers:
            for code in career.soc_codes:
                self._by_code.setdefault(code, career)
            named: tuple[tuple[str, Kind], ...] = (
                (career.id, "alias"),
                (career.title, "title"),
                *((alias, "alias") for alias in career.aliases),
            )
            for text, kind in named:
                self._by_name.setdefault(words(text), career)
                self._names.append((Named(career.soc, text, kind), career))

    def find(self, name: str) -> Career:
        """The career `name` names; `AmbiguousCareer` with the candidates when it fits
        several, `UnknownCareer` with the closest ones when it fits none."""
        code = as_code(name)
        if code is not None:
            return self._coded(code, name)
        query = words(name)
        if not query:
            raise UnknownCareer(f"no career is named by {quoted(name)}", name)
        found = self._by_name.get(query)
        if found is not None:
            return found
        matches = self.matches(name, slips=False)
        exact = [m for m in matches if m.fit.exact]
        if exact:
            # An official title or alias before an alternate title that another occupation
            # happens to be known by.
            first = min(_KIND_ORDER[m.name.kind] for m in exact)
            best = [m for m in exact if _KIND_ORDER[m.name.kind] == first]
            if len(best) == 1:
                return self._career(best[0])
            raise self._ambiguous(name, best)
        titled = sorted((m for m in matches if m.titled is not None), key=_title_order)
        if len(titled) == 1:
            return self._career(titled[0])
        if titled:
            raise self._ambiguous(name, titled)
        if self.occupations is not None:  # a title of an older release (15-1132's)
            older = self.occupations.career(name)
            if older is not None:
                return self._by_code.get(older.soc, older)
        raise self._unknown(name)

    def named_as(self, name: str, career: Career) -> str | None:
        """What `name` was taken to mean, when it is not the career's own code, id, alias or
        title ('ceo' is 11-1011 Chief Executives), for the user to see."""
        code = as_code(name)
        if code is not None and code in career.soc_codes:
            return None
        own = (career.id, career.title, *career.aliases)
        if words(name) in {words(text) for text in own}:
            return None
        entry = self._entry(career.soc)
        title = entry.title if entry is not None and career.soc == career.id else career.title
        return f"{quoted(name.strip())} is {career.soc} {title}"

    def matches(self, query: str, *, slips: bool = True) -> list[Match]:
        """Every occupation with a name that has all the query's words (with `slips`, a word
        missing from every name may be matched with one slip), best first; a group is left
        out when a more detailed occupation of the same title matches too."""
        wanted = content(words(query))
        code = as_code(query)
        if code is not None:
            entry = self._entry(code)
            older = self.occupations.career(code) if entry is None and self.occupations else None
            if older is not None:  # a code only older releases have (15-1132)
                entry = Entry(code, older.title, level_of(code), None)
            if entry is None:
                return []
            named = Named(code, code, "code")
            return [Match(entry, named, Fit(True, 0, 1.0), None, self._by_code.get(code))]
        if not wanted:
            return []
        names = self._named(wanted, ())
        forgiven: tuple[str, ...] = ()
        if slips:
            seen = {word for named in names for word in words(named.text)}
            forgiven = tuple(word for word in wanted if word not in seen)
            if forgiven:
                names = list(dict.fromkeys((*names, *self._named(forgiven, forgiven))))
        best: dict[str, Match] = {}
        for named in names:
            found = fit(wanted, words(named.text), slips=forgiven)
            if found is None:
                continue
            entry = self._entry(named.code)
            if entry is None:
                continue
            titled = fit(wanted, words(entry.title), slips=())
            match = Match(entry, named, found, titled, self._by_code.get(named.code))
            known = best.get(entry.code)
            if known is None or match.order() < known.order():
                best[entry.code] = match._replace(titled=titled or (known and known.titled))
            elif titled and not known.titled:
                best[entry.code] = known._replace(titled=titled)
        # An official title holding every word is the name shown, rather than an alternate
        # title that happens to hold them too ("Elementary School Teacher").
        shown = (
            m._replace(name=Named(m.entry.code, m.entry.title, "title"), fit=m.titled)
            if m.titled is not None and not m.fit.exact
            else m
            for m in best.values()
        )
        return sorted(_detailed_first(shown), key=Match.order)

    def _named(self, wanted: tuple[str, ...], slipped: tuple[str, ...]) -> list[Named]:
        """The names that may have one of the words (those `slipped`: a word one slip from
        it, out of every word a name uses)."""
        found = [named for named, _ in self._names]
        if slipped:
            vocabulary = sorted({stem(word) for word in self._vocabulary()})
            wanted = tuple(near for word in slipped for near in vocabulary if one_edit(word, near))
            if not wanted:
                return found
        patterns = [word_pattern(word) for word in wanted]
        if self.occupations is not None:
            found.extend(self.occupations.names_with(patterns))
        return found

    def _vocabulary(self) -> set[str]:
        found = {word for named, _ in self._names for word in words(named.text)}
        if self.occupations is not None:
            found.update(self.occupations.vocabulary())
        return found

    def _entry(self, code: str) -> Entry | None:
        entry = self.occupations.entry(code) if self.occupations is not None else None
        if entry is None and code in self._by_code:
            career = self._by_code[code]
            entry = Entry(code, career.title, level_of(code), None)
        return entry

    def _coded(self, code: str, name: str) -> Career:
        found = self._by_code.get(code)
        if found is None and self.occupations is not None:
            found = self.occupations.career(code)
        if found is None:
            where = "the catalog or the OEWS data" if self.occupations else "the catalog"
            raise UnknownCareer(
                f"no occupation with SOC code {code} in {where}", name, by_code=True
            )
        return found

    def _career(self, match: Match) -> Career:
        if match.career is not None:
            return match.career
        return self._coded(match.entry.code, match.entry.code)

    def _ambiguous(self, name: str, matches: Sequence[Match]) -> AmbiguousCareer:
        labels = [_label(m) for m in matches[:SHOWN]]
        more = len(matches) - len(labels)
        listed = ", ".join(labels) + (f" and {more:,} more" if more else "")
        return AmbiguousCareer(
            f"{quoted(name)} fits {len(matches):,} occupations: {listed}",
            name,
            tuple(m.entry.code for m in matches),
        )

    def _unknown(self, name: str) -> UnknownCareer:
        close = self.matches(name)[:SUGGESTED]
        if not close:
            return UnknownCareer(
                f"unknown career {quoted(name)}; no occupation is named like it", name
            )
        labels = " or ".join(_label(m) for m in close)
        return UnknownCareer(f"unknown career {quoted(name)}; did you mean {labels}?", name)


def _title_order(match: Match) -> tuple[bool, int, int, bool, int, int, float, str]:
    return match.order(match.titled)


def _detailed_first(matches: Iterable[Match]) -> list[Match]:
    """Leaves out a group when a more detailed occupation of the same title matches too
    (11-1010 "Chief Executives" and 11-1011)."""
    found = list(matches)
    deepest: dict[tuple[str, ...], int] = {}
    for match in found:
        key = words(match.entry.title)
        deepest[key] = max(deepest.get(key, -1), _depth(match))
    return [m for m in found if _depth(m) == deepest[words(m.entry.title)]]


def _depth(match: Match) -> int:
    level = match.entry.level
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _label(match: Match) -> str:
    """`'cs' (customer service representatives)`, `'29-1141' (registered nurses)`."""
    if match.career is not None:
        shown = match.career.aliases[0] if match.career.aliases else match.career.id
        return f"'{shown}' ({match.career.title.lower()})"
    return f"'{match.entry.code}' ({match.entry.title.lower()})"
