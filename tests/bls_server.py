"""A local stand-in for BLS's download server: serves zips built from the fixture workbooks
over http.server in a thread, and misbehaves on request (403, HTML, a dropped connection)."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import place_files as pf


def zipped(target: Path, workbooks: list[Path], folder: str) -> bytes:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for workbook in workbooks:
            archive.write(workbook, f"{folder}/{workbook.name}")
    return target.read_bytes()


def bls_zips(directory: Path, year: int = 2024) -> dict[str, bytes]:
    """oesmYYst.zip and oesmYYma.zip as BLS lays them out, from the fixture workbooks."""
    yy = f"{year % 100:02d}"
    books = directory / "books"
    books.mkdir(exist_ok=True)
    return {
        f"oesm{yy}st.zip": zipped(
            directory / f"oesm{yy}st.zip", [pf.state_xlsx(books, year)], f"oesm{yy}st"
        ),
        f"oesm{yy}ma.zip": zipped(
            directory / f"oesm{yy}ma.zip",
            [pf.msa_xlsx(books, year), pf.bos_xlsx(books, year)],
            f"oesm{yy}ma",
        ),
    }


@dataclass
class Behaviour:
    """What the server does: files by name, and the misbehaviours asked for."""

    files: dict[str, bytes] = field(default_factory=dict)
    forbidden: bool = False  # 403 to every request
    html: set[str] = field(default_factory=set)  # names answered with a web page
    drop_once: set[str] = field(default_factory=set)  # names cut off halfway, the first time
    unavailable: set[str] = field(default_factory=set)  # names answered 503, every time
    requests: list[dict[str, str]] = field(default_factory=list)


def _handler(behaviour: Behaviour) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass  # quiet tests

        def do_GET(self) -> None:
            name = self.path.rsplit("/", 1)[-1]
            behaviour.requests.append(
                {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
            )
            if behaviour.forbidden:
                self._reply(403, b"<html>Access Denied</html>", "text/html")
                return
            if name in behaviour.unavailable:
                self._reply(503, b"<html>Service Unavailable</html>", "text/html")
                return
            if name in behaviour.html:
                self._reply(
                    200, b"<!DOCTYPE html><html><body>Please wait</body></html>", "text/html"
                )
                return
            body = behaviour.files.get(name)
            if body is None:
                self._reply(404, b"<html>Not Found</html>", "text/html")
                return
            if name in behaviour.drop_once:
                behaviour.drop_once.discard(name)
                self.send_response(200)
                self.send_header("Content-Type", "application/zip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(2)
                return
            start = 0
            wanted = self.headers.get("Range")
            if wanted and wanted.startswith("bytes=") and wanted.endswith("-"):
                start = int(wanted[6:-1])
                if start >= len(body):
                    self._reply(416, b"", "text/plain")
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            else:
                self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(body) - start))
            self.end_headers()
            self.wfile.write(body[start:])

        def _reply(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serving(behaviour: Behaviour) -> Iterator[str]:
    """The base URL of a server running `behaviour` until the block ends."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(behaviour))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/oes/special-requests/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
