"""Streaming conversion: amounts on stdin, one result per line on stdout.

I/O only; the arithmetic is `cents.CentsConverter`. Input is read as it arrives (a slow
producer's lines come out at once) in blocks of at most 64 KiB, so memory stays constant
however long the stream. A bad line gets an empty output line, so that output line N always
answers input line N, and a message naming its number on stderr.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from careerstats.money import AmountError

BLOCK = 1 << 16


def stream(
    convert_many: Callable[[list[str]], list[str]],
    read: Callable[[int], bytes],
    out: TextIO,
    errors: TextIO,
    prog: str,
) -> int:
    """Convert every line that `read` delivers; return how many were bad."""
    bad = 0
    number = 0
    pending = b""
    while True:
        block = read(BLOCK)
        if not block:
            break
        pending += block
        end = pending.rfind(b"\n")
        if end < 0:
            continue
        lines = pending[:end].decode("utf-8", errors="replace").split("\n")
        pending = pending[end + 1 :]
        bad += _emit(convert_many, lines, number, out, errors, prog)
        number += len(lines)
    if pending.strip():
        bad += _emit(
            convert_many, [pending.decode("utf-8", errors="replace")], number, out, errors, prog
        )
    return bad


def _emit(
    convert_many: Callable[[list[str]], list[str]],
    lines: list[str],
    before: int,
    out: TextIO,
    errors: TextIO,
    prog: str,
) -> int:
    try:
        results = convert_many(lines)
        failures: list[str] = []
    except AmountError:
        # Rare: redo this block line by line, to keep the good lines and name the bad ones.
        results, failures = [], []
        for number, line in enumerate(lines, start=before + 1):
            try:
                results.extend(convert_many([line]))
            except AmountError as error:
                results.append("")
                failures.append(f"line {number}: {error}")
    out.write("\n".join(results) + "\n")
    out.flush()
    for message in failures:
        errors.write(f"{prog}: {message}\n")
    return len(failures)
