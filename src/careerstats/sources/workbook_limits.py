"""What a workbook may hold, checked in its bytes before calamine parses any of it.

calamine turns a sheet into one dense grid from its first to its last cell: a single cell at
XFD1048576 asks for 17 billion cells (550 GB) and aborts the process; a sheet of gigabytes
of whitespace takes seconds and gigabytes to parse. Neither can be caught once calamine has
started, so the archive (.xlsx) or the record stream (.xls) is read here first, with the
standard library alone, and a workbook beyond these limits is refused with one line naming
the limit. The limits are far above BLS's largest file (the all-data workbook: about
415,000 rows of 32 columns, A to AF; about 1.6 MB of sheet XML per 1,400 rows, so some
480 MB for its data sheet) and far below what would hurt the machine (the largest grid
allowed costs calamine about 1.6 GB).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from typing import TYPE_CHECKING, NoReturn

from careerstats.errors import DataError

if TYPE_CHECKING:
    import zipfile

MiB = 1024 * 1024
# The file itself is read into memory once (hashed, then parsed from those bytes).
MAX_FILE_BYTES = 1024 * MiB
# Any one part of an .xlsx archive, uncompressed, and all of them together.
MAX_PART_BYTES = 1024 * MiB
MAX_ARCHIVE_BYTES = 2048 * MiB
# Rows and columns of a sheet (columns A to AZ); Excel itself stops at 1,048,576 rows.
MAX_ROWS = 999_999
MAX_COLUMNS = 52
# The parts calamine reads whole as it opens a workbook: the shared strings (every text cell
# of every sheet, once: about 100 KB in a national workbook) and the styles.
MAX_SHARED_PART_BYTES = 64 * MiB
_SHARED_PARTS = ("xl/sharedstrings.xml", "xl/styles.xml")
# Sheets other than the data sheet are read only for the notes that state the top-coding
# ceiling (about 9 KB in BLS's workbooks); a larger one is not read at all.
MAX_NOTES_SHEET_BYTES = 4 * MiB
# Any text cell careerstats keeps (a title, a code): BLS's longest are about 150 characters.
MAX_CELL_CHARS = 1_000


def _limits_text() -> str:
    return f"at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns (A to AZ)"


def check_file_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise DataError(
            f"{name}: {size / MiB:,.0f} MiB is larger than careerstats reads "
            f"(at most {MAX_FILE_BYTES // MiB:,} MiB per file)"
        )


# ------------------------------------------------------------------ .xlsx


# The data sheet is read once more here, whole, before calamine reads it: inflated by zlib in
# pieces of 1 MiB, each scanned while the processor's cache still holds it. calamine places a
# cell by its own reference, or, without one, after the cell before it in the row its row
# element states (or the row after the one before): only cells make the grid. So every cell
# tag is looked at, and the usual one, `<c r="B2"`, a reference within the limits stated
# first, passes at once. Both expressions start with a literal, which the regular-expression
# engine finds by itself (far faster than trying a pattern at every byte), and their
# possessive steps never backtrack. A cell tag of any other form (a reference beyond the
# limits, none, one in single quotes or with spaces around "=", other attributes) has the
# whole sheet followed tag by tag, as calamine places cells (`_check_positions`): rare, and
# exact, or refused where a scan of tags cannot place them exactly. The
# check costs about 0.5 s per 100,000 rows of an all-data workbook, half inflating and half
# scanning, against some 2.5 s for calamine.

# The usual cell tag, as Excel, LibreOffice, openpyxl and BLS write every one: its reference
# first, within the limits (one or two letters, the first of two an A: columns A to AZ; one
# to six digits), in double quotes, then at most a style and a type, then the tag's end.
_USUAL = rb' r="[Aa]?+[A-Za-z]?+[0-9]{1,6}+"(?: [st]="[A-Za-z0-9]{0,9}+")*+/?>'
# A cell tag of any other form: it has the sheet followed tag by tag.
_CELL = re.compile(rb"<c(?!" + _USUAL + rb")")
# The same for a prefixed tag (`<x:c`), which calamine reads as a cell too.
_PREFIXED_CELL = re.compile(rb":c(?!" + _USUAL + rb")")
# A cell of type "e" (error); `_error_cell` then reads which error it holds.
_ERROR_TYPE = re.compile(rb't="e"')
# The end of a window that may hold a tag cut off by the end of its piece: it begins the next
# window, where the tag's start is whole (`<c r="AZ999999"` takes 16 bytes; t="e" takes 5).
_OVERLAP = 32
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="([A-Za-z]*)([0-9]*)(?::([A-Za-z]+)([0-9]+))?"'
)
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\b(?:\w+:)?id="([^"]+)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_CHUNK = 1 * MiB
# A name character: after `<c` or `:c`, it makes another tag (`<col>`, `<cfRule>`).
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:")


class Xlsx:
    """An .xlsx archive whose sizes are within the limits, and the zip part of each sheet."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive, self.name = archive, name
        self.sizes = {info.filename: info.file_size for info in archive.infolist()}
        self.sheet_parts = _sheet_parts(archive, self.sizes)

    def part_size(self, index: int) -> int | None:
        parts = self.sheet_parts
        return self.sizes.get(parts[index] or "") if index < len(parts) else None

    def check_sheet(self, index: int) -> tuple[str, str] | None:
        """Refuse the sheet if it reaches beyond the rows and columns allowed; return its first
        cell holding a formula error (reference, error), which calamine reads as empty.

        Read through the standard library's zip reader, which stops at the size the archive
        declares and checks the CRC: a part that would inflate beyond its declared size is
        refused here too.
        """
        part = self.sheet_parts[index] if index < len(self.sheet_parts) else None
        if part is None:
            return None
        error: tuple[str, str] | None = None
        tail = b""
        first = True
        unusual = False
        for chunk in _chunks(self.archive, part, self.name):
            if first:
                _check_dimension(chunk, self.name, part)
                first = False
            window = tail + chunk
            unusual = unusual or _unusual_cell(window, len(window) - _OVERLAP)
            if error is None and _ERROR_TYPE.search(window):
                error = _error_cell(window)
            tail = window[-_OVERLAP - 1 :]
        if unusual or _unusual_cell(tail, len(tail)):
            self._check_positions(part)
        return error

    def _check_positions(self, part: str) -> None:
        """Each row and cell of the sheet, in order, placed as calamine places it: refuse a
        reference beyond the limits, or a cell without one placed beyond them (one such cell
        per column of a wide row at a high row number would otherwise ask for a grid of
        billions of cells). Only what can be placed exactly is followed: a sheet holding
        comments, CDATA, processing instructions or declarations, or a row or cell tag of any
        form XML does not give plainly (a reference twice, attributes run together, a
        reference that is not letters and digits), is refused rather than guessed at."""
        row, column, rest, read = 0, 0, b"", 0
        for chunk in _chunks(self.archive, part, self.name):
            window = rest + chunk
            read += len(chunk)
            declaration = max(0, _DECLARATION - (read - len(window)))  # left of it in window
            if _HIDDEN_MARKUP.search(window, declaration):
                self._unreadable(part, "holds comments, CDATA or declarations")
            done, carry = 0, None
            for start in _ROW_OR_CELL_START.finditer(window):
                tag = _ROW_OR_CELL.match(window, start.start())
                if tag is None:
                    if start.start() > len(window) - _LONGEST_TAG:
                        carry = start.start()  # it may end in the next piece
                        break
                    self._unreadable(part, "has a row or cell tag it cannot read")
                done = tag.end()
                references = [value for name, value in _attributes(tag.group(2)) if name == b"r"]
                if len(references) > 1:
                    self._unreadable(part, "has a row or cell with two references")
                stated = references[0] if references else None
                if tag.group(1) == b"row":
                    if stated is not None and not _ROW_NUMBER.fullmatch(stated):
                        self._unreadable(part, "has a row whose number is not one")
                    row, column = (int(stated) if stated else row + 1), 0
                    if row > MAX_ROWS:
                        self._refuse(part, f"row {row}" if stated else f"row {row:,}")
                elif stated is None:  # after the cell before it, in its row element's row
                    column += 1
                    if row > MAX_ROWS or column > MAX_COLUMNS:
                        self._refuse(part, f"a cell at row {row:,}, column {column:,}")
                else:
                    reference = _CELL_REFERENCE.fullmatch(stated)
                    if reference is None:
                        self._unreadable(part, "has a cell whose reference is not one")
                    column = _column_number(reference.group(1).decode("ascii"))
                    if column > MAX_COLUMNS or int(reference.group(2)) > MAX_ROWS:
                        self._refuse(part, f"a cell at {stated.decode('ascii')}")
            if carry is None:  # a tag's start cut off at the end of the window, if any
                last = window.rfind(b"<")
                carry = last if last >= done else len(window)
            rest = window[carry:]
        if _ROW_OR_CELL_START.search(rest):  # the sheet ended: nothing more can complete it
            self._unreadable(part, "has a row or cell tag it cannot read")

    def _unreadable(self, part: str, what: str) -> NoReturn:
        raise DataError(
            f"{self.name}: {_short(part)} {what}: not a worksheet careerstats reads "
            "(the data sheet of an OEWS workbook from BLS, or one saved from a spreadsheet)"
        )

    def _refuse(self, part: str, what: str) -> NoReturn:
        raise DataError(
            f"{self.name}: {what} in {_short(part)}: beyond what careerstats reads, "
            f"{_limits_text()} per sheet"
        )


def _unusual_cell(window: bytes, end: int) -> bool:
    """Whether a cell tag starting before `end` is not the usual `<c r="B2"` (one that starts
    at `end` or later may be cut off: the next window begins before it)."""
    for pattern in (_CELL, _PREFIXED_CELL):
        for found in pattern.finditer(window):
            if found.start() >= end:
                break
            after = found.end()
            if after == len(window) or window[after] not in _NAME_BYTES:
                return True
    return False


# A row or cell tag's start, and the whole tag as XML gives it plainly: attributes each after
# white space, values in either quote (a ">" may stand inside one; "<" may not).
_ROW_OR_CELL_START = re.compile(rb"<(?:[\w.-]+:)?(?:row|c)(?=[\s/>])")
_ROW_OR_CELL = re.compile(
    rb"<(?:[\w.-]+:)?(row|c)"
    rb"((?:\s+[\w.:-]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*)\s*/?>"
)
_ATTRIBUTE_VALUE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
# What calamine skips but a scan of tags would not: comments, CDATA, processing
# instructions, declarations (the XML declaration opens the sheet, before the 64th byte).
_HIDDEN_MARKUP = re.compile(rb"<[!?]")
_DECLARATION = 64  # the XML declaration, <?xml ...?>, ends before this byte of the sheet
_ROW_NUMBER = re.compile(rb"[1-9][0-9]{0,8}")
_CELL_REFERENCE = re.compile(rb"([A-Za-z]{1,3})([1-9][0-9]{0,8})")
# A row or cell tag longer than this, in a sheet followed tag by tag, is refused.
_LONGEST_TAG = 64 * 1024


def _attributes(text: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (found.group(1), found.group(2) if found.group(2) is not None else found.group(3))
        for found in _ATTRIBUTE_VALUE.finditer(text)
    ]


# A cell of type "e" (error), its formula if any, and the error its value holds.
_ERROR_CELL = re.compile(
    rb'<(?:\w+:)?c\b([^>]*\bt="e"[^>]*)>\s*'
    rb"(?:<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*)?"
    rb"<(?:\w+:)?v>([^<]{0,20})<"
)
_REFERENCE = re.compile(rb'\br="([A-Za-z]{1,3}[0-9]{1,7})"')


def _error_cell(window: bytes) -> tuple[str, str] | None:
    for found in _ERROR_CELL.finditer(window):
        reference = _REFERENCE.search(found.group(1))
        if reference is not None:
            return reference.group(1).decode("ascii"), found.group(2).decode("ascii", "replace")
    return None


def open_xlsx(content: bytes, name: str) -> Xlsx:
    import io
    import zipfile

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        infos = archive.infolist()
    except Exception:  # zipfile raises several kinds on a damaged archive
        raise DataError(
            f"{name}: not a readable Excel workbook: cut short or damaged (its zip archive "
            "cannot be read); download it again"
        ) from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower() in _SHARED_PARTS and info.file_size > MAX_SHARED_PART_BYTES:
            raise DataError(
                f"{name}: {_short(info.filename)} unpacks to {info.file_size / MiB:,.0f} MiB, "
                "beyond what careerstats reads (at most "
                f"{MAX_SHARED_PART_BYTES // MiB:,} MiB for the text of all cells)"
            )
        if info.file_size > MAX_PART_BYTES:
            raise DataError(
                f"{name}: {_short(info.filename)} unpacks to {info.file_size / MiB:,.0f} MiB, "
                f"beyond what careerstats reads (at most {MAX_PART_BYTES // MiB:,} MiB per part)"
            )
    if total > MAX_ARCHIVE_BYTES:
        raise DataError(
            f"{name}: unpacks to {total / MiB:,.0f} MiB, beyond what careerstats reads "
            f"(at most {MAX_ARCHIVE_BYTES // MiB:,} MiB in all)"
        )
    return Xlsx(archive, name)


def _short(part: str) -> str:
    return part.rpartition("/")[2] or part


def _chunks(archive: zipfile.ZipFile, part: str, name: str) -> Iterator[bytes]:
    import zipfile
    import zlib

    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        raise DataError(
            f"{name}: not a readable Excel workbook: {_short(part)} is damaged or larger "
            "than its archive declares; download it again"
        ) from None
    except (OSError, RuntimeError, NotImplementedError) as error:  # encrypted, unknown method
        raise DataError(f"{name}: not a readable Excel workbook ({error})") from None


def _check_dimension(head: bytes, name: str, part: str) -> None:
    found = _DIMENSION.search(head, 0, 4096)
    if found is None:
        return
    letters = (found.group(3) or found.group(1)).decode("ascii")
    digits = (found.group(4) or found.group(2)).decode("ascii")
    if _column_number(letters) > MAX_COLUMNS or (digits and int(digits[:9]) > MAX_ROWS):
        raise DataError(
            f"{name}: {_short(part)} declares cells up to {letters}{digits}, beyond what "
            f"careerstats reads, {_limits_text()} per sheet"
        )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper()[:4]:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _sheet_parts(archive: zipfile.ZipFile, sizes: dict[str, int]) -> list[str | None]:
    """The zip part of each sheet, in the workbook's order (calamine's order too)."""
    import zipfile
    import zlib

    try:
        book = _small_part(archive, "xl/workbook.xml", sizes)
        relations = _small_part(archive, "xl/_rels/workbook.xml.rels", sizes)
    except (KeyError, zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError,
            ValueError, NotImplementedError):  # fmt: skip
        return []  # calamine then says what is wrong with the workbook
    targets: dict[bytes, str] = {}
    for found in _RELATION.finditer(relations):
        attributes = dict(_ATTRIBUTE.findall(found.group(1)))
        if b"Id" in attributes and b"Target" in attributes:
            target = attributes[b"Target"].decode("utf-8", "replace").lstrip("/")
            targets[attributes[b"Id"]] = target if target.startswith("xl/") else f"xl/{target}"
    parts: list[str | None] = []
    for found in _SHEET.finditer(book):
        part = targets.get(found.group(1))
        parts.append(part if part in sizes else None)
    return parts


def _small_part(archive: zipfile.ZipFile, part: str, sizes: dict[str, int]) -> bytes:
    if sizes.get(part, 0) > 16 * MiB:
        raise ValueError(part)
    return archive.read(part)


# ------------------------------------------------------------------ .xls


_CELL_RECORDS = frozenset(
    {0x0006, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x0207, 0x0208, 0x00D6}
)
_MULTIPLE_RECORDS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: the last column at the end
_END_OF_CHAIN = 0xFFFFFFFE


def check_xls(content: bytes, name: str) -> dict[int, tuple[str, str]]:
    """Refuse an .xls workbook with a cell beyond the limits (calamine builds every sheet's
    grid as it opens the file), and return the first formula error of each sheet (by index),
    which calamine reads as empty. The workbook stream is found in the OLE container and its
    records walked; BIFF8 rows stop at 65,536, columns are checked against the limit."""
    stream = _ole_stream(content, name)
    offset, end = 0, len(stream)
    unpack = struct.unpack_from
    sheet = -2  # the first BOF opens the workbook globals, each later one a sheet
    errors: dict[int, tuple[str, str]] = {}
    while offset + 4 <= end:
        kind, length = unpack("<HH", stream, offset)
        body = offset + 4
        if kind in _CELL_RECORDS and length >= 4:
            row, column = unpack("<HH", stream, body)
            _check_cell(row, column, name)
            if sheet not in errors and length >= 8 and body + 14 <= end:
                error = _xls_error(kind, stream[body : body + length])
                if error is not None:
                    errors[sheet] = (_reference(row, column), error)
        elif kind in _MULTIPLE_RECORDS and length >= 6:
            row, _ = unpack("<HH", stream, body)
            (last,) = unpack("<H", stream, body + length - 2)
            _check_cell(row, last, name)
        elif kind == 0x0809:
            sheet += 1
        offset = body + length
    return errors


_XLS_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
               0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"}  # fmt: skip


def _xls_error(kind: int, body: bytes) -> str | None:
    if kind == 0x0205 and len(body) >= 8 and body[7] == 1:  # BOOLERR holding an error
        return _XLS_ERRORS.get(body[6], "#ERROR")
    # FORMULA whose cached result is an error: 2 in its first byte, 0xFFFF in its last two.
    if kind == 0x0006 and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
        return _XLS_ERRORS.get(body[8], "#ERROR")
    return None


def _reference(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


def _check_cell(row: int, column: int, name: str) -> None:
    if row >= MAX_ROWS or column >= MAX_COLUMNS:
        raise DataError(
            f"{name}: a cell at row {row + 1:,}, column {column + 1:,}: beyond what "
            f"careerstats reads, {_limits_text()} per sheet"
        )


def _ole_stream(content: bytes, name: str) -> bytes:
    """The bytes of the Workbook (or Book) stream of an OLE compound file."""

    def damaged() -> DataError:
        return DataError(f"{name}: not a readable Excel workbook, damaged or cut short? (.xls)")

    try:
        shift, mini_shift = struct.unpack_from("<HH", content, 0x1E)
        if not (7 <= shift <= 16 and mini_shift < shift):
            raise damaged()
        size = 1 << shift
        (fat_count, directory_start, _, mini_cutoff, mini_fat_start, mini_fat_count,
         difat_start, difat_count) = struct.unpack_from("<8I", content, 0x2C)  # fmt: skip
        sectors = (len(content) - 512) // size + 1

        def sector(index: int) -> bytes:
            if index >= sectors:
                raise damaged()
            start = 512 + index * size
            return content[start : start + size]

        difat = list(struct.unpack_from("<109I", content, 0x4C))
        next_difat, seen = difat_start, 0
        while next_difat < _END_OF_CHAIN and seen < min(difat_count, sectors):
            block = struct.unpack(f"<{size // 4}I", sector(next_difat))
            difat.extend(block[:-1])
            next_difat, seen = block[-1], seen + 1
        fat: list[int] = []
        for index in difat[: min(fat_count, sectors)]:
            fat.extend(struct.unpack(f"<{size // 4}I", sector(index)))

        def chain(start: int, table: list[int]) -> list[int]:
            found: list[int] = []
            while start < _END_OF_CHAIN:
                if start >= len(table) or len(found) > len(table):
                    raise damaged()
                found.append(start)
                start = table[start]
            return found

        directory = b"".join(sector(i) for i in chain(directory_start, fat))
        entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
        root = entries[0] if entries else b""
        for entry in entries:
            length = min(struct.unpack_from("<H", entry, 64)[0], 64)
            entry_name = entry[: max(length - 2, 0)].decode("utf-16-le", "replace")
            if entry[66] == 2 and entry_name in {"Workbook", "Book"}:
                start, stream_size = struct.unpack_from("<II", entry, 116)
                if stream_size >= mini_cutoff:
                    data = b"".join(sector(i) for i in chain(start, fat))
                    return data[:stream_size]
                mini_fat: list[int] = []
                for index in chain(mini_fat_start, fat)[:mini_fat_count]:
                    mini_fat.extend(struct.unpack(f"<{size // 4}I", sector(index)))
                mini_stream = b"".join(
                    sector(i) for i in chain(struct.unpack_from("<I", root, 116)[0], fat)
                )
                mini = 1 << mini_shift
                data = b"".join(
                    mini_stream[i * mini : (i + 1) * mini] for i in chain(start, mini_fat)
                )
                return data[:stream_size]
    except (struct.error, IndexError):
        raise damaged() from None
    raise DataError(f"{name}: not an Excel workbook: it has no Workbook stream")
