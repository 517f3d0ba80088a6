"""The streaming fast path (integer cents) gives exactly what the Decimal path gives."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careerstats.core.cents import CentsConverter
from careerstats.core.money import AmountError, parse_amount, plain
from careerstats.core.periods import STANDARD, Period, Schedule, convert

periods = st.sampled_from(list(Period))
schedules = st.builds(
    Schedule,
    hours_per_week=st.decimals(min_value=Decimal("0.5"), max_value=Decimal(168), places=2),
    weeks_per_year=st.decimals(min_value=Decimal(1), max_value=Decimal(52), places=1),
    days_per_week=st.decimals(min_value=Decimal(1), max_value=Decimal(7), places=0),
)


@st.composite
def amount_texts(draw: st.DrawFn) -> str:
    """Amounts as they arrive in streams: plain, long fractions, ties, separators, dollars."""
    whole = draw(st.integers(min_value=0, max_value=10**15 - 1))
    places = draw(st.integers(min_value=0, max_value=20))
    fraction = draw(st.integers(min_value=0, max_value=10**places - 1)) if places else 0
    text = f"{whole}.{fraction:0{places}d}" if places else str(whole)
    style = draw(st.sampled_from(["plain", "separators", "dollar", "padded", "tie"]))
    if style == "separators":
        text = f"{whole:,}" + (text[len(str(whole)) :])
    elif style == "dollar":
        text = "$" + text
    elif style == "padded":
        text = f"  {text}\t"
    elif style == "tie":
        text = f"{whole}.{draw(st.integers(min_value=0, max_value=99)):02d}5"
    return text


def exact_path(text: str, source: Period, target: Period, schedule: Schedule) -> str:
    return plain(convert(parse_amount(text), source, target, schedule))


@settings(max_examples=2000)
@given(amount_texts(), periods, periods, schedules)
@example("14.36", Period.HOUR, Period.YEAR, STANDARD)
@example("0.005", Period.HOUR, Period.HOUR, STANDARD)
@example("24.6538461538461538461", Period.YEAR, Period.HOUR, STANDARD)
@example("999999999999999.99999999999999999999", Period.YEAR, Period.HOUR, STANDARD)
def test_fast_path_equals_the_decimal_path(
    text: str, source: Period, target: Period, schedule: Schedule
) -> None:
    assert CentsConverter(source, target, schedule)(text) == exact_path(
        text, source, target, schedule
    )


@given(st.lists(amount_texts(), max_size=50), periods, periods)
def test_many_at_once_equals_the_decimal_path_line_by_line(
    texts: list[str], source: Period, target: Period
) -> None:
    # A batch carries state from text to text (the cached scales of each shape): each result
    # must still be the exact path's for its own line.
    expected = [exact_path(text, source, target, STANDARD) for text in texts]
    assert CentsConverter(source, target).convert_many(texts) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "nan",
        "inf",
        "-1",
        "1e5",
        "5.",
        "1_000",
        "+5",
        "\u0661\u0662",
        "5,12",
        "\uff11\uff12",
        "12 34",
    ],
)
def test_fast_path_refuses_what_the_exact_path_refuses(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)
    with pytest.raises(AmountError):
        CentsConverter(Period.HOUR, Period.YEAR)(text)


def test_half_cent_ties_round_up() -> None:
    to_hour = CentsConverter(Period.HOUR, Period.HOUR)
    assert to_hour("0.005") == "0.01"
    assert to_hour("2.675") == "2.68"
    assert to_hour("0.0049999999999") == "0.00"


@st.composite
def uniform_blocks(draw: st.DrawFn) -> str:
    """Blocks the sweep takes: every line `dddd.dd`, or every line whole dollars."""
    whole = st.integers(min_value=0, max_value=10**15 - 1)
    amounts = draw(st.lists(whole, min_size=1, max_size=40))
    if draw(st.booleans()):
        cents = draw(st.lists(st.integers(0, 99), min_size=len(amounts), max_size=len(amounts)))
        return "".join(f"{a}.{c:02d}\n" for a, c in zip(amounts, cents, strict=True))
    return "".join(f"{a}\n" for a in amounts)


@settings(max_examples=500)
@given(uniform_blocks(), periods, periods, schedules)
def test_a_block_sweep_equals_line_by_line(
    block: str, source: Period, target: Period, schedule: Schedule
) -> None:
    converter = CentsConverter(source, target, schedule)
    swept = converter.convert_block(block)
    assert swept is not None
    assert swept.splitlines() == converter.convert_many(block.splitlines())


@pytest.mark.parametrize(
    "block", ["14.36\n15.8\n", "14.36\r\n", "14.36\n$5.00\n", "1,000\n", "14.36", "\n", "1.234\n"]
)
def test_other_blocks_go_line_by_line(block: str) -> None:
    assert CentsConverter(Period.HOUR, Period.YEAR).convert_block(block) is None
