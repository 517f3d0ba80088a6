"""The scan of an .xlsx sheet for references beyond the limits (docs/errors.md O23) at the
edges its fast path must keep: a reference split between two of the pieces the sheet is
inflated in, lowercase letters, namespaced tags, attributes in any order, values in single
quotes, attributes that merely end in r. Only the check runs here, never calamine, so a
reference the check missed cannot take the process down; the installed command is driven
under a memory limit in test_hostile_workbooks.py."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerstats.errors import DataError
from careerstats.sources import workbook_limits as limits

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
FIRST_ROW = b'<row r="1"><c r="A1"><v>1</v></c></row>'


def workbook(sheet_data: bytes) -> bytes:
    """A one-sheet .xlsx whose sheetData holds `sheet_data` after a first row with A1."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
            '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{OFFICE}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>',
        )
        book.writestr(
            "xl/worksheets/sheet1.xml", HEAD + FIRST_ROW + sheet_data + b"</sheetData></worksheet>"
        )
    return out.getvalue()


def check(sheet_data: bytes) -> tuple[str, str] | None:
    return limits.open_xlsx(workbook(sheet_data), "book.xlsx").check_sheet(0)


def refusal(what: str) -> str:
    return (
        f"book.xlsx: {what} in sheet1.xml: beyond what careerstats reads, at most 999,999 "
        "rows and 52 columns (A to AZ) per sheet"
    )


@pytest.mark.parametrize(
    ("cells", "what"),
    [
        (b'<row r="2"><c r="xfd2"><v>1</v></c></row>', "a cell at xfd2"),
        (b'<row r="2"><c r="bA2"><v>1</v></c></row>', "a cell at bA2"),
        (
            f'<x:row xmlns:x="{MAIN}" r="2"><x:c r="XFD2"><x:v>1</x:v></x:c></x:row>'.encode(),
            "a cell at XFD2",
        ),
        (b'<row r="2"><c s="1" t="n" r="BA2"><v>1</v></c></row>', "a cell at BA2"),
        (b"<row r='2'><c r='XFD1048576'><v>1</v></c></row>", "a cell at XFD1048576"),
        (b"<row r='1000000'><c r='A1000000'><v>1</v></c></row>", "row 1000000"),
        (b'<row r="2"><c\tr="AA1000000"><v>1</v></c></row>', "a cell at AA1000000"),
        (b'<row r="2"><c\nr="ZZ2"/></row>', "a cell at ZZ2"),
    ],
)
def test_O23_far_references_are_found_in_any_markup_xml_allows(cells: bytes, what: str) -> None:
    with pytest.raises(DataError) as raised:
        check(cells)
    assert str(raised.value) == refusal(what)


@pytest.mark.parametrize(
    "cells",
    [
        b'<row r="999999"><c r="AZ999999"><v>1</v></c></row>',
        b"<row r='20'><c r='AZ20'><v>1</v></c></row>",
        b'<row r="20"><c r="az20"><v>1</v></c></row>',
        # A prefixed attribute is not the cell's r (calamine places such a cell by its order).
        b'<row r="2"><c r="A2" x:r="XFD2" xmlns:x="urn:x"><v>1</v></c></row>',
        # Attributes whose names end in r, with values that would be far references.
        b'<row r="2" spanr="XFD1"><c r="A2" footer="1000000"><v>1</v></c></row>',
    ],
)
def test_O23_references_within_the_limits_and_lookalikes_pass(cells: bytes) -> None:
    assert check(cells) is None


UNREADABLE = (
    "book.xlsx: sheet1.xml has a cell whose reference is not one: not a worksheet careerstats "
    "reads (the data sheet of an OEWS workbook from BLS, or one saved from a spreadsheet)"
)


def judged(value: str, quote: str) -> str | None:
    """What the check must say of a cell whose reference is `value`, as docs/oews.md states
    the limits: nothing for the usual cell (in double quotes, one or two letters, the first
    of two an A, then one to six digits); else a reference beyond the limits is named, and
    anything that is not a reference at all is refused as unreadable."""
    if quote == '"' and re.fullmatch(r"(?:[Aa]?[A-Za-z])?[0-9]{1,6}", value):
        return None
    found = re.fullmatch(r"([A-Za-z]{1,3})([1-9][0-9]{0,8})", value)
    if found is None:
        return UNREADABLE
    letters, digits = found.groups()
    column = 0
    for letter in letters.upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return refusal(f"a cell at {value}") if column > 52 or int(digits) > 999_999 else None


@settings(max_examples=400, deadline=None)
@given(
    value=st.text(alphabet="AaBZz0179", max_size=11),
    quote=st.sampled_from(['"', "'"]),
    padding=st.integers(min_value=0, max_value=40),
    piece=st.integers(min_value=1, max_value=24),
)
def test_O23_a_reference_split_between_pieces_is_judged_whole(
    value: str, quote: str, padding: int, piece: int
) -> None:
    """The sheet inflated in pieces of a few bytes, so that each reference is cut somewhere:
    a reference is refused exactly when it is beyond the limits, wherever the cut falls."""
    cells = b" " * padding + f'<row r="2"><c r={quote}{value}{quote}><v>1</v></c></row>'.encode()
    previous = limits._CHUNK
    limits._CHUNK = piece
    try:
        expected = judged(value, quote)
        if expected is None:
            assert check(cells) is None
        else:
            with pytest.raises(DataError) as raised:
                check(cells)
            assert str(raised.value) == expected
    finally:
        limits._CHUNK = previous


@pytest.mark.parametrize("cut", [0, 1, 3, 5, 8, 12, 15])
def test_O23_a_reference_across_the_first_megabyte_is_found(cut: int) -> None:
    """The same at the real size of a piece, the reference cut `cut` bytes after its r."""
    before = len(HEAD) + len(FIRST_ROW) + len(b'<row r="5"><c ')
    padding = limits._CHUNK - before - cut
    cells = b" " * padding + b'<row r="5"><c r="XFD1048576"><v>1</v></c></row>'
    assert len(HEAD + FIRST_ROW + cells) > limits._CHUNK
    with pytest.raises(DataError) as raised:
        check(cells)
    assert str(raised.value) == refusal("a cell at XFD1048576")


@pytest.mark.parametrize(
    ("cells", "what"),
    [
        (b'<row r="2"><c r = "XFD2"><v>1</v></c></row>', "a cell at XFD2"),
        (b"<row r='2'><c r\n=\n'BA2'><v>1</v></c></row>", "a cell at BA2"),
        (b'<row r = "1000000"><c><v>1</v></c></row>', "row 1000000"),
        (b'<row r="7">' + b"<c><v>1</v></c>" * 53 + b"</row>", "a cell at row 7, column 53"),
        # After a cell with a reference, one without it is the next column.
        (b'<row r="3"><c r="AZ3"><v>1</v></c><c><v>2</v></c></row>', "a cell at row 3, column 53"),
        (
            b'<x:sheetData xmlns:x="urn:x"><x:row><x:c r = "BB9"/></x:row>',
            "a cell at BB9",
        ),
    ],
)
def test_O23_cells_placed_by_their_order_or_with_spaced_references_are_followed(
    cells: bytes, what: str
) -> None:
    """calamine places a row or cell without a reference after the one before it, and reads
    `r = "..."` with spaces: such a sheet is followed tag by tag, as calamine reads it."""
    with pytest.raises(DataError) as raised:
        check(cells)
    assert str(raised.value) == refusal(what)


@pytest.mark.parametrize(
    "cells",
    [
        b'<row r="2"><c><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>',
        b'<row r="7">' + b"<c><v>1</v></c>" * 52 + b"</row>",
        b'<row r="2"><c s="1" r="B2"><v>1</v></c><c><v>2</v></c></row>',
        b'<row r = "999999"><c r = "AY999999"><v>1</v></c><c/></row>',
    ],
)
def test_O23_cells_placed_by_their_order_within_the_limits_pass(cells: bytes) -> None:
    assert check(cells) is None


@settings(max_examples=200, deadline=None)
@given(
    padding=st.integers(min_value=0, max_value=40),
    piece=st.integers(min_value=1, max_value=24),
    referenced=st.booleans(),
)
def test_O23_a_cell_without_a_reference_is_noticed_wherever_the_pieces_are_cut(
    padding: int, piece: int, referenced: bool
) -> None:
    """The tags are counted piece by piece; a cell without a reference among cells with
    one is noticed wherever the cuts fall, and a sheet whose every tag has one is never
    followed tag by tag (which would refuse this one: its 53 cells reach column 53)."""
    first = b'<c r="A9"><v>1</v></c>' if referenced else b"<c><v>1</v></c>"
    cells = b" " * padding + b'<row r="9">' + first + b"<c><v>1</v></c>" * 52 + b"</row>"
    previous = limits._CHUNK
    limits._CHUNK = piece
    try:
        with pytest.raises(DataError) as raised:
            check(cells)
        assert str(raised.value) == refusal("a cell at row 9, column 53")
    finally:
        limits._CHUNK = previous


def unreadable(what: str) -> str:
    return (
        f"book.xlsx: sheet1.xml {what}: not a worksheet careerstats reads (the data sheet of an "
        "OEWS workbook from BLS, or one saved from a spreadsheet)"
    )


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        # calamine reads the digits of a long reference from its end: leading zeros hid it.
        (
            b'<row r="2"><c r="XFD' + b"0" * 40 + b'1048576"><v>1</v></c></row>',
            unreadable("has a cell whose reference is not one"),
        ),
        (
            b'<row r="' + b"0" * 40 + b'1000005"><c><v>1</v></c></row>',
            unreadable("has a row whose number is not one"),
        ),
        # A ">" inside an earlier attribute's value does not end the tag.
        (
            b'<row r="2"><c foo=">" r="XFD1048576"><v>1</v></c></row>',
            refusal("a cell at XFD1048576"),
        ),
        # calamine takes the last of two references.
        (
            b'<row r="20"><c r="A20" r="XFD1048576"><v>1</v></c></row>',
            unreadable("has a row or cell with two references"),
        ),
        (
            b"<row r='2'><c r='A2' r='XFD2'><v>1</v></c></row>",
            unreadable("has a row or cell with two references"),
        ),
        # Attributes run together, which calamine reads.
        (
            b'<row r="2"><c t="n"r="A1000005"><v>1</v></c></row>',
            unreadable("has a row or cell tag it cannot read"),
        ),
        # A comment that would reset the row and column a scan of tags counts.
        (
            b'<row r="900000">'
            + (b"<c><v>1</v></c>" * 50 + b'<!--<row r="900000">-->') * 2
            + b"</row>",
            unreadable("holds comments, CDATA or declarations"),
        ),
        (
            b'<row r="2"><c><is><t><![CDATA[<row r="1">]]></t></is></c></row>',
            unreadable("holds comments, CDATA or declarations"),
        ),
    ],
    ids=[
        "long reference",
        "long row number",
        "> in a value",
        "two references",
        "two in single quotes",
        "no space before r",
        "comment",
        "CDATA",
    ],
)
def test_O23_what_a_scan_of_tags_cannot_place_exactly_is_refused(
    cells: bytes, message: str
) -> None:
    """Found in review: each of these placed a cell beyond the limits past an earlier form of
    the check, and calamine then asked for hundreds of gigabytes."""
    with pytest.raises(DataError) as raised:
        check(cells)
    assert str(raised.value) == message
