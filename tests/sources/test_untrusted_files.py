"""Hardening of untrusted files: dataset YAML (docs/errors.md, rows Y1-Y12) and OEWS files
(rows O1-O17). Each bad file gives exit status 1 and one line naming the file and, where
there is one, the line, row or column; an import that fails changes nothing in the store.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import oews_files as fx
import pytest
from conftest import Run, as_json
from typer.testing import Result

from careerstats.sources import datafiles

HEADER = fx.NATIONAL_COLUMNS


def one_error_line(result: Result, *parts: str) -> None:
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert len(result.stderr) < 400
    for part in parts:
        assert part in result.stderr, result.stderr


# ------------------------------------------------------------------ dataset files (Y)

BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]"
            for i in range(8)
        ),
        "id: x",
    ]
)

BAD_YAML: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("Y1", b"!!python/object/apply:os.system ['touch pwned']\n", ("line 1", "not valid YAML")),
    ("Y1", b"id: !!python/name:os.system\n", ("line 1", "not valid YAML")),
    ("Y2", BILLION_LAUGHS.encode(), ("more than 100,000 values", "YAML alias")),
    ("Y3", b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", ("line 1", "nested more than 64")),
    ("Y3", b"a:\n" + b"".join(b"  " * n + b"- \n" for n in range(1, 80)), ("nested more than",)),
    # Deep on a later line, after text that is not ASCII: libyaml's own limit meets it first.
    ("Y3", "id: x\nnotes: caf\u00e9\na: ".encode() + b"[" * 5_000 + b"]" * 5_000,
     ("line 3", "nested more than 64 deep")),
    ("Y4", b"notes: '" + b"x" * (6 * 1024 * 1024) + b"'\n", ("too large", "at most 5 MiB")),
    ("Y5", b"\x00\x01\x02\xff\xfe binary", ("line 1", "binary data (byte 0xff)")),
    ("Y14", b"\x08", ("not valid YAML: a control character (code U+0008) at position 0",)),
    ("Y14", b"id: x\nnotes: \"a\x1bb\"\n", ("control character (code U+001B) at position 15",)),
    ("Y6", "id: x\npublisher: caf\u00e9\n".encode("latin-1"), ("line 2", "not UTF-8 text")),
    ("Y7", b"id: x\n  bad: [\n", ("not valid YAML",)),
    ("Y8", b"id: x\nunknown_key: 1\n", ("line 1",)),
    ("Y10", b"", ("the file is empty",)),
    ("Y10", b"# only a comment\n", ("the file is empty",)),
    ("Y11", b"- a list\n- not a mapping\n", ("line 1: expected a mapping of keys and values",)),
    # Values their tag cannot hold: PyYAML's constructors fail with plain Python errors.
    ("Y13", b"id: x\nreference_period: 2023-02-29\n",
     ("line 2", "'2023-02-29' cannot be read as timestamp (no such date or time)")),
    ("Y13", b"id: x\nreference_period: 2023-01-31 25:00:00\n",
     ("line 2", "'2023-01-31 25:00:00' cannot be read as timestamp (no such date or time)")),
    ("Y13", b"id: !!int abc\n", ("line 1", "'abc': write numbers in plain decimal digits")),
    ("Y13", b"id: !!float abc\n", ("line 1", "'abc' cannot be read as float")),
    ("Y13", b"id: !!bool maybe\n", ("line 1", "'maybe' cannot be read as bool")),
    ("Y13", b"id: !!timestamp abc\n", ("line 1", "'abc' cannot be read as timestamp")),
    ("Y13", b"id: " + b"1" * 4400 + b"\n",
     ("line 1", "(4,400 characters) cannot be read as int (too many digits)")),
    ("Y13", b"wage: 1:20:30\n", ("line 1", "'1:20:30': write numbers in plain decimal digits")),
    ("Y13", b"wage: 0x1F\n", ("line 1", "'0x1F': write numbers in plain decimal digits")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "content", "parts"), BAD_YAML, ids=[f"{r}-{i}" for i, (r, _, _) in enumerate(BAD_YAML)]
)
def test_Y1_to_Y14_bad_dataset_files_exit_1_naming_the_file(
    row: str, content: bytes, parts: tuple[str, ...], files: Path, run: Run
) -> None:
    path = files / f"bad_{row.lower()}.yaml"
    path.write_bytes(content)
    one_error_line(run("data", "check", path), f"{path.name}: ", *parts)
    assert not Path("pwned").exists()


def test_Y8_a_schema_error_names_file_line_and_field(files: Path, run: Run) -> None:
    source = (Path(__file__).parents[2] / "data" / "bls_2008.yaml").read_text()
    broken = source.replace("14.36", "-14.36", 1)
    assert broken != source
    path = files / "bls_2008.yaml"
    path.write_text(broken)
    line = broken[: broken.index("-14.36")].count("\n") + 1
    one_error_line(run("data", "check", path), f"bls_2008.yaml: line {line}: ", "wages")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e400", "1.0e+16", "0", "x"])
def test_Y12_nan_infinity_and_text_where_a_figure_belongs(
    value: str, files: Path, run: Run
) -> None:
    source = (Path(__file__).parents[2] / "data" / "bls_2008.yaml").read_text()
    path = files / "bls_2008.yaml"
    path.write_text(source.replace("14.36", value, 1))
    line = source[: source.index("14.36")].count("\n") + 1
    one_error_line(run("data", "check", path), f"bls_2008.yaml: line {line}: ", "wages")


def test_Y9_a_missing_dataset_file_exit_1(files: Path, run: Run) -> None:
    one_error_line(run("data", "check", files / "missing.yaml"), "missing.yaml: cannot be read")


def test_Y2_the_limits_leave_room_for_the_bundled_files(run: Run) -> None:
    result = run("data", "check")
    assert result.exit_code == 0
    assert result.stdout.endswith("5 files valid\n")
    assert datafiles.MAX_DEPTH >= 16


# ------------------------------------------------------------------ OEWS files (O)


def workbook_bytes(files: Path) -> bytes:
    """A workbook whose bytes differ from the earlier one's (text cells, not numbers)."""
    rows = fx.national_rows(text_numbers=True)
    return fx.write_xlsx(files / "template_M2024_dl.xlsx", HEADER, rows).read_bytes()


def zip_of_text() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def csv_text(header: list[str], rows: list[list[object]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


BAD_OEWS = [
    ("O1", "national_M2024_dl.xlsx", lambda f: csv_text(HEADER, fx.national_rows()),
     ("named .xlsx but it is text", "name it .csv")),
    ("O2", "national_M2024_dl.xlsx", lambda f: zip_of_text(), ("not a readable Excel workbook",)),
    ("O3", "national_M2024_dl.xlsx", lambda f: workbook_bytes(f)[:3000],
     ("not a readable Excel workbook: cut short or damaged (its zip archive has no directory "
      "at the end); download it again",)),
    ("O4", "national_M2024_dl.xlsx", lambda f: b"", ("the file is empty",)),
    ("O4", "national_M2024_dl.csv", lambda f: b"\n\n  \n", ("the file is empty",)),
    ("O5", "national_M2024_dl.csv", workbook_bytes,
     ("named .csv but it is an Excel workbook",)),
    ("O7", "national_M2024_dl.csv", lambda f: bytes(range(256)) * 4,
     ("neither UTF-8 nor Windows-1252",)),
    ("O7", "national_M2024_dl.csv", lambda f: b"OCC_CODE,OCC_TITLE\x00\x00\x00\n",
     ("binary data",)),
    ("O7", "national_M2024_dl.xls", lambda f: b"\x00\x01\x02\x03" * 100,
     ("named .xls but it is not an Excel workbook",)),
    ("O8", "national_M2024_dl.csv", lambda f: csv_text(HEADER, []),
     ("no occupation rows under the header",)),
    ("O9", "national_M2024_dl.csv", lambda f: b"AREA,OCC_CODE\n99,43-4051\n",
     ("no header row with OCC_CODE and OCC_TITLE in the first 15 rows",)),
    ("O10", "national_M2024_dl.csv", lambda f: b"OCC_CODE,OCC_TITLE\n43-4051,CSR\n",
     ("the header has no wage columns",)),
    ("O11", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, [*fx.national_rows()[:3], [*fx.national_rows()[3][:17], "n/a",
                                                           *fx.national_rows()[3][18:]]]),
     ("row 5: H_MEAN is 'n/a'",)),
    ("O11", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, [[*fx.national_rows()[0][:17], "-3",
                                  *fx.national_rows()[0][18:]]]),
     ("row 2: H_MEAN is '-3'",)),
    ("O12", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, [[*fx.national_rows()[0][:8], "4051", *fx.national_rows()[0][9:]]]),
     ("row 2: OCC_CODE '4051' is not a SOC code",)),
    ("O13", "national.csv", lambda f: csv_text(HEADER, fx.national_rows()),
     ("cannot tell the release year", "--year")),
    ("O16", "national_M2024_dl.txt", lambda f: csv_text(HEADER, fx.national_rows()),
     ("unknown file type .txt",)),
    # A download cut off in the middle of a row, or inside a quoted title.
    ("O19", "national_M2024_dl.csv", lambda f: csv_text(HEADER, fx.national_rows())[:-60],
     ("row 10: 19 of the header's 32 columns", "cut short or damaged")),
    ("O19", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, fx.national_rows()) + b'99,U.S.,1,US,000000,"Cross-ind',
     ("row 11: 6 of the header's 32 columns",)),
    ("O20", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, [[*fx.national_rows()[0][:17], "1" * 5000,
                                  *fx.national_rows()[0][18:]]]),
     ("row 2: H_MEAN is '1111111111", "(5,000 characters), too large for a wage")),
    ("O21", "national_M2024_dl.csv",
     lambda f: csv_text(HEADER, [[*fx.national_rows()[0][:9], "x" * 200_000,
                                  *fx.national_rows()[0][10:]]]),
     ("line 2: not readable as CSV: a field longer than 131,072 characters",)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "name", "make", "parts"), BAD_OEWS, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD_OEWS)]
)
def test_O1_to_O21_bad_oews_files_exit_1_and_change_nothing(
    row: str, name: str, make: object, parts: tuple[str, ...], files: Path, run: Run
) -> None:
    earlier = fx.national_xlsx(files, "national_M2023_dl.xlsx")
    assert run("data", "import", earlier).exit_code == 0
    before = as_json(run("data", "list", "--json"))
    path = files / name
    path.write_bytes(make(files))  # type: ignore[operator]
    one_error_line(run("data", "import", path), f"{name}: ", *parts)
    assert as_json(run("data", "list", "--json")) == before
    # A bad file among good ones: the whole command changes nothing.
    good = fx.write_csv(files / "good_M2011_dl.csv", HEADER, fx.national_rows())
    one_error_line(run("data", "import", good, path), f"{name}: ")
    assert as_json(run("data", "list", "--json")) == before


def test_O6_a_windows_1252_csv_is_read_with_a_note(files: Path, run: Run, home: Path) -> None:
    rows = fx.national_rows()
    rows[7][9] = "Public Relations Specialists \u2013 Caf\u00e9"
    path = files / "national_M2012_dl.csv"
    path.write_bytes(csv_text(HEADER, rows).decode().encode("cp1252"))
    result = run("data", "import", path)
    assert result.exit_code == 0
    assert result.stderr == (
        "note: national_M2012_dl.csv is not UTF-8; read as Windows-1252 (Excel's CSV encoding)\n"
    )
    db = sqlite3.connect(home / "store.sqlite3")
    title = db.execute("SELECT title FROM occupations WHERE occ_code = '27-3031'").fetchone()
    db.close()
    assert title == ("Public Relations Specialists \u2013 Caf\u00e9",)


@pytest.mark.parametrize("row", ["O14 a directory", "O15 a missing file"])
def test_O14_O15_paths_that_are_not_files(row: str, files: Path, run: Run) -> None:
    path = files / "sub_M2024" if row.startswith("O14") else files / "missing_M2024.csv"
    if row.startswith("O14"):
        path.mkdir()
        one_error_line(run("data", "import", path), "sub_M2024: is a directory")
    else:
        one_error_line(run("data", "import", path), "missing_M2024.csv: cannot be read")


def test_O17_a_workbook_without_an_oews_sheet_names_its_sheets(files: Path, run: Run) -> None:
    path = fx.write_xlsx(files / "national_M2024_dl.xlsx", ["A", "B"], [[1, 2]], notes=None)
    one_error_line(run("data", "import", path), "no sheet has an OEWS header", "sheets: ")


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("O22 an .xls named .xlsx", "national_M2024_dl.xlsx",
         "named .xlsx but it is an older .xls workbook; name it .xls"),
        ("O22 an .xlsx named .xls", "national_M2024_dl.xls",
         "named .xls but it is an .xlsx workbook; name it .xlsx"),
    ],
)  # fmt: skip
def test_O22_a_workbook_named_as_the_other_kind_is_named_for_what_it_is(
    name: str, make: str, message: str, files: Path, run: Run
) -> None:
    if make.endswith(".xlsx"):
        source = fx.write_xls(files / "source.xls", HEADER, fx.national_rows())
    else:
        source = fx.national_xlsx(files, "source.xlsx")
    path = files / make
    path.write_bytes(source.read_bytes())
    one_error_line(run("data", "import", path), f"{make}: {message}")
