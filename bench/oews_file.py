"""A generated OEWS all-data file for the import benchmark (bench/run.py).

An all_data_M_2022.csv of the real layout: the nation, states and metropolitan areas
cross-industry, plus national industry rows, with the special values (*, **, #) and
thousands separators real files have. Standard library and the project only.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from careerstats.sources.oews import CURRENT_COLUMNS

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
