"""Regenerate the bundled official data in data/ from BLS's original files (maintainers only).

    python scripts/make_bundle.py [OFFICIAL_DIR]            # writes data/oews/...
    python scripts/make_bundle.py [OFFICIAL_DIR] --check    # exits 1 if data/ is stale

OFFICIAL_DIR (default: ../shared/official beside the repository) holds the files exactly as
the agencies publish them. They are inputs only: never edited, never committed.

- oews/national_M{YYYY}_dl.xls or .xlsx: OEWS national estimates, all industries, May of
  each year. BLS publishes each inside https://www.bls.gov/oes/special-requests/oesm{YY}nat.zip
  (listed on https://www.bls.gov/oes/tables.htm), e.g. oesm08nat.zip, oesm24nat.zip.

- ep/occupation_{YYYY}-{YY}.xlsx: BLS Employment Projections, Table 1.2 (occupational
  projections and worker characteristics). BLS publishes the current edition at
  https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx (listed on
  https://www.bls.gov/emp/tables.htm); each new edition replaces it.

- soc/: the Standard Occupational Classification files, from https://www.bls.gov/soc/:
  soc_structure_2018.xlsx, soc_2018_direct_match_title_file.xlsx and
  soc_2010_to_2018_crosswalk.xlsx (under https://www.bls.gov/soc/2018/), and
  soc_2000_to_2010_crosswalk.xls (https://www.bls.gov/soc/soc_2000_to_2010_crosswalk.xls).

The OEWS files are read by careerstats' own reader (`careerstats.sources.oews.read`), so the bundled
figures are the exact decimal text `careerstats data import` stores for the same file. Output,
byte-identical for the same inputs:

- data/oews/releases.csv: one line per release: reference period, SOC version, top-coding
  ceiling and where it comes from, and the original file's name, size, SHA-256 and URL.
- data/oews/oews-{YYYY}.csv: every row of the release in the published order (total, major,
  minor, broad and detailed; a code published twice, as broad and as detailed, stays twice),
  with OEWS's own column names. Cells hold the published figure as exact decimal text, or
  BLS's special value: `*` wage not available, `**` employment not available, `#` top-coded;
  ANNUAL and HOURLY are `TRUE` or empty, as published.
- data/ep/editions.csv: one line per projections edition and its original file.
- data/ep/occupations_{YYYY}-{YY}.csv: one line per National Employment Matrix occupation
  (line items and summaries): employment in thousands at the base and projected year,
  change (thousands and percent), annual openings (thousands), and the typical education,
  related work experience and on-the-job training, all as published (`—`: not available).
- data/soc/sources.csv: the SOC files bundled, with their date, name, size, SHA-256 and URL.
- data/soc/structure_2018.csv: every 2018 SOC group and occupation (major, minor, broad,
  detailed), its parent group and title.
- data/soc/direct_match_titles_2018.csv: the 6,539 direct-match job titles and their code
  (illustrative: `x` where BLS marks the title an illustrative example; BLS writes x or X).
- data/soc/crosswalk_2000_2010.csv, crosswalk_2010_2018.csv: every pair of codes, with both
  titles as published (their footnote marks *, **, (#), (##) included).
Text is as published with surrounding spaces removed (one direct-match title ends in a
no-break space).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from careerstats.core.model import SOC_CODE
from careerstats.errors import DataError
from careerstats.sources import oews

# The bundled files' columns are the readers' own: what the script writes, they read.
from careerstats.sources.bundled_oews import COLUMNS as OEWS_COLUMNS
from careerstats.sources.bundled_oews import RELEASE_COLUMNS
from careerstats.sources.bundled_overlap import is_national, published_cells
from careerstats.sources.bundled_projections import COLUMNS as PROJECTION_COLUMNS
from careerstats.sources.bundled_projections import EDITION_COLUMNS

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_OFFICIAL = REPOSITORY.parent / "shared" / "official"
DEFAULT_OUTPUT = REPOSITORY / "data"
OUTPUT_FOLDERS = ("oews", "ep", "soc")  # every CSV file in them is generated here

OEWS_URL = "https://www.bls.gov/oes/special-requests/oesm{yy}nat.zip"
OEWS_NAME = re.compile(r"national_M(\d{4})_dl\.xlsx?")


WAGE_NOT_AVAILABLE = "*"
EMPLOYMENT_NOT_AVAILABLE = "**"


class BundleError(Exception):
    """The official files are not what this script expects: it writes nothing."""


@dataclass
class Release:
    year: int
    path: Path
    parsed: oews.ParsedFile

    @property
    def id(self) -> str:
        return f"oews-{self.year}"


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def ceiling_for(year: int) -> tuple[Decimal, Decimal]:
    """BLS's ceiling for the release (`oews.KNOWN_CEILINGS`, the one table of them): the
    workbooks of 2008 and 2013-2018 do not state theirs, and those of 2019 on must agree."""
    known = oews.known_ceiling(year)
    if known is None:
        raise BundleError(f"May {year}: no top-coding ceiling known; add BLS's to KNOWN_CEILINGS")
    return known


# ------------------------------------------------------------------ OEWS


def read_oews(folder: Path) -> list[Release]:
    paths = sorted(p for p in folder.iterdir() if OEWS_NAME.fullmatch(p.name))
    if not paths:
        raise BundleError(f"{folder}: no national_M{{YYYY}}_dl.xls or .xlsx files")
    releases = []
    for path in paths:
        year = int(OEWS_NAME.fullmatch(path.name).group(1))  # type: ignore[union-attr]
        parsed = oews.read(path, year)
        if parsed.layout != "national" or parsed.remarks:
            raise BundleError(f"{path.name}: not a national file ({parsed.layout})")
        releases.append(Release(year, path, parsed))
    years = [release.year for release in releases]
    if len(set(years)) != len(years):
        raise BundleError(f"{folder}: two files for the same year")
    return releases


def release_line(release: Release) -> list[str]:
    parsed = release.parsed
    hourly, annual = ceiling_for(release.year)
    if parsed.ceiling_stated and (parsed.ceiling_hour, parsed.ceiling_year) != (hourly, annual):
        raise BundleError(
            f"{release.path.name}: states a ceiling of {parsed.ceiling_hour} / "
            f"{parsed.ceiling_year}, not {hourly} / {annual}; correct KNOWN_CEILINGS"
        )
    return [
        release.id,
        f"{release.year}-05",
        oews.soc_version(release.year),
        f"{hourly:.2f}",
        f"{annual:.0f}",
        "workbook" if parsed.ceiling_stated else "bls-table",
        str(len(parsed.rows)),
        release.path.name,
        str(release.path.stat().st_size),
        parsed.sha256,
        OEWS_URL.format(yy=f"{release.year % 100:02d}"),
    ]


def oews_lines(release: Release) -> list[list[str]]:
    lines: list[list[str]] = []
    seen: set[str] = set()
    for row in release.parsed.rows:
        if not is_national(row):
            raise BundleError(f"{release.path.name}: a row that is not national: {row[:3]}")
        lines.append(published_cells(row))
        # A code BLS publishes twice (as broad and as detailed) must say the same both times:
        # the reader gives it as one occupation with two groups.
        previous, line = lines[-2:] if len(lines) > 1 else ([], lines[-1])
        if previous[:1] == line[:1] and previous[2:] != line[2:]:
            raise BundleError(f"{release.path.name}: {line[0]} twice, with different figures")
        if previous[:1] != line[:1] and line[0] in seen:
            raise BundleError(f"{release.path.name}: {line[0]} twice, not on adjacent rows")
        seen.add(line[0])
    return lines


def oews_files(folder: Path) -> dict[str, str]:
    releases = read_oews(folder)
    files = {
        "oews/releases.csv": csv_text(
            RELEASE_COLUMNS, [release_line(release) for release in releases]
        )
    }
    for release in releases:
        files[f"oews/{release.id}.csv"] = csv_text(OEWS_COLUMNS, oews_lines(release))
    return files


# ------------------------------------------------------------------ Employment Projections

EP_NAME = re.compile(r"occupation_(\d{4})-(\d{2})\.xlsx")
EP_URL = "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx"
EP_TABLE = "Table 1.2"
# Table 1.2's headers, by what they start with ({b}: base year, {p}: projected, {e}: the
# edition as BLS writes it, with an en dash), for the columns bundled, in PROJECTION_COLUMNS
# order.
EP_HEADERS = (
    "{b} National Employment Matrix code",
    "Occupation type",
    "Employment, {b}",
    "Employment, {p}",
    "Employment change, numeric, {e}",
    "Employment change, percent, {e}",
    "Occupational openings, {e} annual average",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed",
    "{b} National Employment Matrix title",
)
NUMBER = re.compile(r"-?\d+\.\d")


def workbook_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    table = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    return [list(row) for row in table.to_python()]


def thousands(cell: object, where: str) -> str:
    """A figure of the projections as published: one decimal (thousands, or percent)."""
    if not isinstance(cell, float):
        raise BundleError(f"{where}: {cell!r} is not a number")
    text = repr(cell)  # the shortest repr of the cell is the number BLS typed
    if not NUMBER.fullmatch(text):
        raise BundleError(f"{where}: {cell!r} does not have one decimal")
    return text


def ep_files(folder: Path) -> dict[str, str]:
    editions = []
    files = {}
    for path in sorted(folder.iterdir(), reverse=True):  # newest edition first
        match = EP_NAME.fullmatch(path.name)
        if not match:
            continue
        base, projected = int(match.group(1)), int(match.group(1)[:2] + match.group(2))
        edition = f"{base}-{match.group(2)}"
        rows = workbook_rows(path, EP_TABLE)
        labels = {"b": base, "p": projected, "e": f"{base}\u2013{match.group(2)}"}
        wanted = [header.format(**labels) for header in EP_HEADERS]
        header_at = next((i for i, row in enumerate(rows[:5]) if row[0] == wanted[-1]), None)
        if header_at is None:
            raise BundleError(f"{path.name} {EP_TABLE}: no header row starting {wanted[-1]!r}")
        header = [str(cell) for cell in rows[header_at]]
        index = []
        for start in wanted:
            found = [i for i, name in enumerate(header) if name.startswith(start)]
            if len(found) != 1:
                raise BundleError(f"{path.name} {EP_TABLE}: no single column {start!r}")
            index.append(found[0])
        lines = []
        for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
            if not SOC_CODE.fullmatch(str(row[index[0]])):
                continue
            cells = [row[i] for i in index]
            where = f"{path.name} {EP_TABLE} row {number}"
            if cells[1] not in {"Line item", "Summary"}:
                raise BundleError(f"{where}: occupation type {cells[1]!r}")
            lines.append(
                [
                    *(str(cell) for cell in cells[:2]),
                    *(thousands(cell, where) for cell in cells[2:7]),
                    *(str(cell).strip() for cell in cells[7:]),
                ]
            )
            if not all(lines[-1][7:]):
                raise BundleError(f"{where}: an empty cell")
        codes = [line[0] for line in lines]
        if len(set(codes)) != len(codes):
            raise BundleError(f"{path.name} {EP_TABLE}: a code listed twice")
        name = f"ep/occupations_{edition}.csv"
        files[name] = csv_text(PROJECTION_COLUMNS, lines)
        editions.append(
            [
                edition,
                str(base),
                str(projected),
                f"BLS Employment Projections {labels['e']}",
                str(len(lines)),
                path.name,
                str(path.stat().st_size),
                hashlib.sha256(path.read_bytes()).hexdigest(),
                EP_URL,
            ]
        )
    if not editions:
        raise BundleError(f"{folder}: no occupation_YYYY-YY.xlsx files")
    return {"ep/editions.csv": csv_text(EDITION_COLUMNS, editions), **files}


# ------------------------------------------------------------------ SOC

SOC_URL = "https://www.bls.gov/soc/"
SOC_LEVELS = ("major", "minor", "broad", "detailed")
SOC_COUNTS = (23, 98, 459, 867)
DIRECT_MATCH_TITLES = 6539
SOURCE_COLUMNS = ("name", "date", "rows", "file_name", "file_size", "sha256", "source_url")
STRUCTURE_COLUMNS = ("code", "level", "parent", "title")
TITLE_COLUMNS = ("code", "illustrative", "title")
CROSSWALK_COLUMNS = ("from_code", "to_code", "from_title", "to_title")
# (bundled name, original file, its URL, the header row's first cell)
SOC_FILES = (
    (
        "structure_2018",
        "soc_structure_2018.xlsx",
        "2018/soc_structure_2018.xlsx",
        "Major Group",
    ),
    (
        "direct_match_titles_2018",
        "soc_2018_direct_match_title_file.xlsx",
        "2018/soc_2018_direct_match_title_file.xlsx",
        "2018 SOC Code",
    ),
    (
        "crosswalk_2000_2010",
        "soc_2000_to_2010_crosswalk.xls",
        "soc_2000_to_2010_crosswalk.xls",
        "2000 SOC code",
    ),
    (
        "crosswalk_2010_2018",
        "soc_2010_to_2018_crosswalk.xlsx",
        "2018/soc_2010_to_2018_crosswalk.xlsx",
        "2010 SOC Code",
    ),
)
DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October"
                  r"|November|December) \d{4}")  # fmt: skip


def soc_table(path: Path, first: str) -> tuple[str, list[list[str]]]:
    """The file's date line (`November 2017`) and its rows under the header, as text."""
    rows = [[str(cell).strip() for cell in row] for row in workbook_rows(path)]
    at = next((i for i, row in enumerate(rows[:12]) if row[0] == first), None)
    if at is None:
        raise BundleError(f"{path.name}: no header row starting {first!r}")
    dates = [found.group(0) for row in rows[:at] if (found := DATE.match(row[0]))]
    if len(dates) != 1:
        raise BundleError(f"{path.name}: no single date above the header")
    return dates[0], [row for row in rows[at + 1 :] if any(row)]


def structure_lines(name: str, rows: list[list[str]]) -> list[list[str]]:
    lines = []
    above: list[str] = []  # the codes of the groups above the current row
    for row in rows:
        filled = [i for i, cell in enumerate(row[:4]) if cell]
        if len(filled) != 1 or not SOC_CODE.fullmatch(row[filled[0]]) or not row[4]:
            raise BundleError(f"{name}: not a SOC structure row: {row}")
        level, code = filled[0], row[filled[0]]
        if level > len(above):
            raise BundleError(f"{name}: {code} has no group above it")
        above = above[:level]
        parent = above[-1] if above else ""
        # A code shares its parent's first digits: 15-1252 in 15-1250, in 15-1200, in 15-0000
        # (29-1221 is in 29-1210: only five characters of a detailed code are its broad's).
        if parent and code[: (2, 4, 5)[level - 1]] != parent[: (2, 4, 5)[level - 1]]:
            raise BundleError(f"{name}: {code} is not in {parent}")
        above.append(code)
        lines.append([code, SOC_LEVELS[level], parent, row[4]])
    counts = tuple(sum(line[1] == level for line in lines) for level in SOC_LEVELS)
    if counts != SOC_COUNTS:
        raise BundleError(f"{name}: {counts} major, minor, broad, detailed, not {SOC_COUNTS}")
    return lines


def title_lines(name: str, rows: list[list[str]], detailed: set[str]) -> list[list[str]]:
    lines = []
    for row in rows:
        code, _, title, mark = row[:4]
        if code not in detailed or not title or mark.lower() not in {"", "x"}:
            raise BundleError(f"{name}: not a direct-match title row: {row}")
        lines.append([code, mark.lower(), title])
    if len(lines) != DIRECT_MATCH_TITLES:
        raise BundleError(f"{name}: {len(lines)} titles, not {DIRECT_MATCH_TITLES}")
    return lines


def crosswalk_lines(name: str, rows: list[list[str]]) -> list[list[str]]:
    lines = []
    for row in rows:
        old_code, old_title, new_code, new_title = row[:4]
        if not (SOC_CODE.fullmatch(old_code) and SOC_CODE.fullmatch(new_code)):
            raise BundleError(f"{name}: not a crosswalk row: {row}")
        lines.append([old_code, new_code, old_title, new_title])
    pairs = [tuple(line[:2]) for line in lines]
    if len(set(pairs)) != len(pairs):
        raise BundleError(f"{name}: a pair of codes listed twice")
    return lines


def soc_files(folder: Path) -> dict[str, str]:
    files: dict[str, str] = {}
    sources = []
    detailed: set[str] = set()
    for name, file_name, url, first in SOC_FILES:
        path = folder / file_name
        if not path.is_file():
            raise BundleError(f"{folder}: no {file_name}")
        date, rows = soc_table(path, first)
        header: Sequence[str]
        if name.startswith("structure"):
            header, lines = STRUCTURE_COLUMNS, structure_lines(file_name, rows)
            detailed = {line[0] for line in lines if line[1] == "detailed"}
        elif name.startswith("direct_match"):
            header, lines = TITLE_COLUMNS, title_lines(file_name, rows, detailed)
        else:
            header, lines = CROSSWALK_COLUMNS, crosswalk_lines(file_name, rows)
            if name.endswith("2018") and not {line[1] for line in lines} <= detailed:
                raise BundleError(f"{file_name}: a 2018 code not in the 2018 structure")
        files[f"soc/{name}.csv"] = csv_text(header, lines)
        sources.append(
            [
                name,
                date,
                str(len(lines)),
                file_name,
                str(path.stat().st_size),
                hashlib.sha256(path.read_bytes()).hexdigest(),
                SOC_URL + url,
            ]
        )
    return {"soc/sources.csv": csv_text(SOURCE_COLUMNS, sources), **files}


# ------------------------------------------------------------------ main


def generated(official: Path) -> dict[str, str]:
    """Every bundled file's path under data/ and its text."""
    return {
        **oews_files(official / "oews"),
        **ep_files(official / "ep"),
        **soc_files(official / "soc"),
    }


def stale(files: dict[str, str], output: Path) -> list[str]:
    wrong = [
        name
        for name, text in files.items()
        if not (output / name).is_file() or (output / name).read_bytes() != text.encode()
    ]
    extra = [
        str(path.relative_to(output))
        for folder in OUTPUT_FOLDERS
        for path in sorted((output / folder).glob("*.csv"))
        if str(path.relative_to(output)) not in files
    ]
    return wrong + extra


def write(files: dict[str, str], output: Path) -> None:
    for name in stale(files, output):
        path = output / name
        if name not in files:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[name].encode())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("official", nargs="?", type=Path, default=DEFAULT_OFFICIAL)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the data/ folder")
    parser.add_argument("--check", action="store_true", help="exit 1 if data/ is stale")
    args = parser.parse_args(argv)
    if not args.official.is_dir():
        print(f"make_bundle: {args.official}: no such folder", file=sys.stderr)
        return 2
    try:
        files = generated(args.official)
    except (BundleError, DataError) as error:
        print(f"make_bundle: {error}", file=sys.stderr)
        return 1
    if args.check:
        wrong = stale(files, args.output)
        for name in wrong:
            print(f"make_bundle: data/{name} is stale", file=sys.stderr)
        return 1 if wrong else 0
    write(files, args.output)
    total = sum(len(text.encode()) for text in files.values())
    print(f"make_bundle: {len(files)} files, {total:,} bytes in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
