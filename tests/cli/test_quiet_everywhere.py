"""`-q/--quiet` (issue 14, point 2) on the commands added after it: notes are dropped, the
result and errors are not."""

from __future__ import annotations

from pathlib import Path

import bls_server as bs
import place_files as pf
import pytest
from conftest import Run


def test_relocate_quiet_drops_the_rpp_caveat_and_keeps_the_answer(run: Run) -> None:
    args = ("relocate", "60000", "--from", "California", "--to", "Texas", "--year", "2023")
    noisy = run(*args)
    assert noisy.exit_code == 0, noisy.stderr
    assert noisy.stderr.startswith("note: ")
    assert "taxes" in noisy.stderr
    for flag in ("-q", "--quiet"):
        quiet = run(*args, flag)
        assert (quiet.exit_code, quiet.stderr, quiet.stdout) == (0, "", noisy.stdout)
    assert quiet.stdout.startswith("$60,000.00 in California buys what $51,789.38 buys in Texas")


def test_data_areas_quiet_drops_the_nothing_imported_note(run: Run) -> None:
    noisy = run("data", "areas")
    assert (noisy.exit_code, noisy.stdout) == (0, "")
    assert noisy.stderr == (
        "note: no OEWS data is imported yet; 'careerstats data fetch' downloads the states "
        "of the newest year\n"
    )
    quiet = run("data", "areas", "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_data_areas_quiet_drops_the_nothing_matches_note_and_keeps_the_rows(
    run: Run, files: Path
) -> None:
    assert run("data", "import", pf.state_xlsx(files)).exit_code == 0
    noisy = run("data", "areas", "--search", "atlantis")
    assert noisy.stderr.startswith("note: nothing matches; ")
    assert run("data", "areas", "--search", "atlantis", "--quiet").stderr == ""
    found = run("data", "areas", "--search", "texas", "-q")
    assert (found.exit_code, found.stderr) == (0, "")
    assert "Texas" in found.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("search", "nurse"),
        ("search", "nurse", "--json"),
        ("search", "ceo", "--csv"),
        ("schema", "where"),
        ("completion", "bash"),
    ],
    ids=" ".join,
)
def test_quiet_is_taken_and_changes_no_result(run: Run, args: tuple[str, ...]) -> None:
    plain = run(*args)
    assert plain.exit_code == 0, plain.stderr
    quiet = run(*args, "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, plain.stdout, "")


def test_where_quiet_keeps_the_ranking(run: Run, files: Path) -> None:
    imported = run("data", "import", pf.state_xlsx(files), pf.msa_xlsx(files))
    assert imported.exit_code == 0, imported.stderr
    plain = run("where", "cs", "--type", "state")
    quiet = run("where", "cs", "--type", "state", "--quiet")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, plain.stdout, "")
    assert "California" in quiet.stdout


def test_quiet_keeps_errors_of_the_new_commands(run: Run) -> None:
    for args in (
        ("where", "cs", "-q"),
        ("data", "remove", "oews-2024", "-q"),
        ("relocate", "abc", "--from", "CA", "--to", "TX", "-q"),
        ("search", "-q"),
    ):
        result = run(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.splitlines()
        assert len(lines) == 1, (args, lines)
        assert lines[0].startswith("careerstats: error: ")


def test_data_fetch_takes_quiet_and_still_reports_what_it_stored(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "zips"
    folder.mkdir()
    with bs.serving(bs.Behaviour(files=bs.bls_zips(folder))) as url:
        monkeypatch.setenv("CAREERSTATS_BLS_URL", url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        result = run("data", "fetch", "2024", "--contact", "me@example.org", "-q")
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("oews-2024 created: state_M2024_dl.xlsx")
        assert result.stderr == ""
        again = run("data", "fetch", "2024", "--contact", "me@example.org", "--quiet")
    # Not a note: what did not change is the command's answer, kept when quiet.
    assert "already imported; nothing changed" in again.stderr + again.stdout
