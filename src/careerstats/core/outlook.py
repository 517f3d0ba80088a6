"""A career's outlook and entry requirements (BLS Employment Projections) and where its SOC
code sits in the classification (major, minor and broad group).

The data layer reads the bundled files and hands them over through `Dataset.projections` and
`Dataset.classification`; these protocols say what the core needs of them, and nothing here
reads a file.
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from careerstats.core.model import Career

# What the core needs of the data layer's objects: for the type checker only (a Protocol
# class costs start-up time to define, and nothing checks them at run time).
if TYPE_CHECKING:
    from typing import Protocol

    class Edition(Protocol):
        """One edition of the Employment Projections (2024-34)."""

        @property
        def edition(self) -> str: ...  # 2024-34
        @property
        def title(self) -> str: ...  # BLS Employment Projections 2024-34 (an en dash)
        @property
        def base_year(self) -> int: ...
        @property
        def projected_year(self) -> int: ...

    class Projection(Protocol):
        """One occupation's line of an edition; employment, change and openings in thousands."""

        @property
        def code(self) -> str: ...
        @property
        def title(self) -> str: ...
        @property
        def occupation_type(self) -> str: ...  # "Line item" (an occupation) or "Summary"
        @property
        def employment_base(self) -> Decimal: ...
        @property
        def employment_projected(self) -> Decimal: ...
        @property
        def change(self) -> Decimal: ...
        @property
        def change_percent(self) -> Decimal: ...
        @property
        def openings(self) -> Decimal: ...  # a year, on average over the decade
        # None where BLS assigns none (a summary of several occupations).
        @property
        def education(self) -> str | None: ...
        @property
        def work_experience(self) -> str | None: ...
        @property
        def training(self) -> str | None: ...

    class Projections(Protocol):
        """The projections the data layer provides (the newest bundled edition)."""

        def edition(self) -> Edition: ...
        def projection(self, code: str) -> Projection | None: ...

    class SocGroup(Protocol):
        @property
        def code(self) -> str: ...
        @property
        def level(self) -> str: ...  # major, minor, broad or detailed
        @property
        def title(self) -> str: ...

    class Classification(Protocol):
        """The SOC structure the data layer provides (2018)."""

        def soc(self, code: str) -> SocGroup | None: ...
        def groups_of(self, code: str) -> Sequence[SocGroup]: ...


class Outlook(NamedTuple):
    """A career's projection in one edition, or None where the edition has no line for its
    code (OEWS and the matrix do not publish every code alike: most of OEWS's broad groups
    and the codes of older SOC versions have none)."""

    career_id: str
    code: str
    edition: "Edition"
    projection: "Projection | None"


class SocPlace(NamedTuple):
    """Where a code sits in the SOC: the groups above it, major first; `known` is False where
    the code is not in the classification at all (a code of an older SOC)."""

    code: str
    known: bool
    groups: "tuple[SocGroup, ...]"

    def group(self, level: str) -> "SocGroup | None":
        return next((group for group in self.groups if group.level == level), None)


def outlook(projections: "Projections | None", career: "Career") -> Outlook | None:
    """The career's projection by its SOC code; None when there are no projections."""
    if projections is None:
        return None
    return Outlook(career.id, career.soc, projections.edition(), projections.projection(career.soc))


def soc_place(classification: "Classification | None", career: "Career") -> SocPlace | None:
    """The career's SOC groups; None when there is no classification."""
    if classification is None:
        return None
    known = classification.soc(career.soc) is not None
    return SocPlace(career.soc, known, tuple(classification.groups_of(career.soc)))
