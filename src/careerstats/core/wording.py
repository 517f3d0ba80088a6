"""Counted nouns in messages: "1 area", "2 areas", "1 industry", "3 industries"."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`counted(1, "row")` -> "1 row"; `counted(1200, "industry", "industries")` -> "1,200
    industries"."""
    word = singular if number == 1 else plural or singular + "s"
    return f"{number:,} {word}"


SHOWN = 40


def quoted(text: str) -> str:
    """`'14.3x'`: what the user typed, quoted, cut to a readable length (a line in a message,
    even when the input was a megabyte)."""
    if len(text) <= SHOWN:
        return repr(text)
    return repr(text[: SHOWN - 3]) + f"... ({len(text):,} characters)"
