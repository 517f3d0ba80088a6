"""Typical entry education in BLS's order, and SOC groups named by code or words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core.education import LEVELS, education_level, level_of
from careerstats.core.groups import Group, find_group
from careerstats.core.model import CareerFigures
from careerstats.errors import UnknownEducation, UnknownGroup

# BLS's order, as the Employment Projections publish the levels (occupation.xlsx, table 5.2).
PUBLISHED = [
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
]


def test_every_published_level_has_its_place_in_blss_order() -> None:
    assert [level_of(text) for text in PUBLISHED] == list(range(8))
    assert list(LEVELS) == PUBLISHED
    assert level_of(None) is None


@given(st.sampled_from(PUBLISHED), st.sampled_from([str.lower, str.upper, str.title]))
def test_a_published_level_in_any_case_or_spacing_is_itself(text: str, case: object) -> None:
    shown = case(text)  # type: ignore[operator]
    assert education_level(f"  {shown.replace(' ', '   ')} ") == PUBLISHED.index(text)


@pytest.mark.parametrize(
    ("typed", "rank"),
    [("HS", 1), ("GED", 1), ("bachelors", 5), ("BA", 5), ("master\u2019s", 6), ("PhD", 7),
     ("associates degree", 4), ("certificate", 3), ("none", 0)],
)  # fmt: skip
def test_usual_spellings_of_a_level(typed: str, rank: int) -> None:
    assert education_level(typed) == rank


@pytest.mark.parametrize("typed", ["", "college", "no degree", "grad school", "12th grade"])
def test_R6_a_level_that_does_not_exist_names_the_levels(typed: str) -> None:
    with pytest.raises(UnknownEducation) as raised:
        education_level(typed)
    assert "the levels, in BLS's order: none, high school, some college" in str(raised.value)


def entry(code: str, title: str, level: str) -> CareerFigures:
    return CareerFigures(career=code, soc=code, title_in_source=title, groups=(level,))


ENTRIES = [
    entry("15-0000", "Computer and Mathematical Occupations", "major"),
    entry("15-1200", "Computer Occupations", "minor"),
    entry("15-1250", "Software and Web Developers, Programmers, and Testers", "broad"),
    entry("15-1252", "Software Developers", "detailed"),
    entry("15-2000", "Mathematical Science Occupations", "minor"),
    entry("15-2011", "Actuaries", "detailed"),
]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("15", "15-0000"), ("15-1200", "15-1200"), ("151200", "15-1200"),
     ("computer and mathematical", "15-0000"), ("Computer", "15-1200"),
     ("mathematical science", "15-2000"), ("COMPUTER OCCUPATIONS", "15-1200")],
)  # fmt: skip
def test_a_group_by_code_or_words(typed: str, code: str) -> None:
    assert find_group(ENTRIES, typed, "oews-2024").code == code


def test_a_group_holds_the_codes_that_nest_in_it() -> None:
    major = Group("15-0000", "Computer and Mathematical Occupations", "major")
    minor = Group("15-1200", "Computer Occupations", "minor")
    assert [major.holds(code) for code in ("15-1252", "15-2011", "17-2011", "15-0000")] == [
        True, True, False, False,
    ]  # fmt: skip
    assert [minor.holds(code) for code in ("15-1252", "15-1211", "15-2011", "15-1100")] == [
        True, True, False, False,
    ]  # fmt: skip


@pytest.mark.parametrize("typed", ["15-1252", "astronauts", "99", "and", "occupations"])
def test_R7_R9_R14_no_group_by_that_name(typed: str) -> None:
    with pytest.raises(UnknownGroup):
        find_group(ENTRIES, typed, "oews-2024")


def test_R8_words_of_several_groups_name_their_codes() -> None:
    health = [
        entry("29-0000", "Healthcare Practitioners and Technical Occupations", "major"),
        entry("31-0000", "Healthcare Support Occupations", "major"),
    ]
    with pytest.raises(UnknownGroup) as raised:
        find_group(health, "healthcare", "oews-2024")
    assert raised.value.candidates == ("29-0000", "31-0000")
    assert find_group(health, "healthcare support", "oews-2024").code == "31-0000"
