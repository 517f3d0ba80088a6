"""The shapes of the JSON documents `render.jsonout` writes: one TypedDict per object.

The writer's functions return these types, so the type checker holds the writer to them, and
`scripts/make_schemas.py` turns them into the JSON Schemas shipped in `careerstats/schemas/`
(`careerstats schema COMMAND`). A key that may be missing is `NotRequired`; a value that may
be null is `X | None`. `Number` is a JSON number (money to the cent, indexes as published).

Nothing imports this module at run time except the schema script: `jsonout` names these
types for the type checker only.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from careerstats.render.jsonnumber import Number

# Objects that take keys beyond those listed (the projections name their base and projected
# years in their keys: `employment_2024`, `employment_2034`).
OPEN = frozenset({"Projections"})

Published = dict[str, dict[str, Number]]


class Schedule(TypedDict):
    hours_per_week: Number
    weeks_per_year: Number
    days_per_week: Number


class ConversionInput(TypedDict):
    amount: Number
    period: str


class Conversion(TypedDict):
    input: ConversionInput
    schedule: Schedule
    amounts: dict[str, Number]
    to: NotRequired[str]
    result: NotRequired[Number]


StreamedConversion = TypedDict(
    "StreamedConversion", {"amount": Number, "from": str, "to": str, "result": Number}
)

Adjustment = TypedDict(
    "Adjustment",
    {
        "amount": Number,
        "from": str,
        "to": str,
        "from_index": Number,
        "to_index": Number,
        "factor": Number,
        "result": Number,
        "series": str,
        "base": str,
        "newest": str,
    },
)


class Figure(TypedDict):
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    derived: bool
    basis: str
    derived_from: NotRequired[str]
    adjusted_to: NotRequired[str]
    original: NotRequired[Number]


Wages = dict[str, dict[str, Figure]]


class Stated(TypedDict):
    value: Number
    adjusted_to: NotRequired[str]
    original: NotRequired[Number]


Prices = TypedDict(
    "Prices",
    {
        "adjusted": bool,
        "from": NotRequired[str],
        "to": NotRequired[str],
        "from_index": NotRequired[Number],
        "to_index": NotRequired[Number],
        "factor": NotRequired[Number],
        "reason": NotRequired[str],
    },
)


class PricesKey(TypedDict, total=False):
    inflation_adjustment: Prices


class Area(TypedDict):
    code: str
    title: str


class Industry(TypedDict):
    naics: str
    title: str


class Download(TypedDict):
    url: str
    size: int | None
    sha256: str | None


class ImportedFile(TypedDict):
    name: str
    sha256: str
    layout: str
    rows: int
    downloaded: NotRequired[Download]


class TopCoding(TypedDict):
    hour: Number | None
    year: Number | None
    stated_in_file: bool
    converted: str | None


class ImportedRelease(TypedDict):
    id: str
    year: int
    classification: str
    files: list[ImportedFile]
    rows: int
    areas: int
    industries: int
    top_coding: TopCoding
    updated_at: str


class Source(TypedDict):
    id: str
    publisher: str
    program: str
    title: str
    reference_period: str | None
    reference_period_label: str
    area: NotRequired[Area]
    industry: NotRequired[Industry]
    imported: NotRequired[ImportedRelease]
    reference_period_note: NotRequired[str | None]
    classification: NotRequired[str | None]
    annual_basis: NotRequired[str | None]
    cited_in: NotRequired[list[str]]
    notes: NotRequired[list[str]]


class PublishedEntry(TypedDict):
    id: str
    soc: str
    title: str | None
    groups: list[str]
    employment: int | None
    published: Published
    top_coded: Published
    only_published_per: str | None


class ReleaseContents(TypedDict):
    source: Source
    occupations: list[PublishedEntry]


class Projections(TypedDict):
    edition: str
    label: str
    code: str
    found: bool
    reason: NotRequired[str]
    title: NotRequired[str]
    occupation_type: NotRequired[str]
    units: NotRequired[str]
    change: NotRequired[Number]
    percent_change: NotRequired[Number]
    openings: NotRequired[Number]
    openings_per: NotRequired[str]
    education: NotRequired[str | None]
    work_experience: NotRequired[str | None]
    training: NotRequired[str | None]


class SocGroup(TypedDict):
    code: str
    title: str


class SocGroups(TypedDict):
    major: SocGroup | None
    minor: SocGroup | None
    broad: SocGroup | None


class CareerPay(TypedDict):
    id: str
    soc: str
    soc_in_source: str
    title: str
    source: Source
    title_in_source: str | None
    wages: Wages
    inflation_adjustment: NotRequired[Prices]
    not_derived: dict[str, str]
    employment: int | None
    education: str | None
    projections: Projections | None
    notes: list[str]
    # Across places (`compare --area A --area B`, `--adjust-prices`).
    area: NotRequired[Place]
    price_adjusted: NotRequired[PriceAdjusted | NotAdjusted]


class ImportedReleases(TypedDict):
    releases: list[ImportedRelease]
    store: str | None


class GapBaseline(TypedDict):
    id: str
    source: str


class MedianGap(TypedDict):
    baseline: GapBaseline
    id: str
    source: str
    period: str
    difference: Number
    ratio: Number
    derived: bool


class ReleaseChange(TypedDict):
    id: str
    from_source: str
    to_source: str
    period: str
    statistic: str
    from_value: Number
    to_value: Number
    nominal_percent: Number
    real_percent: Number
    from_index: Number
    to_index: Number
    derived: bool


class Comparison(TypedDict):
    schedule: Schedule
    careers: list[CareerPay]
    median_gaps: list[MedianGap]
    release_changes: list[ReleaseChange]
    adjusted_to: str | None
    baseline: str
    sources: list[Source]
    chosen_source: str | None
    # With --takehome or extra pay: net pay at each career's annual figures.
    takehome: NotRequired[ComparisonTakeHome]


class IndustryPay(TypedDict):
    industry: str
    period: str
    value: Number
    adjusted_to: NotRequired[str]
    original: NotRequired[Number]
    stated_as: str
    rank: str | None


class ExtraCompensation(TypedDict):
    kind: str
    period: str
    value: Number
    adjusted_to: NotRequired[str]
    original: NotRequired[Number]
    stated_as: str


class ExperiencePay(TypedDict):
    level: str
    label: str
    period: str
    value: Number
    adjusted_to: NotRequired[str]
    original: NotRequired[Number]
    approximate: bool


class StatedPercentage(TypedDict):
    about: str
    percent: Number
    approximate: bool
    compares: list[str] | None


class OutlookFact(TypedDict):
    measure: str
    percent: Number
    horizon: str
    description: str | None


class SourceFigures(TypedDict):
    source: Source
    soc: str
    wages: Wages
    inflation_adjustment: NotRequired[Prices]
    not_derived: dict[str, str]
    employment: int | None
    industries: list[IndustryPay]
    extra_compensation: list[ExtraCompensation]
    experience: list[ExperiencePay]
    stated_percentages: list[StatedPercentage]
    outlook: list[OutlookFact]
    notes: list[str]


class Profile(TypedDict):
    # The catalog's own record of the career and its office, as the catalog gives them.
    career: dict[str, Any]
    office: dict[str, Any] | None
    schedule: Schedule
    adjusted_to: str | None
    has_wages: bool
    sources: list[SourceFigures]
    soc_groups: SocGroups | None
    projections: Projections | None


class ListedCareer(TypedDict):
    id: str
    title: str
    aliases: list[str]


class Group(TypedDict):
    code: str
    title: str
    level: str


class ListedOccupation(TypedDict):
    soc: str
    title: str | None
    career: ListedCareer | None


class MajorGroup(TypedDict):
    code: str | None
    title: str | None
    occupations: list[ListedOccupation]


class OccupationList(TypedDict):
    source: Source
    level: str
    group: Group | None
    count: int
    major_groups: list[MajorGroup]


class Edition(TypedDict):
    edition: str
    label: str


class LeftOut(TypedDict):
    reason: str
    count: int


class RankedOccupation(TypedDict):
    rank: int
    soc: str
    title: str | None
    career: ListedCareer | None
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    employment: int | None
    education: str | None


class Top(TypedDict):
    source: Source
    by: str
    per: str | None
    level: str
    group: Group | None
    education: str | None
    max_education: str | None
    min_employment: int | None
    projections: Edition | None
    considered: int
    ranked: int
    left_out: list[LeftOut]
    occupations: list[RankedOccupation]


class ListedSource(Source):
    careers: list[str]


class SourceList(TypedDict):
    sources: list[ListedSource]
    # Imported into a bundled year: its areas and industries, with their files.
    imported_into_bundled: list[ImportedRelease]


class Point(Figure):
    percentile: int
    statistic: str


class CareerRef(TypedDict):
    id: str
    soc: str
    title: str


class Between(TypedDict):
    lower: Point | None
    upper: Point | None


class Rank(TypedDict):
    career: CareerRef
    source: Source
    amount: Number
    period: str
    schedule: Schedule
    percentile: Number | None
    position: str
    between: Between
    points: list[Point | None]
    top_coded: list[Point | None]
    inflation_adjustment: NotRequired[Prices]
    adjusted_to: str | None
    method: str


class Finding(TypedDict):
    kind: str
    source: str
    career: str | None
    summary: str
    figures: dict[str, Number]
    meaning: str


class Citation(TypedDict):
    source: str
    official_source: str
    career: str
    soc: str
    period: str
    statistic: str
    cited: Number
    official: Number | None
    matches: bool
    derived_in_source: bool
    how: str | None


class Audit(TypedDict):
    sources: list[str]
    findings: list[Finding]
    citations: list[Citation]


class CheckedFile(TypedDict):
    file: str
    kind: Literal["catalog", "source", "tax"]
    id: str
    careers: int
    years: list[int]  # a tax data file's tax years; empty for a dataset file


class CheckedFiles(TypedDict):
    valid: bool
    files: list[CheckedFile]


class HistoryFigure(TypedDict):
    nominal: Number
    adjusted: Number
    at_least: bool
    derived: bool
    basis: str


HistoryChange = TypedDict(
    "HistoryChange",
    {
        "period": str,
        "statistic": str,
        "years": Number,
        "from": Number,
        "to": Number,
        "difference": Number,
        "percent": Number,
        "annual_rate_percent": Number,
        "real_difference": Number,
        "real_percent": Number,
        "real_annual_rate_percent": Number,
        "derived": bool,
    },
)


class NotComputed(TypedDict):
    period: str
    statistic: str
    reason: str


class RowChange(TypedDict):
    from_source: str
    from_soc: str
    figures: list[HistoryChange]
    not_computed: list[NotComputed]


class HistoryRow(TypedDict):
    soc: str
    title_in_source: str
    hybrid_code: bool
    wages: dict[str, dict[str, HistoryFigure]]
    from_index: Number
    factor: Number
    change: RowChange | None
    no_change: str | None


class HistoryRelease(TypedDict):
    source: str
    reference_period: str | None
    reference_period_label: str
    classification: str | None
    definition_change: str | None
    occupations: list[HistoryRow]


class Overall(TypedDict):
    from_source: str
    to_source: str
    figures: list[HistoryChange]


class History(TypedDict):
    career: CareerRef
    adjusted_to: str
    adjusted_to_label: str
    to_index: Number
    series: str
    releases: list[HistoryRelease]
    overall: Overall | None
    overall_not_computed: str | None
    notes: list[str]


# ------------------------------------------------------------------ search

SearchMatch = TypedDict("SearchMatch", {"name": str, "as": str})


class SearchMedian(TypedDict):
    period: str
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    source: str
    reference_period: str | None


class SearchHit(TypedDict):
    rank: int
    soc: str
    title: str
    level: str
    matched: SearchMatch
    career: str
    alias: str | None
    employment: int | None
    median: SearchMedian | None


class Search(TypedDict):
    query: str
    total: int
    limit: int
    hits: list[SearchHit]


# ------------------------------------------------------------------ gross and take-home pay


class Differential(TypedDict):
    hours_per_week: Number
    amount_per_hour: Number | None
    percent_of_base: Number | None


class ExtraPay(TypedDict):
    overtime_hours_per_week: Number
    overtime_multiplier: Number
    differential: Differential | None
    bonus: Number
    commission: Number
    unpaid_weeks: Number


class GrossPart(TypedDict):
    part: str
    per_year: Number
    hours_per_week: Number | None
    weeks: Number | None
    rate_per_hour: Number | None


class Gross(TypedDict):
    """`convert --json` with extra pay (`--overtime-hours`, `--bonus` ...); take-home's gross."""

    input: ConversionInput
    schedule: Schedule
    extra_pay: ExtraPay
    base_rate_per_hour: Number
    parts: list[GrossPart]
    per_year: Number
    amounts: dict[str, Number]
    to: NotRequired[str]
    result: NotRequired[Number]


class TakeHomeState(TypedDict):
    code: str | None
    name: str | None
    taxes_wages: bool | None
    flat_rate_percent: Number | None
    computed: bool


class TakeHome(TypedDict):
    tax_year: int
    status: str
    gross: Gross
    wages: Number
    spouse_wages: Number
    pretax_contributions: Number
    income_tax_wages: Number
    standard_deduction: Number
    taxable_income: Number
    federal_income_tax: Number
    social_security: Number
    medicare: Number
    additional_medicare: Number
    state: TakeHomeState
    state_income_tax: Number
    taxes: Number
    net: Number
    net_per_paycheck: dict[str, Number]
    effective_rate_percent: Number
    marginal_rate_percent: Number
    notes: list[str]
    not_computed: list[str]
    sources: list[str]


class ComparedState(TypedDict):
    code: str | None
    flat_rate_percent: Number | None
    computed: bool


class ComparedTakeHome(TypedDict):
    id: str
    source: str
    statistic: str
    annual_wage: Number
    derived: bool
    at_least: bool
    gross: Number
    # With taxes asked for (`--takehome`, `--state` ...); without, gross pay only.
    federal_income_tax: NotRequired[Number]
    social_security: NotRequired[Number]
    medicare: NotRequired[Number]
    additional_medicare: NotRequired[Number]
    state_income_tax: NotRequired[Number]
    net: NotRequired[Number]
    effective_rate_percent: NotRequired[Number]
    marginal_rate_percent: NotRequired[Number]


class ComparisonTakeHome(TypedDict):
    taxed: bool
    tax_year: int | None
    status: str | None
    state: ComparedState | None
    extra_pay: ExtraPay | None
    careers: list[ComparedTakeHome]
    not_computed: NotRequired[list[str]]
    sources: NotRequired[list[str]]


# ------------------------------------------------------------------ places


class Place(TypedDict):
    code: str
    name: str
    type: str


class PlacePrices(Place):
    rpp: Number


class DerivedAmount(TypedDict):
    value: Number
    derived: bool
    basis: str


Relocation = TypedDict(
    "Relocation",
    {
        "amount": Number,
        "from": PlacePrices,
        "to": PlacePrices,
        "year": int,
        "equivalent": DerivedAmount,
        "index": str,
        "sources": list[str],
        "caveat": str,
    },
)


class NotAdjusted(TypedDict):
    """A place without an RPP: why (the figures are shown as published)."""

    rpp: None
    not_adjusted: str | None


class AdjustedFigure(TypedDict):
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    derived: bool
    basis: str


class PriceAdjusted(TypedDict):
    """`--adjust-prices`: a row's RPP and its figures in U.S.-average prices."""

    rpp: Number
    rpp_year: int
    rpp_area: Place
    nearest_year: bool
    release_year: int
    basis: str
    wages: dict[str, dict[str, AdjustedFigure]]


class AreaEntry(TypedDict):
    type: str
    code: str
    name: str
    releases: list[str]


class AreaListing(TypedDict):
    search: str | None
    areas: list[AreaEntry]


class WherePrices(TypedDict):
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    rpp: Number
    rpp_year: int
    nearest_year: bool
    derived: bool


class WhereArea(Place):
    rank: int
    value: NotRequired[Number]
    at_least: NotRequired[Number]
    derived: bool
    price_adjusted: NotRequired[WherePrices | NotAdjusted]


class WhereCareer(TypedDict):
    id: str
    soc: str
    title: str


class WhereSource(TypedDict):
    id: str
    publisher: str
    program: str
    reference_period: str | None
    reference_period_label: str


class Where(TypedDict):
    career: WhereCareer
    source: WhereSource
    period: str
    statistic: str
    type: str | None
    ranked_by: str
    areas: list[WhereArea]
    areas_ranked: int
    not_published: list[Place]
