"""CSV for spreadsheets and scripts: one row per figure, the same figures as the JSON.

A top-coded figure's `value` is its ceiling with `at_least` true: at or above that value.
`basis` is the JSON's: published, standard_2080 (derived on BLS's 2,080-hour year) or
schedule (derived from the hourly figure at the schedule asked for).

Every CSV goes through `writer`: a text cell that a spreadsheet would run as a formula
(beginning with =, +, -, @, a tab or a carriage return: a title such as `=HYPERLINK(...)`)
is written with a `'` before it, as spreadsheets themselves mark text; numbers (`-3.25`)
are never changed."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from careerstats.core.money import plain, to_places

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from careerstats.core.audit import Audit
    from careerstats.core.career_takehome import TakeHomeComparison
    from careerstats.core.comparison import Comparison
    from careerstats.core.conversion import Conversion
    from careerstats.core.gross import GrossPay
    from careerstats.core.history import History
    from careerstats.core.inflation import Adjustment, CpiTable
    from careerstats.core.listing import OccupationList
    from careerstats.core.pay import CareerPay
    from careerstats.core.periods import Period
    from careerstats.core.places import AreaListing
    from careerstats.core.prices import PriceAdjustment, Relocation
    from careerstats.core.profiles import Profile, ReleaseContents, SourceListing
    from careerstats.core.ranking import Point, Rank
    from careerstats.core.search import SearchResult
    from careerstats.core.takehome import TakeHome
    from careerstats.core.top import Top
    from careerstats.core.where import Where
    from careerstats.sources.dataset import CheckedFile
    from careerstats.sources.store import ImportedReleases

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def cell(value: object) -> object:
    """`value` as a spreadsheet will read it as text, not run it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class _Writer:
    """`csv.writer` whose text cells cannot run as formulas."""

    def __init__(self, out: TextIO) -> None:
        self._csv = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._csv.writerow([cell(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer_for(out: TextIO) -> _Writer:
    """The CSV writer every command's CSV goes through (see the module's note on formulas)."""
    return _Writer(out)


COMPARISON_COLUMNS = (
    "career_id",
    "soc",
    "title",
    "source_id",
    "reference_period",
    "period",
    "statistic",
    "value",
    "derived",
    "at_least",
    "adjusted_to",
    "original",
    "basis",
)


PLACE_COLUMNS = ("area_code", "area")


def comparison(
    result: Comparison, out: TextIO, *, takehome: TakeHomeComparison | None = None, **_: Any
) -> None:
    writer = _pay_rows(result.rows, out, places=result)
    if takehome is not None:
        from careerstats.render.takehome_data import comparison_takehome_rows

        comparison_takehome_rows(takehome, writer)


def profile(result: Profile, out: TextIO, **_: Any) -> None:
    """`show --csv`: every source's figures for the career, in the columns of `compare --csv`."""
    _pay_rows(result.pay, out)


def _pay_rows(rows: Iterable[CareerPay], out: TextIO, places: Comparison | None = None) -> _Writer:
    writer = writer_for(out)
    # Across places (`--area A --area B`) each row also names its area.
    across = places is not None and bool(places.places)
    writer.writerow(COMPARISON_COLUMNS + (PLACE_COLUMNS if across else ()))
    for pay in rows:
        area = places.place_of(pay) if places is not None else None
        place = (area.code, area.name) if area is not None else ()
        for period, row in pay.wages.items():
            for statistic, figure in row.items():
                writer.writerow(
                    (
                        pay.career.id,
                        pay.career.soc,
                        pay.career.title,
                        pay.release.id,
                        pay.release.reference_period or "",
                        period.value,
                        statistic.value,
                        plain(figure.value),
                        "true" if figure.derived else "false",
                        "true" if figure.at_least else "false",
                        str(figure.adjusted_to) if figure.adjusted_to else "",
                        plain(figure.nominal) if figure.adjusted else "",
                        figure.basis.value,
                        *place,
                    )
                )
        if places is not None and places.prices:
            writer.writerows(price_adjusted_rows(pay, places.prices_of(pay), place))
    return writer


def search(result: SearchResult, out: TextIO, **_: Any) -> None:
    from careerstats.render.search_view import CSV_COLUMNS, search_rows

    writer = writer_for(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(search_rows(result))


RELEASE_COLUMNS = (
    "source_id",
    "soc",
    "title",
    "groups",
    "employment",
    "period",
    "statistic",
    "value",
    "at_least",
    "only_published_per",
)


def release_contents(result: ReleaseContents, out: TextIO, **_: Any) -> None:
    """One row per published figure of every entry; a top-coded one has at_least true."""
    writer = writer_for(out)
    writer.writerow(RELEASE_COLUMNS)
    for entry in result.entries:
        only = entry.only_published_per.value if entry.only_published_per else ""
        shared = (
            result.release.id,
            entry.soc,
            entry.title_in_source or "",
            " ".join(entry.groups),
            "" if entry.employment is None else str(entry.employment),
        )
        for at_least, table in ((False, entry.wages), (True, entry.top_coded)):
            for period, row in table.items():
                for statistic, value in row.items():
                    writer.writerow(
                        (
                            *shared,
                            period.value,
                            statistic.value,
                            f"{value:f}",  # as published: 23.8, 51280
                            "true" if at_least else "false",
                            only,
                        )
                    )


HISTORY_COLUMNS = (
    "career_id",
    "source_id",
    "reference_period",
    "soc",
    "title_in_source",
    "hybrid_code",
    "period",
    "statistic",
    "nominal",
    "adjusted",
    "adjusted_to",
    "at_least",
    "derived",
    "from_source",
    "from_soc",
    "percent",
    "annual_rate_percent",
    "real_percent",
    "real_annual_rate_percent",
    "no_change",
)


def history(result: History, out: TextIO, **_: Any) -> None:
    """One line per release, code and figure; the change columns are empty where no change
    is computed, and `no_change` says why."""
    writer = writer_for(out)
    writer.writerow(HISTORY_COLUMNS)
    for row in result.rows:
        changes = {(c.period, c.statistic): c for c in row.changes}
        reasons = {(u.period, u.statistic): u.reason for u in row.unchanged}
        for period, figures in row.wages.items():
            for statistic, figure in figures.items():
                change = changes.get((period, statistic))
                rates = (
                    (change.nominal, change.nominal_rate, change.real, change.real_rate)
                    if change
                    else ()
                )
                writer.writerow(
                    (
                        result.career.id,
                        row.release.id,
                        row.release.reference_period or "",
                        row.link.code,
                        row.link.title,
                        "true" if row.link.hybrid else "false",
                        period.value,
                        statistic.value,
                        plain(figure.nominal),
                        plain(figure.value),
                        str(result.adjusted_to),
                        "true" if figure.at_least else "false",
                        "true" if figure.derived else "false",
                        row.previous.release_id if row.previous else "",
                        row.previous.code if row.previous else "",
                        *(to_places(rate * 100, 2) for rate in rates),
                        *([""] * (4 - len(rates))),
                        row.break_reason or reasons.get((period, statistic), ""),
                    )
                )


def relocation(result: Relocation, out: TextIO, **_: Any) -> None:
    relocation_csv(result, out)


def area_listing(listing: AreaListing, out: TextIO, **_: Any) -> None:
    areas_csv(listing, out)


def where(result: Where, out: TextIO, **_: Any) -> None:
    where_csv(result, out)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def conversion(result: Conversion, out: TextIO, *, target: Period | None = None, **_: Any) -> None:
    """One row per period (only `target`'s with --to), with the input and the schedule."""
    writer = writer_for(out)
    writer.writerow(
        ("amount", "from", "hours_per_week", "weeks_per_year", "days_per_week", "period", "value")
    )
    schedule = result.schedule
    for period, value in result.amounts.items():
        if target is None or period is target:
            writer.writerow(
                (
                    f"{result.amount:f}",
                    result.period.value,
                    f"{schedule.hours_per_week:f}",
                    f"{schedule.weeks_per_year:f}",
                    f"{schedule.days_per_week:f}",
                    period.value,
                    plain(value),
                )
            )


def adjustment(result: Adjustment, out: TextIO, *, table: CpiTable, **_: Any) -> None:
    rebase = result.rebase
    writer = writer_for(out)
    writer.writerow(
        ("amount", "from", "to", "from_index", "to_index", "factor", "result", "series")
    )
    writer.writerow(
        (
            f"{result.amount:f}",
            str(rebase.source),
            str(rebase.target),
            f"{rebase.from_index:f}",
            f"{rebase.to_index:f}",
            to_places(rebase.factor, 6),
            plain(result.result),
            table.series,
        )
    )


RANK_COLUMNS = (
    "career_id",
    "soc",
    "title",
    "source_id",
    "reference_period",
    "amount",
    "period",
    "percentile",
    "position",
    "lower_percentile",
    "lower_value",
    "upper_percentile",
    "upper_value",
    "adjusted_to",
)


def _point(point: Point | None) -> tuple[str, str]:
    if point is None:
        return "", ""
    return str(point.percentile), plain(point.figure.value)


def rank(result: Rank, out: TextIO, **_: Any) -> None:
    """One row: the amount, its percentile (empty outside the points: see `position`) and the
    points it lies between."""
    pay = result.pay
    writer = writer_for(out)
    writer.writerow(RANK_COLUMNS)
    writer.writerow(
        (
            pay.career.id,
            pay.career.soc,
            pay.career.title,
            pay.release.id,
            pay.release.reference_period or "",
            plain(result.amount),
            result.period.value,
            to_places(result.percentile, 1) if result.percentile is not None else "",
            result.position,
            *_point(result.lower),
            *_point(result.upper),
            str(pay.rebase.target) if pay.rebase else "",
        )
    )


def source_list(listing: list[SourceListing], out: TextIO, **_: Any) -> None:
    writer = writer_for(out)
    writer.writerow(
        (
            "id",
            "publisher",
            "program",
            "title",
            "reference_period",
            "reference_period_label",
            "careers",
        )
    )
    for item in listing:
        release = item.release
        writer.writerow(
            (
                release.id,
                release.publisher,
                release.program or "",
                release.title or "",
                release.reference_period or "",
                release.period_label or "",
                " ".join(career.id for career in item.careers),
            )
        )


AUDIT_COLUMNS = (
    "record",
    "kind",
    "source",
    "career",
    "summary",
    "figures",
    "meaning",
    "official_source",
    "soc",
    "period",
    "statistic",
    "cited",
    "official",
    "matches",
    "derived_in_source",
    "how",
)


def audit(result: Audit, out: TextIO, **_: Any) -> None:
    """Findings and citation checks in one table: `record` says which a row is, and the
    columns of the other are empty. A finding's figures are `name=value` pairs."""
    writer = writer_for(out)
    writer.writerow(AUDIT_COLUMNS)
    for finding in result.findings:
        figures = " ".join(f"{name}={to_places(value, 2)}" for name, value in finding.figures)
        writer.writerow(
            (
                "finding",
                finding.kind,
                finding.source,
                finding.career or "",
                finding.summary,
                figures,
                finding.meaning,
                *([""] * 9),
            )
        )
    for check in result.citations:
        writer.writerow(
            (
                "citation",
                "",
                check.source,
                check.career,
                "",
                "",
                "",
                check.official_source,
                check.soc,
                check.period.value,
                check.statistic.value,
                plain(check.cited),
                plain(check.official) if check.official is not None else "",
                _flag(check.matches) if check.official is not None else "",
                _flag(check.derived_in_source),
                check.how or "",
            )
        )


def imported_releases(result: ImportedReleases, out: TextIO, **_: Any) -> None:
    """One row per imported file, with its release's totals."""
    writer = writer_for(out)
    writer.writerow(
        (
            "release_id",
            "year",
            "classification",
            "release_rows",
            "areas",
            "industries",
            "file",
            "sha256",
            "layout",
            "file_rows",
            "imported_at",
        )
    )
    for record in result.records:
        for file in record.files:
            writer.writerow(
                (
                    record.id,
                    record.year,
                    record.classification,
                    record.rows,
                    record.areas,
                    record.industries,
                    file.name,
                    file.sha256,
                    file.layout,
                    file.rows,
                    file.imported_at,
                )
            )


def takehome(result: TakeHome, out: TextIO, **_: Any) -> None:
    from careerstats.render.takehome_data import takehome_rows

    takehome_rows(result, writer_for(out))


def gross(result: GrossPay, out: TextIO, **_: Any) -> None:
    from careerstats.render.takehome_data import gross_rows

    gross_rows(result, writer_for(out))


OCCUPATION_LIST_COLUMNS = (
    "source_id",
    "major_group",
    "major_group_title",
    "soc",
    "title",
    "level",
    "career_id",
    "aliases",
)


def occupation_list(result: OccupationList, out: TextIO, **_: Any) -> None:
    """One row per occupation; a catalog career's aliases joined by `; `."""
    writer = writer_for(out)
    writer.writerow(OCCUPATION_LIST_COLUMNS)
    for section in result.sections:
        for item in section.items:
            career = item.career
            writer.writerow(
                (
                    result.release.id,
                    section.major.code if section.major else "",
                    section.major.title if section.major else "",
                    item.entry.soc,
                    item.entry.title_in_source or "",
                    result.level,
                    career.id if career else "",
                    "; ".join(career.aliases) if career else "",
                )
            )


def checked_files(checked: list[CheckedFile], out: TextIO, **_: Any) -> None:
    writer = writer_for(out)
    writer.writerow(("file", "kind", "id", "careers", "years"))
    for item in checked:
        years = ";".join(str(year) for year in item.years)
        writer.writerow((item.name, item.kind, item.id, item.careers, years))


TOP_COLUMNS = (
    "rank",
    "soc",
    "title",
    "career_id",
    "by",
    "per",
    "value",
    "at_least",
    "employment",
    "education",
    "source_id",
    "reference_period",
)


def top(result: Top, out: TextIO, **_: Any) -> None:
    """One row per occupation ranked; a top-coded figure's `value` is its ceiling with
    `at_least` true."""
    writer = writer_for(out)
    writer.writerow(TOP_COLUMNS)
    per = (result.per.value if result.per else "year") if result.by.statistic else ""
    for row in result.rows:
        writer.writerow(
            (
                row.rank,
                row.entry.soc,
                row.entry.title_in_source or "",
                row.career.id if row.career else "",
                result.by.value,
                per,
                f"{row.value:f}",
                "true" if row.at_least else "false",
                "" if row.entry.employment is None else row.entry.employment,
                row.education or "",
                result.release.id,
                result.release.reference_period or "",
            )
        )


# ------------------------------------------------------------------ places

RELOCATION_COLUMNS = (
    "amount",
    "from_code",
    "from_name",
    "from_rpp",
    "to_code",
    "to_name",
    "to_rpp",
    "year",
    "equivalent",
    "derived",
    "basis",
)


def relocation_csv(result: Relocation, out: TextIO) -> None:
    from careerstats.render.places_view import BASIS, RPP_PLACES

    writer = writer_for(out)
    writer.writerow(RELOCATION_COLUMNS)
    here, there = result.origin, result.destination
    writer.writerow(
        (
            plain(result.amount),
            here.area.code,
            here.area.name,
            to_places(here.index, RPP_PLACES),
            there.area.code,
            there.area.name,
            to_places(there.index, RPP_PLACES),
            here.year,
            plain(result.result),
            "true",
            BASIS,
        )
    )


def areas_csv(listing: AreaListing, out: TextIO) -> None:
    from careerstats.render.places_view import AREA_COLUMNS

    writer = writer_for(out)
    writer.writerow(AREA_COLUMNS)
    for entry in listing.entries:
        writer.writerow((entry.kind, entry.code, entry.name, " ".join(entry.releases)))


WHERE_COLUMNS = (
    "rank",
    "code",
    "name",
    "type",
    "source_id",
    "period",
    "statistic",
    "value",
    "at_least",
    "derived",
    "rpp",
    "rpp_year",
    "price_adjusted",
)


def where_csv(result: Where, out: TextIO) -> None:
    from careerstats.render.places_view import RPP_PLACES, where_value

    writer = writer_for(out)
    writer.writerow(WHERE_COLUMNS)
    for rank, row in enumerate(result.rows, start=1):
        value, at_least, derived = where_value(result, row)
        level = row.prices.level if row.prices is not None else None
        adjusted = row.prices.apply(value) if row.prices is not None else None
        writer.writerow(
            (
                rank,
                row.area.code,
                row.area.name,
                row.area.kind,
                result.release.id,
                result.period.value,
                result.statistic.value,
                plain(value),
                "true" if at_least else "false",
                "true" if derived else "false",
                to_places(level.index, RPP_PLACES) if level is not None else "",
                level.year if level is not None else "",
                plain(adjusted) if adjusted is not None else "",
            )
        )


def price_adjusted_rows(
    pay: CareerPay, found: PriceAdjustment | None, place: Sequence[str]
) -> list[tuple[str, ...]]:
    """`compare --csv --adjust-prices`: each figure again in U.S.-average prices, with basis
    `price_adjusted` and `adjusted_to` naming the RPP (the comparison's columns)."""
    from careerstats.render.places_view import RPP_PLACES

    if found is None or found.level is None:
        return []
    rows = []
    for period, row in pay.wages.items():
        for statistic, figure in row.items():
            value = found.apply(figure.value)
            if value is None:
                continue
            rows.append(
                (
                    pay.career.id,
                    pay.career.soc,
                    pay.career.title,
                    pay.release.id,
                    pay.release.reference_period or "",
                    period.value,
                    statistic.value,
                    plain(value),
                    "true",
                    "true" if figure.at_least else "false",
                    f"RPP {to_places(found.level.index, RPP_PLACES)} ({found.level.year})",
                    plain(figure.value),
                    "price_adjusted",
                    *place,
                )
            )
    return rows
