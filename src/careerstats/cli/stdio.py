"""The standard streams as a run finds them, made fit to write to before anything is written.

A closed stdout (`>&-`) becomes a stream whose every write fails with one line of error
(Python leaves None there, and the first print would raise a traceback). A closed stderr
becomes the null device: nothing can be reported where nothing can be read. A stream whose
encoding lacks some of careerstats' characters (`PYTHONIOENCODING=cp1252`, a Windows
console or a redirected file there) writes their ASCII forms: `>=` for `≥`.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys

# The characters careerstats writes beyond ASCII (and typographic ones titles may hold).
ASCII_FORMS = {
    "\u2265": ">=",  # greater-than or equal to
    "\u2264": "<=",  # less-than or equal to
    "\u2026": "...",  # horizontal ellipsis
    "\u2014": "--",  # em dash
    "\u2013": "-",  # en dash
    "\u00d7": "x",  # multiplication sign
    "\u2192": "->",  # rightwards arrow
    "\u2190": "<-",  # leftwards arrow
    "\u2022": "*",  # bullet
    "\u00b7": ".",  # middle dot
    "\u2019": "'",  # right single quotation mark
    "\u2018": "'",  # left single quotation mark
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u2212": "-",  # minus sign
}
HANDLER = "careerstats-ascii-forms"


def _ascii_forms(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    return "".join(ASCII_FORMS.get(character, "?") for character in text), error.end


class ClosedOutput(io.TextIOBase):
    """Standard output that was closed before the run: writing to it is a runtime error."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def prepare() -> None:
    if sys.stdout is None:
        sys.stdout = ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (for the whole run)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if isinstance(stream, io.TextIOWrapper) and not _is_utf(encoding):
            codecs.register_error(HANDLER, _ascii_forms)
            stream.reconfigure(errors=HANDLER)


def _is_utf(encoding: str) -> bool:
    return codecs.lookup(encoding).name.startswith("utf")


def abandon_stdout() -> None:
    """Point standard output at the null device once it cannot be written (a reader that
    left, a full disk): what its buffer still holds goes there when Python flushes it at
    exit, which would otherwise fail again and end the run with status 120."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # no descriptor (a test's stream)
        pass
