"""Regenerate data/cpi_u.csv from the `cpi` package's SQLite database (maintainers only).

    pip install -e '.[maintainer]'
    python scripts/make_cpi_table.py            # writes data/cpi_u.csv
    python scripts/make_cpi_table.py --check    # exits 1 if the committed table is stale

The run time never imports `cpi` or pandas: it reads the small table this script writes.
The database stores index values as binary floats; each is written back as the decimal BLS
published (three decimals from January 2007 on, one before), which the shortest float text
recovers exactly. Only the database file is opened, through sqlite3: importing `cpi` would
load pandas and may try to download updates.
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

SERIES = "CUUR0000SA0"
TITLE = (
    "Consumer Price Index for All Urban Consumers (CPI-U), U.S. city average, all items, "
    "not seasonally adjusted"
)
BASE = "1982-84=100"
ANNUAL = "M13"
THREE_DECIMALS_FROM = 2007
OUTPUT = Path(__file__).resolve().parents[1] / "data" / "cpi_u.csv"


def database() -> Path:
    spec = importlib.util.find_spec("cpi")
    if spec is None or spec.origin is None:
        sys.exit("make_cpi_table: the 'cpi' package is not installed (pip install cpi)")
    path = Path(spec.origin).parent / "cpi.db"
    if not path.is_file():
        sys.exit(f"make_cpi_table: no database at {path}")
    return path


def published(value: float, year: int) -> str:
    """The index as BLS prints it: `216.632`, `334.980`, `9.8`."""
    places = 3 if year >= THREE_DECIMALS_FROM else 1
    exact = Decimal(repr(value))
    shown = exact.quantize(Decimal(1).scaleb(-places))
    if shown != exact:
        raise SystemExit(f"make_cpi_table: {year} value {value!r} has more than {places} decimals")
    return f"{shown:f}"


def read_series(path: Path) -> dict[int, dict[str, str]]:
    years: dict[int, dict[str, str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT year, period, value FROM indexes WHERE series = ? ORDER BY year, period",
            (SERIES,),
        ).fetchall()
    for year, period, value in rows:
        if period == ANNUAL or (period.startswith("M") and 1 <= int(period[1:]) <= 12):
            years.setdefault(int(year), {})[period] = published(value, int(year))
    if not years:
        raise SystemExit(f"make_cpi_table: series {SERIES} not found in {path}")
    return years


def table_text(years: dict[int, dict[str, str]], version: str) -> str:
    newest_year = max(years)
    newest_month = max(int(p[1:]) for p in years[newest_year] if p != ANNUAL)
    gaps = [
        f"{year}-{month:02d}"
        for year in years
        for month in range(1, 13)
        if f"M{month:02d}" not in years[year] and (year, month) < (newest_year, newest_month)
    ]
    lines = [
        f"# series: {SERIES}",
        f"# title: {TITLE}",
        f"# base: {BASE}",
        f"# first: {min(years)}-01",
        f"# newest: {newest_year}-{newest_month:02d}",
        f"# gaps: {' '.join(gaps) or 'none'}",
        "# publisher: U.S. Bureau of Labor Statistics (public domain)",
        f"# generator: scripts/make_cpi_table.py from the cpi {version} package database",
        "# columns: year, the twelve monthly indexes, the annual average; empty = none published",
        "year," + ",".join(f"{m:02d}" for m in range(1, 13)) + ",annual",
    ]
    for year, values in sorted(years.items()):
        cells = [values.get(f"M{m:02d}", "") for m in range(1, 13)]
        lines.append(",".join([str(year), *cells, values.get(ANNUAL, "")]))
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the table is stale")
    args = parser.parse_args()
    from importlib.metadata import version

    text = table_text(read_series(database()), version("cpi"))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; rerun scripts/make_cpi_table.py")
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
