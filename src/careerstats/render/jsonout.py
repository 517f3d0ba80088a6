"""JSON for programs. Money is a JSON number rounded to cents, written from its `Decimal`.

Standard library only (the `convert --json` path imports it). The encoder is our own so that
a Decimal never passes through a binary float on its way out.
"""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from careerstats.core.money import json_number
from careerstats.core.periods import Period, Schedule
from careerstats.render.jsonnumber import Number

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from careerstats.core.audit import Audit
    from careerstats.core.career_takehome import CareerTakeHome, TakeHomeComparison
    from careerstats.core.comparison import Comparison
    from careerstats.core.conversion import Conversion
    from careerstats.core.figures import WageFigure, WageTable
    from careerstats.core.gross import GrossPay
    from careerstats.core.groups import Group
    from careerstats.core.history import Change as HistoryChange
    from careerstats.core.history import History, HistoryRow
    from careerstats.core.inflation import Adjustment, CpiTable
    from careerstats.core.listing import OccupationList
    from careerstats.core.model import Career, CareerFigures, SourceRelease, Statistic
    from careerstats.core.outlook import Outlook, SocGroup, SocPlace
    from careerstats.core.pay import CareerPay, StatedAmount
    from careerstats.core.places import Area, AreaListing
    from careerstats.core.prices import PriceAdjustment, PriceLevel, Relocation
    from careerstats.core.profiles import Profile, ReleaseContents, SourceListing
    from careerstats.core.ranking import Point, Rank
    from careerstats.core.search import Median, SearchResult
    from careerstats.core.takehome import TakeHome
    from careerstats.core.top import Ranked, Top
    from careerstats.core.where import Where
    from careerstats.render import documents as doc
    from careerstats.sources.dataset import CheckedFile
    from careerstats.sources.store import FileRecord, ImportedReleases, ReleaseRecord


def money(value: Decimal) -> Number:
    return Number(json_number(value))


def number(value: Decimal, places: int | None = None) -> Number:
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Number(text)


# The json module's string encoder, without importing the json package (its decoder and
# scanner cost start-up time that `--json` runs should not pay).
@cache
def _escapes() -> dict[int, str]:
    escapes = {i: f"\\u{i:04x}" for i in range(0x20)} | {
        ord("\\"): "\\\\",
        ord('"'): '\\"',
        ord("\n"): "\\n",
        ord("\r"): "\\r",
        ord("\t"): "\\t",
        ord("\b"): "\\b",
        ord("\f"): "\\f",
    }
    # Valid JSON left raw, but not to be shown raw: DEL and the C1 controls (a terminal may
    # take U+009B for an escape sequence), bidi overrides and marks, line and paragraph
    # separators, and the lone surrogates of a file name's undecodable bytes (UTF-8 cannot
    # write them at all).
    return escapes | {
        code: f"\\u{code:04x}"
        for code in (
            *range(0x7F, 0xA0),
            0x61C,
            0x200E,
            0x200F,
            0x2028,
            0x2029,
            *range(0x202A, 0x202F),
            *range(0x2066, 0x206A),
            *range(0xD800, 0xE000),
        )
    }


def string(text: str) -> str:
    # Every character escaped above is one str.isprintable refuses (a control, format or
    # separator character, or a surrogate), bar the quote and the backslash: text without
    # them is written as it is, without a dictionary lookup per character.
    if text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'
    return '"' + text.translate(_escapes()) + '"'


def dumps(document: Any, indent: int = 2) -> str:
    return _encode(document, indent, 0) + "\n"


def _encode(item: Any, indent: int, depth: int) -> str:
    kind = type(item)  # the common exact types first: a document holds thousands of values
    if kind is str:
        return string(item)
    if kind is Number:
        return str.__str__(item)
    if isinstance(item, Number):
        return str(item)
    if isinstance(item, Decimal | float):
        raise TypeError("wrap numbers with money() or number() before encoding")
    pad, inner = "\n" + " " * indent * depth, "\n" + " " * indent * (depth + 1)
    if isinstance(item, dict):
        if not item:
            return "{}"
        parts = [f"{string(str(k))}: {_encode(v, indent, depth + 1)}" for k, v in item.items()]
        return "{" + inner + ("," + inner).join(parts) + pad + "}"
    if isinstance(item, list | tuple):
        if not item:
            return "[]"
        values = [_encode(v, indent, depth + 1) for v in item]
        return "[" + inner + ("," + inner).join(values) + pad + "]"
    if isinstance(item, str):
        return string(item)
    if item is None:
        return "null"
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    raise TypeError(f"cannot write {type(item).__name__} as JSON")


# ------------------------------------------------------------------ documents


def schedule(value: Schedule) -> doc.Schedule:
    return {
        "hours_per_week": number(value.hours_per_week),
        "weeks_per_year": number(value.weeks_per_year),
        "days_per_week": number(value.days_per_week),
    }


def conversion(result: Conversion, *, target: Period | None = None, **_: Any) -> doc.Conversion:
    document: doc.Conversion = {
        "input": {"amount": number(result.amount), "period": result.period.value},
        "schedule": schedule(result.schedule),
        "amounts": {period.value: money(value) for period, value in result.amounts.items()},
    }
    if target is not None:
        document["to"] = target.value
        document["result"] = money(result.amounts[target])
    return document


def adjustment(result: Adjustment, *, table: CpiTable, **_: Any) -> doc.Adjustment:
    rebase = result.rebase
    return {
        "amount": number(result.amount),
        "from": str(rebase.source),
        "to": str(rebase.target),
        "from_index": number(rebase.from_index),
        "to_index": number(rebase.to_index),
        "factor": number(rebase.factor, places=6),
        "result": money(result.result),
        "series": table.series,
        "base": table.base,
        "newest": str(table.newest),
    }


def wages(table: WageTable) -> doc.Wages:
    return {
        period.value: {
            statistic.value: figure_document(figure) for statistic, figure in row.items()
        }
        for period, row in table.items()
    }


def figure_document(figure: WageFigure) -> doc.Figure:
    """`{"value": 14.36, "derived": false, "basis": "published"}`; a top-coded figure has
    `at_least`, no `value`. `basis`: published, standard_2080 (derived on BLS's 2,080-hour
    year) or schedule (derived from the hourly figure at the document's schedule)."""
    shown, derived, basis = money(figure.value), figure.derived, figure.basis.value
    document: doc.Figure = (
        {"at_least": shown, "derived": derived, "basis": basis}
        if figure.at_least
        else {"value": shown, "derived": derived, "basis": basis}
    )
    if figure.derived_from:
        document["derived_from"] = figure.derived_from.value
    if figure.adjusted_to is not None:
        document["adjusted_to"] = str(figure.adjusted_to)
        document["original"] = money(figure.nominal)
    return document


def stated_document(amount: StatedAmount) -> doc.Stated:
    """`{"value": 18.06}`, or adjusted: `{"value": 24.72, "adjusted_to": ..., "original": ...}`."""
    document: doc.Stated = {"value": money(amount.value)}
    if amount.adjusted_to is not None and amount.original is not None:
        document["adjusted_to"] = str(amount.adjusted_to)
        document["original"] = money(amount.original)
    return document


def prices(pay: CareerPay) -> doc.Prices | None:
    """How a career's figures were adjusted for inflation, or why they were not."""
    if pay.rebase is not None:
        return {
            "adjusted": True,
            "from": str(pay.rebase.source),
            "to": str(pay.rebase.target),
            "from_index": number(pay.rebase.from_index),
            "to_index": number(pay.rebase.to_index),
            "factor": number(pay.rebase.factor, places=6),
        }
    if pay.not_adjusted is not None:
        return {"adjusted": False, "reason": pay.not_adjusted}
    return None


def not_derived(pay: CareerPay) -> dict[str, str]:
    """Periods shown without figures because the source or the schedule forbids them, and why."""
    return {
        period.value: reason
        for period in pay.wages
        if (reason := pay.not_derived(period)) is not None
    }


def source(release: SourceRelease, *, full: bool = False) -> doc.Source:
    document: doc.Source = {
        "id": release.id,
        "publisher": release.publisher,
        "program": release.program,
        "title": release.title,
        "reference_period": release.reference_period,
        "reference_period_label": release.period_label,
    }
    area = getattr(release, "area", None)
    industry = getattr(release, "industry", None)
    if area is not None and industry is not None:
        document["area"] = {"code": area.code, "title": area.title}
        document["industry"] = {"naics": industry.code, "title": industry.title}
    record = getattr(release, "record", None)
    if full and record is not None:
        document["imported"] = imported_release(record)
    if full:
        document |= {
            "reference_period_note": release.reference_period_note,
            "classification": release.classification,
            "annual_basis": release.annual_basis.value if release.annual_basis else None,
            "cited_in": list(release.cited_in),
            "notes": list(release.notes),
        }
    return document


def release_contents(result: ReleaseContents, **_: Any) -> doc.ReleaseContents:
    """Every entry of a release with its figures exactly as published: top-coded ones as
    bounds, nothing derived."""
    return {
        "source": source(result.release, full=True),
        "occupations": [published_entry(entry) for entry in result.entries],
    }


def published_entry(entry: CareerFigures) -> doc.PublishedEntry:
    def figures(table: Mapping[Period, Mapping[Statistic, Decimal]]) -> doc.Published:
        return {
            period.value: {statistic.value: number(value) for statistic, value in row.items()}
            for period, row in table.items()
        }

    only = entry.only_published_per
    return {
        "id": entry.career,
        "soc": entry.soc,
        "title": entry.title_in_source,
        "groups": list(entry.groups),
        "employment": entry.employment,
        "published": figures(entry.wages),
        # At or above these ceilings: BLS published "#" for them.
        "top_coded": figures(entry.top_coded),
        "only_published_per": only.value if only is not None else None,
    }


def _imported_file(f: FileRecord) -> doc.ImportedFile:
    document: doc.ImportedFile = {
        "name": f.name,
        "sha256": f.sha256,
        "layout": f.layout,
        "rows": f.rows,
    }
    if f.url is not None:
        document["downloaded"] = {
            "url": f.url,
            "size": f.download_size,
            "sha256": f.download_sha256,
        }
    return document


def imported_release(record: ReleaseRecord) -> doc.ImportedRelease:
    return {
        "id": record.id,
        "year": record.year,
        "classification": record.classification,
        "files": [_imported_file(f) for f in record.files],
        "rows": record.rows,
        "areas": record.areas,
        "industries": record.industries,
        "top_coding": {
            "hour": money(record.ceiling_hour) if record.ceiling_hour is not None else None,
            "year": money(record.ceiling_year) if record.ceiling_year is not None else None,
            "stated_in_file": record.ceiling_stated,
            "converted": record.ceiling_derived.value if record.ceiling_derived else None,
        },
        "updated_at": record.updated_at,
    }


def projections(found: Outlook | None) -> doc.Projections | None:
    """A career's Employment Projections line as published: employment, change and openings
    in thousands (`units`), openings a year; `found` false (and no figures) where the edition
    has no line for the code. None when no projections are bundled."""
    if found is None:
        return None
    edition = found.edition
    document: doc.Projections = {
        "edition": edition.edition,
        "label": edition.title,
        "code": found.code,
        "found": found.projection is not None,
    }
    line = found.projection
    if line is None:
        document["reason"] = f"{edition.title} has no line for SOC {found.code}"
        return document
    # The employment keys name the edition's years: an open object (documents.OPEN).
    return cast(
        "doc.Projections",
        {
            **document,
            "title": line.title,
            "occupation_type": line.occupation_type,
            "units": "thousands of jobs (employment, change, openings)",
            f"employment_{edition.base_year}": number(line.employment_base),
            f"employment_{edition.projected_year}": number(line.employment_projected),
            "change": number(line.change),
            "percent_change": number(line.change_percent),
            "openings": number(line.openings),
            "openings_per": "year, on average over the projection decade",
            "education": line.education,
            "work_experience": line.work_experience,
            "training": line.training,
        },
    )


def _soc_group(group: SocGroup | None) -> doc.SocGroup | None:
    return {"code": group.code, "title": group.title} if group is not None else None


def soc_groups(place: SocPlace | None) -> doc.SocGroups | None:
    """The 2018 SOC groups above a code; None for a code the 2018 SOC does not have."""
    if place is None or not place.known:
        return None
    return {
        "major": _soc_group(place.group("major")),
        "minor": _soc_group(place.group("minor")),
        "broad": _soc_group(place.group("broad")),
    }


def _career_pay(pay: CareerPay, outlook: Outlook | None = None) -> doc.CareerPay:
    education = pay.career.education
    document: doc.CareerPay = {
        "id": pay.career.id,
        "soc": pay.career.soc,
        "soc_in_source": pay.entry.soc,
        "title": pay.career.title,
        "source": source(pay.release),
        "title_in_source": pay.entry.title_in_source,
        "wages": wages(pay.wages),
        "not_derived": not_derived(pay),
        # As BLS published it (rounded to tens); null where the source states none.
        "employment": pay.entry.employment,
        "education": education.typical if education else None,
        "projections": projections(outlook),
        "notes": list(pay.entry.notes),
    }
    found = prices(pay)
    if found is not None:
        document["inflation_adjustment"] = found
    return document


def _prices_key(pay: CareerPay) -> doc.PricesKey:
    found = prices(pay)
    return {"inflation_adjustment": found} if found is not None else {}


def imported_releases(result: ImportedReleases, **_: Any) -> doc.ImportedReleases:
    return {
        "releases": [imported_release(record) for record in result.records],
        "store": str(result.store) if result.store is not None else None,
    }


def comparison(
    result: Comparison, *, takehome: TakeHomeComparison | None = None, **_: Any
) -> doc.Comparison:
    baseline = result.rows[0]
    document: doc.Comparison = {
        "schedule": schedule(result.schedule),
        "careers": [_placed(result, pay) for pay in result.rows],
        "median_gaps": [
            {
                "baseline": {"id": gap.baseline.career.id, "source": gap.baseline.release.id},
                "id": gap.other.career.id,
                "source": gap.other.release.id,
                "period": gap.period.value,
                "difference": money(gap.difference),
                "ratio": number(gap.ratio, places=4),
                "derived": gap.derived,
            }
            for gap in result.gaps
        ],
        "release_changes": [
            {
                "id": change.newer.career.id,
                "from_source": change.older.release.id,
                "to_source": change.newer.release.id,
                "period": change.period.value,
                "statistic": change.statistic.value,
                "from_value": money(change.before.nominal),
                "to_value": money(change.after.nominal),
                "nominal_percent": number(change.nominal * 100, places=1),
                "real_percent": number(change.real * 100, places=1),
                "from_index": number(change.prices.from_index),
                "to_index": number(change.prices.to_index),
                "derived": change.derived,
            }
            for change in result.changes
        ],
        "adjusted_to": str(result.adjusted_to) if result.adjusted_to else None,
        "baseline": baseline.career.id,
        "sources": [source(release, full=True) for release in result.releases],
        # The release careerstats chose as the newest covering every career (null: asked for).
        "chosen_source": result.chosen.id if result.chosen is not None else None,
    }
    if takehome is not None:
        document["takehome"] = comparison_takehome(takehome)
    return document


def plain_data(value: Any) -> Any:
    """A catalog object as JSON-ready data (the catalog holds text, never money)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain_data(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not None
        }
    if isinstance(value, list | tuple):
        return [plain_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain_data(item) for key, item in value.items()}
    return value


def career(value: Career) -> dict[str, Any]:
    document: dict[str, Any] = plain_data(value)
    return document


def profile(result: Profile, **_: Any) -> doc.Profile:
    return {
        "career": career(result.career),
        "office": plain_data(result.office) if result.office else None,
        "schedule": schedule(result.schedule),
        "adjusted_to": str(result.adjusted_to) if result.adjusted_to else None,
        "has_wages": bool(result.pay),
        "sources": [_source_figures(pay) for pay in result.pay],
        "soc_groups": soc_groups(result.soc),
        "projections": projections(result.outlook),
    }


def _source_figures(pay: CareerPay) -> doc.SourceFigures:
    entry = pay.entry
    return {
        "source": source(pay.release, full=True),
        "soc": entry.soc,
        "wages": wages(pay.wages),
        **_prices_key(pay),
        "not_derived": not_derived(pay),
        "employment": entry.employment,
        "industries": [
            {
                "industry": item.industry,
                "period": item.period.value,
                **stated_document(pay.stated(item.value)),
                "stated_as": item.stated_as,
                "rank": item.rank,
            }
            for item in entry.industries
        ],
        "extra_compensation": [
            {
                "kind": item.kind,
                "period": item.period.value,
                **stated_document(pay.stated(item.value)),
                "stated_as": item.stated_as,
            }
            for item in entry.extra_compensation
        ],
        "experience": [
            {
                "level": item.level,
                "label": item.label,
                "period": item.period.value,
                **stated_document(pay.stated(item.value)),
                "approximate": item.approximate,
            }
            for item in entry.experience
        ],
        "stated_percentages": [
            {
                "about": item.about,
                "percent": number(item.percent),
                "approximate": item.approximate,
                "compares": list(item.compares) if item.compares else None,
            }
            for item in entry.stated_percentages
        ],
        "outlook": [
            {
                "measure": item.measure,
                "percent": number(item.percent),
                "horizon": item.horizon,
                "description": item.description,
            }
            for item in entry.outlook
        ],
        "notes": list(entry.notes),
    }


def source_list(
    listing: list[SourceListing], *, imported: Sequence[ReleaseRecord] = (), **_: Any
) -> doc.SourceList:
    return {
        "sources": [
            {**source(item.release, full=True), "careers": [c.id for c in item.careers]}
            for item in listing
        ],
        # Imported into a bundled year: its areas and industries, with their files.
        "imported_into_bundled": [imported_release(record) for record in imported],
    }


def _point(point: Point | None) -> doc.Point | None:
    if point is None:
        return None
    return {
        "percentile": point.percentile,
        "statistic": point.figure.statistic.value,
        **figure_document(point.figure),
    }


def rank(result: Rank, **_: Any) -> doc.Rank:
    from careerstats.core.ranking import METHOD

    pay = result.pay
    return {
        "career": {"id": pay.career.id, "soc": pay.career.soc, "title": pay.career.title},
        "source": source(pay.release),
        "amount": money(result.amount),
        "period": result.period.value,
        "schedule": schedule(result.schedule),
        "percentile": number(result.percentile, places=1)
        if result.percentile is not None
        else None,
        "position": result.position,
        "between": {"lower": _point(result.lower), "upper": _point(result.upper)},
        "points": [_point(point) for point in result.points],
        "top_coded": [_point(point) for point in result.bounds],
        **_prices_key(pay),
        "adjusted_to": str(pay.rebase.target) if pay.rebase else None,
        "method": METHOD,
    }


def search(result: SearchResult, **_: Any) -> doc.Search:
    """The occupations found, best first, each with the name that matched and the newest
    published median (`at_least` in place of `value` where it is top-coded)."""
    hits: list[doc.SearchHit] = []
    for rank, hit in enumerate(result.hits, start=1):
        hits.append(
            {
                "rank": rank,
                "soc": hit.code,
                "title": hit.title,
                "level": hit.level,
                "matched": {"name": hit.matched, "as": hit.matched_as},
                "career": hit.career_id,
                "alias": hit.alias,
                "employment": hit.employment,
                "median": _search_median(hit.median),
            }
        )
    return {"query": result.query, "total": result.total, "limit": result.limit, "hits": hits}


def _search_median(median: Median | None) -> doc.SearchMedian | None:
    if median is None:
        return None
    period, value = median.period.value, money(median.value)
    source, reference = median.release.id, median.release.reference_period
    if median.at_least:
        return {
            "period": period,
            "at_least": value,
            "source": source,
            "reference_period": reference,
        }
    return {"period": period, "value": value, "source": source, "reference_period": reference}


def audit(result: Audit, **_: Any) -> doc.Audit:
    return {
        "sources": [release.id for release in result.sources],
        "findings": [
            {
                "kind": finding.kind,
                "source": finding.source,
                "career": finding.career,
                "summary": finding.summary,
                "figures": {name: number(value, places=2) for name, value in finding.figures},
                "meaning": finding.meaning,
            }
            for finding in result.findings
        ],
        # Every figure a cited source gives, against the official release of its month.
        "citations": [
            {
                "source": check.source,
                "official_source": check.official_source,
                "career": check.career,
                "soc": check.soc,
                "period": check.period.value,
                "statistic": check.statistic.value,
                "cited": money(check.cited),
                "official": money(check.official) if check.official is not None else None,
                "matches": check.matches,
                "derived_in_source": check.derived_in_source,
                "how": check.how,
            }
            for check in result.citations
        ],
    }


def checked_files(checked: list[CheckedFile], **_: Any) -> doc.CheckedFiles:
    return {
        "valid": True,
        "files": [
            {
                "file": item.name,
                "kind": item.kind,
                "id": item.id,
                "careers": item.careers,
                "years": list(item.years),
            }
            for item in checked
        ],
    }


# ------------------------------------------------------------------ history


def _history_figure(figure: WageFigure) -> doc.HistoryFigure:
    """`{"nominal": 14.36, "adjusted": 22.2, ...}`; a top-coded figure's two amounts are
    bounds (`at_least` true): at or above them."""
    return {
        "nominal": money(figure.nominal),
        "adjusted": money(figure.value),
        "at_least": figure.at_least,
        "derived": figure.derived,
        "basis": figure.basis.value,
    }


def _history_change(change: HistoryChange) -> doc.HistoryChange:
    return {
        "period": change.period.value,
        "statistic": change.statistic.value,
        "years": number(Decimal(change.years.numerator) / Decimal(change.years.denominator)),
        "from": money(change.before.nominal),
        "to": money(change.after.nominal),
        "difference": money(change.difference),
        "percent": number(change.nominal * 100, places=2),
        "annual_rate_percent": number(change.nominal_rate * 100, places=2),
        "real_difference": money(change.real_difference),
        "real_percent": number(change.real * 100, places=2),
        "real_annual_rate_percent": number(change.real_rate * 100, places=2),
        "derived": change.derived,
    }


def _history_row(row: HistoryRow) -> doc.HistoryRow:
    link = row.link
    return {
        "soc": link.code,
        "title_in_source": link.title,
        "hybrid_code": link.hybrid,
        "wages": {
            period.value: {
                statistic.value: _history_figure(figure) for statistic, figure in figures.items()
            }
            for period, figures in row.wages.items()
        },
        "from_index": number(row.rebase.from_index),
        "factor": number(row.rebase.factor, places=6),
        "change": None
        if row.previous is None
        else {
            "from_source": row.previous.release_id,
            "from_soc": row.previous.code,
            "figures": [_history_change(change) for change in row.changes],
            "not_computed": [
                {"period": u.period.value, "statistic": u.statistic.value, "reason": u.reason}
                for u in row.unchanged
            ],
        },
        "no_change": row.break_reason,
    }


def history(result: History, **_: Any) -> doc.History:
    career = result.career
    return {
        "career": {"id": career.id, "soc": career.soc, "title": career.title},
        "adjusted_to": str(result.adjusted_to),
        "adjusted_to_label": result.adjusted_to.label,
        "to_index": number(result.to_index),
        "series": result.series,
        "releases": [
            {
                "source": release.id,
                "reference_period": release.reference_period,
                "reference_period_label": release.period_label,
                "classification": release.classification,
                "definition_change": rows[0].definition,
                "occupations": [_history_row(row) for row in rows],
            }
            for release in result.releases
            if (rows := result.rows_of(release.id))
        ],
        "overall": {
            "from_source": result.rows[0].release.id,
            "to_source": result.rows[-1].release.id,
            "figures": [_history_change(change) for change in result.overall],
        }
        if result.overall
        else None,
        "overall_not_computed": result.overall_unchanged,
        "notes": list(result.notes),
    }


def takehome(result: TakeHome, **_: Any) -> doc.TakeHome:
    return takehome_document(result)


def gross(result: GrossPay, *, target: Period | None = None, **_: Any) -> doc.Gross:
    document = gross_document(result)
    if target is not None:
        document["to"] = target.value
        document["result"] = money(result.per(target))
    return document


def gross_document(gross: GrossPay) -> doc.Gross:
    extra = gross.extra
    differential = extra.differential
    return {
        "input": {"amount": number(gross.amount), "period": gross.period.value},
        "schedule": schedule(gross.schedule),
        "extra_pay": {
            "overtime_hours_per_week": number(extra.overtime_hours),
            "overtime_multiplier": number(extra.overtime_multiplier),
            "differential": None
            if differential is None
            else {
                "hours_per_week": number(differential.hours),
                "amount_per_hour": None
                if differential.amount is None
                else number(differential.amount),
                "percent_of_base": None
                if differential.percent is None
                else number(differential.percent),
            },
            "bonus": money(extra.bonus),
            "commission": money(extra.commission),
            "unpaid_weeks": number(extra.unpaid_weeks),
        },
        "base_rate_per_hour": money(gross.base_rate),
        "parts": [
            {
                "part": part.part.value,
                "per_year": money(part.per_year),
                "hours_per_week": None
                if part.hours_per_week is None
                else number(part.hours_per_week),
                "weeks": None if part.weeks is None else number(part.weeks),
                "rate_per_hour": None if part.rate is None else money(part.rate),
            }
            for part in gross.parts
        ],
        "per_year": money(gross.per_year),
        "amounts": {period.value: money(gross.per(period)) for period in Period},
    }


def takehome_document(result: TakeHome) -> doc.TakeHome:
    from careerstats.core.takehome import NOT_COMPUTED

    year = result.tax_year
    state = result.state
    return {
        "tax_year": year.year,
        "status": result.status.value,
        "gross": gross_document(result.gross),
        "wages": money(result.earned),
        "spouse_wages": money(result.spouse_wages),
        "pretax_contributions": money(result.pretax),
        "income_tax_wages": money(result.income_wages),
        "standard_deduction": money(result.standard_deduction),
        "taxable_income": money(result.taxable_income),
        "federal_income_tax": money(result.income_tax),
        "social_security": money(result.social_security),
        "medicare": money(result.medicare),
        "additional_medicare": money(result.additional_medicare),
        "state": {
            "code": state.code,
            "name": state.name,
            "taxes_wages": state.taxes_wages if state.code is not None else None,
            # The user's own flat rate, never a computed state tax.
            "flat_rate_percent": None if state.rate is None else number(state.rate),
            "computed": False,
        },
        "state_income_tax": money(result.state_tax),
        "taxes": money(result.taxes),
        "net": money(result.net),
        "net_per_paycheck": {period.value: money(result.net_per(period)) for period in _PAYCHECKS},
        "effective_rate_percent": number(result.effective_rate, places=2),
        "marginal_rate_percent": number(result.marginal_rate, places=2),
        "notes": list(result.notes),
        "not_computed": list(NOT_COMPUTED),
        "sources": list(year.sources),
    }


def comparison_takehome(section: TakeHomeComparison) -> doc.ComparisonTakeHome:
    """`compare`'s new `takehome` key: net pay at each career's annual figures."""
    from careerstats.core.takehome import NOT_COMPUTED

    state = section.state
    document: doc.ComparisonTakeHome = {
        "taxed": section.taxed,
        "tax_year": section.tax_year.year if section.taxed else None,
        "status": section.status.value if section.taxed else None,
        "state": {
            "code": state.code,
            "flat_rate_percent": None if state.rate is None else number(state.rate),
            "computed": False,
        }
        if section.taxed
        else None,
        "extra_pay": gross_document(section.rows[0].result.gross)["extra_pay"]
        if section.rows
        else None,
        "careers": [_compared_takehome(row, taxed=section.taxed) for row in section.rows],
    }
    if section.taxed:
        document["not_computed"] = list(NOT_COMPUTED)
        document["sources"] = list(section.tax_year.sources)
    return document


def _compared_takehome(row: CareerTakeHome, *, taxed: bool) -> doc.ComparedTakeHome:
    result = row.result
    document: doc.ComparedTakeHome = {
        "id": row.pay.career.id,
        "source": row.pay.release.id,
        "statistic": row.figure.statistic.value,
        "annual_wage": money(row.figure.value),
        "derived": row.figure.derived,
        "at_least": row.at_least,
        "gross": money(result.wages),
    }
    if taxed:
        document["federal_income_tax"] = money(result.income_tax)
        document["social_security"] = money(result.social_security)
        document["medicare"] = money(result.medicare)
        document["additional_medicare"] = money(result.additional_medicare)
        document["state_income_tax"] = money(result.state_tax)
        document["net"] = money(result.net)
        document["effective_rate_percent"] = number(result.effective_rate, places=2)
        document["marginal_rate_percent"] = number(result.marginal_rate, places=2)
    return document


_PAYCHECKS = (Period.WEEK, Period.BIWEEK, Period.SEMIMONTH, Period.MONTH)


def _listed_career(career: Career | None) -> doc.ListedCareer | None:
    if career is None:
        return None
    return {"id": career.id, "title": career.title, "aliases": list(career.aliases)}


def _group(group: Group | None) -> doc.Group | None:
    if group is None:
        return None
    return {"code": group.code, "title": group.title, "level": group.level}


def occupation_list(result: OccupationList, **_: Any) -> doc.OccupationList:
    """The occupations of one release at one level, under their major groups; `career` is
    the catalog's career for the code (its id and aliases name it too), else null."""
    return {
        "source": source(result.release),
        "level": result.level,
        "group": _group(result.group),
        "count": result.listed,
        "major_groups": [
            {
                "code": section.major.code if section.major else None,
                "title": section.major.title if section.major else None,
                "occupations": [
                    {
                        "soc": item.entry.soc,
                        "title": item.entry.title_in_source,
                        "career": _listed_career(item.career),
                    }
                    for item in section.items
                ],
            }
            for section in result.sections
        ],
    }


def top(result: Top, **_: Any) -> doc.Top:
    """Occupations ranked by one published figure. `value` is the figure as published; a
    top-coded one has `at_least` (at or above it) and no `value`. Growth is the projected
    percent change, openings are thousands a year, as the Employment Projections publish them."""
    filters = result.filters
    edition = result.edition
    return {
        "source": source(result.release),
        "by": result.by.value,
        "per": (result.per or Period.YEAR).value if result.by.statistic else None,
        "level": filters.level,
        "group": _group(result.group),
        "education": _education(filters.education),
        "max_education": _education(filters.max_education),
        "min_employment": filters.min_employment,
        "projections": {"edition": edition.edition, "label": edition.title} if edition else None,
        "considered": result.considered,
        "ranked": result.matched,
        "left_out": [{"reason": why, "count": count} for why, count in result.left_out],
        "occupations": [_ranked(row) for row in result.rows],
    }


def _ranked(row: Ranked) -> doc.RankedOccupation:
    """One ranked occupation; its figure is `value`, or `at_least` where top-coded."""
    entry, shown = row.entry, number(row.value)
    career = _listed_career(row.career)
    if row.at_least:
        return {
            "rank": row.rank,
            "soc": entry.soc,
            "title": entry.title_in_source,
            "career": career,
            "at_least": shown,
            "employment": entry.employment,
            "education": row.education,
        }
    return {
        "rank": row.rank,
        "soc": entry.soc,
        "title": entry.title_in_source,
        "career": career,
        "value": shown,
        "employment": entry.employment,
        "education": row.education,
    }


def _education(rank: int | None) -> str | None:
    from careerstats.core.education import LEVELS

    return LEVELS[rank] if rank is not None else None


def relocation(result: Relocation, **_: Any) -> doc.Relocation:
    return relocation_json(result)


def area_listing(listing: AreaListing, **_: Any) -> doc.AreaListing:
    return areas_json(listing)


def _placed(result: Comparison, pay: CareerPay) -> doc.CareerPay:
    """A career's row; across places also its area and, if asked, its price-adjusted figures."""
    document = _career_pay(pay, result.outlook(pay.career))
    area = result.place_of(pay)
    if area is not None:
        document["area"] = area_document(area)
    adjusted = prices_json(result.prices_of(pay), pay) if result.prices else None
    if adjusted is not None:
        document["price_adjusted"] = adjusted
    return document


def where(result: Where, **_: Any) -> doc.Where:
    return where_json(result)


# ------------------------------------------------------------------ places


def area_document(area: Area) -> doc.Place:
    return {"code": area.code, "name": area.name, "type": area.kind}


def _level(level: PriceLevel) -> doc.PlacePrices:
    from careerstats.render.places_view import RPP_PLACES

    area = level.area
    return {
        "code": area.code,
        "name": area.name,
        "type": area.kind,
        "rpp": number(level.index, RPP_PLACES),
    }


def relocation_json(result: Relocation) -> doc.Relocation:
    from careerstats.render.places_view import BASIS, RPP_CAVEAT

    return {
        "amount": money(result.amount),
        "from": _level(result.origin),
        "to": _level(result.destination),
        "year": result.origin.year,
        "equivalent": {"value": money(result.result), "derived": True, "basis": BASIS},
        "index": "BEA Regional Price Parities, all items (U.S. = 100)",
        "sources": list(result.sources),
        "caveat": RPP_CAVEAT,
    }


def areas_json(listing: AreaListing) -> doc.AreaListing:
    return {
        "search": listing.search,
        "areas": [
            {"type": e.kind, "code": e.code, "name": e.name, "releases": list(e.releases)}
            for e in listing.entries
        ],
    }


def prices_json(
    found: PriceAdjustment | None, pay: CareerPay
) -> doc.PriceAdjusted | doc.NotAdjusted | None:
    """The `price_adjusted` key of a row: its RPP and every figure in U.S.-average prices."""
    from careerstats.render.places_view import PRICE_BASIS, RPP_PLACES

    if found is None:
        return None
    if found.level is None:
        return {"rpp": None, "not_adjusted": found.missing}
    figures: dict[str, dict[str, doc.AdjustedFigure]] = {}
    for period, row in pay.wages.items():
        for statistic, figure in row.items():
            value = found.apply(figure.value)
            if value is None:
                continue
            adjusted: doc.AdjustedFigure = (
                {"at_least": money(value), "derived": True, "basis": "price_adjusted"}
                if figure.at_least
                else {"value": money(value), "derived": True, "basis": "price_adjusted"}
            )
            figures.setdefault(period.value, {})[statistic.value] = adjusted
    return {
        "rpp": number(found.level.index, RPP_PLACES),
        "rpp_year": found.level.year,
        "rpp_area": area_document(found.level.area),
        "nearest_year": found.nearest,
        "release_year": found.release_year,
        "basis": PRICE_BASIS,
        "wages": figures,
    }


def where_json(result: Where) -> doc.Where:
    from careerstats.render.places_view import RPP_PLACES, where_value

    areas: list[doc.WhereArea] = []
    for rank, row in enumerate(result.rows, start=1):
        value, at_least, derived = where_value(result, row)
        area = row.area
        item: doc.WhereArea = (
            {
                "rank": rank,
                "code": area.code,
                "name": area.name,
                "type": area.kind,
                "at_least": money(value),
                "derived": derived,
            }
            if at_least
            else {
                "rank": rank,
                "code": area.code,
                "name": area.name,
                "type": area.kind,
                "value": money(value),
                "derived": derived,
            }
        )
        if row.prices is not None:
            adjusted = row.prices.apply(value)
            level = row.prices.level
            if adjusted is not None and level is not None:
                rpp, year = number(level.index, RPP_PLACES), level.year
                nearest = row.prices.nearest
                item["price_adjusted"] = (
                    {
                        "at_least": money(adjusted),
                        "rpp": rpp,
                        "rpp_year": year,
                        "nearest_year": nearest,
                        "derived": True,
                    }
                    if at_least
                    else {
                        "value": money(adjusted),
                        "rpp": rpp,
                        "rpp_year": year,
                        "nearest_year": nearest,
                        "derived": True,
                    }
                )
            else:
                item["price_adjusted"] = {"rpp": None, "not_adjusted": row.prices.missing}
        areas.append(item)
    return {
        "career": {"id": result.career.id, "soc": result.career.soc, "title": result.career.title},
        "source": {
            "id": result.release.id,
            "publisher": result.release.publisher,
            "program": result.release.program,
            "reference_period": result.release.reference_period,
            "reference_period_label": result.release.period_label,
        },
        "period": result.period.value,
        "statistic": result.statistic.value,
        "type": result.kind,
        "ranked_by": "price_adjusted" if result.adjusted else "published",
        "areas": areas,
        "areas_ranked": result.total,
        "not_published": [area_document(area) for area in result.unpublished],
    }
