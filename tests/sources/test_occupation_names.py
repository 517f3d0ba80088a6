"""The names occupations are found by, read from the bundled files."""

from __future__ import annotations

from careerstats.core.matching import Entry, Named, word_pattern
from careerstats.sources.occupation_names import NamedOccupations


def test_an_alternate_title_with_commas_is_read_whole() -> None:
    found = NamedOccupations().names_with([word_pattern("cotton")])
    assert (
        Named(
            "13-1021",
            "Purchasing Agent, Cotton, Grain, Livestock, Other Farm Products",
            "alternate",
        )
        in found
    )


def test_a_title_with_a_letter_beyond_ascii_is_found_in_any_case() -> None:
    found = NamedOccupations().names_with([word_pattern("ged")])
    assert Named("25-3011", "GED® Instructor", "alternate") in found
    assert Named("25-9099", "General Educational Development (GED®) Examiner", "alternate") in (
        found
    )


def test_only_whole_words_of_the_stem_are_found() -> None:
    titles = {n.text for n in NamedOccupations().names_with([word_pattern("nurse")])}
    assert "Registered Nurses" in titles
    assert "Nursing Assistants" not in titles  # "nursing" is another word


def test_entries_have_the_newest_release_s_level_and_employment() -> None:
    names = NamedOccupations()
    # May 2024: 29-1141 detailed, TOT_EMP 3,282,010; 00-0000 "All Occupations" is not one.
    assert names.entry("29-1141") == Entry("29-1141", "Registered Nurses", "detailed", 3282010)
    assert names.entry("00-0000") is None
    # 13-1021 is a 2018 SOC occupation OEWS publishes only within 13-1020.
    assert names.entry("13-1021") == Entry(
        "13-1021", "Buyers and Purchasing Agents, Farm Products", "detailed", None
    )
