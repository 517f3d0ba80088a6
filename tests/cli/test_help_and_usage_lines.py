"""Help wraps at the terminal's width and survives a closed pipe; usage mistakes get one
precise line; a signed zero is read as the number it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Run


@pytest.mark.parametrize(
    ("command", "words"),
    [
        (["rank"], "An amount equal to a point gets exactly that percentile."),
        (["inflate"], "A date without an index is an error naming the nearest months"),
        (["data", "audit"], "Each finding names the source, the figures and what it means."),
    ],
)
def test_help_paragraphs_wrap_at_the_terminal_width(
    command: list[str], words: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each of these docstrings breaks its paragraphs at about 90 columns in the source.
    monkeypatch.setenv("COLUMNS", "80")
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert words in " ".join(result.stdout.split())
    lines = result.stdout.splitlines()
    prose = [line.strip() for line in lines if line.startswith(" ") and "│" not in line]
    words = [line for line in prose if line and len(line.split()) == 1 and not line.endswith(".")]
    # A paragraph broken in the source and again by Rich leaves single words on lines.
    assert words == [], prose


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "cs", "pr", "--source", ""), "unknown source ''; sources are: "),
        (("rank", "pr", "40000", "--source", ""), "unknown source ''; sources are: "),
        (
            ("compare", "cs", "43-4051"),
            "customer service representatives is named twice; name each career once",
        ),
        (
            ("convert", "14.36", "--to", "bogus"),
            "unknown period 'bogus'; periods are: hour, day,",
        ),
        (
            ("convert", "14.36", "--to"),
            "Option '--to' requires an argument (see 'careerstats convert --help')",
        ),
        (
            ("inflate", "1", "--from", "2030"),
            "no annual average for 2030 in this table (not yet published)",
        ),
    ],
)
def test_usage_mistakes_get_a_precise_line(args: tuple[str, ...], run: Run, message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_T6_plain_help_of_a_bare_command_into_a_closed_pipe(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats"],
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    os.close(write)
    os.close(read)
    _, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, "")


def test_a_signed_zero_is_a_plain_number(files: Path, run: Run) -> None:
    # Read as the number 0, -0 then meets the same check as 0 (a wage must be above it): the
    # refusal names the figure and the rule, not the way it was written.
    text = (Path(__file__).parents[2] / "data" / "bls_2008.yaml").read_text(encoding="utf-8")
    line = 1 + next(n for n, line in enumerate(text.splitlines()) if "p10: 30140 " in line)
    path = files / "bls_2008.yaml"
    for written in ("0", "-0", "+0"):
        path.write_text(text.replace("p10: 30140 ", f"p10: {written} "), encoding="utf-8")
        result = run("data", "check", path)
        assert result.exit_code == 1, written
        assert result.stderr == (
            f"careerstats: error: bls_2008.yaml: line {line}: careers[0].wages.year.p10: "
            "0 is not a wage: it must be greater than 0\n"
        ), written
