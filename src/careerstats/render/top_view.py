"""`top` for people: a ranked table in plain text, one line per occupation (titles cut with
an ellipsis on a terminal, whole when piped), then what was ranked and what was left out."""

from __future__ import annotations

from careerstats.core.education import LEVELS, SHORT, level_of
from careerstats.core.groups import described
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.core.top import Measure, Ranked, Top
from careerstats.render.listing_lines import SHORTEST_TITLE, cut, literal, source_line, wrapped

AT_LEAST = "\u2265"
_PER = {Period.HOUR: "h", Period.YEAR: "yr"}
# The classification of the bundled Employment Projections editions (2023-33, 2024-34).
PROJECTION_CODES = "SOC 2018"


def heading(result: Top) -> str:
    """The value column's heading: median/yr, growth %, openings k/yr, employment."""
    by = result.by
    if by.statistic is not None:
        return f"{by.value}/{_PER[result.per or Period.YEAR]}"
    if by is Measure.GROWTH:
        return "growth %"
    if by is Measure.OPENINGS:
        return "openings k/yr"
    return "employment"


def value_text(result: Top, row: Ranked) -> str:
    by = result.by
    if by.statistic is not None:
        shown = dollars(row.value, whole=(result.per or Period.YEAR) is Period.YEAR)
        return f"{AT_LEAST} {shown}" if row.at_least else shown
    if by is Measure.GROWTH:
        return f"{row.value:+}"
    if by is Measure.OPENINGS:
        return f"{row.value}"
    return f"{int(row.value):,}"


def education_text(published: str | None) -> str:
    rank = level_of(published)
    return SHORT[rank] if rank is not None else "-"


def title_line(result: Top) -> str:
    filters, by = result.filters, result.by
    what = described(filters.level)
    if result.group is not None:
        what += f" in {result.group.code} {result.group.title}"
    if by.statistic is not None:
        per = "hourly" if result.per is Period.HOUR else "annual"
        measure = f"{by.statistic.label} {per} wage"
    elif by is Measure.GROWTH:
        measure = "projected employment growth"
    elif by is Measure.OPENINGS:
        measure = "projected openings a year"
    else:
        measure = "employment"
    needs = ""
    if filters.education is not None:
        needs = f", typical entry education: {LEVELS[filters.education]}"
    elif filters.max_education is not None:
        needs = f", typical entry education: {LEVELS[filters.max_education]} or below"
    if filters.min_employment is not None:
        needs += f", at least {filters.min_employment:,} employed"
    return f"{what[0].upper()}{what[1:]}{result.scope} by {measure}{needs}"


def top_lines(result: Top, width: int | None = None) -> str:
    release, rows = result.release, result.rows
    show_employment = result.by is not Measure.EMPLOYMENT
    cells = [
        (
            str(row.rank),
            row.entry.soc,
            literal(row.entry.title_in_source or ""),
            value_text(result, row),
            f"{row.entry.employment:,}" if row.entry.employment is not None else "-",
            education_text(row.education),
        )
        for row in rows
    ]
    header = ("#", "SOC", "occupation", heading(result), "employment", "typical education")
    widths = [max([len(header[i])] + [len(c[i]) for c in cells]) for i in range(len(header))]
    fixed = sum(widths) - widths[2] + 2 * (len(header) - 1)
    if not show_employment:
        fixed -= widths[4] + 2
    title_width = widths[2]
    if width is not None:
        title_width = max(SHORTEST_TITLE, min(widths[2], width - fixed))

    def line(values: tuple[str, ...]) -> str:
        parts = [
            values[0].rjust(widths[0]),
            values[1].ljust(widths[1]),
            cut(values[2], title_width).ljust(title_width),
            values[3].rjust(widths[3]),
        ]
        if show_employment:
            parts.append(values[4].rjust(widths[4]))
        parts.append(values[5])
        return "  ".join(parts).rstrip()

    out = [
        wrapped(title_line(result), width),
        source_line(release, width),
        "",
    ]
    if rows:
        out.append(line(header))
        out.extend(line(values) for values in cells)
    else:
        out.append("no occupation matches")
    out.append("")
    out.append(wrapped(caption(result), width))
    return "\n".join(out) + "\n"


def caption(result: Top) -> str:
    parts = [
        f"{result.matched:,} of {result.considered:,} {result.filters.level} occupations ranked"
    ]
    if result.left_out:
        reasons = ", ".join(f"{count:,} {why}" for why, count in result.left_out)
        parts[0] += f" (left out: {reasons})"
    if any(row.at_least for row in result.rows):
        parts.append(
            f"{AT_LEAST}: top-coded by BLS, at or above; sorted as the ceiling, ties by employment"
        )
    if result.by is Measure.GROWTH:
        parts.append("growth: percent change in employment as projected")
    if result.by is Measure.OPENINGS:
        parts.append("openings: thousands a year, on average over the decade")
    if result.edition is not None:
        parts.append(f"typical entry education{_projected(result)}: {result.edition.title}")
        codes = result.release.classification
        if codes and codes != PROJECTION_CODES:
            parts.append(
                f"{result.release.id} uses {codes} codes and the projections {PROJECTION_CODES}: "
                "occupations are matched by code"
            )
    parts.append("figures as published")
    return "; ".join(parts)


def _projected(result: Top) -> str:
    return ", growth and openings" if result.by.projected else ""
