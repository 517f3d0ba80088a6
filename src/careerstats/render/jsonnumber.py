"""`Number`: the text of a JSON number, which the JSON writer writes as it is.

Its own module so that the writer (`jsonout`) and the types of its documents (`documents`)
share it without importing each other."""

from __future__ import annotations


class Number(str):
    """The text of a JSON number, written as it is."""

    __slots__ = ()
