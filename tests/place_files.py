"""State and metropolitan OEWS workbooks as BLS lays them out (state_M2024_dl.xlsx,
MSA_M2024_dl.xlsx, BOS_M2024_dl.xlsx), with fixture figures chosen for the tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import oews_files as fx

CS, SD = "Customer Service Representatives", "Software Developers"

# (area, title, type, state, [(code, occupation, hourly mean..p90, annual mean..p90)])
STATES: list[tuple[int, str, int, str, list[tuple[str, str, Sequence[Any], Sequence[Any]]]]] = [
    (48, "Texas", 2, "TX", [
        ("43-4051", CS, (19.5, 13.1, 15.5, 18.75, 22.4, 28.1),
         (40560, 27250, 32240, 39000, 46590, 58450)),
        ("15-1252", SD, (64.2, 35.1, 47.3, 62.0, 78.5, 96.2),
         (133540, 73010, 98380, 128960, 163280, 200100)),
    ]),
    (6, "California", 2, "CA", [
        ("43-4051", CS, (23.4, 16.5, 19.0, 22.5, 26.8, 32.4),
         (48670, 34320, 39520, 46800, 55740, 67390)),
        ("15-1252", SD, (85.1, 45.0, 62.3, 82.9, "#", "#"),
         (177010, 93600, 129580, 172430, "#", "#")),
    ]),
    (36, "New York", 2, "NY", [
        ("43-4051", CS, (23.9, 16.8, 19.2, 22.1, 27.0, 33.6),
         (49710, 34940, 39940, 45970, 56160, 69890)),
    ]),
    (72, "Puerto Rico", 3, "PR", [
        ("43-4051", CS, (12.9, 10.5, 11.0, 12.0, 14.1, 16.9),
         (26830, 21840, 22880, 24960, 29330, 35150)),
    ]),
]  # fmt: skip

METROS: list[tuple[int, str, int, str, list[tuple[str, str, Sequence[Any], Sequence[Any]]]]] = [
    (12420, "Austin-Round Rock-San Marcos, TX", 4, "TX", [
        ("43-4051", CS, (20.3, 14.0, 16.4, 19.6, 23.3, 29.0),
         (42220, 29120, 34110, 40770, 48460, 60320)),
    ]),
    (35620, "New York-Newark-Jersey City, NY-NJ", 4, "NY-NJ", [
        ("43-4051", CS, (24.6, 17.2, 19.9, 23.0, 28.1, 34.9),
         (51170, 35780, 41390, 47840, 58450, 72590)),
    ]),
    (49620, "York-Hanover, PA", 4, "PA", [
        ("43-4051", CS, (19.0, 13.9, 15.8, 18.4, 21.7, 25.8),
         (39520, 28910, 32860, 38270, 45140, 53660)),
    ]),
]  # fmt: skip

NONMETROS: list[tuple[int, str, int, str, list[tuple[str, str, Sequence[Any], Sequence[Any]]]]] = [
    (4800003, "Big Thicket Region of Texas nonmetropolitan area", 6, "TX", [
        ("43-4051", CS, (16.1, 11.9, 13.3, 15.6, 18.2, 21.9),
         (33490, 24750, 27660, 32450, 37860, 45550)),
    ]),
]  # fmt: skip


def rows(areas: Sequence[tuple[Any, ...]]) -> list[list[Any]]:
    found = []
    for area, title, kind, state, occupations in areas:
        for code, occupation, hourly, annual in occupations:
            found.append(
                [
                    area, title, kind, state, "000000", "Cross-industry", "cross-industry", 1235,
                    code, occupation, "detailed", 1000, 1.0, "", "", "", "", hourly[0],
                    annual[0], 1.0, *hourly[1:], *annual[1:], "", "",
                ]
            )  # fmt: skip
    return found


def state_xlsx(directory: Path, year: int = 2024) -> Path:
    return fx.write_xlsx(directory / f"state_M{year}_dl.xlsx", fx.NATIONAL_COLUMNS, rows(STATES))


def msa_xlsx(directory: Path, year: int = 2024) -> Path:
    return fx.write_xlsx(directory / f"MSA_M{year}_dl.xlsx", fx.NATIONAL_COLUMNS, rows(METROS))


def bos_xlsx(directory: Path, year: int = 2024) -> Path:
    return fx.write_xlsx(directory / f"BOS_M{year}_dl.xlsx", fx.NATIONAL_COLUMNS, rows(NONMETROS))
