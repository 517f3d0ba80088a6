"""The schema of the bundled datasets: a career catalog and one file per source release.

Strict pydantic models: unknown keys, non-positive wages and percentiles out of order are
errors. Everything here describes what a source published; nothing derived is stored.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from careerstats.periods import Period

SocCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}$")]
CareerId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
SourceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Wage = Annotated[Decimal, Field(gt=0, allow_inf_nan=False)]
Percent = Annotated[Decimal, Field(allow_inf_nan=False)]
Office = Literal["front", "back"]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


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


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- the career catalog


class OfficeProfile(Strict):
    description: Text
    duties: list[Text] = []
    skills: list[Text] = []
    examples_from: list[Text] = []


class FormerCode(Strict):
    classification: Text
    code: SocCode


class Education(Strict):
    typical: Text | None = None
    preferred: Text | None = None
    training: Text | None = None
    fields_of_study: list[Text] = []


class Career(Strict):
    id: CareerId
    title: Text
    soc: SocCode
    former_soc: list[FormerCode] = []
    aliases: list[Text] = []
    # Every catalog career has one (the catalog checks); an occupation known only from
    # imported OEWS data has none.
    office: Office | None = None
    summary: Text
    duties: list[Text] = []
    work_settings: list[Text] = []
    education: Education | None = None
    skills: list[Text] = []
    outlook: list[Text] = []
    notes: list[Text] = []
    facts_from: list[Text] = []

    @property
    def soc_codes(self) -> tuple[str, ...]:
        return (self.soc, *(former.code for former in self.former_soc))


class Catalog(Strict):
    offices: dict[Office, OfficeProfile]
    careers: list[Career]

    @model_validator(mode="after")
    def _offices_are_given(self) -> Self:
        for index, career in enumerate(self.careers):
            if career.office is None:
                raise ValueError(f"careers[{index}] ({career.id}): office is required")
        return self

    @model_validator(mode="after")
    def _names_are_unambiguous(self) -> Self:
        owner: dict[str, str] = {}
        for career in self.careers:
            for name in (career.id, *career.aliases):
                key = name.lower()
                if key in owner and owner[key] != career.id:
                    raise ValueError(
                        f"name {name!r} of career {career.id!r} is already used by {owner[key]!r}"
                    )
                if key in owner and name != career.id:
                    raise ValueError(f"alias {name!r} is listed twice for career {career.id!r}")
                owner[key] = career.id
        return self


# ---------------------------------------------------------------- source releases


class IndustryWage(Strict):
    industry: Text
    period: Period
    value: Wage
    stated_as: Text
    rank: Text | None = None


class ExtraCompensation(Strict):
    kind: Text
    period: Period
    value: Wage
    stated_as: Text


class ExperiencePay(Strict):
    level: CareerId
    label: Text
    period: Period
    value: Wage
    approximate: bool = False


class StatedPercentage(Strict):
    """A percentage the source states in words, kept so it can be checked against figures."""

    about: Text
    percent: Percent
    approximate: bool = False
    compares: tuple[CareerId, CareerId] | None = None


class OutlookFact(Strict):
    measure: Text
    percent: Percent
    horizon: Text
    description: Text | None = None


class CareerFigures(Strict):
    career: CareerId
    soc: SocCode
    title_in_source: Text | None = None
    wages: dict[Period, dict[Statistic, Wage]] = {}
    # Top-coded figures: the source says only "at or above" this ceiling (OEWS `#`). They
    # are kept apart from `wages` so nothing does arithmetic on them as if they were exact.
    top_coded: dict[Period, dict[Statistic, Wage]] = {}
    # Set when the source publishes wages in this period only (OEWS HOURLY or ANNUAL flag):
    # no figure is derived for any other period.
    only_published_per: Period | None = None
    industries: list[IndustryWage] = []
    extra_compensation: list[ExtraCompensation] = []
    experience: list[ExperiencePay] = []
    stated_percentages: list[StatedPercentage] = []
    outlook: list[OutlookFact] = []
    notes: list[Text] = []

    @model_validator(mode="after")
    def _percentiles_in_order(self) -> Self:
        for period, figures in self.wages.items():
            if not figures:
                raise ValueError(f"wages.{period.value} lists no figures")
            present = [(s, figures[s]) for s in PERCENTILE_ORDER if s in figures]
            for (low, low_value), (high, high_value) in itertools.pairwise(present):
                if high_value < low_value:
                    raise ValueError(
                        f"wages.{period.value}: the {high.label} ({high_value}) is below "
                        f"the {low.label} ({low_value})"
                    )
        return self

    @model_validator(mode="after")
    def _compared_levels_exist(self) -> Self:
        levels = {pay.level for pay in self.experience}
        for stated in self.stated_percentages:
            for level in stated.compares or ():
                if level not in levels:
                    raise ValueError(
                        f"stated percentage compares unknown experience level {level!r}"
                    )
        return self


class SourceRelease(Strict):
    id: SourceId
    publisher: Text
    program: Text
    title: Text
    reference_period: YearMonth | None = None
    reference_period_note: Text | None = None
    classification: Text | None = None
    cited_in: list[Text] = []
    notes: list[Text] = []
    careers: list[CareerFigures]

    @model_validator(mode="after")
    def _one_entry_per_career(self) -> Self:
        seen: set[str] = set()
        for entry in self.careers:
            if entry.career in seen:
                raise ValueError(f"career {entry.career!r} is listed twice")
            seen.add(entry.career)
        return self

    @property
    def is_dated(self) -> bool:
        return self.reference_period is not None

    @property
    def period_label(self) -> str:
        if self.reference_period is None:
            return "no reference period stated"
        year, month = self.reference_period.split("-")
        return f"{_MONTHS[int(month) - 1]} {year}"

    def figures_for(self, career_id: str) -> CareerFigures | None:
        return next((entry for entry in self.careers if entry.career == career_id), None)

    def entries(self) -> list[CareerFigures]:
        """Every career's figures in this release (an imported release reads them on demand)."""
        return list(self.careers)


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
