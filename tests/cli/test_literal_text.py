"""Text from files, stores and file names is data: never Rich markup, never control codes.

A workbook's titles, a file's name and the home's path reach tables, captions, notes and
error messages as the text they are: markup stays as typed, control characters show as
their escapes (`\\x1b`, `\\u202e`). JSON keeps the text as it is (escaped as JSON does); a
CSV text cell that a spreadsheet would run as a formula gets a `'` before it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run
from hypothesis import given
from hypothesis import strategies as st

from careerstats.render.csvout import cell
from careerstats.render.literal import visible

MARKUP = "Chief Executives [except legislators] [/] [link=https://evil.example]x[/link]"
# Clear the screen, write the clipboard (OSC 52, ended by BEL), a C1 CSI, then reverse.
CONTROLS = "\x1b[2J\x1b]52;c;aGk=\x07\x9b31m\u202eevil"
HOSTILE = f"{MARKUP} {CONTROLS}"
# The same, as every view shows it.
SHOWN = f"{MARKUP} \\x1b[2J\\x1b]52;c;aGk=\\x07\\x9b31m\\u202eevil"
FORMULA = '=HYPERLINK("http://evil.example","click")'
FILE_NAME = "all_data_M_2012_\x1b[2J.csv"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def hostile(files: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An all-data file whose Texas title, and two occupations' titles, are hostile."""
    rows = fx.all_data_rows()
    for row in rows:
        if row[0] == 48:
            row[1] = f"Texas {HOSTILE}"
    for code, title in (("11-9999", HOSTILE), ("11-9998", FORMULA)):
        extra = list(rows[0])
        extra[8:10] = [code, title]
        rows.append(extra)
    path = fx.write_csv(files / FILE_NAME, fx.ALL_DATA_COLUMNS, rows)
    imported = run("data", "import", path)
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith("oews-2012 created: all_data_M_2012_\\x1b[2J.csv ")
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no title is cut
    return path


def shows_literally(text: str) -> None:
    for character in RAW:
        assert character not in text


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--source", "oews-2012"),
        ("show", "11-9999"),
        ("compare", "11-9999", "11-9998"),
        ("compare", "cs", "--area", "48"),
        ("show", "cs", "--area", "48"),
        ("data", "list"),
        ("sources",),
        ("top", "--source", "oews-2012"),
    ],
)
def test_T8_T9_titles_and_file_names_are_shown_as_typed_with_controls_visible(
    args: tuple[str, ...], hostile: Path, run: Run
) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    everything = result.stdout + result.stderr
    shows_literally(everything)
    if args[0] in ("data", "sources"):
        assert "all_data_M_2012_\\x1b[2J.csv" in everything
    else:
        assert SHOWN in " ".join(everything.split())  # a title may wrap in a narrow column


def test_T8_a_bracketed_part_of_a_title_is_kept_in_every_table(hostile: Path, run: Run) -> None:
    listed = run("list", "--source", "oews-2012")
    row = next(line for line in listed.stdout.splitlines() if "11-9999" in line)
    assert "Chief Executives [except legislators] [/]" in row
    assert "[link=https://evil.example]x[/link]" in row


def test_T9_error_messages_show_a_file_name_s_controls_on_one_line(files: Path, run: Run) -> None:
    named = files / "wages\x1b]52;c;aGk=\x07\nmore.txt"
    named.write_text("x")
    result = run("data", "import", named)
    assert result.exit_code == 1
    assert result.stderr == (
        "careerstats: error: wages\\x1b]52;c;aGk=\\x07\\nmore.txt: unknown file "
        "type .txt; use .xlsx, .xls or .csv\n"
    )


def test_T9_a_warning_about_the_store_shows_the_home_s_controls(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home\x1b[2J\u202e"
    home.mkdir()
    (home / "store.sqlite3").write_bytes(b"not a database at all\n" * 100)
    monkeypatch.setenv("CAREERSTATS_HOME", str(home))
    result = run("compare", "cs", "pr", "--json")
    assert result.exit_code == 0
    assert result.stderr.startswith(f"careerstats: warning: {tmp_path}/home\\x1b[2J\\u202e/")
    assert result.stderr.count("\n") == 1
    shows_literally(result.stderr)


def test_T8_T9_the_installed_command_writes_no_control_code_from_a_title(
    hostile: Path, home: Path, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "NO_COLOR", "TERM"}}
    done = subprocess.run(
        [sys.executable, "-m", "careerstats", "list", "--source", "oews-2012"],
        capture_output=True,
        env={**env, "CAREERSTATS_HOME": str(home), "COLUMNS": "300", "FORCE_COLOR": "1"},
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.decode()
    assert "\x1b[" in out  # colours were asked for: Rich's own codes are there
    assert "\x1b[2J" not in out
    assert "\x1b]52" not in out
    assert SHOWN in out


def test_T10_json_keeps_the_titles_as_they_are(hostile: Path, run: Run) -> None:
    result = run("list", "--source", "oews-2012", "--json")
    assert result.exit_code == 0
    assert "\\u001b[2J" in result.stdout  # JSON's own escape of ESC
    # Valid raw in JSON, but escaped so that JSON on a terminal shows them too.
    assert "\\u009b31m\\u202eevil" in result.stdout
    document = json.loads(result.stdout)
    titles = {entry["soc"]: entry["title"] for entry in document["occupations"]}
    assert titles["11-9999"] == HOSTILE
    assert titles["11-9998"] == FORMULA
    assert document["source"]["imported"]["files"][0]["name"] == FILE_NAME


def test_T11_csv_text_cells_cannot_run_as_formulas(hostile: Path, run: Run) -> None:
    result = run("list", "--source", "oews-2012", "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    formula = [row for row in rows if row["soc"] == "11-9998"]
    assert formula
    assert {row["title"] for row in formula} == {"'" + FORMULA}
    # Numbers are never changed: the first row's figures, as the fixture file holds them.
    values = {(r["period"], r["statistic"]): r["value"] for r in formula}
    assert values[("hour", "median")] == "18.16"
    assert values[("year", "mean")] == "39680"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+44 20", "'+44 20"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Chief Executives", "Chief Executives"),
        ("a=b", "a=b"),
        ("-3.25", "-3.25"),
        ("-12", "-12"),
        ("132270", "132270"),
        ("", ""),
    ],
)
def test_T11_a_formula_prefix_is_neutralised_in_text_never_in_numbers(
    value: str, written: str
) -> None:
    assert cell(value) == written


def test_T8_T9_the_progress_bar_on_a_terminal_names_the_file_literally(
    files: Path, home: Path
) -> None:
    import pty

    path = fx.national_xlsx(files, "national_M2012_[b]x[]\x1b[2J_dl.xlsx")
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "TERM", "COLUMNS"}}
    process = subprocess.Popen(
        [sys.executable, "-m", "careerstats", "data", "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=child,
        env={**env, "CAREERSTATS_HOME": str(home), "TERM": "xterm"},
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.stdout is not None
    out = process.stdout.read().decode()
    assert process.wait(timeout=60) == 0
    os.close(main)
    terminal = b"".join(chunks)
    assert b"reading national_M2012_[b]x[]\\x1b[2J_dl.xlsx" in terminal  # the bar was drawn
    assert b"\x1b[2J" not in terminal
    assert out.startswith("oews-2012 created: national_M2012_[b]x[]\\x1b[2J_dl.xlsx (national, ")


def test_T9_a_file_name_that_is_not_utf8_is_imported_and_shown_by_its_bytes(
    files: Path, run: Run
) -> None:
    name = os.fsdecode(b"national_M2012_\xff_dl.csv")  # the byte 0xff: no UTF-8 text
    path = fx.write_csv(files / name, fx.NATIONAL_COLUMNS, fx.national_rows())
    imported = run("data", "import", path)
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith("oews-2012 created: national_M2012_\\xff_dl.csv ")
    listed = run("data", "list", "--json")
    files_listed = json.loads(listed.stdout)["releases"][0]["files"]
    assert files_listed[0]["name"] == "national_M2012_\\xff_dl.csv"


def test_T8_T9_an_error_about_an_imported_title_names_it_literally(hostile: Path, run: Run) -> None:
    result = run("compare", "11-9999", "--area", "48")
    assert result.exit_code == 2
    assert result.stderr.startswith("careerstats: error: no source publishes wages for ")
    assert result.stderr.count("\n") == 1
    assert "[except legislators] [/] [link=https://evil.example]x[/link]" in result.stderr
    assert "\\x1b]52;c;agk=\\x07" in result.stderr  # the message writes the title lower-case
    shows_literally(result.stderr)


HIDDEN_CATEGORIES = {"Cc", "Cs"}
BIDI = {0x61C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


@given(st.text(alphabet=st.characters(codec=None)))
def test_T9_visible_text_holds_no_control_character_and_plain_text_is_unchanged(
    text: str,
) -> None:
    import unicodedata

    shown = visible(text)
    for character in shown:
        assert unicodedata.category(character) not in HIDDEN_CATEGORIES
        assert ord(character) not in BIDI
    clean = all(
        unicodedata.category(c) not in HIDDEN_CATEGORIES and ord(c) not in BIDI for c in text
    )
    assert (shown == text) == clean


@given(st.text() | st.from_regex(r"-?[0-9]*\.?[0-9]*", fullmatch=True))
def test_T11_no_csv_text_cell_can_start_a_formula(text: str) -> None:
    written = cell(text)
    assert isinstance(written, str)
    # A number as careerstats writes one: an optional minus, digits, a fraction if any.
    whole, dot, fraction = text.removeprefix("-").partition(".")
    number = (whole + fraction).isascii() and whole.isdigit() and (not dot or fraction.isdigit())
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not number:
        assert written == "'" + text
    else:
        assert written == text


def test_T11_top_csv_neutralises_a_formula_title_and_keeps_its_numbers(
    hostile: Path, run: Run
) -> None:
    result = run("top", "--source", "oews-2012", "--csv")
    assert result.exit_code == 0, result.stderr
    row = next(r for r in csv.DictReader(io.StringIO(result.stdout)) if r["soc"] == "11-9998")
    assert row["title"] == "'" + FORMULA
    assert row["value"] == "37780"  # the fixture's annual median of its U.S. row
