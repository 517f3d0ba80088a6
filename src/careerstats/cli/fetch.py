"""`careerstats data fetch`: download BLS's OEWS zip files and import them, as `data import`
does, in one transaction. httpx loads only here (inside the command)."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careerstats.cli import options
from careerstats.cli import store as cli_store
from careerstats.cli.output import note, say
from careerstats.errors import DataError, UsageError

if TYPE_CHECKING:
    from careerstats.sources.fetch import Download, Kind, Settings
    from careerstats.sources.oews import ParsedFile

FIRST_YEAR = 1997
YEARS_TRIED = 3  # this year and the two before: BLS publishes May data about a year later


def fetch(
    year: Annotated[
        int | None,
        typer.Argument(
            metavar="[YEAR]",
            help="The May estimates of this year. Default: the newest the server has "
            "(this year, then earlier ones).",
            show_default=False,
        ),
    ] = None,
    national: Annotated[
        bool, typer.Option("--national", help="The nation (oesmYYnat.zip).")
    ] = False,
    states: Annotated[
        bool,
        typer.Option("--states", help="The states, DC and territories (oesmYYst.zip; default)."),
    ] = False,
    metros: Annotated[
        bool,
        typer.Option(
            "--metros",
            help="Metropolitan and nonmetropolitan areas (oesmYYma.zip).",
        ),
    ] = False,
    industries: Annotated[
        bool,
        typer.Option("--industries", help="The nation by 4-digit industry (oesmYYin4.zip)."),
    ] = False,
    all_data: Annotated[
        bool,
        typer.Option(
            "--all-data", help="Every area and industry in one file (oesmYYall.zip, large)."
        ),
    ] = False,
    contact: Annotated[
        str | None,
        typer.Option(
            "--contact",
            metavar="EMAIL",
            help="Your e-mail address, sent in the User-Agent: BLS refuses anonymous "
            "downloads. Default: $CAREERSTATS_CONTACT.",
            show_default=False,
        ),
    ] = None,
    backoff: Annotated[
        float,
        typer.Option(
            "--backoff",
            metavar="SECONDS",
            help="The first wait before retrying a failed download; each of the three "
            "retries waits twice as long as the one before.",
        ),
    ] = 2.0,
    quiet: options.QuietOption = False,
) -> None:
    """Download BLS's OEWS files and import them (one transaction, as 'data import').

    Each zip is checked (a zip, the expected workbook inside, size limits) before anything
    is imported; on any failure the store is as it was. A dropped download resumes where it
    stopped, on a retry or the next run. Proxies come from HTTPS_PROXY/HTTP_PROXY/NO_PROXY;
    CAREERSTATS_BLS_URL replaces the base URL (a mirror).

    Example: careerstats data fetch 2024 --states --metros --contact you@example.org
    """
    from datetime import date

    from careerstats.sources.fetch import KINDS, settings
    from careerstats.sources.paths import store_path

    if year is not None and not FIRST_YEAR <= year <= date.today().year:
        raise UsageError(f"YEAR takes a year such as 2024 (1997 to this year), not {year}")
    asked = [
        KINDS[name]
        for name, wanted in (
            ("national", national),
            ("states", states),
            ("metros", metros),
            ("industries", industries),
            ("all-data", all_data),
        )
        if wanted
    ] or [KINDS["states"]]
    chosen = settings(contact, backoff, store_path().parent / "downloads")
    with _progress() as progress:
        downloads = _download_all(chosen, asked, year, progress)
    _import(downloads)


def _download_all(
    chosen: "Settings",
    kinds: "list[Kind]",
    year: int | None,
    progress: Callable[[str, int, int | None], None] | None,
) -> "list[Download]":
    from datetime import date

    from careerstats.sources.fetch import NotPublished, download

    first, *rest = kinds
    if year is None:
        this_year = date.today().year
        tried = []
        for candidate in range(this_year, this_year - YEARS_TRIED, -1):
            try:
                found = download(chosen, first, candidate, progress)
                break
            except NotPublished:
                tried.append(str(candidate))
        else:
            raise DataError(
                f"the server has no {first.what} file for {', '.join(tried)} "
                f"(HTTP 404 for each); give a YEAR such as {this_year - YEARS_TRIED}"
            )
        year = found.year
    else:
        try:
            found = download(chosen, first, year, progress)
        except NotPublished as error:
            raise NotPublished(
                f"{error}: BLS has not published May {year} (yet), or under another name"
            ) from None
    downloads = [found]
    for kind in rest:
        downloads.append(download(chosen, kind, year, progress))
    return downloads


def _import(downloads: "list[Download]") -> None:
    from careerstats.sources import oews
    from careerstats.sources.bundled_overlap import defer_to_bundle
    from careerstats.sources.paths import store_path
    from careerstats.sources.store import Downloaded, Store

    existing = Store.existing()
    known = existing.file_releases() if existing is not None else {}
    if existing is not None:
        existing.close()
    parsed: list[ParsedFile] = []
    origins: dict[str, Downloaded] = {}
    import tempfile

    with tempfile.TemporaryDirectory(prefix="careerstats-fetch-") as folder:
        from careerstats.sources.fetch import unpack

        for found in downloads:
            for path in unpack(found, Path(folder)):
                content = oews.file_bytes(path)  # read once, for its digest and its rows
                release = known.get(oews.digest(content))
                if release is not None:
                    say(f"{release}: {path.name} is already imported; nothing changed")
                    continue
                read, left_out = defer_to_bundle(oews.read(path, found.year, None, content))
                for remark in read.remarks:
                    note(remark)
                if left_out is not None:
                    note(cli_store._left_out(left_out, bool(read.rows)))
                if read.rows:
                    parsed.append(read)
                    origins[read.sha256] = Downloaded(found.url, found.size, found.sha256)
        if parsed:
            # As `data import`: Ctrl-C at the commit lets it finish, so the report is true.
            with cli_store._interrupts_held_at_commit() as hold:
                store = Store(store_path(), create=True)
                try:
                    outcomes = store.import_files(parsed, origins, before_commit=hold)
                finally:
                    store.close()
                cli_store._report(outcomes)
    for found in downloads:  # imported (or already there): the zip is not kept
        found.path.unlink(missing_ok=True)


@contextmanager
def _progress() -> Iterator[Callable[[str, int, int | None], None] | None]:
    """A progress bar on stderr (bytes, rate, time left), only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(name: str, done: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(f"downloading {name}", total=total)
            task = tasks[name]
            bar.update(task, completed=done, total=total)

        yield update
