"""`list` for people: one line per occupation under its major group, in plain text (no Rich:
the list is long and should come quickly). On a terminal a line never wraps: a title too
long for it is cut with an ellipsis; piped, every title is whole, for grep and scripts."""

from __future__ import annotations

import shutil
import sys

from careerstats.core.groups import described
from careerstats.core.listing import Listed, OccupationList
from careerstats.core.model import SourceRelease
from careerstats.render.literal import visible

ELLIPSIS = "\u2026"
# A title keeps at least this many characters on a narrow terminal; the line is cut after.
SHORTEST_TITLE = 12
# A catalog career's first aliases mark it (further ones are longer spellings of the same).
SHOWN_ALIASES = 3


def terminal_width() -> int | None:
    """The terminal's width (COLUMNS wins), or None when stdout is not a terminal."""
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def literal(text: str) -> str:
    """Text from a file as it is, but never a control code that would act on the terminal:
    each is shown as its escape (`\\x1b`), as in every other view (`render.literal`)."""
    return visible(text)


def cut(text: str, width: int | None) -> str:
    """`text` in at most `width` characters, cut with an ellipsis; whole without a width."""
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 0)] + ELLIPSIS


def fitted(prefix: str, title: str, suffix: str, width: int | None) -> str:
    """A line of `prefix`, `title` and `suffix` in `width` columns: the title gives way first."""
    if width is None:
        return prefix + title + suffix
    room = width - len(prefix) - len(suffix)
    if room >= min(len(title), SHORTEST_TITLE):
        return prefix + cut(title, room) + suffix
    return cut(prefix + cut(title, SHORTEST_TITLE) + suffix, width)


def names(item: Listed) -> str:
    """The catalog career's aliases (or its id) in brackets, leaving out the title's own
    singular; empty for other occupations."""
    career = item.career
    if career is None:
        return ""
    title = (item.entry.title_in_source or career.title).lower()
    own = {title, title.removesuffix("s"), title.removesuffix("es")}
    aliases = [alias for alias in career.aliases if alias.lower() not in own]
    shown = aliases[:SHOWN_ALIASES] or career.aliases[:1] or (career.id,)
    return f"  [{', '.join(shown)}]"


def occupation_lines(result: OccupationList, width: int | None = None) -> str:
    release = result.release
    what = described(result.level)
    what = what[0].upper() + what[1:]
    if result.group is not None:
        what += f" in {result.group.code} {result.group.title}"
    lines = [cut(literal(f"{what}{result.scope}"), width), source_line(release, width)]
    for section in result.sections:
        lines.append("")
        if section.major is not None:
            major = section.major
            lines.append(cut(literal(f"{major.code} {major.title}"), width))
        indent = "  " if section.major is not None else ""
        for item in section.items:
            entry = item.entry
            title = literal(entry.title_in_source or "")
            lines.append(fitted(f"{indent}{entry.soc}  ", title, literal(names(item)), width))
    lines.append("")
    marked = any(item.career for section in result.sections for item in section.items)
    caption = f"{result.listed:,} {described(result.level)}"
    if marked:
        caption += "; [ ]: a career of the careerstats catalog and its aliases"
    caption += "; name any of them by SOC code or title ('careerstats show 15-1252')"
    lines.append(wrapped(caption, width))
    return "\n".join(lines) + "\n"


def source_line(release: SourceRelease, width: int | None) -> str:
    """The release shown, by title and id, with its reference period unless the title has it."""
    dated = "" if release.period_label in release.title else f", {release.period_label}"
    return cut(literal(f"{release.title} ({release.id}){dated}"), width)


def wrapped(text: str, width: int | None) -> str:
    """Prose (a caption) in lines of `width`; one line without a width."""
    if width is None:
        return text
    import textwrap

    return textwrap.fill(text, width=max(width, 20), break_on_hyphens=False)
