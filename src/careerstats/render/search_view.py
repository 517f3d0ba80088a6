"""What `search` shows: one line per occupation found, for people (plain text, no Rich), and
the rows of its CSV. Standard library only."""

from __future__ import annotations

import textwrap

from careerstats.core.money import dollars, plain
from careerstats.core.periods import Period
from careerstats.core.search import Hit, Median, SearchResult
from careerstats.core.wording import counted, quoted
from careerstats.render.listing_lines import cut, literal

NOTE_WIDTH = 80
AT_LEAST = "≥"
MISSING = "-"
CSV_COLUMNS = (
    "rank",
    "soc",
    "title",
    "level",
    "matched",
    "matched_as",
    "career",
    "alias",
    "employment",
    "median_period",
    "median",
    "at_least",
    "source",
    "reference_period",
)
_HEADER = ("SOC", "level", "median", "source", "title")


def median_text(median: Median | None) -> str:
    """`$93,600`, `$45.10/h` (BLS publishes no annual median), `≥ $239,200` (top-coded)."""
    if median is None:
        return MISSING
    hourly = median.period is Period.HOUR
    shown = dollars(median.value, whole=not hourly) + ("/h" if hourly else "")
    return f"{AT_LEAST} {shown}" if median.at_least else shown


def title_text(hit: Hit) -> str:
    """The official title, and the name found when it was another: an alternate title
    ("Software Developers, as Software Engineer") or a catalog alias. A control character
    (an imported file's title may hold one) is shown as its escape (`\\x1b`), never sent to
    the terminal."""
    if hit.matched_as == "alternate":
        shown = f"{hit.title}, as {hit.matched}"
    elif hit.alias is not None:
        shown = f"{hit.title} ({hit.alias})"
    else:
        shown = hit.title
    return literal(shown)


def search_text(result: SearchResult, width: int | None) -> str:
    """The table; with `width` (a terminal's), titles are cut to fit, never wrapped."""
    rows: list[tuple[str, ...]] = [_HEADER]
    rows += [
        (
            hit.code,
            hit.level,
            median_text(hit.median),
            hit.median.release.id if hit.median else MISSING,
            title_text(hit),
        )
        for hit in result.hits
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER) - 1)]
    lines = []
    for row in rows:
        cells = [row[2].rjust(widths[2]) if i == 2 else row[i].ljust(widths[i]) for i in range(4)]
        lines.append(cut("  ".join(cells) + "  " + row[4], width))
    shown = len(result.hits)
    found = counted(result.total, "occupation")
    head = f"{found} found for {quoted(result.query)}, best first"
    if shown < result.total:
        head += f" (the first {shown}; --limit N shows more)"
    releases = sorted(
        {(h.median.release.id, h.median.release.period_label) for h in result.hits if h.median}
    )
    sources = "; ".join(f"{rid}: OEWS {label}" for rid, label in releases) or "none"
    notes = textwrap.wrap(
        "median: the newest release's median as published, per year (/h: per hour where "
        f"BLS publishes no annual one; {AT_LEAST} top-coded: at or above; {MISSING}: none)",
        NOTE_WIDTH,
    )
    notes += textwrap.wrap(f"source: {sources}", NOTE_WIDTH)
    notes.append("name one in compare, show, rank or history by its SOC code")
    return "\n".join([head, "", *lines, "", *notes]) + "\n"


def search_rows(result: SearchResult) -> list[tuple[str, ...]]:
    """One row per hit under `CSV_COLUMNS`; empty cells where there is nothing."""
    rows: list[tuple[str, ...]] = []
    for rank, hit in enumerate(result.hits, start=1):
        median = hit.median
        rows.append(
            (
                str(rank),
                hit.code,
                hit.title,
                hit.level,
                hit.matched,
                hit.matched_as,
                hit.career_id,
                hit.alias or "",
                "" if hit.employment is None else str(hit.employment),
                median.period.value if median else "",
                plain(median.value) if median else "",
                ("true" if median.at_least else "false") if median else "",
                median.release.id if median else "",
                (median.release.reference_period or "") if median else "",
            )
        )
    return rows
