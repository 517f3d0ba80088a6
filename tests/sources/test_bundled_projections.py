"""The bundled Employment Projections: seed facts, and every line against the original."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from test_bundled_oews import shared_folder

from careerstats.errors import UsageError
from careerstats.sources import bundled_projections as ep


@pytest.fixture
def ep_folder() -> Path:
    folder = shared_folder() / "official" / "ep"
    if not folder.is_dir():
        pytest.skip(f"the official BLS files are not at {folder} (set CAREERSTATS_SHARED)")
    return folder


def test_customer_service_representatives_2024_34() -> None:
    found = ep.projection("43-4051")
    assert found is not None
    assert found.edition.title == "BLS Employment Projections 2024\u201334"
    assert (found.edition.base_year, found.edition.projected_year) == (2024, 2034)
    assert found.title == "Customer service representatives"
    assert found.occupation_type == "Line item"
    assert found.education == "High school diploma or equivalent"
    assert found.work_experience == "None"
    assert found.training == "Short-term on-the-job training"
    assert found.change_percent == Decimal("-5.5")
    assert found.openings == Decimal("341.7")
    assert (found.employment_base, found.employment_projected) == (
        Decimal("2814.0"),
        Decimal("2660.3"),
    )
    assert found.change == Decimal("-153.7")


def test_the_earlier_edition() -> None:
    found = ep.projection("43-4051", "2023-33")
    assert found is not None
    assert found.edition.title == "BLS Employment Projections 2023\u201333"
    assert (found.employment_base, found.employment_projected) == (
        Decimal("2954.6"),
        Decimal("2805.8"),
    )
    assert found.change_percent == Decimal("-5.0")


def test_summaries_have_no_entry_requirements() -> None:
    total = ep.projection("00-0000")
    assert total is not None
    assert total.occupation_type == "Summary"
    assert (total.education, total.work_experience, total.training) == (None, None, None)
    assert total.employment_base == Decimal("169956.1")


def test_every_occupation_of_the_matrix() -> None:
    everything = ep.projections()
    assert [e.edition for e in ep.editions()] == ["2024-34", "2023-33"]
    kinds = [item.occupation_type for item in everything]
    assert (kinds.count("Line item"), kinds.count("Summary")) == (832, 281)
    assert all(item.education for item in everything if item.occupation_type == "Line item")
    software = ep.projection("15-1252")
    assert software is not None
    assert (software.education, software.change_percent) == ("Bachelor's degree", Decimal("15.8"))


def test_unknown_codes_and_editions() -> None:
    assert ep.projection("15-1132") is None  # a SOC 2010 code
    assert ep.projection("43-405") is None
    with pytest.raises(UsageError, match="bundled: 2024-34, 2023-33"):
        ep.projection("43-4051", "2022-32")


@pytest.mark.parametrize("edition", ["2024-34", "2023-33"])
def test_every_line_is_as_published(ep_folder: Path, edition: str) -> None:
    import python_calamine

    info = ep.edition(edition)
    path = ep_folder / f"occupation_{edition}.xlsx"
    assert (info.file_name, info.file_size) == (path.name, path.stat().st_size)
    rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Table 1.2")
    table = rows.to_python()
    header = [str(cell) for cell in table[1]]
    column = {name: header.index(name) for name in header}
    base, projected, span = info.base_year, info.projected_year, edition.replace("-", "\u2013")
    published = [row for row in table[2:] if str(row[1])[2:3] == "-" and len(str(row[1])) == 7]
    bundled = {item.code: item for item in ep.projections(edition)}
    assert [str(row[1]) for row in published] == list(bundled)

    def text(cell: object) -> str | None:
        return None if cell == "\u2014" else str(cell)

    for row in published:
        item = bundled[str(row[1])]
        assert item.title == str(row[0]).strip()
        assert item.occupation_type == row[column["Occupation type"]]
        numbers = [
            f"Employment, {base}",
            f"Employment, {projected}",
            f"Employment change, numeric, {span}",
            f"Employment change, percent, {span}",
            f"Occupational openings, {span} annual average",
        ]
        expected = [Decimal(repr(row[column[name]])) for name in numbers]
        actual = [
            item.employment_base,
            item.employment_projected,
            item.change,
            item.change_percent,
            item.openings,
        ]
        assert actual == expected, item.code
        training = next(name for name in header if name.startswith("Typical on-the-job"))
        assert (item.education, item.work_experience, item.training) == (
            text(row[column["Typical education needed for entry"]]),
            text(row[column["Work experience in a related occupation"]]),
            text(row[column[training]]),
        ), item.code
