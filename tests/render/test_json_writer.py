"""The JSON writer: strings escaped exactly as the json module's rules plus the characters a
terminal must not get raw, and documents that the json module reads back unchanged."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from careerstats.render.jsonout import dumps, money, string

# What must never reach a terminal raw, beside the controls JSON itself escapes.
HIDDEN = "\x7f\x85\x9b\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069"
texts = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(HIDDEN + '"\\\x00\n'))


def by_the_rules(text: str) -> str:
    """Each character as the writer must write it, decided one by one."""
    named = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b"}
    named["\f"] = "\\f"
    out = []
    for character in text:
        code = ord(character)
        if character in named:
            out.append(named[character])
        elif code < 0x20 or 0x7F <= code < 0xA0 or character in HIDDEN or 0xD800 <= code < 0xE000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


@given(texts)
@example("\\")
@example('"')
def test_a_string_is_written_by_the_rules(text: str) -> None:
    assert string(text) == by_the_rules(text)


@given(texts)
def test_a_string_reads_back_as_itself(text: str) -> None:
    assert json.loads(string(text)) == text


def test_plain_text_is_written_as_it_is() -> None:
    assert string("Customer Service Representatives ≥ 239,200") == (
        '"Customer Service Representatives ≥ 239,200"'
    )
    assert string("bell\x07") == '"bell\\u0007"'
    assert string('C:\\data "May 2024"') == '"C:\\\\data \\"May 2024\\""'
    assert string("caf\u00e9\u2028") == '"caf\u00e9\\u2028"'


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | texts,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
        max_leaves=20,
    )
)
def test_a_document_reads_back_unchanged(document: object) -> None:
    assert json.loads(dumps(document)) == document


def test_a_document_is_indented_and_money_is_an_exact_number() -> None:
    written = dumps({"annual": money(Decimal("29868.80")), "codes": ["43-4051"], "none": {}})
    assert (
        written == '{\n  "annual": 29868.8,\n  "codes": [\n    "43-4051"\n  ],\n  "none": {}\n}\n'
    )
