"""The whole-career view of `show`: figures by source, more figures, catalog facts."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from careerstats.core.figures import SHOWN_PERIODS
from careerstats.core.money import dollars
from careerstats.core.pay import CareerPay, StatedAmount
from careerstats.core.periods import Period
from careerstats.core.profiles import Profile
from careerstats.render import outlook_view
from careerstats.render.common import (
    ADJUSTED_MARK,
    Hyphenated,
    adjusted_legend,
    bullets,
    figure_legend,
    label_grid,
    source_lines,
    source_notes,
    unadjusted_lines,
)


def profile_view(
    result: Profile, *, chart: bool | None = None, per: Period | None = None, full: bool = False
) -> Group:
    """The career's facts in brief and its pay in every source, a row per source; with
    `full`, both periods, the chart, more figures, duties, education, skills and notes."""
    career = result.career
    parts: list[RenderableType] = []
    head = label_grid()
    head.add_row("career", Text(career.title, style="bold"))
    head.add_row("id", Hyphenated(career.id))
    former = ", ".join(f"{f.code} ({f.classification})" for f in career.former_soc)
    head.add_row("SOC", career.soc + (f"; formerly {former}" if former else ""))
    for label, text in outlook_view.soc_lines(result.soc) if result.soc else ():
        head.add_row(label, text)
    if career.aliases:
        head.add_row("aliases", ", ".join(career.aliases))
    if career.office:
        head.add_row("office", f"{career.office} office")
    head.add_row("summary", career.summary)
    parts.append(head)

    if result.pay:
        parts.extend(_profile_wages(result, per, full=full))
        if chart or (chart is None and (full or len(result.pay) == 1)):
            from careerstats.render.chart import distribution_chart

            parts.append(distribution_chart(result.pay, per))
        if full:
            parts.extend(_profile_details(result.pay))
    else:
        parts.append(
            Text(
                f"\nNo wages: none of the sources publishes figures for this career"
                f"{result.scope or ' yet'}.",
                style="yellow",
            )
        )

    if result.outlook is not None:
        parts.append(_outlook(result))
    if full:
        parts.extend(_facts(result))
    else:
        parts.append(
            Text(
                "hourly pay, duties, education, skills, notes and articles: add --full",
                style="dim",
            )
        )
    return Group(*parts)


def _outlook(result: Profile) -> RenderableType:
    """The career's Employment Projections line, apart from the catalog's cited education."""
    assert result.outlook is not None
    edition = result.outlook.edition
    texts = outlook_view.cells(result.outlook)
    if texts is None:
        return Text(f"\nOutlook: {outlook_view.missing(result.outlook)}.", style="yellow")
    grid = label_grid()
    for label, text in zip(outlook_view.labels(edition), texts, strict=True):
        grid.add_row(label, text)
    return Group(
        Text(f"\nOutlook and entry requirements: {edition.title}", style="bold underline"),
        grid,
        Text(outlook_view.legend(edition), style="dim"),
    )


def _profile_wages(result: Profile, per: Period | None, *, full: bool) -> list[RenderableType]:
    """Every source's figures, a row per source (the tables of `compare`)."""
    from careerstats.core.comparison import Comparison
    from careerstats.render.compare_view import ComparisonLegend, comparison_view, shown_periods

    pays = result.pay
    comparison = Comparison(result.schedule, pays, (), adjusted_to=result.adjusted_to)
    periods = shown_periods(comparison, per, full)
    view = comparison_view(comparison, periods, full=full)
    legend = [
        *source_lines([pay.release for pay in pays]),
        *figure_legend(result.schedule, pays, periods),
        *adjusted_legend(result.adjusted_to),
        *unadjusted_lines(pays),
    ]
    return [view, ComparisonLegend(comparison, view, legend)]


def _profile_details(pays: Sequence[CareerPay]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    details = Table(
        title="More figures from the sources", box=box.SIMPLE_HEAD, caption_justify="left"
    )
    details.add_column("source", overflow="fold")
    details.add_column("figure", overflow="fold")  # a long word breaks, never loses its end
    details.add_column("amount", justify="right", overflow="fold")
    for pay in pays:
        entry = pay.entry
        for industry in entry.industries:
            rank = f" ({industry.rank})" if industry.rank else ""
            details.add_row(
                pay.release.id,
                f"industry: {industry.industry}{rank}; {industry.stated_as}",
                _stated_text(pay.stated(industry.value), industry.period),
            )
        for extra in entry.extra_compensation:
            details.add_row(
                pay.release.id,
                f"{extra.kind}, {extra.stated_as}",
                _stated_text(pay.stated(extra.value), extra.period),
            )
        for level in entry.experience:
            about = "about " if level.approximate else ""
            details.add_row(
                pay.release.id,
                f"experience: {level.label}",
                _stated_text(pay.stated(level.value), level.period, about),
            )
        for stated in entry.stated_percentages:
            about = "about " if stated.approximate else ""
            details.add_row(pay.release.id, f"stated: {stated.about}", f"{about}{stated.percent}%")
        for outlook in entry.outlook:
            text = f"outlook {outlook.horizon}: {outlook.measure}"
            if outlook.description:
                text += f" ({outlook.description})"
            details.add_row(pay.release.id, text, f"{outlook.percent}%")
    unadjusted = sorted({p.release.id for p in pays if p.not_adjusted})
    if any(p.rebase for p in pays):
        details.caption = (
            f"{ADJUSTED_MARK} adjusted for inflation as the wages above, the sum as published "
            "below it"
            + (f"; {', '.join(unadjusted)}: no reference date, as published" if unadjusted else "")
        )
    if details.row_count:
        parts.append(details)
    return parts


def _stated_text(amount: StatedAmount, period: Period, about: str = "") -> Text:
    """`$18.06/hour`, or adjusted: `$24.72^/hour` with the published sum below it."""
    whole = period is not Period.HOUR
    mark = ADJUSTED_MARK if amount.adjusted_to is not None else ""
    text = Text(f"{about}{dollars(amount.value, whole=whole)}{mark}/{period.value}")
    if amount.original is not None:
        text.append(f"\n(was {dollars(amount.original, whole=whole)})", style="dim")
    return text


def _facts(result: Profile) -> list[RenderableType]:
    career = result.career
    sections: list[tuple[str, Sequence[str]]] = [("duties", career.duties)]
    sections.append(("work settings", career.work_settings))
    if career.education:
        education = career.education
        lines = [
            f"{label}: {text}"
            for label, text in (
                ("typical", education.typical),
                ("preferred", education.preferred),
                ("training", education.training),
            )
            if text
        ]
        if education.fields_of_study:
            lines.append("fields of study: " + ", ".join(education.fields_of_study))
        sections.append(("education", lines))
    sections.append(("skills and qualities", career.skills))
    if result.office and career.office:
        sections.append((f"{career.office}-office skills", result.office.skills))
        sections.append(
            (f"where the {career.office}-office skills come from", result.office.examples_from)
        )
    sections.append(("outlook", career.outlook))
    # A release's note on top-coding only where one of the career's figures is top-coded.
    caveats = source_notes((p.release for p in result.pay), result.pay, SHOWN_PERIODS)
    sections.append(("notes", [*career.notes, *caveats]))
    sections.append(("the articles these facts come from", career.facts_from))
    parts: list[RenderableType] = []
    for heading, items in sections:
        if items:
            parts.append(Text(f"\n{heading}", style="bold underline"))
            parts.append(bullets(items))
    return parts
