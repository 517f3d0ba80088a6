"""The matcher's pieces: words, plurals, slips, codes and how a name fits a query."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core.matching import Fit, as_code, fit, level_of, one_edit, stem, words

LETTERS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("nurses", "nurse"),
        ("secretaries", "secretary"),
        ("boxes", "box"),
        ("clerks", "clerk"),
        ("actresses", "actress"),
        ("attorneys", "attorney"),
    ],
)
def test_a_plural_and_its_singular_have_one_stem(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)


@pytest.mark.parametrize("word", ["class", "status", "analysis", "ceo"])
def test_words_that_only_end_like_a_plural_keep_their_ending(word: str) -> None:
    assert stem(word) == word


def test_words_ignore_case_punctuation_and_apostrophes() -> None:
    assert words("Helpers--Electricians") == ("helper", "electrician")
    assert words("Driver/Sales Workers") == ("driver", "sale", "worker")
    assert words("Nurse's AIDES") == ("nurse", "aide")


@pytest.mark.parametrize(
    ("text", "code"),
    [("151252", "15-1252"), ("15-1252", "15-1252"), (" 29-1141 ", "29-1141"), ("1512", None)],
)
def test_a_code_is_read_with_or_without_its_dash(text: str, code: str | None) -> None:
    assert as_code(text) == code


@pytest.mark.parametrize(
    ("code", "level"),
    [("15-0000", "major"), ("15-1200", "minor"), ("15-1250", "broad"), ("15-1252", "detailed")],
)
def test_the_level_of_a_code_by_its_shape(code: str, level: str) -> None:
    assert level_of(code) == level


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("softwre", "software"), ("sofware", "software"), ("sfotware", "software"),
     ("softwarr", "software"), ("softwaree", "software")],
)  # fmt: skip
def test_one_slip_is_one_letter_dropped_added_changed_or_two_swapped(
    typed: str, meant: str
) -> None:
    assert one_edit(typed, meant)
    assert one_edit(meant, typed)


@pytest.mark.parametrize(("a", "b"), [("software", "software"), ("softwr", "software"),
                                      ("nurse", "purses"), ("abcd", "badc")])  # fmt: skip
def test_no_slip_or_more_than_one_is_not_one_slip(a: str, b: str) -> None:
    assert not one_edit(a, b)


@given(LETTERS, st.integers(min_value=0, max_value=12), st.sampled_from("abcxyz"))
def test_inserting_or_dropping_a_letter_is_one_slip_either_way(
    word: str, at: int, letter: str
) -> None:
    at = min(at, len(word))
    longer = word[:at] + letter + word[at:]
    assert one_edit(word, longer)
    assert one_edit(longer, word)


@given(LETTERS, LETTERS)
def test_one_slip_is_symmetric(a: str, b: str) -> None:
    assert one_edit(a, b) == one_edit(b, a)


@given(LETTERS)
def test_words_are_the_same_in_any_case(text: str) -> None:
    assert words(text) == words(text.upper())


def test_a_fit_says_whether_the_words_are_the_same_and_how_much_of_the_name_they_cover() -> None:
    name = words("Licensed Practical and Licensed Vocational Nurses")
    assert fit(words("nurse"), name) == Fit(exact=False, typos=0, coverage=0.25)
    assert fit(words("nurses licensed vocational practical"), name) == Fit(True, 0, 1.0)
    assert fit(words("nurse midwife"), name) is None


def test_a_slip_is_forgiven_only_in_the_words_allowed_one() -> None:
    name = words("Software Developers")
    assert fit(words("softwre"), name) is None
    assert fit(words("softwre"), name, slips={"softwre"}) == Fit(False, 1, 0.5)
    assert fit(words("cfo"), words("CEO"), slips={"cfo"}) is None  # too short to forgive
