"""CSV for spreadsheets and scripts: one row per figure, the same figures as the JSON.

A top-coded figure's `value` is its ceiling with `at_least` true: at or above that value.
`basis` is the JSON's: published, standard_2080 (derived on BLS's 2,080-hour year) or
schedule (derived from the hourly figure at the schedule asked for)."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, Any, TextIO

from careerstats.core.money import plain, to_places

if TYPE_CHECKING:
    from careerstats.core.comparison import Comparison
    from careerstats.core.history import History
    from careerstats.core.listing import OccupationList
    from careerstats.core.places import AreaListing
    from careerstats.core.prices import Relocation
    from careerstats.core.profiles import ReleaseContents
    from careerstats.core.top import Top
    from careerstats.core.where import Where

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


def comparison(result: Comparison, out: TextIO, **_: Any) -> None:
    writer = csv.writer(out, lineterminator="\n")
    # Across places (`--area A --area B`) each row also names its area.
    writer.writerow(COMPARISON_COLUMNS + (PLACE_COLUMNS if result.places else ()))
    for pay in result.rows:
        area = result.place_of(pay)
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
        if result.prices:
            from careerstats.render.places_view import price_adjusted_rows

            writer.writerows(price_adjusted_rows(pay, result.prices_of(pay), place))


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
    writer = csv.writer(out, lineterminator="\n")
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
    writer = csv.writer(out, lineterminator="\n")
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
    from careerstats.render.places_view import relocation_csv

    relocation_csv(result, out)


def area_listing(listing: AreaListing, out: TextIO, **_: Any) -> None:
    from careerstats.render.places_view import areas_csv

    areas_csv(listing, out)


def where(result: Where, out: TextIO, **_: Any) -> None:
    from careerstats.render.places_view import where_csv

    where_csv(result, out)


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
    writer = csv.writer(out, lineterminator="\n")
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
    writer = csv.writer(out, lineterminator="\n")
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
