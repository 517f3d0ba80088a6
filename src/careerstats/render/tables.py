"""Rich tables for people. Every figure shows where it comes from; derived ones are marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from careerstats.audit import Audit
from careerstats.comparison import CareerPay, Comparison
from careerstats.conversion import Conversion
from careerstats.dataset import CheckedFile
from careerstats.figures import SHOWN_PERIODS, STATISTIC_ORDER, WageFigure, not_derived
from careerstats.inflation import When
from careerstats.model import SourceRelease, Statistic
from careerstats.money import dollars, signed_percent
from careerstats.periods import Period, Schedule
from careerstats.profiles import CareerListing, Profile, SourceListing
from careerstats.ranking import METHOD, Point, Rank
from careerstats.store import ReleaseRecord

DERIVED_MARK = "*"
ADJUSTED_MARK = "^"  # ASCII, so that any console can print it
MISSING = "-"
AT_LEAST = "≥"


def console(*, stderr: bool = False) -> Console:
    # Rich already honours NO_COLOR and TERM=dumb, and uses 80 columns when not on a terminal.
    return Console(stderr=stderr, highlight=False, emoji=False)


def _money(value: Decimal) -> str:
    return dollars(value, whole=True)


def _figure(figure: WageFigure | None) -> Text:
    if figure is None:
        return Text(MISSING, style="dim")
    # Hourly figures are published in cents, longer periods in whole dollars.
    shown = dollars(figure.value, whole=figure.period is not Period.HOUR)
    marks = (DERIVED_MARK if figure.derived else "") + (ADJUSTED_MARK if figure.adjusted else "")
    if figure.at_least:
        text = Text(f"{AT_LEAST} {shown}{marks}", style="bold")
    else:
        text = Text(shown + marks, style="italic cyan" if figure.derived else "bold")
    if figure.adjusted:
        text.append(f"\n(was {_money(figure.nominal)})", style="dim")
    return text


def adjusted_legend(target: When | None) -> list[str]:
    if target is None:
        return []
    return [
        f"{ADJUSTED_MARK} adjusted for inflation to {target.label} dollars with the CPI-U "
        "(CUUR0000SA0) from each release's reference month; the figure as published below it"
    ]


def _prices_cell(pay: CareerPay) -> Text:
    if pay.rebase is not None:
        rebase = pay.rebase
        return Text(
            f"x{rebase.factor:.4f}: {rebase.source} -> {rebase.target}\n"
            f"(CPI-U {rebase.from_index} -> {rebase.to_index})",
            style="dim",
        )
    return Text("not adjusted:\nno reference\ndate stated", style="yellow")


def _prices_row(table: Table, pays: Sequence[CareerPay]) -> None:
    if any(pay.rebase or pay.not_adjusted for pay in pays):
        table.add_row("inflation", *(_prices_cell(pay) for pay in pays))
        table.add_section()


def _ratio(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}x"


def _signed(value: Decimal) -> str:
    return ("+" if value >= 0 else "-") + _money(abs(value))


def derived_legend(schedule: Schedule) -> str:
    return (
        f"{DERIVED_MARK} derived by careerstats at {schedule.describe()}; "
        f"unmarked figures are as published; {AT_LEAST} top-coded: at or above"
    )


def source_line(release: SourceRelease) -> str:
    line = f"{release.id}: {release.publisher}, {release.program}, {release.period_label}"
    area, industry = getattr(release, "area", None), getattr(release, "industry", None)
    if area is not None and industry is not None:
        line += f"; {area.title} ({area.code}), {industry.title} (NAICS {industry.code})"
    return line


# ------------------------------------------------------------------ convert


def conversion_table(result: Conversion) -> Table:
    table = Table(
        title=f"{_money(result.amount)} per {result.period.value} in every period",
        caption=f"at {result.schedule.describe()}",
        box=box.SIMPLE_HEAD,
        min_width=60,
    )
    table.add_column("period")
    table.add_column("amount", justify="right")
    table.add_column("hours", justify="right", style="dim")
    for period, value in result.amounts.items():
        hours = result.schedule.hours_in(period)
        hours_text = f"{Decimal(hours.numerator) / Decimal(hours.denominator):.2f}".rstrip(
            "0"
        ).rstrip(".")
        style = "bold" if period is result.period else ""
        table.add_row(period.value, Text(dollars(value), style=style), hours_text)
    return table


# ------------------------------------------------------------------ compare


def _wage_rows(
    table: Table, pays: Sequence[CareerPay], periods: Iterable[Period] = SHOWN_PERIODS
) -> None:
    for period in periods:
        statistics = [s for s in STATISTIC_ORDER if any(p.figure(period, s) for p in pays)]
        for statistic in statistics:
            table.add_row(
                f"{period.adjective} {statistic.label}",
                *(_figure(pay.figure(period, statistic)) for pay in pays),
            )
        reasons = [not_derived(pay.entry, period) for pay in pays]
        if any(reasons):
            table.add_row(
                f"{period.adjective} figures",
                *(Text(f"none: {r}" if r else "", style="yellow") for r in reasons),
            )
        if statistics or any(reasons):
            table.add_section()


def _column_heading(pay: CareerPay, repeated: bool) -> str:
    return f"{pay.career.title}\n({pay.release.id})" if repeated else pay.career.title


def comparison_table(result: Comparison) -> Table:
    rows = result.rows
    several_sources = len(result.releases) > 1
    table = Table(
        title="Pay compared",
        caption="\n".join(
            [
                *(source_line(r) for r in result.releases),
                derived_legend(result.schedule),
                "gap: difference from the first column's median (and ratio)",
                *adjusted_legend(result.adjusted_to),
                *(
                    [
                        "change: the median since the previous dated release, nominal and "
                        "in real terms (CPI-U of the two reference months)"
                    ]
                    if result.changes
                    else []
                ),
            ]
        ),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=False,
    )
    table.add_column("")
    for pay in rows:
        table.add_column(_column_heading(pay, several_sources), justify="right", overflow="fold")
    _wage_rows(table, rows)
    if result.gaps:
        for period in SHOWN_PERIODS:
            cells: list[RenderableType] = [Text("baseline", style="dim")]
            found = False
            for pay in rows[1:]:
                gap = next((g for g in result.gaps if g.other is pay and g.period is period), None)
                found = found or gap is not None
                cells.append(
                    Text(f"{_signed(gap.difference)} ({_ratio(gap.ratio)})", style="")
                    if gap
                    else Text(MISSING, style="dim")
                )
            if found:
                table.add_row(f"{period.adjective} median gap", *cells)
        table.add_section()
    _change_rows(table, result)
    _prices_row(table, rows)
    table.add_row(
        "typical education",
        *(
            Text(
                pay.career.education.typical
                if pay.career.education and pay.career.education.typical
                else MISSING,
                justify="left",
            )
            for pay in rows
        ),
    )
    table.add_row("source", *(f"{pay.release.id}, {pay.release.period_label}" for pay in rows))
    return table


def _change_rows(table: Table, result: Comparison) -> None:
    if not result.changes:
        return
    for period in SHOWN_PERIODS:
        changes = [c for c in result.changes if c.period is period]
        if not changes:
            continue
        cells: list[RenderableType] = []
        for pay in result.rows:
            change = next((c for c in changes if c.newer is pay), None)
            if change is None:
                cells.append(Text(MISSING, style="dim"))
                continue
            mark = DERIVED_MARK if change.derived else ""
            cells.append(
                Text(
                    f"{signed_percent(change.nominal * 100)} nominal{mark}\n"
                    f"{signed_percent(change.real * 100)} real\n"
                    f"since {change.older.release.id}"
                )
            )
        table.add_row(f"{period.adjective} median change", *cells)
    table.add_section()


def notes(releases: Iterable[SourceRelease], pays: Iterable[CareerPay]) -> list[str]:
    """Source caveats worth knowing beside a table: the release's notes, then the career's."""
    lines: list[str] = []
    for release in releases:
        lines.extend(f"{release.id}: {note}" for note in release.notes)
    for pay in pays:
        lines.extend(f"{pay.release.id}, {pay.career.id}: {note}" for note in pay.entry.notes)
    return lines


# ------------------------------------------------------------------ show


def profile_view(result: Profile, *, chart: bool = True) -> Group:
    career = result.career
    parts: list[RenderableType] = []
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("career", Text(career.title, style="bold"))
    head.add_row("id", career.id)
    former = ", ".join(f"{f.code} ({f.classification})" for f in career.former_soc)
    head.add_row("SOC", career.soc + (f"; formerly {former}" if former else ""))
    if career.aliases:
        head.add_row("aliases", ", ".join(career.aliases))
    if career.office:
        head.add_row("office", f"{career.office} office")
    head.add_row("summary", career.summary)
    parts.append(head)

    if result.pay:
        parts.append(_profile_wages(result))
        if chart:
            from careerstats.render.chart import distribution_chart

            parts.append(distribution_chart(result.pay))
        parts.extend(_profile_details(result.pay))
    else:
        parts.append(
            Text(
                "\nNo wages: none of the sources publishes figures for this career yet.",
                style="yellow",
            )
        )

    parts.extend(_facts(result))
    return Group(*parts)


def _profile_wages(result: Profile) -> Table:
    table = Table(
        title="Pay by source",
        caption="\n".join(
            [
                *(source_line(p.release) for p in result.pay),
                derived_legend(result.schedule),
                *adjusted_legend(result.adjusted_to),
            ]
        ),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("")
    for pay in result.pay:
        table.add_column(
            f"{pay.release.id}\n{pay.release.period_label}",
            justify="right",
            overflow="fold",
        )
    _wage_rows(table, result.pay)
    _prices_row(table, result.pay)
    return table


def _profile_details(pays: Sequence[CareerPay]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    details = Table(
        title="More figures from the sources", box=box.SIMPLE_HEAD, caption_justify="left"
    )
    details.add_column("source")
    details.add_column("figure")
    details.add_column("amount", justify="right")
    for pay in pays:
        entry = pay.entry
        for industry in entry.industries:
            rank = f" ({industry.rank})" if industry.rank else ""
            details.add_row(
                pay.release.id,
                f"industry: {industry.industry}{rank}; {industry.stated_as}",
                f"{_money(industry.value)}/{industry.period.value}",
            )
        for extra in entry.extra_compensation:
            details.add_row(
                pay.release.id,
                f"{extra.kind}, {extra.stated_as}",
                f"{_money(extra.value)}/{extra.period.value}",
            )
        for level in entry.experience:
            about = "about " if level.approximate else ""
            details.add_row(
                pay.release.id,
                f"experience: {level.label}",
                f"{about}{_money(level.value)}/{level.period.value}",
            )
        for stated in entry.stated_percentages:
            about = "about " if stated.approximate else ""
            details.add_row(pay.release.id, f"stated: {stated.about}", f"{about}{stated.percent}%")
        for outlook in entry.outlook:
            text = f"outlook {outlook.horizon}: {outlook.measure}"
            if outlook.description:
                text += f" ({outlook.description})"
            details.add_row(pay.release.id, text, f"{outlook.percent}%")
    if details.row_count:
        parts.append(details)
    return parts


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
        sections.append((f"{career.office}-office skills (file 003)", result.office.skills))
    sections.append(("outlook", career.outlook))
    source_notes = notes((p.release for p in result.pay), result.pay)
    sections.append(("notes", [*career.notes, *source_notes]))
    parts: list[RenderableType] = []
    for heading, items in sections:
        if items:
            parts.append(Text(f"\n{heading}", style="bold underline"))
            parts.append(bullets(items))
    return parts


def bullets(items: Iterable[str]) -> Table:
    """A list whose wrapped lines hang under their first word, not under the dash."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row("-", item)
    return grid


# ------------------------------------------------------------------ rank


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
    return f"the {name} ({_money(point.value)}{mark})"


def rank_view(result: Rank) -> Group:
    pay = result.pay
    article = "an" if result.period is Period.HOUR else "a"
    amount = f"{_money(result.amount)} {article} {result.period.value}"
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
        f"{ordinal(Decimal(p.percentile))} {_money(p.value)}"
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


# ------------------------------------------------------------------ data audit


def audit_view(result: Audit) -> Group:
    count = len(result.findings)
    parts: list[RenderableType] = [
        Text(
            f"Data audit: {count} finding{'s' if count != 1 else ''} in "
            f"{len(result.sources)} sources (information only; nothing was changed)",
            style="bold",
        )
    ]
    for number, finding in enumerate(result.findings, start=1):
        where = finding.source + (f", {finding.career}" if finding.career else "")
        parts.append(Text(""))
        parts.append(Text.assemble((f"{number}. {where}", "bold"), f"  [{finding.kind}]"))
        parts.append(Padding(Text(finding.summary), (0, 0, 0, 3)))
        parts.append(Padding(Text(f"meaning: {finding.meaning}", style="dim"), (0, 0, 0, 3)))
    return Group(*parts)


def check_view(checked: Sequence[CheckedFile]) -> Group:
    lines: list[RenderableType] = [
        Text.assemble(
            ("ok  ", "green"),
            f"{item.name}: {item.kind} {item.id}, {item.careers} career"
            + ("s" if item.careers != 1 else ""),
        )
        for item in checked
    ]
    lines.append(Text(f"{len(checked)} file(s) valid", style="bold"))
    return Group(*lines)


# ------------------------------------------------------------------ list, sources


def imported_summary(record: ReleaseRecord) -> str:
    return (
        f"{record.rows:,} rows, {record.areas:,} areas, {record.industries:,} industries; "
        f"{record.classification}"
    )


def release_list_table(records: Sequence[ReleaseRecord]) -> Table:
    table = Table(title="Imported OEWS releases", box=box.SIMPLE_HEAD)
    table.add_column("source", no_wrap=True)
    table.add_column("files", no_wrap=True)
    table.add_column("rows", justify="right")
    table.add_column("areas", justify="right")
    table.add_column("industries", justify="right")
    table.add_column("top-coded at")
    for record in records:
        ceiling = (
            f"{dollars(record.ceiling_hour)}/h\n{_money(record.ceiling_year)}/yr"
            if record.ceiling_hour is not None and record.ceiling_year is not None
            else "not stated"
        )
        table.add_row(
            record.id,
            "\n".join(f"{f.name}\n  ({f.layout})" for f in record.files),
            f"{record.rows:,}",
            f"{record.areas:,}",
            f"{record.industries:,}",
            ceiling,
        )
    return table


def career_list_table(listing: Sequence[CareerListing]) -> Table:
    table = Table(
        title="Careers",
        box=box.SIMPLE_HEAD,
        caption="name a career by alias, SOC code, title or id ('careerstats list --json' has ids)",
    )
    table.add_column("alias", style="bold", max_width=14)
    table.add_column("career")
    table.add_column("SOC", no_wrap=True)
    table.add_column("sources")
    for item in listing:
        career = item.career
        table.add_row(
            career.aliases[0] if career.aliases else career.id,
            career.title,
            career.soc,
            ", ".join(r.id for r in item.sources) or Text("no wages yet", style="dim"),
        )
    return table


def source_list_view(listing: Sequence[SourceListing]) -> Group:
    parts: list[RenderableType] = []
    for item in listing:
        release = item.release
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column()
        grid.add_row("source", Text(release.id, style="bold"))
        grid.add_row("title", release.title)
        grid.add_row("publisher", release.publisher)
        grid.add_row("program", release.program)
        grid.add_row("reference", release.period_label)
        if release.reference_period_note:
            grid.add_row("", release.reference_period_note)
        if release.classification:
            grid.add_row("codes", release.classification)
        record = getattr(release, "record", None)
        if record is not None:
            grid.add_row("imported", imported_summary(record))
            for file in record.files:
                grid.add_row("", f"{file.name} ({file.layout}, {file.rows:,} rows)")
        else:
            grid.add_row("careers", ", ".join(c.id for c in item.careers))
        for index, cited in enumerate(release.cited_in):
            grid.add_row("cited in" if index == 0 else "", cited)
        for index, note in enumerate(release.notes):
            grid.add_row("notes" if index == 0 else "", note)
        parts.extend([grid, Text("")])
    return Group(*parts)


__all__ = [
    "Statistic",
    "career_list_table",
    "comparison_table",
    "console",
    "conversion_table",
    "notes",
    "profile_view",
    "source_list_view",
]
