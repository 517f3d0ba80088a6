"""Counted nouns in messages: "1 area", "2 areas", "1 industry", "3 industries"."""

from __future__ import annotations


def counted(number: int, singular: str, plural: str | None = None) -> str:
    """`counted(1, "row")` -> "1 row"; `counted(1200, "industry", "industries")` -> "1,200
    industries"."""
    word = singular if number == 1 else plural or singular + "s"
    return f"{number:,} {word}"
