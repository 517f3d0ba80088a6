"""Hardening of what reaches the terminal (docs/errors.md, rows T1-T8): no escape codes off a
terminal or with NO_COLOR, readable at 40 and 80 columns and with TERM=dumb, JSON that
parses or nothing, and a reader that leaves early (`| head -1`) ends the run quietly.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run

ESCAPE = re.compile(r"\x1b\[")


def cell_len(line: str) -> int:
    """The columns a line takes on a terminal (a Devanagari vowel sign takes none)."""
    from rich.cells import cell_len as cells

    return cells(line)


VIEWS = [
    ("compare", "cs", "pr"),
    ("compare", "cs", "pr", "--source", "all"),
    ("compare", "cs", "pr", "--in-dollars-of", "2024"),
    ("show", "cs"),
    ("show", "pr"),
    ("rank", "pr", "50000"),
    ("list",),
    ("sources",),
    ("data", "list"),
    ("data", "audit"),
    ("data", "check"),
    ("convert", "14.36"),
    ("inflate", "10", "--from", "2008"),
]


# Views in plain text: whole lines off a terminal (see test_list.py for the list on one).
PLAIN = ("inflate", "list")


@pytest.fixture
def imported(files: Path, run: Run) -> None:
    path = fx.write_csv(files / "all_data_M_2022.csv", fx.NATIONAL_COLUMNS, fx.all_data_rows())
    assert run("data", "import", path).exit_code == 0


def in_terminal(args: tuple[str, ...], env: dict[str, str], columns: int = 80) -> str:
    """Run careerstats with stdout on a pseudo-terminal; return what it wrote there."""
    main, child = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    clean = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "NO_COLOR", "TERM"}}
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats", *args],
        stdout=child,
        stderr=subprocess.DEVNULL,
        env={**clean, **env},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.usefixtures("imported")
@pytest.mark.parametrize("args", VIEWS, ids=" ".join)
def test_T1_T7_no_escape_codes_off_a_terminal_and_80_columns(
    args: tuple[str, ...], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert not ESCAPE.search(result.stdout)
    # Plain text (inflate's two lines, the list's titles) is for scripts and not wrapped
    # off a terminal; Rich views are.
    if args[0] not in PLAIN:
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("columns", [80, 40])
def test_T1_notes_wrapped_at_the_width_end_without_spaces(
    columns: int, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run("compare", "cs", "pr", "--source", "bls-2008")
    assert result.exit_code == 0, result.stderr
    notes = result.stderr.splitlines()
    assert " ".join(notes).startswith("note: bls-2008, customer-service-representatives:")
    assert len(notes) > 4  # two notes, wrapped
    assert [line for line in notes if line != line.rstrip()] == []
    assert max(cell_len(line) for line in notes) <= columns


@pytest.mark.usefixtures("imported")
@pytest.mark.parametrize("args", [a for a in VIEWS if a[0] not in PLAIN], ids=" ".join)
def test_T3_every_view_fits_40_columns(
    args: tuple[str, ...], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 40, "\n".join(lines)
    # Nothing cut to an ellipsis, nothing folded inside a figure.
    assert "\u2026" not in result.stdout


def test_T3_compare_at_40_columns_is_one_block_per_career(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = run("compare", "cs", "pr", "--source", "bls-2008").stdout
    assert re.search(r"\nCustomer service representatives *\n", out)
    assert re.search(r"\nPublic relations specialists *\n", out)
    assert re.search(r"annual median +\$29,868\.80\*", out)
    assert re.search(r"annual median +\$51,280", out)
    assert "Pay compared: bls-2008, May 2008" in " ".join(out.split())
    # The chart: each label on its own line, the bar and axis below it, all inside 40.
    assert "\nAnnual pay distribution\n" in out
    monkeypatch.setenv("COLUMNS", "80")
    wide = run("compare", "cs", "pr", "--source", "bls-2008").stdout
    # At 80 columns a row per career: the annual table's median column.
    annual = wide.split("\nAnnual ")[1]
    assert re.search(r"\nCustomer service representatives +- +\$29,868\.80\* ", annual)
    assert re.search(r"\nPublic relations specialists +\$30,140 +\$51,280 +\$97,910", annual)


def test_T2_no_color_on_a_terminal_writes_no_escape_codes() -> None:
    coloured = in_terminal(("show", "cs"), {"TERM": "xterm-256color"})
    assert ESCAPE.search(coloured), "a terminal without NO_COLOR gets styles"
    plain = in_terminal(("show", "cs"), {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert not ESCAPE.search(plain)
    assert "Customer service" in plain


HELP_PAGES = [("--help",), ("compare", "--help"), ("rank", "--help"), ("data", "import", "--help")]


@pytest.mark.parametrize("args", HELP_PAGES, ids=" ".join)
def test_T3_help_at_40_columns_wraps_and_cuts_nothing(
    args: tuple[str, ...], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = run(*args)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40, "\n".join(lines)
    assert "\u2026" not in result.stdout  # Rich's panels would cut '--source' to '--sour…'
    assert "Options:" in result.stdout


@pytest.mark.parametrize("args", HELP_PAGES, ids=" ".join)
def test_T2_T4_help_with_no_color_or_a_dumb_terminal_writes_no_escape_codes(
    args: tuple[str, ...],
) -> None:
    assert ESCAPE.search(in_terminal(args, {"TERM": "xterm-256color"})), "styles otherwise"
    plain = in_terminal(args, {"TERM": "xterm-256color", "NO_COLOR": "1"})
    assert not ESCAPE.search(plain)
    assert "Usage: careerstats" in plain
    dumb = in_terminal(args, {"TERM": "dumb"}, columns=40)
    assert not ESCAPE.search(dumb)
    assert max(len(line.rstrip("\r")) for line in dumb.splitlines()) <= 40


def test_T4_term_dumb_writes_no_escape_codes_and_an_ascii_chart() -> None:
    out = in_terminal(("compare", "cs", "pr"), {"TERM": "dumb"}, columns=40)
    assert not ESCAPE.search(out)
    assert "\u25c6" not in out  # the chart's median diamond: ASCII 'O' instead
    assert max(len(line.rstrip("\r")) for line in out.splitlines()) <= 40


JSON_COMMANDS = [
    ("compare", "cs", "pr", "--json"),
    ("show", "cs", "--json"),
    ("rank", "pr", "50000", "--json"),
    ("list", "--json"),
    ("sources", "--json"),
    ("data", "list", "--json"),
    ("data", "audit", "--json"),
    ("data", "check", "--json"),
    ("convert", "14.36", "--json"),
    ("inflate", "10", "--from", "2008", "--json"),
]


@pytest.mark.usefixtures("imported")
@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_T5_json_is_valid_json(args: tuple[str, ...], run: Run) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
    assert not ESCAPE.search(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "cs", "nosuch", "--json"),
        ("compare", "cs", "pr", "--json", "--hours-per-week", "500"),
        ("show", "cs", "--json", "--area", "48"),
        ("rank", "pr", "abc", "--json"),
        ("convert", "nan", "--json"),
        ("inflate", "10", "--from", "2025-10", "--json"),
    ],
    ids=" ".join,
)
def test_T5_a_failed_json_command_writes_nothing_to_stdout(args: tuple[str, ...], run: Run) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: ")


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "cs", "pr"),
        ("show", "cs"),
        ("list",),
        ("sources",),
        ("list", "--json"),
        ("--help",),
        ("compare", "--help"),
        ("data", "import", "--help"),
        ("--version",),
    ],
    ids=" ".join,
)
def test_T6_a_reader_that_leaves_ends_the_run_quietly(args: tuple[str, ...]) -> None:
    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats", *args],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(write)
    os.close(read)  # the reader is gone before careerstats writes a byte
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "Traceback" not in err
    assert "Error" not in err


def test_S6_a_stream_reader_that_leaves_after_one_line(tmp_path: Path) -> None:
    amounts = tmp_path / "amounts.txt"
    amounts.write_bytes(b"14.36\n" * 200_000)  # far more output than a pipe holds
    with amounts.open("rb") as stdin:
        process = subprocess.Popen(
            [sys.executable, "-m", "careerstats", "convert", "-", "--to", "year"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.readline() == b"29868.80\n"
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""
    process.stderr.close()
