"""Where an amount ranks (`rank`), in words, with the points and the method."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rich.console import Group, RenderableType
from rich.text import Text

from careerstats.core.inflation import When
from careerstats.core.money import dollars
from careerstats.core.periods import Period
from careerstats.core.ranking import METHOD, Point, Rank
from careerstats.render.common import (
    ADJUSTED_MARK,
    AT_LEAST,
    DERIVED_MARK,
    adjusted_legend,
    derived_legend,
    money_text,
    paragraphs,
)


def ordinal(value: Decimal) -> str:
    """`50th`, `21st`, `28.7th`: a percentile as words put it."""
    shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if shown != shown.to_integral_value():
        return f"{shown}th"
    whole = int(shown)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix}"


def _money(value: Decimal, point: Point) -> str:
    """Hourly points in cents ($115.00), longer periods in whole dollars when whole."""
    return dollars(value, whole=point.figure.period is not Period.HOUR)


def _marks(point: Point) -> str:
    return (DERIVED_MARK if point.figure.derived else "") + (
        ADJUSTED_MARK if point.figure.adjusted else ""
    )


def _point_text(point: Point) -> str:
    name = point.figure.statistic.label
    mark = _marks(point)
    bound = f"{AT_LEAST} " if point.figure.at_least else ""
    return f"the {name} ({bound}{_money(point.value, point)}{mark})"


def _verdict(result: Rank) -> tuple[str, str]:
    """What percentile the amount is, and between which points it lies."""
    lower, upper = result.lower, result.upper
    # An amount equal to a top-coded point's ceiling is at or below that point, no more.
    at_bound = upper is not None and upper.figure.at_least and result.amount == upper.value
    if result.position == "below":
        assert upper is not None
        below = "at or below" if at_bound else "below"
        return (
            f"{below} the {ordinal(Decimal(upper.percentile))} percentile",
            f"{'at most' if at_bound else 'less than'} {_point_text(upper)}",
        )
    if result.position == "above":
        assert lower is not None
        above = f"above the {ordinal(Decimal(lower.percentile))} percentile"
        if result.bounds:  # somewhere at or above the top-coding ceiling: no finer answer
            return above, (
                f"at or above the top-coding ceiling of {_point_text(result.bounds[0])}, "
                "so where among the higher percentiles cannot be told"
            )
        return above, f"more than {_point_text(lower)}"
    assert lower is not None
    if result.percentile is None:  # between the last exact point and a top-coded one
        assert upper is not None
        return (
            f"between the {ordinal(Decimal(lower.percentile))} and the "
            f"{ordinal(Decimal(upper.percentile))} percentile",
            f"more than {_point_text(lower)}, "
            f"{'at most' if at_bound else 'less than'} {_point_text(upper)}",
        )
    if upper is lower:
        return f"the {ordinal(result.percentile)} percentile", f"equal to {_point_text(lower)}"
    assert upper is not None
    whole = result.percentile.to_integral_value(rounding=ROUND_HALF_UP)
    tenth = result.percentile.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return (
        f"about the {ordinal(whole)} percentile ({tenth})",
        f"between {_point_text(lower)} and {_point_text(upper)}",
    )


def rank_view(result: Rank, *, explain: bool = False) -> Group:
    pay = result.pay
    article = "an" if result.period is Period.HOUR else "a"
    amount = f"{money_text(result.amount)} {article} {result.period.value}"
    verdict, where = _verdict(result)
    head = Text.assemble(
        (amount, "bold"),
        f" for {pay.career.title.lower()} ({pay.release.id}, {pay.release.period_label}): ",
        (verdict, "bold green"),
    )
    points = ", ".join(
        f"{ordinal(Decimal(p.percentile))} {_money(p.value, p)}{_marks(p)}" for p in result.points
    )
    lines: list[RenderableType] = [head, Text(where)]
    if result.points:
        lines.append(Text(f"points ({result.period.adjective}): {points}", style="dim"))
    if any(p.figure.adjusted for p in result.points):
        published = ", ".join(
            f"{ordinal(Decimal(p.percentile))} {_money(p.figure.nominal, p)}" for p in result.points
        )
        lines.append(Text(f"as published: {published}", style="dim"))
    if result.bounds:
        bounds = ", ".join(
            f"{ordinal(Decimal(p.percentile))} {AT_LEAST} {_money(p.value, p)}{_marks(p)}"
            for p in result.bounds
        )
        lines.append(
            Text(f"top-coded points (lower bounds, not ranked against): {bounds}", style="dim")
        )
    if any(p.figure.derived for p in result.points):
        lines.append(Text(derived_legend(result.schedule, [result.pay]), style="dim"))
    lines.extend(Text(line, style="dim") for line in adjusted_legend(_adjusted(result)))
    if explain:  # the method is in --help too: not on every answer
        lines.append(Text(f"method: {METHOD}", style="dim"))
    return paragraphs(*lines)


def _adjusted(result: Rank) -> When | None:
    return result.pay.rebase.target if result.pay.rebase else None
