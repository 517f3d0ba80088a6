"""What does not add up in the sources: findings to inform, never corrections.

Checks every release for hourly and annual figures that disagree at 2,080 hours by more than
BLS's rounding explains, stated percentages its own figures contradict, percentiles out of
order (including derived ones), and a missing reference period. Every wage a cited source
quotes (and every figure its text derives itself) is set beside the official release of the
same month, where the dataset has one, and reported as matching or not.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from decimal import Decimal

from careerstats.core.dataset import Dataset
from careerstats.core.figures import wage_table
from careerstats.core.model import PERCENTILE_ORDER, CareerFigures, SourceRelease, Statistic
from careerstats.core.money import dollars, signed_percent
from careerstats.core.periods import STANDARD, STANDARD_YEAR_HOURS, Period, convert

# BLS publishes hourly wages to the cent and annual wages to the dollar, both rounded from
# the same unrounded hourly figure: at 2,080 hours they may differ by half a cent x 2,080
# plus half a dollar, and no more.
ROUNDING_TOLERANCE = Decimal("0.005") * STANDARD_YEAR_HOURS + Decimal("0.5")
# A percentage stated as "about N" is taken to be right within 2.5 points; a plain one
# within the half point its rounding allows.
ABOUT_TOLERANCE = Decimal("2.5")
EXACT_TOLERANCE = Decimal("0.5")


@dataclass(frozen=True)
class Finding:
    kind: str
    source: str
    career: str | None
    summary: str
    figures: tuple[tuple[str, Decimal], ...]
    meaning: str


@dataclass(frozen=True)
class CitationCheck:
    """One figure a cited source gives, against the official release of the same month.

    `derived_in_source`: the source's text worked the figure out itself (`how`), so it is
    set beside what the agency published for the same statistic, not taken for a quotation.
    `official` is None where the official release publishes no such figure (or only a
    top-coded bound)."""

    source: str
    official_source: str
    career: str
    soc: str
    period: Period
    statistic: Statistic
    cited: Decimal
    official: Decimal | None
    derived_in_source: bool = False
    how: str | None = None

    @property
    def matches(self) -> bool:
        return self.official is not None and self.cited == self.official

    @property
    def difference(self) -> Decimal | None:
        return None if self.official is None else self.cited - self.official


@dataclass(frozen=True)
class Audit:
    sources: tuple[SourceRelease, ...]
    findings: tuple[Finding, ...]
    citations: tuple[CitationCheck, ...] = ()


def audit(dataset: Dataset) -> Audit:
    findings: list[Finding] = []
    citations: list[CitationCheck] = []
    official = {r.reference_period: r for r in dataset.sources if r.official and r.is_dated}
    for release in dataset.sources:
        if not release.is_dated:
            findings.append(_undated(release))
        against = None if release.official else official.get(release.reference_period)
        for entry in release.careers:
            findings.extend(_hourly_annual(release, entry))
            findings.extend(_stated_percentages(release, entry))
            findings.extend(_percentile_order(release, entry))
            if against is not None:
                citations.extend(_citations(release, entry, against))
    findings.extend(_differing(check) for check in citations if not check.matches)
    return Audit(tuple(dataset.sources), tuple(findings), tuple(citations))


def _citations(
    release: SourceRelease, entry: CareerFigures, official: SourceRelease
) -> list[CitationCheck]:
    """Each wage the source quotes, then each it derives itself, against the official
    release's figure for the same SOC code (the code the source cites)."""
    published = official.figures_for(entry.soc)

    def figure(period: Period, statistic: Statistic) -> Decimal | None:
        return published.wages.get(period, {}).get(statistic) if published else None

    def check(period: Period, statistic: Statistic, value: Decimal) -> CitationCheck:
        return CitationCheck(
            release.id,
            official.id,
            entry.career,
            entry.soc,
            period,
            statistic,
            value,
            figure(period, statistic),
        )

    checks = [
        check(period, statistic, value)
        for period, row in entry.wages.items()
        for statistic, value in row.items()
    ]
    for derived in entry.derived_in_source:
        quoted = check(derived.period, derived.statistic, derived.value)
        checks.append(replace(quoted, derived_in_source=True, how=derived.how))
    return checks


def _differing(check: CitationCheck) -> Finding:
    what = f"{check.period.adjective} {check.statistic.label}"
    whole = check.period is not Period.HOUR
    cited = dollars(check.cited, whole=whole)
    if check.official is None:
        official = f"{check.official_source} publishes no exact {what} for {check.soc}"
    else:
        official = f"{check.official_source} publishes {dollars(check.official, whole=whole)}"
    if check.derived_in_source:
        summary = f"{what} {cited} is the article's own derivation ({check.how}); {official}"
        meaning = (
            "the article worked this figure out itself rather than quoting the agency; quote "
            "the published figure, or say the figure is derived and how"
        )
    else:
        summary = f"{what} {cited} as cited; {official}"
        meaning = (
            "the cited figure is not the one the official release of the same month "
            "publishes: a misquotation, a revision or another group of workers"
        )
    figures: tuple[tuple[str, Decimal], ...] = (("cited", check.cited),)
    if check.official is not None and check.difference is not None:
        figures += (("official", check.official), ("difference", check.difference))
    return Finding(
        kind="derivation-differs-from-official"
        if check.derived_in_source
        else "citation-differs-from-official",
        source=check.source,
        career=check.career,
        summary=summary,
        figures=figures,
        meaning=meaning,
    )


def _undated(release: SourceRelease) -> Finding:
    note = f" ({release.reference_period_note})" if release.reference_period_note else ""
    return Finding(
        kind="no-reference-period",
        source=release.id,
        career=None,
        summary=f"{release.id} states no reference period{note}",
        figures=(),
        meaning="its figures cannot be adjusted for inflation or placed in time beside dated "
        "releases; careerstats shows them as published and never guesses a date",
    )


def _hourly_annual(release: SourceRelease, entry: CareerFigures) -> list[Finding]:
    findings = []
    hourly, annual = entry.wages.get(Period.HOUR, {}), entry.wages.get(Period.YEAR, {})
    for statistic in Statistic:
        if statistic not in hourly or statistic not in annual:
            continue
        hour, year = hourly[statistic], annual[statistic]
        implied = convert(hour, Period.HOUR, Period.YEAR, STANDARD)
        difference = year - implied
        if abs(difference) <= ROUNDING_TOLERANCE:
            continue
        share = difference / implied * 100
        findings.append(
            Finding(
                kind="hourly-annual-mismatch",
                source=release.id,
                career=entry.career,
                summary=(
                    f"hourly {statistic.label} {dollars(hour)} x 2,080 h = {dollars(implied)}, "
                    f"but the annual {statistic.label} is {dollars(year, whole=True)} "
                    f"({_signed(difference)}, {signed_percent(share)})"
                ),
                figures=(
                    ("hourly", hour),
                    ("annual", year),
                    ("hourly_x_2080", implied),
                    ("difference", difference),
                ),
                meaning=(
                    "more than BLS-style rounding explains "
                    f"(at most {dollars(ROUNDING_TOLERANCE)}): the two figures do not describe "
                    "the same pay at a full-time year, so they likely come from different "
                    "groups of workers (such as hourly-paid and salaried); do not derive one "
                    "from the other"
                ),
            )
        )
    return findings


def _stated_percentages(release: SourceRelease, entry: CareerFigures) -> list[Finding]:
    findings = []
    levels = {pay.level: pay for pay in entry.experience}
    for stated in entry.stated_percentages:
        if stated.compares is None:
            continue
        first, second = (levels[level] for level in stated.compares)
        other = convert(second.value, second.period, first.period, STANDARD)
        actual = (other / first.value - 1) * 100
        tolerance = ABOUT_TOLERANCE if stated.approximate else EXACT_TOLERANCE
        if abs(actual - stated.percent) <= tolerance:
            continue
        about = "about " if stated.approximate else ""
        findings.append(
            Finding(
                kind="stated-percentage-contradicted",
                source=release.id,
                career=entry.career,
                summary=(
                    f'stated "{about}{stated.percent}%" ({stated.about}), but '
                    f"{dollars(first.value, whole=True)} ({first.label}) -> "
                    f"{dollars(second.value, whole=True)} ({second.label}) is "
                    f"{signed_percent(actual)}"
                ),
                figures=(
                    ("stated_percent", stated.percent),
                    ("from", first.value),
                    ("to", second.value),
                    ("computed_percent", actual),
                ),
                meaning=(
                    "the text's percentage and its own figures cannot both be right; "
                    "quote the figures, not the percentage"
                ),
            )
        )
    return findings


def _percentile_order(release: SourceRelease, entry: CareerFigures) -> list[Finding]:
    """Published percentiles are checked in order by the model; this also covers ones derived
    from another period, which can cross a published figure."""
    findings = []
    seen: set[tuple[Statistic, Statistic]] = set()
    for period, row in wage_table(entry, STANDARD).items():
        present = [row[s] for s in PERCENTILE_ORDER if s in row]
        for low, high in itertools.pairwise(present):
            pair = (low.statistic, high.statistic)
            if high.value < low.value and pair not in seen:
                seen.add(pair)
                findings.append(
                    Finding(
                        kind="percentiles-out-of-order",
                        source=release.id,
                        career=entry.career,
                        summary=(
                            f"{period.adjective} {high.statistic.label} {dollars(high.value)} "
                            f"is below the {low.statistic.label} {dollars(low.value)}"
                        ),
                        figures=(
                            (low.statistic.value, low.value),
                            (high.statistic.value, high.value),
                        ),
                        meaning="percentiles must rise; one of these figures is wrong, or they "
                        "come from different periods or groups",
                    )
                )
    return findings


def _signed(value: Decimal) -> str:
    return ("+" if value >= 0 else "-") + dollars(abs(value))
