"""Streaming conversion: amounts on stdin, one result per line on stdout.

I/O only; the arithmetic is `cents.CentsConverter`. Input is read as it arrives (a slow
producer's lines come out at once) in blocks of at most 64 KiB, so memory stays constant
however long the stream. A bad line gets an empty output line, so that output line N always
answers input line N, and a message naming its number on stderr.

Lines end in LF, CRLF (Windows) or CR alone (classic Mac OS); a UTF-8 byte-order mark at
the start of the stream (Notepad writes one) is not part of line 1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TextIO

from careerstats.core.money import AmountError, parse_amount

if TYPE_CHECKING:
    from decimal import Decimal

    from careerstats.core.periods import Period

BLOCK = 1 << 16
# No amount is anywhere near this long; a longer line is reported, not held in memory.
MAX_LINE = 1 << 16


class LineConverter(Protocol):
    def convert_block(self, block: str) -> str | None: ...

    def convert_many(self, texts: list[str]) -> list[str]: ...


def stream(
    converter: LineConverter,
    read: Callable[[int], bytes],
    out: TextIO,
    errors: TextIO,
    prog: str,
    *,
    blank: str = "",
) -> int:
    """Convert every line that `read` delivers; return how many were bad. A bad line's output
    line is `blank`."""
    read = _with_newlines(read)
    bad = 0
    number = 0
    pending = b""
    skipping = False  # inside a line too long to be an amount: drop it up to its newline
    while True:
        block = read(BLOCK)
        if not block:
            break
        pending += block
        end = pending.rfind(b"\n")
        if skipping:
            if end < 0:
                pending = b""
                continue
            pending, skipping = pending[pending.find(b"\n") + 1 :], False
            end = pending.rfind(b"\n")
        if end < 0:
            if len(pending) > MAX_LINE:
                number += 1
                bad += 1
                out.write(blank + "\n")
                errors.write(
                    f"{prog}: line {number}: longer than {MAX_LINE} bytes: not an amount\n"
                )
                pending, skipping = b"", True
            continue
        text = pending[: end + 1].decode("utf-8", errors="replace")
        pending = pending[end + 1 :]
        converted = converter.convert_block(text)
        if converted is not None:
            out.write(converted)
            out.flush()
            number += text.count("\n")
            continue
        lines = text[:-1].split("\n")
        bad += _emit(converter.convert_many, lines, number, out, errors, prog, blank)
        number += len(lines)
    if pending.strip() and not skipping:
        last = [pending.decode("utf-8", errors="replace")]
        bad += _emit(converter.convert_many, last, number, out, errors, prog, blank)
    return bad


BOM = b"\xef\xbb\xbf"


def _with_newlines(read: Callable[[int], bytes]) -> Callable[[int], bytes]:
    """`read`, with the stream's byte-order mark dropped and every CR or CRLF made LF."""
    start = True
    held = b""  # a CR at the end of a block: its LF, if any, comes with the next block

    def read_block(size: int) -> bytes:
        nonlocal start, held
        block = held + read(size)
        held = b""
        if start:
            while BOM.startswith(block) and block:  # a mark cut between blocks
                more = read(size)
                if not more:
                    break
                block += more
            start = False
            if block.startswith(BOM):
                block = block[len(BOM) :]
        if b"\r" not in block:
            return block
        while block.endswith(b"\r"):
            more = read(size)
            if not more:  # the CR ends the stream
                break
            if len(block) > 1:
                block, held = block[:-1], b"\r" + more
                break
            block += more
        return block.replace(b"\r\n", b"\n").replace(b"\r", b"\n")

    return read_block


def _emit(
    convert_many: Callable[[list[str]], list[str]],
    lines: list[str],
    before: int,
    out: TextIO,
    errors: TextIO,
    prog: str,
    blank: str,
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
                results.append(blank)
                failures.append(f"line {number}: {error}")
    out.write("\n".join(results) + "\n")
    out.flush()
    for message in failures:
        errors.write(f"{prog}: {message}\n")
    return len(failures)


class JsonLines:
    """A line converter writing one JSON object per amount:
    `{"amount": 14.36, "from": "hour", "to": "year", "result": 29868.8}`."""

    def __init__(self, converter: LineConverter, source: Period, target: Period) -> None:
        self._converter = converter
        self._tail = f', "from": "{source.value}", "to": "{target.value}", "result": '

    def convert_block(self, block: str) -> str | None:
        return None  # every line is echoed as a number: the line-by-line path does it

    def convert_many(self, texts: list[str]) -> list[str]:
        results = self._converter.convert_many(texts)  # raises at the first bad line
        tail = self._tail
        return [
            f'{{"amount": {json_number_text(parse_amount(text))}{tail}{_trimmed(result)}}}'
            for text, result in zip(texts, results, strict=True)
        ]


def json_number_text(value: Decimal) -> str:
    """An amount as typed, exactly, as the text of a JSON number: `14.36`, `55000`."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _trimmed(cents: str) -> str:
    """`29868.80` as JSON writes money everywhere else: `29868.8`."""
    return cents.rstrip("0").rstrip(".")
