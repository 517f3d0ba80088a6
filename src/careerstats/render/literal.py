"""Text from files, stores and file names, shown as the text it is.

Standard library only, so that error messages use it without loading Rich. A title in an
imported workbook, a file name or a store path can hold anything: escape sequences that
clear the screen or write the clipboard (OSC 52), bidi overrides that reorder what is
shown, bytes a file name could not decode. Each such character is shown as its Python
escape (`\\x1b`, `\\x9b`, `\\u202e`, `\\r`; a byte of a file name that is not UTF-8
as `\\xff`): visible, ASCII, the same in every encoding.
Rich markup is not interpreted anywhere (the console is built without it), so `[/]` and
`[link=...]` stay as typed.
"""

from __future__ import annotations

import re
from functools import cache

# DEL and the C1 controls; the bidi embeddings, overrides, isolates and marks; the line and
# paragraph separators; lone surrogates (undecodable bytes of a file name).
_OTHER = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"


# Compiled on first need: nearly all text is printable (`str.isprintable` is false for every
# character these match), and compiling them costs a millisecond of every run.
@cache
def _any_hidden() -> re.Pattern[str]:
    return re.compile(f"[\x00-\x1f{_OTHER}]")


@cache
def _hidden_in_views() -> re.Pattern[str]:
    # Views lay text out in lines and expand tabs themselves: newline and tab stay there.
    return re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER}]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte a file name could not decode: shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` for one line of a message: every control character as its escape, newlines
    and tabs included (a file name with a newline must not split an error line)."""
    if text.isprintable():
        return text
    return _any_hidden().sub(_escape, text)


def visible_in_view(text: str) -> str:
    """`text` for a table, caption or note laid out in lines: as `visible`, but the views'
    own newlines and tabs stay."""
    if text.isprintable():
        return text
    return _hidden_in_views().sub(_escape, text)


def has_hidden(text: str) -> bool:
    return not text.isprintable() and _hidden_in_views().search(text) is not None
