"""Downloading BLS's published OEWS zip files: the URL of each, the download (resumed after
a dropped connection, retried with backoff, through the environment's proxies) and the
checks on what arrived (a real zip, the expected workbook inside, size limits).

httpx is imported here only, and this module only by `data fetch`: no other command pays
for loading it. Nothing here prints; progress goes to a callback.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careerstats.errors import DataError, DownloadRefused, UsageError

if TYPE_CHECKING:
    import httpx

BLS_URL = "https://www.bls.gov/oes/special-requests/"
BASE_URL_VARIABLE = "CAREERSTATS_BLS_URL"
CONTACT_VARIABLE = "CAREERSTATS_CONTACT"
RETRIES = 3
# Far above BLS's largest file (the all-data zip, about 80 MB; its workbook about 250 MB),
# far below what would fill a disk.
MAX_DOWNLOAD_BYTES = 400 * 1024 * 1024
MAX_WORKBOOK_BYTES = 1024 * 1024 * 1024
_EMAIL = re.compile(r"[^@\s<>()]+@[^@\s<>()]+\.[^@\s<>()]+")


@dataclass(frozen=True)
class Kind:
    """One of BLS's OEWS downloads: its zip's suffix and the workbooks it must hold."""

    name: str
    suffix: str
    workbooks: tuple[str, ...]  # patterns of the workbooks' names (YYYY: the year)
    what: str


KINDS = {
    "national": Kind("national", "nat", (r"national_M{year}_dl",), "the nation"),
    "states": Kind("states", "st", (r"state_M{year}_dl",), "the states"),
    "metros": Kind(
        "metros",
        "ma",
        (r"MSA_M{year}_dl", r"(?:BOS|nonmetro)_M{year}_dl"),
        "metropolitan and nonmetropolitan areas",
    ),
    "industries": Kind(
        "industries", "in4", (r"nat4d_M{year}_dl",), "the nation by 4-digit industry"
    ),
    "all-data": Kind("all-data", "all", (r"all_data_M_?{year}",), "every area and industry"),
}


@dataclass(frozen=True)
class Download:
    """A downloaded zip: where it came from, its size and SHA-256, and the file on disk."""

    kind: Kind
    year: int
    url: str
    path: Path
    size: int
    sha256: str


@dataclass(frozen=True)
class Settings:
    """How to download: the base URL, who to say is asking, the retry delays, the folder."""

    base_url: str
    contact: str | None
    backoff: float
    folder: Path
    timeout: float = 60.0

    @property
    def user_agent(self) -> str:
        from careerstats.version import __version__

        contact = f"; {self.contact}" if self.contact else ""
        return f"careerstats/{__version__} (salary statistics from BLS OEWS{contact})"


def settings(contact: str | None, backoff: float, folder: Path) -> Settings:
    base = os.environ.get(BASE_URL_VARIABLE) or BLS_URL
    if not base.startswith(("http://", "https://")):
        raise UsageError(f"{BASE_URL_VARIABLE} must be an http:// or https:// URL, not {base!r}")
    found = contact if contact is not None else os.environ.get(CONTACT_VARIABLE)
    if found is not None and not _EMAIL.fullmatch(found.strip()):
        raise UsageError(
            f"the contact must be an e-mail address such as you@example.org, not {found!r}"
        )
    if backoff < 0:
        raise UsageError(f"the backoff must be 0 seconds or more, not {backoff}")
    return Settings(base.rstrip("/") + "/", found.strip() if found else None, backoff, folder)


def url_of(settings: Settings, kind: Kind, year: int) -> str:
    return f"{settings.base_url}oesm{year % 100:02d}{kind.suffix}.zip"


class NotPublished(DataError):
    """The server has no such file (HTTP 404): a year not published yet, or never."""


Progress = Callable[[str, int, int | None], None]  # name, bytes so far, total (if known)


def download(
    settings: Settings, kind: Kind, year: int, progress: Progress | None = None
) -> Download:
    """Download one zip into `settings.folder`, resuming a partial file left by an earlier
    attempt, retrying a dropped or failed connection up to three times with backoff."""
    import httpx

    url = url_of(settings, kind, year)
    name = url.rsplit("/", 1)[1]
    settings.folder.mkdir(parents=True, exist_ok=True)
    part = settings.folder / f"{name}.part"
    # Identity encoding: the byte offsets of a resumed download are the file's own.
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "identity"}
    timeout = httpx.Timeout(settings.timeout, connect=min(settings.timeout, 20.0))
    attempt = 0
    try:
        client = httpx.Client(
            headers=headers, timeout=timeout, follow_redirects=True, trust_env=True
        )
    except (ImportError, ValueError) as error:  # a SOCKS proxy, a malformed proxy URL
        raise DataError(
            f"the proxy settings (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY) cannot be used: {error}"
        ) from None
    with client:
        while True:
            try:
                _transfer(client, url, name, part, progress)
                break
            except (httpx.TransportError, _Retry) as error:
                attempt += 1
                if attempt > RETRIES:
                    raise DataError(_failure(url, name, part, error)) from None
                time.sleep(settings.backoff * 2 ** (attempt - 1))
    return _verified(kind, year, url, part, settings.folder / name)


class _Retry(Exception):
    """A server error (HTTP 5xx) worth trying again."""


def _transfer(
    client: httpx.Client, url: str, name: str, part: Path, progress: Progress | None
) -> None:
    have = part.stat().st_size if part.exists() else 0
    request_headers = {"Range": f"bytes={have}-"} if have else {}
    with client.stream("GET", url, headers=request_headers) as response:
        status = response.status_code
        if status == 416 and have:  # the part file is whole already (or longer): start over
            part.unlink()
            raise _Retry("the partial download did not fit the file; starting again")
        if status == 403:
            raise DownloadRefused(
                f"{url}: the server refused the download (HTTP 403 Forbidden): BLS refuses "
                "clients that do not say who they are"
            )
        if status == 404:
            raise NotPublished(f"{url}: not published (HTTP 404 Not Found)")
        if status >= 500:
            raise _Retry(f"HTTP {status}")
        if status not in (200, 206):
            raise DataError(f"{url}: the server answered HTTP {status}")
        resumed = status == 206
        if not resumed:
            have = 0
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else None
        if total is not None and total > MAX_DOWNLOAD_BYTES:
            raise DataError(
                f"{url}: {total:,} bytes is more than the {MAX_DOWNLOAD_BYTES:,} an OEWS "
                "zip can be; nothing was downloaded"
            )
        with part.open("ab" if resumed else "wb") as out:
            for chunk in response.iter_raw():  # as it arrives: a cut leaves what came
                out.write(chunk)
                have += len(chunk)
                if have > MAX_DOWNLOAD_BYTES:
                    out.close()
                    part.unlink()
                    raise DataError(
                        f"{url}: more than the {MAX_DOWNLOAD_BYTES:,} bytes an OEWS zip can "
                        "be; the download was stopped and deleted"
                    )
                if progress is not None:
                    progress(name, have, total)
        if total is not None and have < total:
            raise _Retry(f"the connection closed after {have:,} of {total:,} bytes")


def _failure(url: str, name: str, part: Path, error: Exception) -> str:
    import httpx

    kept = part.stat().st_size if part.exists() else 0
    resume = f"; {kept:,} bytes are kept and the same command resumes from there" if kept else ""
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        host = httpx.URL(url).host
        return (
            f"cannot reach {host} to download {name} (offline? a proxy needed: HTTPS_PROXY?): "
            f"{error or type(error).__name__}"
        )
    if isinstance(error, httpx.TimeoutException):
        return f"{url}: the server stopped answering (timed out {RETRIES + 1} times){resume}"
    return (
        f"{url}: the download failed {RETRIES + 1} times ({error or type(error).__name__}){resume}"
    )


def _verified(kind: Kind, year: int, url: str, part: Path, target: Path) -> Download:
    """Check that `part` is a zip holding the expected workbook; keep it as `target`."""
    with part.open("rb") as head:
        start = head.read(512)
    if not start.startswith(b"PK\x03\x04"):
        part.unlink()
        looks = start.lstrip().lower()
        if looks.startswith((b"<!doctype html", b"<html", b"<")):
            raise DataError(
                f"{url}: the server sent a web page, not the zip file (a login, error or "
                "robot-check page?); nothing was imported"
            )
        raise DataError(f"{url}: what arrived is not a zip file; nothing was imported")
    try:
        with zipfile.ZipFile(part) as archive:
            bad = archive.testzip()
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        part.unlink()
        raise DataError(f"{url}: the zip file is damaged ({error}); nothing was imported") from None
    if bad is not None:
        part.unlink()
        raise DataError(
            f"{url}: the zip file is damaged ({bad} fails its check); nothing was imported"
        )
    _workbooks(kind, year, url, members)
    part.replace(target)
    digest = hashlib.sha256()
    with target.open("rb") as source:
        for block in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(block)
    return Download(kind, year, url, target, target.stat().st_size, digest.hexdigest())


def _workbooks(
    kind: Kind, year: int, url: str, members: Sequence[zipfile.ZipInfo]
) -> list[zipfile.ZipInfo]:
    found = []
    for pattern in kind.workbooks:
        wanted = re.compile(pattern.format(year=year) + r"\.(?:xlsx|xls)", re.IGNORECASE)
        match = [m for m in members if wanted.fullmatch(Path(m.filename).name)]
        if not match:
            names = ", ".join(Path(m.filename).name for m in members[:5]) or "nothing"
            raise DataError(
                f"{url}: the zip holds no {pattern.format(year=year)}.xlsx (it holds {names}); "
                "nothing was imported"
            )
        for member in match:
            if member.file_size > MAX_WORKBOOK_BYTES:
                raise DataError(
                    f"{url}: {member.filename} would unpack to {member.file_size:,} bytes, more "
                    f"than the {MAX_WORKBOOK_BYTES:,} an OEWS workbook can be; nothing was imported"
                )
        found.extend(match)
    return found


def unpack(download: Download, folder: Path) -> list[Path]:
    """The expected workbooks of a verified zip, written into `folder` (by their own names)."""
    with zipfile.ZipFile(download.path) as archive:
        members = _workbooks(download.kind, download.year, download.url, archive.infolist())
        paths = []
        for member in members:
            target = folder / Path(member.filename).name
            written = 0
            with archive.open(member) as source, target.open("wb") as out:
                for block in iter(lambda: source.read(1024 * 1024), b""):
                    written += len(block)
                    if written > MAX_WORKBOOK_BYTES:  # the size the zip states may lie
                        raise DataError(
                            f"{download.url}: {member.filename} unpacks to more than "
                            f"{MAX_WORKBOOK_BYTES:,} bytes; nothing was imported"
                        )
                    out.write(block)
            paths.append(target)
    return paths
