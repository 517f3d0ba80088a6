"""Places as people name them: state names, postal codes, FIPS and area codes, metro words."""

from __future__ import annotations

import pytest

from careerstats.core.places import Area, find_area
from careerstats.errors import PlaceMissing, UnknownPlace

AREAS = (
    Area("99", "U.S.", "nation"),
    Area("36", "New York", "state"),
    Area("48", "Texas", "state"),
    Area("35620", "New York-Newark-Jersey City, NY-NJ", "metro"),
    Area("49620", "York-Hanover, PA", "metro"),
    Area("12420", "Austin-Round Rock-San Marcos, TX", "metro"),
    Area("19100", "Dallas-Fort Worth-Arlington, TX", "metro"),
    Area("4800003", "Big Thicket Region of Texas nonmetropolitan area", "nonmetro"),
)


def found(text: str) -> str:
    return find_area(text, AREAS, within="the test data").code


@pytest.mark.parametrize("text", ["Texas", "texas", " TEXAS ", "TX", "tx", "48", "048", "48000"])
def test_a_state_by_name_postal_abbreviation_or_fips_code(text: str) -> None:
    assert found(text) == "48"


def test_a_state_name_wins_over_the_metros_that_contain_it() -> None:
    assert found("new york") == "36"
    assert found("NY") == "36"


def test_words_of_a_metro_title_find_the_metro() -> None:
    assert found("new york-newark") == "35620"
    assert found("austin") == "12420"
    assert found("dallas fort") == "19100"
    assert found("19100") == "19100"
    assert found("big thicket") == "4800003"


def test_the_nation_by_its_names() -> None:
    assert found("U.S.") == "99"
    assert found("united states") == "99"


def test_words_that_fit_several_areas_name_every_candidate() -> None:
    with pytest.raises(UnknownPlace) as caught:
        found("york")
    assert caught.value.ambiguous
    message = str(caught.value)
    assert "36 New York" in message
    assert "35620 New York-Newark-Jersey City, NY-NJ" in message
    assert "49620 York-Hanover, PA" in message


def test_a_state_the_data_lacks_is_missing_as_a_state_not_unknown() -> None:
    with pytest.raises(PlaceMissing) as caught:
        found("California")
    assert caught.value.kind == "state"
    assert "California, FIPS 06" in str(caught.value)
    with pytest.raises(PlaceMissing) as territory:
        found("PR")
    assert territory.value.kind == "territory"


def test_a_misspelt_name_gets_a_close_match() -> None:
    with pytest.raises(UnknownPlace, match=r"did you mean '48' \(Texas\)"):
        found("Texsa")


@pytest.mark.parametrize("text", ["\u00b2", "\u0664\u0668", "\uff14\uff18", "9" * 4301])
def test_only_ascii_digits_of_a_code_length_are_codes(text: str) -> None:
    with pytest.raises(UnknownPlace, match=r"^unknown area "):
        found(text)
