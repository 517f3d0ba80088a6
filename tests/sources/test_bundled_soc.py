"""The bundled SOC structure, direct-match titles and crosswalks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_bundled_oews import shared_folder

from careerstats.sources import bundled_soc as soc

CODE = re.compile(r"\d{2}-\d{4}")


@pytest.fixture
def soc_folder() -> Path:
    folder = shared_folder() / "official" / "soc"
    if not folder.is_dir():
        pytest.skip(f"the official SOC files are not at {folder} (set CAREERSTATS_SHARED)")
    return folder


def published(path: Path) -> list[list[str]]:
    """The rows of the file's table: those starting with a SOC code in any of the first four
    cells, as stripped text."""
    import python_calamine

    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return [
        [str(cell).strip() for cell in row]
        for row in rows.to_python()
        if any(CODE.fullmatch(str(cell).strip()) for cell in row[:4])
    ]


@pytest.mark.parametrize(
    ("title", "code"),
    [("CEO", "11-1011"), ("CPA", "13-2011"), ("Software Engineer", "15-1252")],
)
def test_direct_match_titles(title: str, code: str) -> None:
    assert soc.codes_titled(title) == [code]
    assert soc.codes_titled(f"  {title.lower()} ") == [code]


def test_a_title_of_two_occupations() -> None:
    assert soc.codes_titled("Foreign Exchange Trader") == ["13-2099", "41-3031"]


def test_the_structure() -> None:
    everything = soc.structure()
    levels = [item.level for item in everything.values()]
    counts = [levels.count(level) for level in ("major", "minor", "broad", "detailed")]
    assert counts == [23, 98, 459, 867]
    assert [(g.code, g.title) for g in soc.groups_of("15-1252")] == [
        ("15-0000", "Computer and Mathematical Occupations"),
        ("15-1200", "Computer Occupations"),
        ("15-1250", "Software and Web Developers, Programmers, and Testers"),
    ]
    assert soc.soc("43-4051") == soc.SocGroup(
        "43-4051", "detailed", "43-4050", "Customer Service Representatives"
    )
    assert soc.groups_of("29-1221")[-1].title == "Physicians"
    assert soc.groups_of("15-1132") == []  # a 2010 code


def test_crosswalks() -> None:
    assert [p.to_code for p in soc.successors("15-1132", "2010")] == ["15-1252", "15-1253"]
    assert [p.from_code for p in soc.predecessors("15-1252", "2018")] == ["15-1132", "15-1133"]
    (pair,) = soc.successors("15-1031", "2000")
    assert (pair.to_code, pair.to_name) == ("15-1132", "Software Developers, Applications")
    split = soc.successors("15-1132", "2010")[0]
    assert split.from_title == "Software Developers, Applications (#)"  # as published
    assert split.from_name == "Software Developers, Applications"
    assert [p.to_code for p in soc.successors("15-1071", "2000")] == ["15-1142"]
    assert [p.to_code for p in soc.successors("15-1142", "2010")] == ["15-1244"]
    assert (len(soc.crosswalk("2000")), len(soc.crosswalk("2010"))) == (860, 900)


def test_alternate_titles() -> None:
    titles = soc.alternate_titles()
    assert len(titles) == 6539
    software = {item.title: item.illustrative for item in soc.titles_for("15-1252")}
    assert software["Software Engineer"] is True
    assert software["Computer Systems Software Engineer"] is False


def test_structure_as_published(soc_folder: Path) -> None:
    rows = published(soc_folder / "soc_structure_2018.xlsx")
    expected = [(next(c for c in row[:4] if c), row[4]) for row in rows]
    assert [(item.code, item.title) for item in soc.structure().values()] == expected


def test_titles_as_published(soc_folder: Path) -> None:
    rows = published(soc_folder / "soc_2018_direct_match_title_file.xlsx")
    expected = [(row[2], row[0], row[3] in {"x", "X"}) for row in rows]
    assert [tuple(item) for item in soc.alternate_titles()] == expected


@pytest.mark.parametrize(
    ("source", "file_name"),
    [("2000", "soc_2000_to_2010_crosswalk.xls"), ("2010", "soc_2010_to_2018_crosswalk.xlsx")],
)
def test_crosswalks_as_published(soc_folder: Path, source: soc.Older, file_name: str) -> None:
    rows = published(soc_folder / file_name)
    expected = [(row[0], row[2], row[1], row[3]) for row in rows]
    assert [tuple(pair) for pair in soc.crosswalk(source)] == expected
