"""`careerstats data import | list | remove`: official OEWS files in the local store.

Imports stay inside the commands, as in cli.py: loading the CLI costs nothing here.
"""

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import options
from careerstats.cli.errors import PROG
from careerstats.cli.output import CsvOption, JsonOption, chosen, note, say, write
from careerstats.cli.stdio import abandon_stdout
from careerstats.core.wording import counted, quoted
from careerstats.errors import UsageError

if TYPE_CHECKING:
    from careerstats.sources.bundled_overlap import LeftOut
    from careerstats.sources.oews import ParsedFile
    from careerstats.sources.store import ImportOutcome


def import_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="OEWS files as downloaded: national_M2024_dl.xlsx, state_M2023_dl.xlsx, "
            "all_data_M_2022.xlsx, .xls or a sheet saved as .csv.",
            show_default=False,
        ),
    ],
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="Release year, when the file name does not say (it wins over the name).",
        ),
    ] = None,
    quiet: options.QuietOption = False,
) -> None:
    """Import OEWS files: one release per year (oews-YYYY), printed once per source changed.

    The whole command is one transaction: if any file fails, nothing is changed.
    Importing a file already imported changes nothing.

    Example: careerstats data import national_M2024_dl.xlsx state_M2024_dl.xlsx
    """
    from careerstats.sources import oews
    from careerstats.sources.bundled_overlap import defer_to_bundle
    from careerstats.sources.paths import store_path
    from careerstats.sources.store import Store

    release_year = _year(year, oews.FIRST_YEAR, oews.LAST_YEAR)
    existing = Store.existing()
    known = existing.file_releases() if existing is not None else {}
    if existing is not None:
        existing.close()
    parsed: list[ParsedFile] = []
    with _progress() as progress:
        for path in paths:
            oews.check_path(path)
            content = oews.file_bytes(path)  # read once: a pipe cannot be opened again
            release = known.get(oews.digest(content))
            if release is not None:  # the same bytes again: nothing to read or write
                say(f"{release}: {path.name} is already imported; nothing changed")
                continue
            read, left_out = defer_to_bundle(
                oews.read(path, release_year, progress(path.name), content)
            )
            for remark in read.remarks:
                note(remark)
            if left_out is not None:
                note(_left_out(left_out, bool(read.rows)))
            if read.rows:
                parsed.append(read)
    if not parsed:
        return
    with _interrupts_held_at_commit() as hold:
        store = Store(store_path(), create=True)
        try:
            outcomes = store.import_files(parsed, before_commit=hold)
        finally:
            store.close()
        _report(outcomes)


@contextmanager
def _interrupts_held_at_commit() -> Iterator[Callable[[], None]]:
    """Yields `hold`: called just before the commit, it makes Ctrl-C (SIGINT) wait until
    the end of the command, so that what the command says always matches what is stored:
    an interrupt before the commit stops the import with nothing changed; one at or after
    it lets the commit and its report finish, and is then only noted."""
    import signal

    caught: list[int] = []
    previous = signal.getsignal(signal.SIGINT)

    def hold() -> None:
        signal.signal(signal.SIGINT, lambda number, _frame: caught.append(number))

    try:
        yield hold
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        say(f"{PROG}: interrupted while the change was being stored: it is stored, complete")


def _year(text: str | None, first: int, last: int) -> int | None:
    """--year as four ASCII digits in range: int() would take other scripts' digits too."""
    if text is None:
        return None
    shown = quoted(text)
    wanted = text.strip()
    if not (len(wanted) == 4 and wanted.isascii() and wanted.isdigit()):
        raise UsageError(f"--year takes a year such as 2024, not {shown}")
    if not first <= int(wanted) <= last:
        raise UsageError(f"--year takes a year such as 2024, not {wanted} ({first} to {last})")
    return int(wanted)


def _left_out(left: "LeftOut", rest: bool) -> str:
    kinds = []
    if left.same:
        kinds.append(f"{left.same:,} with the same figures")
    if left.different:
        kinds.append(f"{left.different:,} with other figures")
    then = "the file's other rows are imported" if rest else "nothing else is in the file"
    return (
        f"{left.release_id}: {left.file_name}: {counted(left.total, 'national row')} left out "
        f"({', '.join(kinds)}): careerstats bundles BLS's official national release of that "
        f"year and keeps its rows; {then}"
    )


def _report(outcomes: "Sequence[ImportOutcome]") -> None:
    changed: dict[str, tuple[str, list[str]]] = {}
    for outcome in outcomes:
        parsed = outcome.file
        if outcome.status == "unchanged":
            say(f"{outcome.release_id}: {parsed.path.name} is already imported; nothing changed")
            continue
        files = changed.setdefault(outcome.release_id, (outcome.status, []))[1]
        if outcome.status == "created":
            changed[outcome.release_id] = ("created", files)
        counts = ", ".join(
            (
                counted(len(parsed.rows), "row"),
                counted(len(parsed.areas), "area"),
                counted(len(parsed.industries), "industry", "industries"),
            )
        )
        files.append(f"{parsed.path.name} ({parsed.layout}, {counts})")
    _tell_stored(
        [
            f"{release_id} {status}: {'; '.join(files)}"
            for release_id, (status, files) in changed.items()
        ]
    )


def _tell_stored(lines: Sequence[str]) -> None:
    """Say on stdout what the store now holds; should stdout fail, on stderr instead."""
    try:
        for line in lines:
            say(line, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader left: a quiet end, as for every command
    except OSError as error:
        # The change is stored: a full disk or closed stdout must not make it look failed.
        abandon_stdout()
        for line in lines:
            say(f"{PROG}: warning: stdout cannot be written ({error.strerror or error}); {line}")


@contextmanager
def _progress() -> Iterator[Callable[[str], Callable[[int, int], None] | None]]:
    """A Rich progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield lambda _name: None
        return
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from careerstats.render.common import console

    with Progress(
        TextColumn("{task.description}", markup=False),  # it names the file: shown literally
        BarColumn(),
        TaskProgressColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:

        def for_file(name: str) -> Callable[[int, int], None]:
            task = bar.add_task(f"reading {name}", total=None)

            def update(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return update

        yield for_file


def list_(
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Imported releases with their files, year, rows, areas and industries.

    Example: careerstats data list --csv
    """
    output = chosen(as_json, as_csv)
    from careerstats.sources.store import ImportedReleases, Store

    store = Store.existing()
    records = store.releases() if store is not None else []
    result = ImportedReleases(records, store.path if store is not None else None)
    write("imported_releases", result, output)


def remove(
    release_id: Annotated[
        str, typer.Argument(metavar="ID", help="An imported release, e.g. oews-2024.")
    ],
    quiet: options.QuietOption = False,
) -> None:
    """Delete one imported release (its figures, areas, industries and file records).

    Example: careerstats data remove oews-2024
    """
    from careerstats.sources.store import Store

    store = Store.existing()
    if store is None:
        raise UsageError("no OEWS data imported yet; nothing to remove")
    with _interrupts_held_at_commit() as hold:
        try:
            store.remove(release_id, before_commit=hold)
        finally:
            store.close()
        _tell_stored([f"{release_id.strip().lower()} removed"])
