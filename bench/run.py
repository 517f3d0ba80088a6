"""careerstats benchmarks: whole commands as a user runs them, against baselines in the same run.

    .venv/bin/python bench/run.py [--rounds N] [--lines N] [--quick] [--against CAREERSTATS]

Each measured command alternates with its baselines (bare `python -c pass`, `python -c
"import typer"`, `awk`) round by round, so a noisy machine slows both alike; the median of
the rounds is reported, and the ratio to the baseline is what the budgets are about.
Standard library only, plus the installed `careerstats` beside this Python.

`--against PATH` names another installed `careerstats` (an earlier commit, installed in its
own virtual environment): its start-up commands join the same alternation, and each is
reported beside this install's, against the same baselines.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PYTHON = sys.executable
CAREERSTATS = str(Path(sys.executable).with_name("careerstats"))


@dataclass
class Row:
    name: str
    seconds: float
    baseline: str
    baseline_seconds: float
    budget: float | None
    extra: str = ""

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds


def timed(command: Sequence[str], *, stdin: Path | None = None, env: dict[str, str]) -> float:
    with open(stdin or os.devnull, "rb") as given:
        start = time.perf_counter()
        subprocess.run(
            command,
            stdin=given,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=True,
        )
        return time.perf_counter() - start


def alternate(
    commands: dict[str, Sequence[str]],
    rounds: int,
    env: dict[str, str],
    envs: dict[str, dict[str, str]] | None = None,
) -> dict[str, float]:
    """Median seconds of each command, run in turn round after round (`envs` gives some
    commands an environment of their own)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    chosen = {name: (envs or {}).get(name, env) for name in commands}
    for name, command in commands.items():  # warm the file cache and the dataset cache
        timed(command, env=chosen[name])
    for _ in range(rounds):
        for name, command in commands.items():
            samples[name].append(timed(command, env=chosen[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


STARTUP: dict[str, list[str]] = {
    "convert 14.36 --from hour --to year": ["convert", "14.36", "--from", "hour", "--to", "year"],
    "compare cs pr (table)": ["compare", "cs", "pr"],
    "compare cs pr --json": ["compare", "cs", "pr", "--json"],
    "rank cs 30000 --json": ["rank", "cs", "30000", "--json"],
    "history cs --json": ["history", "cs", "--json"],
    "top --json": ["top", "--json"],
    "list (table)": ["list"],
}
BUDGETS = {
    "convert 14.36 --from hour --to year": 1.3,
    "compare cs pr (table)": 2.0,
    "compare cs pr --json": 1.6,
    "rank cs 30000 --json": None,
    "history cs --json": 2.0,
    "top --json": 2.0,
    "list (table)": 2.5,
}


def startup(rounds: int, env: dict[str, str], against: str | None = None) -> list[Row]:
    commands: dict[str, Sequence[str]] = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "import typer": [PYTHON, "-c", "import typer"],
    }
    # The other install keeps its own home: two versions sharing one would each find the
    # other's dataset cache stale and rebuild it on every run.
    other = {**env, "CAREERSTATS_HOME": env["CAREERSTATS_HOME"] + "-against"}
    envs: dict[str, dict[str, str]] = {}
    for name, arguments in STARTUP.items():
        if not _runs([CAREERSTATS, *arguments], env):  # an install of an earlier commit
            continue
        commands[name] = [CAREERSTATS, *arguments]
        if against and _runs([against, *arguments], other):  # an older install may lack it
            commands[f"{name} [against]"] = [against, *arguments]
            envs[f"{name} [against]"] = other
    medians = alternate(commands, rounds, env, envs)
    budgets: dict[str, float | None] = dict(BUDGETS)
    budgets.update(
        {f"{name} [against]": None for name in STARTUP if f"{name} [against]" in medians}
    )
    rows = [
        Row(
            "python -c pass",
            medians["python -c pass"],
            "import typer",
            medians["import typer"],
            None,
        ),
    ]
    for name, budget in budgets.items():
        if name not in medians:
            continue
        rows.append(Row(name, medians[name], "import typer", medians["import typer"], budget))
        rows.append(Row(name, medians[name], "python -c pass", medians["python -c pass"], None))
    return rows


def _runs(command: Sequence[str], env: dict[str, str]) -> bool:
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    return done.returncode == 0


def compare_memory(env: dict[str, str], workdir: Path) -> Row:
    """Peak memory of `compare cs pr` (the table, with its chart), budget 80 MiB."""
    command = [CAREERSTATS, "compare", "cs", "pr"]
    _, kib = peak_memory_and_time(command, Path(os.devnull), workdir / "compare.out", env)
    return Row("compare cs pr: peak memory (MiB)", kib / 1024, "80 MiB budget", 80.0, 1.0, "")


def cold_cache(rounds: int, env: dict[str, str]) -> Row:
    """compare --json when the dataset cache must first be built (after an upgrade)."""
    with tempfile.TemporaryDirectory() as home:
        cold_env = {**env, "CAREERSTATS_NO_CACHE": "1", "CAREERSTATS_HOME": home}
        medians = alternate(
            {
                "import typer": [PYTHON, "-c", "import typer"],
                "cold": [CAREERSTATS, "compare", "cs", "pr", "--json"],
            },
            rounds,
            cold_env,
        )
    return Row(
        "compare cs pr --json, no cache",
        medians["cold"],
        "3 s budget",
        3.0,
        1.0,
        f"validates the YAML with pydantic: the first run after installing "
        f"({medians['cold'] / medians['import typer']:.2f}x import typer)",
    )


# What bash asks for when TAB is pressed after `careerstats show softw`.
COMPLETE_CAREER = {
    "_CAREERSTATS_COMPLETE": "complete_bash",
    "COMP_WORDS": "careerstats show softw",
    "COMP_CWORD": "2",
}


def completion(rounds: int, env: dict[str, str]) -> Row:
    """Completing a career name, as a shell waits for it: budget 0.3 s."""
    medians = alternate(
        {
            "import typer": [PYTHON, "-c", "import typer"],
            "complete": [CAREERSTATS],
        },
        rounds,
        env,
        {"complete": {**env, **COMPLETE_CAREER}},
    )
    return Row(
        "completing a career (show softw<TAB>)",
        medians["complete"],
        "0.3 s budget",
        0.3,
        1.0,
        f"{medians['complete'] / medians['import typer']:.2f}x import typer",
    )


def peak_memory_and_time(
    command: Sequence[str], stdin: Path, stdout: Path, env: dict[str, str]
) -> tuple[float, int]:
    with open(stdin, "rb") as given, open(stdout, "wb") as taken:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdin=given, stdout=taken, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{command[0]} failed with status {process.returncode}")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, kib


def streaming(lines: int, rounds: int, env: dict[str, str], workdir: Path) -> list[Row]:
    amounts = workdir / "amounts.txt"
    generator = random.Random(2080)
    with open(amounts, "w") as out:
        for _ in range(lines):
            out.write(f"{generator.randint(725, 20000) / 100:.2f}\n")
    ours, theirs = workdir / "careerstats.out", workdir / "awk.out"
    awk = ["awk", '{printf "%.2f\\n", $1*2080}']
    mine = [CAREERSTATS, "convert", "-", "--from", "hour", "--to", "year"]
    times: dict[str, list[float]] = {"awk": [], "careerstats": []}
    peak = 0
    for _ in range(rounds):
        elapsed, _ = peak_memory_and_time(awk, amounts, theirs, env)
        times["awk"].append(elapsed)
        elapsed, kib = peak_memory_and_time(mine, amounts, ours, env)
        times["careerstats"].append(elapsed)
        peak = max(peak, kib)
    identical = ours.read_bytes() == theirs.read_bytes()
    awk_time = statistics.median(times["awk"])
    return [
        Row(
            f"convert - ({lines:,} lines)",
            statistics.median(times["careerstats"]),
            "awk",
            awk_time,
            2.5,
            f"peak {peak / 1024:.1f} MiB (budget 100); output identical to awk: "
            f"{'yes' if identical else 'NO'}",
        ),
    ]


def import_and_query(rows: int, rounds: int, env: dict[str, str], workdir: Path) -> list[Row]:
    """Import a generated all-data file, then query the store it made."""
    from oews_file import generate

    # A year careerstats does not bundle, so that its national rows are stored and queried.
    data = workdir / "all_data_M_2012.csv"
    written = generate(data, rows)
    start = time.perf_counter()
    subprocess.run([CAREERSTATS, "data", "import", str(data)], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    seconds = time.perf_counter() - start
    medians = alternate(
        {
            "import typer": [PYTHON, "-c", "import typer"],
            "compare cs pr --json": [
                *(CAREERSTATS, "compare", "cs", "pr", "--source", "oews-2012", "--json"),
            ],
            "compare cs --area 48 --json": [
                *(CAREERSTATS, "compare", "cs", "--source", "oews-2012", "--area", "48", "--json"),
            ],
        },
        rounds,
        env,
    )
    typer = medians["import typer"]
    return [
        Row(
            f"data import ({written:,} rows)",
            seconds,
            "30 s budget",
            30.0,
            1.0,
            f"{written / seconds:,.0f} rows/s",
        ),
        Row(
            "store: compare cs pr --source oews-2012 --json",
            medians["compare cs pr --json"],
            "import typer",
            typer,
            2.0,
        ),
        Row(
            "store: compare cs --area 48 --json (oews-2012)",
            medians["compare cs --area 48 --json"],
            "import typer",
            typer,
            2.0,
        ),
    ]


def import_against(rows: int, against: str, env: dict[str, str], workdir: Path) -> list[Row]:
    """Import throughput of this install against another one (an earlier commit), the same
    generated all-data file as .csv and as .xlsx, alternating three rounds, each import into
    a fresh home; the budget is this install within 20% of the other."""
    from oews_file import generate, to_xlsx

    csv_file = workdir / "all_data_M_2012.csv"
    if not csv_file.exists():
        generate(csv_file, rows)
    xlsx_file = workdir / "all_data_M_2012.xlsx"
    to_xlsx(csv_file, xlsx_file)
    installs = {"this": CAREERSTATS, "against": against}
    samples: dict[tuple[str, str], list[float]] = {}
    for round_number in range(3):
        for data in (csv_file, xlsx_file):
            for label, command in installs.items():
                home = workdir / f"import-{label}-{data.suffix[1:]}-{round_number}"
                start = time.perf_counter()
                subprocess.run([command, "data", "import", str(data)],
                               env={**env, "CAREERSTATS_HOME": str(home)}, check=True,
                               stdout=subprocess.DEVNULL)  # fmt: skip
                seconds = time.perf_counter() - start
                samples.setdefault((label, data.suffix), []).append(seconds)
    found = []
    for suffix in (".csv", ".xlsx"):
        this = statistics.median(samples[("this", suffix)])
        other = statistics.median(samples[("against", suffix)])
        found.append(
            Row(
                f"data import {suffix} ({rows:,} rows)",
                this,
                "--against",
                other,
                1.2,
                f"{rows / this:,.0f} rows/s against {rows / other:,.0f} rows/s",
            )
        )
    return found


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPUs, {model}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def report(rows: list[Row]) -> bool:
    print(
        f"{'measurement':<40} {'seconds':>8}  {'baseline':<15} {'seconds':>8} {'ratio':>6}"
        f"  {'budget':>6}  verdict"
    )
    within = True
    for row in rows:
        verdict = ""
        if row.budget is not None:
            ok = row.ratio <= row.budget
            within = within and ok
            verdict = "within" if ok else "OVER"
        budget = f"{row.budget:.1f}x" if row.budget else ""
        print(
            f"{row.name:<40} {row.seconds:8.3f}  {row.baseline:<15} "
            f"{row.baseline_seconds:8.3f} {row.ratio:5.2f}x  {budget:>6}  {verdict}"
        )
        if row.extra:
            print(f"{'':<40} {row.extra}")
    return within


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument("--lines", type=int, default=1_000_000, help="streamed lines")
    parser.add_argument("--rows", type=int, default=400_000, help="rows of the OEWS file")
    parser.add_argument("--quick", action="store_true", help="5 rounds, 100,000 lines and rows")
    parser.add_argument(
        "--against", metavar="CAREERSTATS", help="another install's careerstats, for start-up"
    )
    parser.add_argument("--startup-only", action="store_true", help="start-up rows only")
    options = parser.parse_args()
    rounds = 5 if options.quick else options.rounds
    lines = 100_000 if options.quick else options.lines
    rows = 100_000 if options.quick else options.rows
    if not Path(CAREERSTATS).exists():
        raise SystemExit(
            f"{CAREERSTATS} not found: run with the Python careerstats is installed in"
        )
    print(f"careerstats benchmarks, {time.strftime('%Y-%m-%d')}, {machine()}")
    print(f"start-up: median of {rounds} alternating rounds; streaming: median of 3 rounds\n")
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "CAREERSTATS_HOME": str(Path(work) / "home")}
        env.pop("CAREERSTATS_NO_CACHE", None)
        # Users' installs have bytecode (pip compiles it); without it every run would pay
        # for compiling the sources, which is not what a user waits for.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        measured = startup(rounds, env, options.against)
        measured.append(completion(rounds, env))
        if options.startup_only:
            report(measured)
            return
        measured.append(cold_cache(max(3, rounds // 3), env))
        measured.append(compare_memory(env, Path(work)))
        measured.extend(streaming(lines, 3, env, Path(work)))
        measured.extend(import_and_query(rows, rounds, env, Path(work)))
        if options.against:
            measured.extend(import_against(rows, options.against, env, Path(work)))
    within = report(measured)
    print("\nall budgets held" if within else "\nSOME BUDGETS WERE MISSED")


if __name__ == "__main__":
    main()
