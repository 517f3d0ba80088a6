"""Where an amount ranks (`rank`), in words, with the points and the method."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from rich.console import Group, RenderableType
from rich.text import Text

from careerstats.inflation import When
from careerstats.periods import Period
from careerstats.ranking import METHOD, Point, Rank
from careerstats.render.common import (
    ADJUSTED_MARK,
    DERIVED_MARK,
    adjusted_legend,
    derived_legend,
    money_text,
)


def ordinal(value: Decimal) -> str:
    """`50th`, `21st`, `28.7th`: a percentile as words put it."""
    shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if shown != shown.to_integral_value():
        return f"{shown}th"
    whole = int(shown)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix}"


def _point_text(point: Point) -> str:
    name = point.figure.statistic.label
    mark = (DERIVED_MARK if point.figure.derived else "") + (
        ADJUSTED_MARK if point.figure.adjusted else ""
    )
    return f"the {name} ({money_text(point.value)}{mark})"


def rank_view(result: Rank) -> Group:
    pay = result.pay
    article = "an" if result.period is Period.HOUR else "a"
    amount = f"{money_text(result.amount)} {article} {result.period.value}"
    if result.position == "below":
        verdict = f"below the {ordinal(Decimal(result.points[0].percentile))} percentile"
        where = f"less than {_point_text(result.points[0])}"
    elif result.position == "above":
        verdict = f"above the {ordinal(Decimal(result.points[-1].percentile))} percentile"
        where = f"more than {_point_text(result.points[-1])}"
    else:
        assert result.percentile is not None
        assert result.lower is not None
        exact = result.upper is result.lower or result.upper is None
        if exact:
            verdict = f"the {ordinal(result.percentile)} percentile"
        else:
            whole = result.percentile.to_integral_value(rounding=ROUND_HALF_UP)
            tenth = result.percentile.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            verdict = f"about the {ordinal(whole)} percentile ({tenth})"
        if exact or result.upper is None:
            where = f"equal to {_point_text(result.lower)}"
        else:
            where = f"between {_point_text(result.lower)} and {_point_text(result.upper)}"
    head = Text.assemble(
        (amount, "bold"),
        f" for {pay.career.title.lower()} ({pay.release.id}, {pay.release.period_label}): ",
        (verdict, "bold green"),
    )
    points = ", ".join(
        f"{ordinal(Decimal(p.percentile))} {money_text(p.value)}"
        + (DERIVED_MARK if p.figure.derived else "")
        for p in result.points
    )
    lines: list[RenderableType] = [
        head,
        Text(where),
        Text(f"points ({result.period.adjective}): {points}", style="dim"),
    ]
    if any(p.figure.derived for p in result.points):
        lines.append(Text(derived_legend(result.schedule), style="dim"))
    lines.extend(Text(line, style="dim") for line in adjusted_legend(_adjusted(result)))
    lines.append(Text(f"method: {METHOD}", style="dim"))
    return Group(*lines)


def _adjusted(result: Rank) -> When | None:
    return result.pay.rebase.target if result.pay.rebase else None
