"""The one place output is chosen and written.

Commands declare the format options below and hand their result to `write`, with the name of
its kind (`"comparison"`, `"rank"`, ...). `write` renders it as JSON (`render.jsonout`), CSV
(`render.csvout`) or for people (`render.human`): each module has one function per kind, and
only the chosen format's module is imported, so `--json` never loads Rich.
"""

import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from careerstats.errors import UsageError
from careerstats.render.literal import visible

if TYPE_CHECKING:
    from careerstats.render.human import Shown

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to stdout.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV to stdout, one row per figure.")]


_notes_wanted = True


def want_notes(wanted: bool) -> None:
    """`-q/--quiet` (wanted False): notes for people are not written; warnings still are."""
    global _notes_wanted
    _notes_wanted = wanted


def note(text: str) -> None:
    """One note on stderr, unless the run is quiet."""
    if _notes_wanted:
        say(f"note: {text}")


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def chosen(as_json: bool, as_csv: bool = False) -> Format:
    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    return Format.JSON if as_json else Format.CSV if as_csv else Format.TABLE


def write(
    kind: str, result: Any, output: Format, *, warnings: Sequence[str] = (), **options: Any
) -> None:
    """Write `result` to stdout in `output`; notes for people go to stderr, and so do
    `warnings`, whatever the format (they say what the input may have meant)."""
    if output is Format.JSON:
        from careerstats.render import jsonout

        _stdout(_encodable_json(jsonout.dumps(getattr(jsonout, kind)(result, **options))))
    elif output is Format.CSV:
        from careerstats.render import csvout

        getattr(csvout, kind)(result, sys.stdout, **options)
    else:
        from careerstats.render import human

        _people(getattr(human, kind)(result, **options))
    if warnings and _notes_wanted:
        sys.stdout.flush()  # the result first, where both streams reach one terminal or file
        for warning in warnings:
            say(f"note: {warning}")


def say(line: str, stream: TextIO | None = None) -> None:
    """One line of plain text for people (stderr unless `stream`), with the control
    characters of file names and titles in it made visible (`render.literal`)."""
    (stream or sys.stderr).write(visible(line) + "\n")


def _encodable_json(text: str) -> str:
    """JSON that stdout's encoding can write exactly: where it lacks a character (a cp1252
    or ASCII stream), the character is written as JSON's own escape (`\u2013`), which
    every reader decodes back, not as a stand-in (JSON text is only ever in strings)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if encoding.lower().replace("-", "").startswith("utf"):
        return text
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return "".join(_json_escape(c, encoding) for c in text)
    except LookupError:
        pass
    return text


def _json_escape(character: str, encoding: str) -> str:
    try:
        character.encode(encoding)
    except UnicodeEncodeError:
        units = character.encode("utf-16-be")
        return "".join(f"\\u{units[i]:02x}{units[i + 1]:02x}" for i in range(0, len(units), 2))
    return character


def _stdout(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _people(shown: "Shown") -> None:
    out = None
    for item in shown.out:
        if isinstance(item, str):  # plain text: Rich is not even loaded
            _stdout(item)
            continue
        from careerstats.render.common import console, plain_text, printed

        text = plain_text(item) if out is None else None
        if text is not None:  # a pipe or a file: no console is built
            _stdout(text)
        else:
            out = out or console()
            _stdout(printed(out, item))
    if shown.notes and _notes_wanted:
        from careerstats.render.common import console, width_imagined

        err = console(stderr=True)
        whole = width_imagined(err)
        for note in shown.notes:
            # A terminal gets the note wrapped at its words; a pipe or a file the whole line.
            if whole:
                err.print(note, style="dim", soft_wrap=True, markup=False, highlight=False)
                continue
            from rich.text import Text

            for line in Text(note, style="dim").wrap(err, err.width):
                line.rstrip()  # Rich keeps the space a line was broken at
                err.print(line, soft_wrap=True)
