"""Streams and terminals as users have them: an encoding without `≥` (Windows, a redirect
there), a one-column terminal, closed standard streams, and streamed input written by
Notepad (a byte-order mark) or classic Mac OS (lines ended by CR alone).

The installed command runs in a subprocess, as users run it; the line reader is also
driven directly with blocks cut at every byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run

from careerstats.cli.streaming import _with_newlines

COMMAND = Path(sys.executable).with_name("careerstats")


def careerstats(
    *args: str,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    shell_redirect: str = "",
    cwd: Path,
) -> subprocess.CompletedProcess[bytes]:
    """The installed command; `shell_redirect` (`>&-`, `<&-`) closes one of its streams."""
    clean = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "NO_COLOR"}}
    command = [str(COMMAND), *args]
    if shell_redirect:
        command = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *command]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        env={**clean, **(env or {})},
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_T12_an_encoding_without_the_at_least_sign_writes_its_ascii_form(
    encoding: str, tmp_path: Path
) -> None:
    # Anesthesiologists' May 2024 figures are top-coded: the mark and its legend are shown.
    done = careerstats("compare", "29-1211", env={"PYTHONIOENCODING": encoding}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode(encoding)
    assert "Traceback" not in done.stderr.decode(encoding)
    # ≥ is not in cp1252 nor in ASCII.
    assert ">= top-coded by BLS" in out
    assert ">= $239,200" in out  # the ceiling of May 2024, as the workbook states it
    assert "\u2265" not in out


def test_T12_json_in_ascii_escapes_what_the_encoding_lacks_and_stays_exact(
    tmp_path: Path,
) -> None:
    done = careerstats("show", "cs", "--json", env={"PYTHONIOENCODING": "ascii"}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode("ascii")
    assert "\\u2013" in text  # the en dash of "2024-34" (U+2013), as JSON escapes it
    labels = json.dumps(json.loads(text))
    assert "Projections 2024\\u201334" in labels  # decoded back to the en dash itself


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("convert", "14.36"), "$29,868.80"),
        (("compare", "cs", "pr"), "$42,830"),
        (("show", "pr"), "$69,780"),
        (("list",), "11-0000 Management Occupations 11-1011 Chief Executives"),
        (("data", "list"), ""),
        (("--help",), "compare"),
    ],
)
def test_T13_a_one_column_terminal_gets_every_view_whole(
    args: tuple[str, ...], expected: str, tmp_path: Path
) -> None:
    done = careerstats(*args, env={"COLUMNS": "1"}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert expected in " ".join(done.stdout.decode().split())


def test_T14_a_closed_stdout_is_one_line_exit_1(tmp_path: Path) -> None:
    done = careerstats("convert", "14.36", "--to", "year", shell_redirect=">&-", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        1,
        b"careerstats: error: standard output is closed\n",
    )
    table = careerstats("compare", "cs", "pr", shell_redirect=">&-", cwd=tmp_path)
    assert table.returncode == 1
    assert table.stderr.endswith(b"careerstats: error: standard output is closed\n")


def test_T14_a_closed_stdin_for_streamed_amounts_is_one_line_exit_1(tmp_path: Path) -> None:
    done = careerstats("convert", "-", "--to", "year", shell_redirect="<&-", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        b"",
        b"careerstats: error: standard input is closed: nothing to read for '-'; pipe amounts in\n",
    )


def test_T14_a_closed_stderr_keeps_the_exit_status(tmp_path: Path) -> None:
    failed = careerstats("compare", "cs", "nosuchcareer", shell_redirect="2>&-", cwd=tmp_path)
    assert (failed.returncode, failed.stdout) == (2, b"")
    done = careerstats("convert", "14.36", "--to", "year", shell_redirect="2>&-", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, b"29868.80\n")


def test_S9_a_byte_order_mark_at_the_start_of_the_stream_is_not_part_of_line_1(
    run: Run, tmp_path: Path
) -> None:
    done = careerstats(
        "convert", "-", "--to", "year", stdin=b"\xef\xbb\xbf14.36\n15\n", cwd=tmp_path
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, b"29868.80\n31200.00\n", b"")
    # A mark anywhere else is no amount: line 2 is bad, and says so.
    later = careerstats(
        "convert", "-", "--to", "year", stdin=b"14.36\n\xef\xbb\xbf15\n", cwd=tmp_path
    )
    assert later.returncode == 1
    assert later.stdout == b"29868.80\n\n"
    assert later.stderr.startswith(b"careerstats: line 2: not an amount")


@pytest.mark.parametrize(
    "stream",
    [b"14.36\r15\r16", b"14.36\r15\r16\r", b"14.36\r\n15\r16\n", b"14.36\n15\r\n16\r\n"],
)
def test_S10_lines_ended_by_cr_alone_or_mixed_endings_are_lines(
    stream: bytes, tmp_path: Path
) -> None:
    done = careerstats("convert", "-", "--to", "year", stdin=stream, cwd=tmp_path)
    # 14.36, 15 and 16 an hour, x 2,080 hours.
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        b"29868.80\n31200.00\n33280.00\n",
        b"",
    )


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_S9_S10_marks_and_line_ends_cut_between_blocks_are_read_whole(size: int) -> None:
    stream = b"\xef\xbb\xbf1\r\n2\r3\r\r\n4\n\r"
    chunks = [stream[i : i + size] for i in range(0, len(stream), size)]

    def read(_: int) -> bytes:
        return chunks.pop(0) if chunks else b""

    blocks = []
    reader = _with_newlines(read)
    while block := reader(65536):
        blocks.append(block)
    assert b"".join(blocks) == b"1\n2\n3\n\n4\n\n"
