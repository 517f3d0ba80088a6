"""The official national OEWS releases bundled with careerstats, read on demand.

Standard library only, and nothing cached outside the package: `data/oews/releases.csv`
lists the releases (May 2008 and 2013-2024) with their ceilings and original files, and each
`data/oews/oews-YYYY.csv` holds one release's rows exactly as `scripts/make_bundle.py` read
them from BLS's workbook. Looking up a code reads that one release's file and parses only
that code's lines; `occupations` parses a whole release.

A figure is a `Decimal` as published, `AtLeast(ceiling)` where BLS top-coded it (`#`), or
None where BLS published none (`*`); employment is None where BLS published `**`. The rows
become `CareerFigures` through the same code as imported releases (`oews_figures`), so a
bundled release and `careerstats data import` of its original file give the same figures.
"""

import csv
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from careerstats.core.model import (
    SOC_CODE,
    TOP_CODING_NOTE,
    AnnualBasis,
    Career,
    CareerFigures,
    SourceRelease,
    Statistic,
    Summary,
)
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.errors import DataError, UsageError
from careerstats.sources.bundle import bundled_text
from careerstats.sources.oews_figures import (
    PROGRAM,
    PUBLISHER,
    TOP_CODED,
    WAGE_FIELDS,
    WAGE_NAMES,
    career_figures,
)

OEWS_DIR = "oews"
RELEASES_FILE = "releases.csv"
WAGE_NOT_AVAILABLE = "*"
EMPLOYMENT_NOT_AVAILABLE = "**"
RELEASE_COLUMNS = (
    "id",
    "reference_period",
    "classification",
    "ceiling_hour",
    "ceiling_year",
    "ceiling_from",
    "rows",
    "file_name",
    "file_size",
    "sha256",
    "source_url",
)
_STATISTICS = ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")
# The columns of a release's file: OEWS's own names; the title last, so that every line
# starts with its code.
COLUMNS = (
    "OCC_CODE",
    "O_GROUP",
    "TOT_EMP",
    *(f"H_{statistic}" for statistic in _STATISTICS),
    *(f"A_{statistic}" for statistic in _STATISTICS),
    "ANNUAL",
    "HOURLY",
    "OCC_TITLE",
)
# TOT_EMP, the twelve wages, ANNUAL and HOURLY of a line, joined by commas: checked in one
# match, so a damaged file is reported rather than read into a wrong figure.
_CELLS = re.compile(
    r"(?:[1-9]\d*|\*\*)(?:,(?:(?:[1-9]\d*|0)(?:\.\d*[1-9])?|\*|#)){12}(?:,(?:TRUE)?){2}"
)
_WAGE_INDEX = {(period, statistic): i for i, (_, period, statistic) in enumerate(WAGE_FIELDS)}


class ReleaseInfo(NamedTuple):
    """One bundled release, and the original file it was generated from."""

    id: str  # oews-2024
    reference_period: str  # 2024-05
    classification: str  # SOC 2018
    ceiling_hour: Decimal  # a top-coded (#) figure is at or above these
    ceiling_year: Decimal
    ceiling_stated: bool  # the workbook states the ceiling; else it is BLS's for that year
    rows: int  # rows as published (a code published twice counts twice)
    file_name: str
    file_size: int
    sha256: str
    source_url: str

    @property
    def year(self) -> int:
        return int(self.reference_period[:4])

    def ceiling(self, period: Period) -> Decimal:
        return self.ceiling_hour if period is Period.HOUR else self.ceiling_year


class AtLeast(NamedTuple):
    """A top-coded figure (`#`): at or above the release's ceiling, never an exact amount."""

    ceiling: Decimal


Figure = Decimal | AtLeast | None


class Occupation(NamedTuple):
    """One occupation of one bundled release, as BLS published it."""

    release: ReleaseInfo
    code: str
    title: str
    # O_GROUP as published, in the file's order: total, major, minor, broad or detailed (May
    # 2008: "major" or empty); two where BLS published the code twice, with the same figures.
    groups: tuple[str, ...]
    # TOT_EMP, the twelve wages (H_MEAN ... A_PCT90) and ANNUAL, HOURLY: the published text.
    cells: tuple[str, ...]

    @property
    def employment(self) -> int | None:
        text = self.cells[0]
        return None if text == EMPLOYMENT_NOT_AVAILABLE else int(text)

    @property
    def annual_only(self) -> bool:
        return self.cells[-2] == "TRUE"

    @property
    def hourly_only(self) -> bool:
        return self.cells[-1] == "TRUE"

    def wage(self, period: Period, statistic: Statistic) -> Figure:
        """The hourly or annual mean or percentile; `KeyError` for any other period."""
        text = self.cells[1 + _WAGE_INDEX[period, statistic]]
        if text == WAGE_NOT_AVAILABLE:
            return None
        if text == TOP_CODED:
            return AtLeast(self.release.ceiling(period))
        return Decimal(text)

    def figures(self, career_id: str | None = None, wanted: str | None = None) -> CareerFigures:
        """Its `CareerFigures`, for `career_id` (default: the code) asked for under SOC code
        `wanted` (default: the code; another code adds a note that the two may differ)."""
        row: dict[str, str | int | None] = {
            "occ_code": self.code,
            "occ_title": self.title,
            "tot_emp": None if self.employment is None else self.cells[0],
            **{
                name: None if text == WAGE_NOT_AVAILABLE else text
                for name, text in zip(WAGE_NAMES, self.cells[1:13], strict=True)
            },
            "annual_only": int(self.annual_only),
            "hourly_only": int(self.hourly_only),
        }
        info = self.release
        try:
            return career_figures(
                career_id or self.code,
                wanted or self.code,
                row,
                release_id=info.id,
                classification=info.classification,
                ceilings={Period.HOUR: info.ceiling_hour, Period.YEAR: info.ceiling_year},
                groups=tuple(group for group in self.groups if group),  # 2008: blank = detailed
            )
        except ValueError as error:
            raise DataError(
                f"{info.id}: the bundled row for {self.code} does not validate: {error}"
            ) from None


# ------------------------------------------------------------------ reading


_releases: dict[str, ReleaseInfo] = {}
_texts: dict[str, str] = {}


def _damaged(name: str, problem: str) -> DataError:
    return DataError(f"bundled file {name}: {problem}; reinstall careerstats")


def releases() -> tuple[ReleaseInfo, ...]:
    """Every bundled release, oldest first."""
    if not _releases:
        name = f"{OEWS_DIR}/{RELEASES_FILE}"
        text = bundled_text(OEWS_DIR, RELEASES_FILE)
        lines = list(csv.reader(text.splitlines()))
        if not lines or tuple(lines[0]) != RELEASE_COLUMNS:
            raise _damaged(name, "not the expected header")
        try:
            for cells in lines[1:]:
                info = ReleaseInfo(
                    id=cells[0],
                    reference_period=cells[1],
                    classification=cells[2],
                    ceiling_hour=Decimal(cells[3]),
                    ceiling_year=Decimal(cells[4]),
                    ceiling_stated=cells[5] == "workbook",
                    rows=int(cells[6]),
                    file_name=cells[7],
                    file_size=int(cells[8]),
                    sha256=cells[9],
                    source_url=cells[10],
                )
                _releases[info.id] = info
        except (IndexError, ArithmeticError, ValueError):
            _releases.clear()
            raise _damaged(name, "a line is not a release") from None
    return tuple(_releases.values())


def release(release_id: str) -> ReleaseInfo:
    """The bundled release `release_id` (`oews-2024`); `UsageError` naming the ones there are."""
    known = releases()
    found = _releases.get(release_id)
    if found is None:
        names = ", ".join(info.id for info in known)
        raise UsageError(f"no bundled release {release_id!r}; bundled: {names}")
    return found


def _text(info: ReleaseInfo) -> str:
    text = _texts.get(info.id)
    if text is None:
        text = bundled_text(OEWS_DIR, f"{info.id}.csv")
        if next(csv.reader([text.partition("\n")[0]]), []) != list(COLUMNS):
            raise _damaged(f"{OEWS_DIR}/{info.id}.csv", "not the expected header")
        _texts[info.id] = text
    return text


def _occupation(info: ReleaseInfo, lines: list[list[str]]) -> Occupation:
    first = lines[0]
    if (
        len(first) != len(COLUMNS)
        or not _CELLS.fullmatch(",".join(first[2:-1]))
        or any(line[2:] != first[2:] for line in lines[1:])
    ):
        raise _damaged(f"{OEWS_DIR}/{info.id}.csv", f"the line of {first[0]} is damaged")
    return Occupation(
        release=info,
        code=first[0],
        title=first[-1],
        groups=tuple(line[1] for line in lines),
        cells=tuple(first[2:-1]),
    )


def occupation(release_id: str, code: str) -> Occupation | None:
    """The occupation with SOC code `code` in a bundled release, or None when it has none."""
    info = release(release_id)
    if not SOC_CODE.fullmatch(code):
        return None
    text = _text(info)
    # The file is in code order and every line starts with its code: find the code's lines
    # without parsing the rest of the file.
    start = text.find(f"\n{code},") + 1
    if not start:
        return None
    lines = []
    prefix = f"{code},"
    while text.startswith(prefix, start):
        end = text.find("\n", start)
        lines.append(text[start:end])
        start = end + 1
    return _occupation(info, list(csv.reader(lines)))


def occupations(release_id: str) -> list[Occupation]:
    """Every occupation of a bundled release (every level, total to detailed), in code order;
    a code published twice is one occupation with two groups."""
    info = release(release_id)
    found: list[Occupation] = []
    pending: list[list[str]] = []
    for line in csv.reader(_text(info).splitlines()[1:]):
        if pending and line[:1] != pending[0][:1]:
            found.append(_occupation(info, pending))
            pending = []
        pending.append(line)
    if pending:
        found.append(_occupation(info, pending))
    return found


def titled(release_id: str) -> list[tuple[str, str, str, str]]:
    """The code, level (O_GROUP), employment (TOT_EMP) and title of each line of a bundled
    release, as published, without reading its figures (a code published twice has two
    lines)."""
    found = []
    for text in _text(release(release_id)).splitlines()[1:]:
        # Only a title can hold a comma (and then quotes): split the rest by hand, which is
        # several times faster than the csv module over a whole release.
        line = text.split(",", len(COLUMNS) - 1)
        if line[-1].startswith('"'):
            line = next(csv.reader([text]))
        if len(line) != len(COLUMNS):
            raise _damaged(f"{OEWS_DIR}/{release_id}.csv", f"the line of {line[:1]} is damaged")
        found.append((line[0], line[1], line[2], line[-1]))
    return found


# ------------------------------------------------------------------ as source releases


class BundledRelease(SourceRelease):
    """A bundled OEWS release as a `SourceRelease`: its figures are read when asked for.

    `codes` maps catalog career ids to their SOC codes, current code first (as
    `Career.soc_codes`); an id that is not in it is looked up as a SOC code.
    """

    official = True
    _info: ReleaseInfo
    _codes: Mapping[str, tuple[str, ...]]
    _cache: dict[str, CareerFigures | None]

    @classmethod
    def bind(cls, info: ReleaseInfo, codes: Mapping[str, tuple[str, ...]]) -> "BundledRelease":
        where = (
            "as the workbook states"
            if info.ceiling_stated
            else "BLS's ceiling for this release; the workbook states none"
        )
        release = cls(
            id=info.id,
            publisher=PUBLISHER,
            program=PROGRAM,
            title=f"OEWS May {info.year} national estimates, all industries",
            reference_period=info.reference_period,
            classification=info.classification,
            cited_in=(f"{info.file_name}, in {info.source_url}",),
            notes=(
                f"{TOP_CODING_NOTE} {dollars(info.ceiling_hour)} an hour or "
                f"{dollars(info.ceiling_year, whole=True)} a year ({where})",
            ),
            careers=(),
            annual_basis=AnnualBasis.HOURS_2080,
        )
        for name, value in {"_info": info, "_codes": codes, "_cache": {}}.items():
            object.__setattr__(release, name, value)  # the release itself stays frozen
        return release

    @property
    def info(self) -> ReleaseInfo:
        return self._info

    def figures_for(self, career_id: str) -> CareerFigures | None:
        if career_id not in self._cache:
            self._cache[career_id] = self._load(career_id)
        return self._cache[career_id]

    def _load(self, career_id: str) -> CareerFigures | None:
        codes = self._codes.get(career_id) or (
            (career_id,) if SOC_CODE.fullmatch(career_id) else ()
        )
        for code in codes:
            found = occupation(self.id, code)
            if found is not None:
                return found.figures(career_id, codes[0])
        return None

    def entries(self) -> list[CareerFigures]:
        """Every occupation of the release, in code order; a catalog career under its id."""
        return self._built(occupations(self.id))

    def entries_at(self, levels: frozenset[str]) -> list[CareerFigures]:
        """Only the occupations of these levels (or of none, as May 2008's detailed ones) are
        built into figures: building them is most of what a listing costs."""
        return self._built(
            item
            for item in occupations(self.id)
            if not any(item.groups) or levels & set(item.groups)
        )

    def summaries_at(
        self, levels: frozenset[str], period: Period, statistic: Statistic | None
    ) -> list[Summary]:
        """Read from the rows as published, without building each entry's figures: ranking
        the 800 detailed occupations of a release needs one figure of each."""
        found = []
        for item in occupations(self.id):
            groups = tuple(group for group in item.groups if group)  # 2008: blank = detailed
            if groups and not levels & set(groups):
                continue
            figure = item.wage(period, statistic) if statistic is not None else None
            top_coded = isinstance(figure, AtLeast)
            value = figure.ceiling if isinstance(figure, AtLeast) else figure
            found.append(Summary(item.code, item.title, groups, item.employment, value, top_coded))
        return found

    def _built(self, items: Iterable[Occupation]) -> list[CareerFigures]:
        catalog_id = {codes[0]: career_id for career_id, codes in self._codes.items()}
        found = []
        for item in items:
            career_id = catalog_id.get(item.code, item.code)
            if career_id not in self._cache:
                self._cache[career_id] = item.figures(career_id, item.code)
            entry = self._cache[career_id]
            if entry is not None:
                found.append(entry)
        return found


def bundled_releases(codes: Mapping[str, tuple[str, ...]]) -> tuple[BundledRelease, ...]:
    """Every bundled release as a `SourceRelease`, oldest first."""
    return tuple(BundledRelease.bind(info, codes) for info in releases())


# ------------------------------------------------------------------ as named occupations


def bundled_career(code: str, title: str, release_id: str) -> Career:
    """An occupation the catalog lacks, as BLS titles it in a bundled release."""
    return Career(
        id=code,
        title=title,
        soc=code,
        summary=(
            f"{title} (SOC {code}), as BLS titles it in OEWS ({release_id}); not in the "
            "careerstats catalog, so no duties or skills of its own are shown"
        ),
    )


class BundledOccupations:
    """Every occupation of the bundled releases, for naming (the core's `Occupations`).

    Titles are those of the newest release that has the code; the releases are read only
    when a name is not the catalog's.
    """

    def __init__(self) -> None:
        self._newest: dict[str, tuple[str, str]] | None = None  # code -> (title, release)
        self._detailed: set[str] = set()
        self._index: dict[str, list[str]] | None = None  # code -> release ids, newest first

    def _codes(self) -> dict[str, tuple[str, str]]:
        if self._newest is None:
            self._newest = {}
            for info in reversed(releases()):
                for item in occupations(info.id):
                    self._newest.setdefault(item.code, (item.title, info.id))
                    if "detailed" in item.groups:
                        self._detailed.add(item.code)
        return self._newest

    def titles(self) -> dict[str, str]:
        """Each title (lower case) -> the code of the newest release that uses it, a detailed
        occupation before a group of the same title: "registered nurses" is 29-1141 (not the
        broad group 29-1140, nor 2008's 29-1111)."""
        found: dict[str, str] = {}
        codes = self._codes()  # newest release first
        for code, (title, release_id) in codes.items():
            key = title.lower()
            known = found.get(key)
            if known is None or (
                code in self._detailed
                and known not in self._detailed
                and codes[known][1] == release_id
            ):
                found[key] = code
        return found

    def career(self, name: str) -> Career | None:
        text = " ".join(name.split())
        if SOC_CODE.fullmatch(text):
            for info in reversed(releases()):  # newest first: most names need one file
                found = occupation(info.id, text)
                if found is not None:
                    return bundled_career(found.code, found.title, info.id)
            return None
        code = self.titles().get(text.lower())
        if code is None:
            return None
        title, release_id = self._codes()[code]
        return bundled_career(code, title, release_id)

    def index(self) -> list[tuple[Career, list[str]]]:
        if self._index is None:
            self._index = {}
            for info in reversed(releases()):
                for item in occupations(info.id):
                    self._index.setdefault(item.code, []).append(info.id)
        newest = self._codes()
        return [
            (bundled_career(code, *newest[code]), ids) for code, ids in sorted(self._index.items())
        ]
