"""A generated OEWS all-data file for the import benchmark (bench/run.py).

An all_data_M_2022.csv of the real layout: the nation, states and metropolitan areas
cross-industry, plus national industry rows, with the special values (*, **, #) and
thousands separators real files have. Standard library and the project only.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from careerstats.sources.oews import CURRENT_COLUMNS

COLUMNS = list(CURRENT_COLUMNS)
KNOWN = {"43-4051": "Customer Service Representatives", "27-3031": "Public Relations Specialists"}


def occupations(count: int) -> list[tuple[str, str]]:
    found = list(KNOWN.items())
    rng = random.Random(1)
    codes = set(KNOWN)
    while len(found) < count:
        code = f"{rng.randint(11, 53)}-{rng.randint(1000, 9199)}"
        if code not in codes:
            codes.add(code)
            found.append((code, f"Occupation {code}"))
    return found


def generate(path: Path, rows: int) -> int:
    rng = random.Random(2022)
    jobs = occupations(830)
    areas = [("99", "U.S.", "1", "US")]
    areas += [(str(n), f"State {n}", "2", f"S{n}") for n in range(1, 55)]
    areas += [(str(10000 + n * 20), f"Metro area {n}", "4", "XX") for n in range(400)]
    areas += [(str(100000 + n), f"Nonmetropolitan area {n}", "6", "XX") for n in range(150)]
    industries = [(f"{100000 + n * 1000}", f"Industry {n}") for n in range(120)]
    per_area = min(len(jobs), (rows * 3 // 4) // len(areas) + 1)
    written = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)

        def line(area: tuple[str, str, str, str], naics: str, title: str, job: tuple[str, str],
                 own: str) -> None:  # fmt: skip
            nonlocal written
            hourly = sorted(round(rng.uniform(11, 130), 2) for _ in range(5))
            mean = round(sum(hourly) / 5, 2)
            cells_h = [f"{v:.2f}" if v < 115 else "#" for v in hourly]
            cells_a = [f"{round(v * 2080):,}" if v < 115 else "#" for v in hourly]
            special = rng.random()
            if special < 0.03:
                cells_h = cells_a = ["*"] * 5
            employment = "**" if special > 0.98 else f"{rng.randint(1, 900) * 10:,}"
            writer.writerow(
                [
                    *area, naics, title, "cross-industry" if naics == "000000" else "4-digit",
                    own, job[0], job[1], "detailed", employment, "2.1", "1.5", "0.9", "", "",
                    f"{mean:.2f}", f"{round(mean * 2080):,}", "1.0", *cells_h, *cells_a, "", "",
                ]
            )  # fmt: skip
            written += 1

        for area in areas:
            for job in jobs[:per_area]:
                if written >= rows:
                    return written
                line(area, "000000", "Cross-industry", job, "1235")
        nation = areas[0]
        while written < rows:
            for naics, title in industries:
                for job in jobs:
                    if written >= rows:
                        return written
                    line(nation, naics, title, job, "5")
            industries = [(f"{int(code) + 1}", f"{name} b") for code, name in industries]
    return written


def to_xlsx(source: Path, path: Path) -> int:
    """The generated CSV as a one-sheet .xlsx of the layout BLS writes (numbers as numeric
    cells, text inline, every row and cell with its reference), written with zipfile alone:
    the import benchmark then covers the workbook checks too. Returns the rows written."""
    import zipfile
    from xml.sax.saxutils import escape

    def column(index: int) -> str:
        letters = ""
        index += 1
        while index:
            index, rest = divmod(index - 1, 26)
            letters = chr(65 + rest) + letters
        return letters

    letters = [column(i) for i in range(len(COLUMNS))]
    rows = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet, \
                source.open(newline="", encoding="utf-8") as text:  # fmt: skip
            sheet.write(_SHEET_HEAD)
            for number, record in enumerate(csv.reader(text), start=1):
                cells = []
                for letter, value in zip(letters, record, strict=False):
                    reference = f"{letter}{number}"
                    plain = value.replace(",", "")
                    if plain and plain.replace(".", "", 1).isdigit() and number > 1:
                        cells.append(f'<c r="{reference}"><v>{plain}</v></c>')
                    elif value:
                        cells.append(
                            f'<c r="{reference}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
                        )
                sheet.write(f'<row r="{number}">{"".join(cells)}</row>'.encode())
                rows += 1
            sheet.write(b"</sheetData></worksheet>")
    return rows - 1


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
    'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{_OFFICE}/officeDocument"'
    ' Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">'
    '<sheets><sheet name="All May 2012 data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    f'.org/package/2006/relationships"><Relationship Id="rId1" Type="{_OFFICE}/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
_SHEET_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'.encode()
)
