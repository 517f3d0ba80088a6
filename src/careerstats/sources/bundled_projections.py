"""BLS Employment Projections bundled with careerstats: outlook and entry requirements.

Standard library only. `data/ep/editions.csv` lists the editions (2024-34, 2023-33), newest
first; `data/ep/occupations_{edition}.csv` holds each one's Table 1.2 as
`scripts/make_bundle.py` read it: every occupation of the National Employment Matrix (line
items and the summaries above them), employment and openings in thousands and the percent
change as published, and the typical education, related work experience and on-the-job
training BLS assigns to each line item. Looking up a code parses only that code's line.
"""

import csv
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from careerstats.core.model import SOC_CODE
from careerstats.errors import DataError, UsageError
from careerstats.sources.bundle import bundled_text

EP_DIR = "ep"
EDITIONS_FILE = "editions.csv"
NOT_AVAILABLE = "\u2014"  # the em dash BLS prints where it assigns no value (summaries)
EDITION_COLUMNS = (
    "edition",
    "base_year",
    "projected_year",
    "title",
    "occupations",
    "file_name",
    "file_size",
    "sha256",
    "source_url",
)
COLUMNS = (
    "code",
    "occupation_type",
    "employment_base",
    "employment_projected",
    "change",
    "change_percent",
    "openings",
    "education",
    "work_experience",
    "training",
    "title",
)


class Edition(NamedTuple):
    edition: str  # 2024-34
    base_year: int
    projected_year: int
    title: str  # "BLS Employment Projections 2024\u201334", with an en dash
    occupations: int
    file_name: str
    file_size: int
    sha256: str
    source_url: str


class Projection(NamedTuple):
    """One occupation's projection; employment, change and openings in thousands."""

    edition: Edition
    code: str
    title: str
    occupation_type: str  # "Line item" (an occupation) or "Summary" (a group of them)
    employment_base: Decimal  # in the edition's base year
    employment_projected: Decimal  # in its projected year
    change: Decimal
    change_percent: Decimal
    openings: Decimal  # a year, on average over the decade
    # None where BLS assigns none (the summaries).
    education: str | None  # typical education needed for entry
    work_experience: str | None  # in a related occupation
    training: str | None  # typical on-the-job training to attain competency


_editions: dict[str, Edition] = {}
_texts: dict[str, str] = {}


def _damaged(name: str, problem: str) -> DataError:
    return DataError(f"bundled file {EP_DIR}/{name}: {problem}; reinstall careerstats")


def editions() -> tuple[Edition, ...]:
    """The bundled editions, newest first."""
    if not _editions:
        lines = list(csv.reader(bundled_text(EP_DIR, EDITIONS_FILE).splitlines()))
        if not lines or tuple(lines[0]) != EDITION_COLUMNS:
            raise _damaged(EDITIONS_FILE, "not the expected header")
        try:
            for cells in lines[1:]:
                edition = Edition(
                    cells[0],
                    int(cells[1]),
                    int(cells[2]),
                    cells[3],
                    int(cells[4]),
                    cells[5],
                    int(cells[6]),
                    cells[7],
                    cells[8],
                )
                _editions[edition.edition] = edition
        except (IndexError, ValueError):
            _editions.clear()
            raise _damaged(EDITIONS_FILE, "a line is not an edition") from None
    return tuple(_editions.values())


def edition(name: str | None = None) -> Edition:
    """The edition `name` (`2024-34`), or the newest; `UsageError` naming the ones there are."""
    known = editions()
    if name is None:
        return known[0]
    found = _editions.get(name)
    if found is None:
        raise UsageError(
            f"no bundled projections {name!r}; bundled: {', '.join(e.edition for e in known)}"
        )
    return found


def _file(info: Edition) -> str:
    return f"occupations_{info.edition}.csv"


def _text(info: Edition) -> str:
    text = _texts.get(info.edition)
    if text is None:
        text = bundled_text(EP_DIR, _file(info))
        if next(csv.reader([text.partition("\n")[0]]), []) != list(COLUMNS):
            raise _damaged(_file(info), "not the expected header")
        _texts[info.edition] = text
    return text


def _optional(text: str) -> str | None:
    return None if text == NOT_AVAILABLE else text


def _projection(info: Edition, cells: list[str]) -> Projection:
    try:
        if len(cells) != len(COLUMNS) or cells[1] not in {"Line item", "Summary"}:
            raise ValueError
        base, projected, change, percent, openings = (Decimal(cell) for cell in cells[2:7])
    except (ValueError, InvalidOperation):
        raise _damaged(_file(info), f"the line of {cells[0]} is damaged") from None
    return Projection(
        edition=info,
        code=cells[0],
        title=cells[-1],
        occupation_type=cells[1],
        employment_base=base,
        employment_projected=projected,
        change=change,
        change_percent=percent,
        openings=openings,
        education=_optional(cells[7]),
        work_experience=_optional(cells[8]),
        training=_optional(cells[9]),
    )


def projection(code: str, edition_name: str | None = None) -> Projection | None:
    """The projection for SOC code `code` (newest edition by default), None if it has none."""
    info = edition(edition_name)
    if not SOC_CODE.fullmatch(code):
        return None
    line = _lines(info).get(code)
    if line is None:
        return None
    return _projection(info, next(csv.reader([line])))


_by_code: dict[str, dict[str, str]] = {}


def _lines(info: Edition) -> dict[str, str]:
    """Each code's line of an edition: every line starts with its code, each code once. One
    pass over the file, so that looking up every occupation (`top`) costs no more than one."""
    lines = _by_code.get(info.edition)
    if lines is None:
        text = _text(info)
        lines = {line.partition(",")[0]: line for line in text.splitlines()[1:]}
        _by_code[info.edition] = lines
    return lines


def projections(edition_name: str | None = None) -> list[Projection]:
    """Every occupation of an edition (newest by default), in the matrix's order."""
    info = edition(edition_name)
    return [_projection(info, cells) for cells in csv.reader(_text(info).splitlines()[1:])]
