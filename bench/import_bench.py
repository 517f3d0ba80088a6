"""Benchmark: import a 400,000-row OEWS all-data file, then time queries against the store.

    python bench/import_bench.py [--rows 400000] [--rounds 7]

Generates an all_data_M_2022.csv of that shape in a temporary directory (nothing is kept):
the nation, states and metropolitan areas cross-industry, plus national industry rows, with
the special values (*, **, #) and thousands separators real files have. Times
`careerstats data import` in a subprocess (rows per second), then runs queries and
`python -c "import typer"` alternately, several rounds, and prints the medians and ratios.
Standard library and the project only. Figures are measured, not asserted.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from careerstats.oews import CURRENT_COLUMNS

COLUMNS = list(CURRENT_COLUMNS)
KNOWN = {"43-4051": "Customer Service Representatives", "27-3031": "Public Relations Specialists"}


def occupations(count: int) -> list[tuple[str, str]]:
    found = list(KNOWN.items())
    rng = random.Random(1)
    codes = set(KNOWN)
    while len(found) < count:
        code = f"{rng.randint(11, 53)}-{rng.randint(1000, 9199)}"
        if code not in codes:
            codes.add(code)
            found.append((code, f"Occupation {code}"))
    return found


def generate(path: Path, rows: int) -> int:
    rng = random.Random(2022)
    jobs = occupations(830)
    areas = [("99", "U.S.", "1", "US")]
    areas += [(str(n), f"State {n}", "2", f"S{n}") for n in range(1, 55)]
    areas += [(str(10000 + n * 20), f"Metro area {n}", "4", "XX") for n in range(400)]
    areas += [(str(100000 + n), f"Nonmetropolitan area {n}", "6", "XX") for n in range(150)]
    industries = [(f"{100000 + n * 1000}", f"Industry {n}") for n in range(120)]
    per_area = min(len(jobs), (rows * 3 // 4) // len(areas) + 1)
    written = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)

        def line(area: tuple[str, str, str, str], naics: str, title: str, job: tuple[str, str],
                 own: str) -> None:  # fmt: skip
            nonlocal written
            hourly = sorted(round(rng.uniform(11, 130), 2) for _ in range(5))
            mean = round(sum(hourly) / 5, 2)
            cells_h = [f"{v:.2f}" if v < 115 else "#" for v in hourly]
            cells_a = [f"{round(v * 2080):,}" if v < 115 else "#" for v in hourly]
            special = rng.random()
            if special < 0.03:
                cells_h = cells_a = ["*"] * 5
            employment = "**" if special > 0.98 else f"{rng.randint(1, 900) * 10:,}"
            writer.writerow(
                [
                    *area, naics, title, "cross-industry" if naics == "000000" else "4-digit",
                    own, job[0], job[1], "detailed", employment, "2.1", "1.5", "0.9", "", "",
                    f"{mean:.2f}", f"{round(mean * 2080):,}", "1.0", *cells_h, *cells_a, "", "",
                ]
            )  # fmt: skip
            written += 1

        for area in areas:
            for job in jobs[:per_area]:
                if written >= rows:
                    return written
                line(area, "000000", "Cross-industry", job, "1235")
        nation = areas[0]
        while written < rows:
            for naics, title in industries:
                for job in jobs:
                    if written >= rows:
                        return written
                    line(nation, naics, title, job, "5")
            industries = [(f"{int(code) + 1}", f"{name} b") for code, name in industries]
    return written


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "careerstats", *args]


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return elapsed


def machine() -> str:
    model = "unknown CPU"
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                model = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        env = dict(os.environ, CAREERSTATS_HOME=str(work / "home"), NO_COLOR="1")
        data = work / "all_data_M_2022.csv"
        start = time.perf_counter()
        rows = generate(data, options.rows)
        size = data.stat().st_size / 1e6
        print(f"generated {rows:,} rows ({size:.1f} MB) in {time.perf_counter() - start:.1f} s")

        seconds = timed(command("data", "import", str(data)), env)
        print(f"import: {seconds:.2f} s, {rows / seconds:,.0f} rows/s (limit 30 s)")
        again = timed(command("data", "import", str(data)), env)
        print(f"re-import of the same file (hash match, nothing changed): {again:.2f} s")

        queries = {
            "convert 14.36 --to year (no store; the CLI's floor)": command(
                "convert", "14.36", "--to", "year"
            ),
            "compare cs pr --json": command("compare", "cs", "pr", "--json"),
            "compare cs --area 48 --json": command(
                "compare", "cs", "--source", "oews-2022", "--area", "48", "--json"
            ),
            "compare cs pr (table)": command("compare", "cs", "pr"),
        }
        baseline_argv = [sys.executable, "-c", "import typer"]
        times: dict[str, list[float]] = {name: [] for name in queries}
        baseline: list[float] = []
        timed(baseline_argv, env)  # warm the file cache once
        for argv in queries.values():
            timed(argv, env)
        for _ in range(options.rounds):
            baseline.append(timed(baseline_argv, env))
            for name, argv in queries.items():
                times[name].append(timed(argv, env))
        typer_median = statistics.median(baseline)
        print(f'python -c "import typer": median {typer_median * 1000:.0f} ms '
              f"over {options.rounds} rounds")  # fmt: skip
        for name, values in times.items():
            median = statistics.median(values)
            print(
                f"careerstats {name}: median {median * 1000:.0f} ms, "
                f"{median / typer_median:.2f}x import typer (limit 2x)"
            )


if __name__ == "__main__":
    main()
