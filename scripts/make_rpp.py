"""Regenerate data/rpp/ from BEA's Regional Price Parities files (maintainers only).

    python scripts/make_rpp.py [OFFICIAL_DIR]            # writes data/rpp/...
    python scripts/make_rpp.py [OFFICIAL_DIR] --check    # exits 1 if data/rpp/ is stale

OFFICIAL_DIR (default: ../shared/official beside the repository) holds, in rpp/, the CSV
files as BEA publishes them (https://apps.bea.gov/regional/downloadzip.htm, tables SARPP
and MARPP). They are inputs only: never edited, never committed.

- rpp/SARPP_STATE_*.csv: states and DC; LineCode 5 is "RPPs: All items".
- rpp/MARPP_MSA_*.csv: metropolitan statistical areas and the U.S. nonmetropolitan portion;
  LineCode 1 is "RPPs: All items".

Output, byte-identical for the same inputs:

- data/rpp/all_items.csv: one line per place with its all-items RPP (U.S. = 100) for each
  year, as BEA prints it (three decimals); empty where BEA has `(NA)` or no such year.
  `code` is the state's two-digit FIPS code, the metro's CBSA code, `00000` for the nation
  or `00999` for the nonmetropolitan portion; `type` is nation, state, metro or nonmetro.
  Names are BEA's without the " (Metropolitan Statistical Area)" suffix and the footnote
  mark " *" (which refers to BEA's footnote file, not shipped).
- data/rpp/sources.csv: each original file's table, name, size, SHA-256, line used and the
  "Last updated" line BEA prints under the table.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_OFFICIAL = REPOSITORY.parent / "shared" / "official"
DEFAULT_OUTPUT = REPOSITORY / "data"

SOURCE_URL = "https://apps.bea.gov/regional/downloadzip.htm"
# (file name pattern, table, line code of "RPPs: All items")
TABLES = (
    (re.compile(r"SARPP_STATE_\d{4}_\d{4}\.csv"), "SARPP", "5"),
    (re.compile(r"MARPP_MSA_\d{4}_\d{4}\.csv"), "MARPP", "1"),
)
ALL_ITEMS = "RPPs: All items"
NATION, NONMETRO = "00000", "00999"
METRO_SUFFIX = " (Metropolitan Statistical Area)"
INDEX = re.compile(r"\d{2,3}\.\d{3}")
NOT_AVAILABLE = "(NA)"
SOURCE_COLUMNS = ("table", "file_name", "file_size", "sha256", "line_code", "updated", "url")


class Place:
    def __init__(self, code: str, kind: str, name: str) -> None:
        self.code, self.kind, self.name = code, kind, name
        self.values: dict[int, str] = {}


def fail(message: str) -> None:
    raise SystemExit(f"make_rpp: {message}")


def read_table(path: Path, table: str, line_code: str, places: dict[str, Place]) -> list[str]:
    """Add the file's all-items lines to `places`; return its line in sources.csv."""
    data = path.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    header = rows[0]
    if header[:8] != [
        "GeoFIPS",
        "GeoName",
        "Region",
        "TableName",
        "LineCode",
        "IndustryClassification",
        "Description",
        "Unit",
    ]:
        fail(f"{path.name}: unexpected header {header[:8]}")
    years = [int(cell) for cell in header[8:]]
    updated = next((r[0].strip() for r in rows if r and r[0].startswith("Last updated")), "")
    if not updated:
        fail(f"{path.name}: no 'Last updated' line under the table")
    found = 0
    for row in rows[1:]:
        if len(row) < 8 or row[3] != table or row[4].strip() != line_code:
            continue
        if row[6].strip() != ALL_ITEMS or row[7] != "Index":
            fail(f"{path.name}: line {line_code} is {row[6].strip()!r}, not {ALL_ITEMS!r}")
        fips = row[0].strip().strip('"')
        name = row[1].strip().removesuffix("*").strip().removesuffix(METRO_SUFFIX)
        if fips == NATION:
            kind, code = "nation", fips
        elif fips == NONMETRO:
            kind, code = "nonmetro", fips
        elif table == "SARPP":
            kind, code = "state", fips[:2]
            if not fips.endswith("000"):
                fail(f"{path.name}: state code {fips}")
        else:
            kind, code = "metro", fips
        place = places.setdefault(code, Place(code, kind, name))
        if place.name != name:
            fail(f"{path.name}: {code} is {name!r} here and {place.name!r} elsewhere")
        for year, cell in zip(years, row[8:], strict=True):
            if cell == NOT_AVAILABLE:
                continue
            if not INDEX.fullmatch(cell):
                fail(f"{path.name}: {code} {year}: not an index: {cell!r}")
            place.values[year] = cell
        found += 1
    if not found:
        fail(f"{path.name}: no line {line_code} ({ALL_ITEMS})")
    digest = hashlib.sha256(data).hexdigest()
    return [table, path.name, str(len(data)), digest, line_code, updated, SOURCE_URL]


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def generated(official: Path) -> dict[str, str]:
    folder = official / "rpp"
    places: dict[str, Place] = {}
    sources = []
    for pattern, table, line_code in TABLES:
        matches = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
        if len(matches) != 1:
            fail(f"{folder}: expected one {pattern.pattern} file, found {len(matches)}")
        sources.append(read_table(matches[0], table, line_code, places))
    years = sorted({year for place in places.values() for year in place.values})
    order = {"nation": 0, "state": 1, "metro": 2, "nonmetro": 3}
    lines = [
        [place.code, place.kind, place.name, *(place.values.get(year, "") for year in years)]
        for place in sorted(places.values(), key=lambda p: (order[p.kind], p.code))
    ]
    return {
        "rpp/all_items.csv": csv_text(["code", "type", "name", *map(str, years)], lines),
        "rpp/sources.csv": csv_text(SOURCE_COLUMNS, sources),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("official", nargs="?", type=Path, default=DEFAULT_OFFICIAL)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output is stale")
    args = parser.parse_args(argv)
    files = generated(args.official)
    if args.check:
        stale = [
            name
            for name, text in files.items()
            if not (args.output / name).is_file() or (args.output / name).read_text("utf-8") != text
        ]
        for name in stale:
            sys.stderr.write(f"make_rpp: {name} is stale\n")
        return 1 if stale else 0
    for name, text in files.items():
        target = args.output / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8", newline="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
