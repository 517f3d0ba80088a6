"""`careerstats data fetch` against a local stand-in for BLS's server (never the network)."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import bls_server as bs
import pytest
from conftest import Run, as_json

STORE = "store.sqlite3"


@pytest.fixture
def zips(tmp_path: Path) -> dict[str, bytes]:
    folder = tmp_path / "zips"
    folder.mkdir()
    return bs.bls_zips(folder)


@pytest.fixture
def server(zips: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> Iterator[bs.Behaviour]:
    behaviour = bs.Behaviour(files=dict(zips))
    with bs.serving(behaviour) as url:
        monkeypatch.setenv("CAREERSTATS_BLS_URL", url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.delenv("CAREERSTATS_CONTACT", raising=False)
        yield behaviour


def fetch(run: Run, *args: str) -> object:
    return run("data", "fetch", *args, "--backoff", "0")


def store_bytes(home: Path) -> bytes | None:
    path = home / STORE
    return path.read_bytes() if path.exists() else None


def one_error_line(result: object, status: int, fragment: str) -> str:
    assert result.exit_code == status, result.stderr  # type: ignore[attr-defined]
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    assert lines[0].startswith("careerstats: error: ")
    assert fragment in lines[0]
    return str(lines[0])


def test_fetch_of_states_and_metros_imports_the_fixture_figures(
    server: bs.Behaviour, zips: dict[str, bytes], run: Run, home: Path
) -> None:
    result = fetch(run, "2024", "--states", "--metros", "--contact", "me@example.org")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("oews-2024 created: state_M2024_dl.xlsx (area, 6 rows")
    assert "MSA_M2024_dl.xlsx" in result.stdout
    assert "BOS_M2024_dl.xlsx" in result.stdout
    agents = {request["user-agent"] for request in server.requests}
    assert all(agent.startswith("careerstats/") and "me@example.org" in agent for agent in agents)
    # The figures of tests/place_files.py: Texas and California annual medians.
    document = as_json(run("compare", "cs", "--area", "TX", "--area", "CA", "--json"))
    medians = [
        (item["area"]["name"], item["wages"]["year"]["median"]["value"])
        for item in document["careers"]
    ]
    assert medians == [("Texas", 39000), ("California", 46800)]
    ranked = as_json(run("where", "cs", "--json"))
    assert [(a["name"], a["value"]) for a in ranked["areas"][:3]] == [
        ("New York-Newark-Jersey City, NY-NJ", 47840),
        ("California", 46800),
        ("New York", 45970),
    ]
    listing = as_json(run("data", "list", "--json"))
    (release,) = listing["releases"]
    downloaded = {f["name"]: f["downloaded"] for f in release["files"]}
    state_zip = zips["oesm24st.zip"]
    assert downloaded["state_M2024_dl.xlsx"] == {
        "url": os.environ["CAREERSTATS_BLS_URL"] + "oesm24st.zip",
        "size": len(state_zip),
        "sha256": hashlib.sha256(state_zip).hexdigest(),
    }
    assert not list((home / "downloads").glob("*.zip*"))  # the zips are not kept
    sources = as_json(run("sources", "--json"))["imported_into_bundled"]
    assert sources[0]["files"][0]["downloaded"]["sha256"] == hashlib.sha256(state_zip).hexdigest()
    assert f"SHA-256 {hashlib.sha256(state_zip).hexdigest()}" in run("sources").stdout


def test_the_contact_comes_from_the_environment(
    server: bs.Behaviour, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERSTATS_CONTACT", "env@example.org")
    assert fetch(run, "2024").exit_code == 0
    assert "env@example.org" in server.requests[0]["user-agent"]


def test_G6_a_403_says_what_to_set_and_changes_nothing(
    server: bs.Behaviour, run: Run, home: Path
) -> None:
    server.forbidden = True
    line = one_error_line(fetch(run, "2024"), 1, "HTTP 403 Forbidden")
    assert "--contact EMAIL" in line
    assert "CAREERSTATS_CONTACT" in line
    assert store_bytes(home) is None


def test_G7_a_year_not_published_is_one_line_and_changes_nothing(
    server: bs.Behaviour, run: Run, home: Path
) -> None:
    assert fetch(run, "2024").exit_code == 0
    before = store_bytes(home)
    one_error_line(fetch(run, "2023"), 1, "oesm23st.zip: not published (HTTP 404 Not Found)")
    assert store_bytes(home) == before


def test_G8_a_dropped_connection_is_resumed_where_it_stopped(
    server: bs.Behaviour, zips: dict[str, bytes], run: Run
) -> None:
    server.drop_once.add("oesm24st.zip")
    result = fetch(run, "2024")
    assert result.exit_code == 0, result.stderr
    first, second = server.requests[:2]
    assert "range" not in first
    assert second["range"] == f"bytes={len(zips['oesm24st.zip']) // 2}-"
    document = as_json(run("compare", "cs", "--area", "Texas", "--json"))
    assert document["careers"][0]["wages"]["hour"]["median"]["value"] == 18.75


def test_G8_a_server_error_is_retried_three_times_then_one_line(
    server: bs.Behaviour, run: Run, home: Path
) -> None:
    server.unavailable.add("oesm24st.zip")
    one_error_line(fetch(run, "2024"), 1, "oesm24st.zip: the download failed 4 times (HTTP 503)")
    assert len(server.requests) == 4  # the first try and three retries
    assert store_bytes(home) is None


def test_G9_a_web_page_instead_of_the_zip_is_one_line_and_changes_nothing(
    server: bs.Behaviour, run: Run, home: Path
) -> None:
    server.html.add("oesm24st.zip")
    one_error_line(fetch(run, "2024"), 1, "the server sent a web page, not the zip file")
    assert store_bytes(home) is None


def test_G10_no_network_is_one_line_and_changes_nothing(
    run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("CAREERSTATS_BLS_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    one_error_line(fetch(run, "2024"), 1, "cannot reach 127.0.0.1 to download oesm24st.zip")
    assert store_bytes(home) is None


@pytest.mark.parametrize(
    ("case", "content", "fragment"),
    [
        ("G11", b"PK\x03\x04 not really a zip", "the zip file is damaged"),
        ("G11", b"\x00\x01 binary noise", "what arrived is not a zip file"),
        ("G12", None, "the zip holds no state_M2024_dl.xlsx (it holds notes.txt)"),
    ],
)
def test_G11_G12_a_damaged_or_wrong_zip_is_one_line_and_changes_nothing(
    server: bs.Behaviour,
    run: Run,
    home: Path,
    tmp_path: Path,
    case: str,
    content: bytes | None,
    fragment: str,
) -> None:
    if content is None:
        wrong = tmp_path / "wrong.zip"
        with zipfile.ZipFile(wrong, "w") as archive:
            archive.writestr("oesm24st/notes.txt", "no workbook here")
        content = wrong.read_bytes()
    server.files["oesm24st.zip"] = content
    one_error_line(fetch(run, "2024"), 1, fragment)
    assert store_bytes(home) is None, case


@pytest.mark.parametrize(
    ("case", "args", "environment", "fragment"),
    [
        ("G13", ("2024", "--contact", "not an address"), {}, "must be an e-mail address"),
        ("G14", ("2024",), {"CAREERSTATS_BLS_URL": "ftp://mirror/"}, "must be an http://"),
        ("G15", ("1990",), {}, "YEAR takes a year such as 2024"),
        ("G15", ("2024", "--backoff", "-1"), {}, "the backoff must be 0 seconds or more"),
    ],
)
def test_G13_G15_bad_fetch_options_exit_2(
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    args: tuple[str, ...],
    environment: dict[str, str],
    fragment: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    one_error_line(run("data", "fetch", *args), 2, fragment)


def test_G16_without_a_year_the_newest_the_server_has_is_fetched(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = date.today().year - 2  # this year and last are tried first and answer 404
    folder = tmp_path / "older"
    folder.mkdir()
    behaviour = bs.Behaviour(files=bs.bls_zips(folder, year))
    with bs.serving(behaviour) as url:
        monkeypatch.setenv("CAREERSTATS_BLS_URL", url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        result = fetch(run)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"oews-{year} created: state_M{year}_dl.xlsx")
    asked = [request["path"].rsplit("/", 1)[1] for request in behaviour.requests]
    yy = [f"{(year + back) % 100:02d}" for back in (2, 1, 0)]
    assert asked == [f"oesm{y}st.zip" for y in yy]


@pytest.mark.installed
def test_a_progress_bar_on_a_terminal_and_none_when_piped(
    server: bs.Behaviour, tmp_path: Path
) -> None:
    import pty

    environment = {
        **os.environ,
        "CAREERSTATS_HOME": str(tmp_path / "home"),
        "TERM": "xterm",
        "COLUMNS": "80",
    }
    command = [str(Path(sys.executable).with_name("careerstats")), "data", "fetch", "2024"]
    piped = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    assert piped.returncode == 0, piped.stderr
    assert "downloading" not in piped.stderr
    environment["CAREERSTATS_HOME"] = str(tmp_path / "home2")
    leader, follower = pty.openpty()
    done = subprocess.run(
        command, env=environment, stdout=subprocess.PIPE, stderr=follower, check=False
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"downloading oesm24st.zip" in shown


def test_G17_proxy_settings_that_cannot_be_used_are_one_line(
    run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:9")  # httpx needs an extra for SOCKS
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    one_error_line(
        fetch(run, "2024"), 1, "the proxy settings (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY) cannot"
    )
    assert store_bytes(home) is None


def test_G12_a_download_or_workbook_over_the_size_limit_is_refused(
    server: bs.Behaviour, run: Run, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerstats.sources import fetch as fetching

    monkeypatch.setattr(fetching, "MAX_DOWNLOAD_BYTES", 1000)  # the fixture zips are larger
    one_error_line(fetch(run, "2024"), 1, "is more than the 1,000 an OEWS zip can be")
    monkeypatch.setattr(fetching, "MAX_DOWNLOAD_BYTES", 10**8)
    monkeypatch.setattr(fetching, "MAX_WORKBOOK_BYTES", 1000)  # the workbook unpacks larger
    one_error_line(fetch(run, "2024"), 1, "would unpack to")
    assert store_bytes(home) is None
