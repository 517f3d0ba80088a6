"""What people see: one function per kind of result, giving what goes to stdout and the notes
that go to stderr. Rich loads here only, and each view module only when its kind is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from rich.console import RenderableType

    from careerstats.core.audit import Audit
    from careerstats.core.career_takehome import TakeHomeComparison
    from careerstats.core.comparison import Comparison
    from careerstats.core.conversion import Conversion
    from careerstats.core.gross import GrossPay
    from careerstats.core.history import History
    from careerstats.core.inflation import Adjustment, CpiTable
    from careerstats.core.listing import OccupationList
    from careerstats.core.periods import Period
    from careerstats.core.profiles import Profile, ReleaseContents, SourceListing
    from careerstats.core.ranking import Rank
    from careerstats.core.takehome import TakeHome
    from careerstats.core.top import Top
    from careerstats.sources.dataset import CheckedFile
    from careerstats.sources.store import ImportedReleases


class Shown(NamedTuple):
    """Rich renderables (or plain text, written as it is) for stdout, and lines for stderr."""

    out: tuple[RenderableType | str, ...]
    notes: tuple[str, ...] = ()


def conversion(result: Conversion, *, target: Period | None = None, **_: Any) -> Shown:
    if target is not None:
        from careerstats.core.money import plain

        return Shown((plain(result.amounts[target]) + "\n",))
    from careerstats.render.convert_view import conversion_table

    return Shown((conversion_table(result),))


def adjustment(result: Adjustment, *, table: CpiTable, **_: Any) -> Shown:
    from careerstats.render import plaintext

    return Shown((plaintext.adjustment(result, table),))


def comparison(
    result: Comparison,
    *,
    chart: bool | None = None,
    per: Period | None = None,
    full: bool = False,
    takehome: TakeHomeComparison | None = None,
    **_: Any,
) -> Shown:
    from rich.text import Text

    from careerstats.render.common import figure_legend, source_lines, source_notes
    from careerstats.render.compare_view import ComparisonLegend, comparison_view, shown_periods

    periods = shown_periods(result, per, full)
    view = comparison_view(result, periods, full=full)
    out: list[RenderableType | str] = [Text(_comparison_heading(result), style="bold"), view]
    # A chart of every release would be as long as the table: across releases, on request.
    if chart or (chart is None and (len(result.releases) == 1 or full)):
        from careerstats.render.chart import distribution_chart

        out.append(distribution_chart(result.rows, per))
    legend = [
        *source_lines(result.releases),
        *figure_legend(result.schedule, result.rows, periods),
        *_adjusted(result),
    ]
    out.extend((Text(""), ComparisonLegend(result, view, legend)))
    if takehome is not None:
        from careerstats.render.compare_takehome_view import takehome_view

        out.append(takehome_view(takehome))
    notes = source_notes(result.releases, result.rows, periods)
    return Shown(tuple(out), tuple(f"note: {note}" for note in _few(notes, full)))


# More notes than this and they would bury the table: a line says how to read them.
NOTES_MOST = 3


def _few(notes: list[str], full: bool) -> list[str]:
    if full or len(notes) <= NOTES_MOST:
        return notes
    return [f"{len(notes)} notes on these sources and figures: add --full to read them"]


def _comparison_heading(result: Comparison) -> str:
    if len(result.releases) > 1:
        careers = list(dict.fromkeys(pay.career.title for pay in result.rows))
        if len(careers) == 1:
            return f"{careers[0]}: pay in every source"
        return "Pay compared across sources"
    release = result.releases[0]
    heading = f"Pay compared: {release.id}, {release.period_label}"
    if result.chosen is not None:
        heading += " (the newest release that covers every career)"
    return heading


def _adjusted(result: Comparison) -> list[str]:
    from careerstats.render.common import adjusted_legend, unadjusted_lines

    return [*adjusted_legend(result.adjusted_to), *unadjusted_lines(result.rows)]


def history(result: History, *, chart: bool = True, **_: Any) -> Shown:
    from careerstats.render.history_view import history_view

    return Shown((history_view(result, chart=chart),))


def profile(
    result: Profile,
    *,
    chart: bool | None = None,
    per: Period | None = None,
    full: bool = False,
    **_: Any,
) -> Shown:
    from careerstats.render.profile_view import profile_view

    return Shown((profile_view(result, chart=chart, per=per, full=full),))


def rank(result: Rank, *, explain: bool = False, **_: Any) -> Shown:
    from careerstats.render.rank_view import rank_view

    return Shown((rank_view(result, explain=explain),))


def source_list(listing: list[SourceListing], **_: Any) -> Shown:
    from careerstats.render.listing_view import source_list_view

    return Shown((source_list_view(listing),))


def audit(result: Audit, **_: Any) -> Shown:
    from careerstats.render.data_view import audit_view

    return Shown((audit_view(result),))


def checked_files(checked: list[CheckedFile], **_: Any) -> Shown:
    from careerstats.render.data_view import check_view

    return Shown((check_view(checked),))


def imported_releases(result: ImportedReleases, **_: Any) -> Shown:
    if not result.records:
        return Shown((), ("no OEWS data imported yet; run 'careerstats data import FILE'",))
    from careerstats.render.data_view import release_list_view

    return Shown((release_list_view(result.records),))


def release_contents(result: ReleaseContents, **_: Any) -> Shown:
    from careerstats.render.listing_view import release_contents_view

    return Shown((release_contents_view(result),))


def takehome(result: TakeHome, **_: Any) -> Shown:
    from careerstats.render.takehome_view import takehome_view

    return Shown((takehome_view(result),))


def gross(result: GrossPay, *, target: Period | None = None, **_: Any) -> Shown:
    if target is not None:
        from careerstats.core.money import plain

        return Shown((plain(result.per(target)) + "\n",))
    from careerstats.render.takehome_view import gross_view

    return Shown((gross_view(result),))


def occupation_list(result: OccupationList, **_: Any) -> Shown:
    from careerstats.render.listing_lines import occupation_lines, terminal_width

    return Shown((occupation_lines(result, terminal_width()),))


def top(result: Top, **_: Any) -> Shown:
    from careerstats.render.listing_lines import terminal_width
    from careerstats.render.top_view import top_lines

    return Shown((top_lines(result, terminal_width()),))
