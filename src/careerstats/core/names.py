"""Naming careers: by id, alias, SOC code or title, loosely by singular, plural or leading
words, and with suggestions when a name fits none."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from careerstats.core.model import SOC_CODE, Career
from careerstats.core.wording import quoted
from careerstats.errors import UnknownCareer

if TYPE_CHECKING:  # a Protocol class costs start-up time, and only the type checker needs it
    from typing import Protocol

    class Occupations(Protocol):
        """Occupations beyond the catalog (imported OEWS data), as the data layer provides them."""

        def titles(self) -> Mapping[str, str]:
            """Each occupation's title, mapped to its SOC code."""
            ...

        def career(self, name: str) -> Career | None:
            """The occupation a SOC code or an exact title names, as a career."""
            ...

        def index(self) -> list[tuple[Career, list[str]]]:
            """Every occupation, by SOC code, with the ids of the releases that have it."""
            ...


# How close an official title must be to be suggested, after weighing it below the catalog's.
OCCUPATION_WEIGHT = 0.89
OCCUPATION_CLOSE = 0.8


class AllOccupations:
    """Several sources of occupations as one (bundled releases, then imported ones): the
    first that knows a name answers for it."""

    def __init__(self, *parts: Occupations) -> None:
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


class CareerNames:
    """Every name of the catalog's careers, and other occupations when there are any."""

    def __init__(self, careers: Sequence[Career], occupations: Occupations | None) -> None:
        self.careers, self.occupations = tuple(careers), occupations
        self._by_name: dict[str, Career] = {}
        for career in careers:
            for name in (career.id, career.title, *career.aliases, *career.soc_codes):
                self._by_name.setdefault(name_key(name), career)

    def find(self, name: str) -> Career:
        """The career `name` names: id, alias, SOC code or title; else suggestions."""
        found = self._by_name.get(name_key(name))
        if found is not None:
            return found
        if self.occupations is not None:
            found = self.occupations.career(name)
        found = found or self._loose_match(name_key(name))
        if found is not None:
            self._by_name[name_key(name)] = found
            return found
        if SOC_CODE.fullmatch(name.strip()):  # a code is not spelt wrong: say where to get it
            where = "the catalog or the OEWS data" if self.occupations else "the catalog"
            raise UnknownCareer(
                f"no occupation with SOC code {name.strip()} in {where}", name, by_code=True
            )
        raise UnknownCareer(f"unknown career {quoted(name)}; {self._suggest(name)}", name)

    def _loose_match(self, key: str) -> Career | None:
        """The one career a singular, plural or leading words of its title name, if just one.

        'receptionists' names "Receptionists and information clerks" and 'customer service
        representative' the plural title. Imported occupation titles count too, so a name
        that fits a catalog career and an imported one ('insurance') is not guessed but left
        to the suggestions.
        """
        if len(key) < 3:
            return None
        forms = {key, f"{key}s", f"{key}es", key.removesuffix("s"), key.removesuffix("es")}

        def whole(name: str) -> bool:
            # "Teachers, Except Special Education": the comma ends a word like a space does.
            return name_key(name.replace(",", " ")) in forms

        def leading(name: str) -> bool:
            name = name_key(name.replace(",", " "))
            return any(name.startswith(f"{form} ") for form in forms)

        # A singular or plural of a whole title first ('data scientist' is "Data Scientists",
        # not also "Data Scientists and Mathematical Science Occupations, All Other"), then
        # the leading words of one.
        for fits in (whole, leading):
            found = self._fitting(fits)
            if found:
                break
        if len(found) != 1:
            return None
        (only,) = found.values()
        if isinstance(only, Career):
            return only
        assert self.occupations is not None  # a title can only have come from them
        return self.occupations.career(only)

    def _fitting(self, fits: Callable[[str], bool]) -> dict[str, Career | str]:
        # Keyed by career: an imported title under a catalog career's former code (15-1142
        # for network administrators) is that career, not a second one.
        found: dict[str, Career | str] = {
            career.id: career
            for career in self.careers
            if any(fits(name) for name in (career.title, *career.aliases))
        }
        if self.occupations is not None:
            for title, code in self.occupations.titles().items():
                if fits(title):
                    known = self._by_name.get(name_key(code))
                    found[known.id if known else code] = known or title
        return found

    def _suggest(self, name: str) -> str:
        import difflib

        scored: dict[str, float] = {}
        key = name_key(name)
        for candidate, career in self._by_name.items():
            score = difflib.SequenceMatcher(None, key, candidate).ratio()
            if candidate.startswith(key) or key in candidate.split():
                score = max(score, 0.9)
            elif candidate in key.split():  # 'hr manager' names the 'hr' alias
                score = max(score, 0.7)
            shown = career.aliases[0] if career.aliases else career.id
            label = f"'{shown}' ({career.title.lower()})"
            scored[label] = max(scored.get(label, 0.0), score)
        if self.occupations is not None:
            # Some word of about 1,500 official titles is always loosely like a name
            # ('influencer', 'fence erectors'): only a near spelling of a title or one of its
            # words is offered, and a catalog career wins a near tie ('clerk').
            titles = self.occupations.titles()
            for title, code in titles.items():
                score = title_score(key, title) * OCCUPATION_WEIGHT
                if score >= OCCUPATION_CLOSE:
                    label = f"'{code}' ({title})"
                    scored[label] = max(scored.get(label, 0.0), score)
        # A weak second guess is noise ('sales' is not 'cashier'): offer it only when it is
        # nearly as close as the best one.
        best = sorted(scored.items(), key=lambda item: -item[1])[:2]
        close = [label for label, score in best if score >= max(0.6, best[0][1] - 0.15)]
        if not close:
            # Nothing is named like it: offer the catalog's careers to choose from rather than
            # a far-fetched guess ('plumber' is not 'lawyer').
            names = ", ".join(c.aliases[0] if c.aliases else c.id for c in self.careers)
            return f"no career is named like it: did you mean one of {names}?"
        return f"did you mean {' or '.join(close)}?"


def title_score(key: str, title: str) -> float:
    """How close `key` is to a title or to one of its words (softwre -> software developers)."""
    import difflib

    matcher = difflib.SequenceMatcher(None, "", key)
    best = 0.0
    for candidate in (title, *title.replace(",", " ").split()):
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            best = max(best, matcher.ratio())
    return best


def name_key(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").split())
