"""The datasets' domain objects: a career catalog and one release per source.

Plain dataclasses whose fields are set once (see `_Record`), so that a validated dataset can
be cached and loaded back without importing pydantic (which costs more than the rest of a
`compare` run). pydantic validates them when a dataset file is read (`datafiles.validate`):
the field types and `__pydantic_config__` are its schema, and `_check` holds the rules that
span fields. Unknown keys, non-positive wages and percentiles out of order are errors.
Everything here describes what a source published; nothing derived is stored.
"""

import itertools
import re
from dataclasses import MISSING, Field, dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar, Literal, NamedTuple, TypeVar, dataclass_transform

from careerstats.core.money import MAX_DIGITS
from careerstats.core.periods import MONTH_NAMES, Period

# Constraints are checked in __post_init__ rather than declared with annotated-types, so
# that loading a cached dataset imports nothing beyond the standard library.
Text = str
Wage = Decimal
Percent = Decimal
Office = Literal["front", "back"]

# pydantic reads this per class: unknown keys in a dataset file are errors.
STRICT: dict[str, Any] = {"extra": "forbid"}

# ASCII digits only: a bare \d is any script's digit (15-1252 in Arabic-Indic would pass).
SOC_CODE = re.compile(r"\d{2}-\d{4}", re.ASCII)
IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
YEAR_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])", re.ASCII)


def _require(pattern: re.Pattern[str], value: str, what: str, example: str) -> None:
    if not pattern.fullmatch(value):
        raise ValueError(f"{what} {value!r} is not of the form {example}")


# The same bound as for amounts typed on the command line: far beyond any pay figure.
_TOO_LARGE = Decimal(10) ** MAX_DIGITS


def _positive(where: str, value: Decimal) -> None:
    if not value > 0:
        raise ValueError(f"{where}: {value} is not a wage: it must be greater than 0")
    if value >= _TOO_LARGE:
        raise ValueError(f"{where}: {value} is too large for a wage (at most {MAX_DIGITS} digits)")


def _texts_filled(item: object) -> None:
    """No empty strings anywhere in a dataset object's text fields."""
    for name, value in vars(item).items():
        texts = value if isinstance(value, tuple) else (value,)
        for text in texts:
            if isinstance(text, str) and not text.strip():
                raise ValueError(f"{name}: empty text")


class _Record:
    """What every dataset object checks when built: no empty text, then its own rules."""

    __pydantic_config__: ClassVar[dict[str, Any]] = STRICT

    # Written once here instead of generated per class (as `dataclass` generates __init__,
    # and `frozen=True`, `eq` and `repr` more): generating them compiles code for every class
    # on every run, the largest start-up cost of this module. Fields are set once, by
    # __init__ (the dataset cache's decoder builds them through it too), and never changed after.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec = _fields_of(type(self))
        if len(args) > len(spec):
            raise TypeError(f"{type(self).__name__}() takes {len(spec)} fields, not {len(args)}")
        given = dict(zip((one.name for one in spec), args, strict=False))
        for name in kwargs:
            if name in given:
                raise TypeError(f"{type(self).__name__}() got {name!r} twice")
        given.update(kwargs)
        for one in spec:
            if one.name in given:
                value = given.pop(one.name)
            elif one.default_factory is not MISSING:
                value = one.default_factory()
            elif one.default is not MISSING:
                value = one.default
            else:
                raise TypeError(f"{type(self).__name__}() needs {one.name!r}")
            object.__setattr__(self, one.name, value)
        if given:
            raise TypeError(f"{type(self).__name__}() has no field {next(iter(given))!r}")
        self.__post_init__()

    def __post_init__(self) -> None:
        _texts_filled(self)
        self._check()

    def _check(self) -> None:
        """Rules across fields, for the classes that have them."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            raise AttributeError(f"{type(self).__name__}.{name} is read-only")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__}.{name} is read-only")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"{type(self).__name__}({fields})"


_FIELDS: dict[type, tuple[Field[Any], ...]] = {}


def _fields_of(kind: type) -> tuple[Field[Any], ...]:
    known = _FIELDS.get(kind)
    if known is None:
        known = _FIELDS[kind] = fields(kind)
    return known


_R = TypeVar("_R", bound=_Record)


@dataclass_transform(field_specifiers=(field,))
def record(kind: type[_R]) -> type[_R]:
    """A dataset class: a dataclass (pydantic validates it as one, `dataclasses.replace` and
    `fields` work) built by `_Record.__init__`, with nothing generated for it."""
    return dataclass(init=False, eq=False, repr=False)(kind)


class Statistic(StrEnum):
    MEAN = "mean"
    P10 = "p10"
    P25 = "p25"
    MEDIAN = "median"
    P75 = "p75"
    P90 = "p90"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def percentile(self) -> int | None:
        return _PERCENTILES.get(self)


_LABELS = {
    Statistic.MEAN: "mean",
    Statistic.P10: "10th percentile",
    Statistic.P25: "25th percentile",
    Statistic.MEDIAN: "median",
    Statistic.P75: "75th percentile",
    Statistic.P90: "90th percentile",
}
_PERCENTILES = {
    Statistic.P10: 10,
    Statistic.P25: 25,
    Statistic.MEDIAN: 50,
    Statistic.P75: 75,
    Statistic.P90: 90,
}
PERCENTILE_ORDER = tuple(_PERCENTILES)


# ---------------------------------------------------------------- the career catalog


@record
class OfficeProfile(_Record):
    """What working in one office (front or back) is like, as the articles describe it."""

    description: Text
    duties: tuple[Text, ...] = ()
    skills: tuple[Text, ...] = ()
    examples_from: tuple[Text, ...] = ()


@record
class FormerCode(_Record):
    """A code the occupation had in an earlier SOC classification (SOC 2000, 2010)."""

    classification: Text
    code: Text

    def _check(self) -> None:
        _require(SOC_CODE, self.code, "SOC code", "43-4051")


@record
class Education(_Record):
    """The catalog's cited education text for a career, kept apart from BLS's Employment
    Projections categories."""

    typical: Text | None = None
    preferred: Text | None = None
    training: Text | None = None
    fields_of_study: tuple[Text, ...] = ()


@record
class Career(_Record):
    """A catalog career: its SOC code, names, and what the articles say about the work."""

    id: Text
    title: Text
    soc: Text
    summary: Text
    # Every catalog career has one (the catalog checks); an occupation known only from
    # imported OEWS data has none.
    office: Office | None = None
    former_soc: tuple[FormerCode, ...] = ()
    aliases: tuple[Text, ...] = ()
    duties: tuple[Text, ...] = ()
    work_settings: tuple[Text, ...] = ()
    education: Education | None = None
    skills: tuple[Text, ...] = ()
    outlook: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()
    facts_from: tuple[Text, ...] = ()

    def _check(self) -> None:
        _require(IDENTIFIER, self.id, "career id", "lower-case-words")
        _require(SOC_CODE, self.soc, "SOC code", "43-4051")

    @property
    def soc_codes(self) -> tuple[str, ...]:
        return (self.soc, *(former.code for former in self.former_soc))


@record
class Catalog(_Record):
    """The catalog's careers and the offices they belong to; ids and aliases are unique."""

    offices: dict[Office, OfficeProfile]
    careers: tuple[Career, ...]

    def _check(self) -> None:
        for index, career in enumerate(self.careers):
            if career.office is None:
                raise ValueError(f"careers[{index}].office: {career.id!r} needs an office")
        owner: dict[str, str] = {}
        for index, career in enumerate(self.careers):
            names = [("id", career.id)] + [
                (f"aliases[{n}]", alias) for n, alias in enumerate(career.aliases)
            ]
            for where, name in names:
                key = name.lower()
                if key in owner:
                    used = "its own id" if owner[key] == career.id else f"{owner[key]!r}"
                    raise ValueError(
                        f"careers[{index}].{where}: name {name!r} of career {career.id!r} "
                        f"is already used by {used}"
                    )
                owner[key] = career.id


# ---------------------------------------------------------------- source releases


class AnnualBasis(StrEnum):
    """What a source's annual figures are, as against its hourly ones."""

    # BLS (OES/OEWS): an annual wage is the hourly wage x 2,080 hours (40 a week, 52 weeks),
    # so the hourly figure follows from an annual one.
    HOURS_2080 = "hours-2080"
    # Salaries as reported (PayScale): on no hours basis, so no hourly figure follows.
    SALARIES = "salaries"


@record
class IndustryWage(_Record):
    """A wage a release states for the occupation in one industry, as it states it."""

    industry: Text
    period: Period
    value: Wage
    stated_as: Text
    rank: Text | None = None

    def _check(self) -> None:
        _positive("value", self.value)


@record
class ExtraCompensation(_Record):
    """Pay besides wages (a bonus, commission) as a release states it."""

    kind: Text
    period: Period
    value: Wage
    stated_as: Text

    def _check(self) -> None:
        _positive("value", self.value)


@record
class ExperiencePay(_Record):
    """Pay at one level of experience (entry level, late career) as a release states it."""

    level: Text
    label: Text
    period: Period
    value: Wage
    approximate: bool = False

    def _check(self) -> None:
        _positive("value", self.value)


@record
class StatedPercentage(_Record):
    """A percentage the source states in words, kept so it can be checked against figures."""

    about: Text
    percent: Percent
    approximate: bool = False
    compares: tuple[Text, Text] | None = None


@record
class SourceDerivation(_Record):
    """A figure the citing text worked out itself from published ones (the agency never
    published it), kept so the audit can set it beside the figure the agency did publish."""

    period: Period
    statistic: Statistic
    value: Wage
    how: Text  # "14.36 x 40 x 52 = 29,868.80"
    stated_as: Text | None = None

    def _check(self) -> None:
        _positive("value", self.value)


@record
class OutlookFact(_Record):
    """A projected change a release states (employment growth over its horizon)."""

    measure: Text
    percent: Percent
    horizon: Text
    description: Text | None = None


@record
class CareerFigures(_Record):
    """One occupation's figures in one release: wages as published, top-coded ceilings,
    employment and what the source states beside them."""

    career: Text
    soc: Text
    title_in_source: Text | None = None
    wages: dict[Period, dict[Statistic, Wage]] = field(default_factory=dict)
    # Top-coded figures: the source says only "at or above" this ceiling (OEWS `#`). They
    # are kept apart from `wages` so nothing does arithmetic on them as if they were exact.
    top_coded: dict[Period, dict[Statistic, Wage]] = field(default_factory=dict)
    # Set when the source publishes wages in this period only (OEWS HOURLY or ANNUAL flag):
    # no figure is derived for any other period.
    only_published_per: Period | None = None
    industries: tuple[IndustryWage, ...] = ()
    extra_compensation: tuple[ExtraCompensation, ...] = ()
    experience: tuple[ExperiencePay, ...] = ()
    stated_percentages: tuple[StatedPercentage, ...] = ()
    outlook: tuple[OutlookFact, ...] = ()
    derived_in_source: tuple[SourceDerivation, ...] = ()
    notes: tuple[Text, ...] = ()
    # OEWS only: employment as BLS published it (TOT_EMP, rounded to tens; None for `**`)
    # and the occupation's level(s), as O_GROUP names them (total, major, ..., detailed).
    employment: int | None = None
    groups: tuple[Text, ...] = ()

    def _check(self) -> None:
        _require(SOC_CODE, self.soc, "SOC code", "43-4051")
        for period, figures in self.wages.items():
            if not figures:
                raise ValueError(f"wages.{period.value} lists no figures")
            for statistic, value in figures.items():
                # Where a wage is, worded only when it is wrong: `top` builds 800 entries a run.
                if not 0 < value < _TOO_LARGE:
                    _positive(f"wages.{period.value}.{statistic.value}", value)
            present = [(s, figures[s]) for s in PERCENTILE_ORDER if s in figures]
            for (low, low_value), (high, high_value) in itertools.pairwise(present):
                if high_value < low_value:
                    raise ValueError(
                        f"wages.{period.value}: the {high.label} ({high_value}) is below "
                        f"the {low.label} ({low_value})"
                    )
        levels = {pay.level for pay in self.experience}
        for stated in self.stated_percentages:
            for level in stated.compares or ():
                if level not in levels:
                    raise ValueError(
                        f"stated percentage compares unknown experience level {level!r}"
                    )


# How a release's note on its top-coding ceiling begins: views show that note only beside a
# figure that is top-coded.
TOP_CODING_NOTE = "# (top-coded) figures are at least"


def is_top_coding_note(note: str) -> bool:
    return note.startswith(TOP_CODING_NOTE)


@record
class SourceRelease(_Record):
    """One release of one source (BLS OEWS May 2024, PayScale's article) and the figures
    it publishes for each occupation."""

    id: Text
    publisher: Text
    program: Text
    title: Text
    careers: tuple[CareerFigures, ...]
    reference_period: Text | None = None
    reference_period_note: Text | None = None
    classification: Text | None = None
    # Not stated: taken to be on no hours basis, as salaries are.
    annual_basis: AnnualBasis | None = None
    cited_in: tuple[Text, ...] = ()
    notes: tuple[Text, ...] = ()
    # True for a release read from the agency's own files (the bundled OEWS releases), whose
    # figures are exactly as published; the audit checks cited figures against these.
    official: ClassVar[bool] = False

    def _check(self) -> None:
        _require(IDENTIFIER, self.id, "source id", "lower-case-words")
        if self.reference_period is not None:
            _require(YEAR_MONTH, self.reference_period, "reference period", "YYYY-MM")
        seen: set[str] = set()
        for entry in self.careers:
            if entry.career in seen:
                raise ValueError(f"career {entry.career!r} is listed twice")
            seen.add(entry.career)

    @property
    def is_dated(self) -> bool:
        return self.reference_period is not None

    @property
    def period_label(self) -> str:
        if self.reference_period is None:
            return "date not stated"
        year, month = self.reference_period.split("-")
        return f"{MONTH_NAMES[int(month) - 1]} {year}"

    def figures_for(self, career_id: str) -> CareerFigures | None:
        return next((entry for entry in self.careers if entry.career == career_id), None)

    def entries(self) -> list[CareerFigures]:
        """Every career's figures in this release (an imported release reads them on demand)."""
        return list(self.careers)

    def entries_at(self, levels: frozenset[str]) -> list[CareerFigures]:
        """The entries of these levels (OEWS O_GROUP: total, major, ..., detailed), and those
        whose source states none."""
        return [entry for entry in self.entries() if not entry.groups or levels & set(entry.groups)]

    def summaries_at(
        self, levels: frozenset[str], period: Period, statistic: Statistic | None
    ) -> "list[Summary]":
        """Each entry of these levels with one of its figures as published (`statistic` per
        `period`; none without a statistic): what ranking them needs, and no more."""
        found = []
        for entry in self.entries_at(levels):
            figure, top_coded = None, False
            if statistic is not None:
                figure = entry.wages.get(period, {}).get(statistic)
                if figure is None:
                    figure = entry.top_coded.get(period, {}).get(statistic)
                    top_coded = figure is not None
            found.append(
                Summary(
                    entry.soc,
                    entry.title_in_source,
                    entry.groups,
                    entry.employment,
                    figure,
                    top_coded,
                )
            )
        return found


class Summary(NamedTuple):
    """One entry's code, title, level(s) and employment, and one figure as published: a
    ceiling when `top_coded` (at or above it), None where none is published."""

    soc: str
    title_in_source: str | None
    groups: tuple[str, ...]
    employment: int | None
    figure: Decimal | None
    top_coded: bool
