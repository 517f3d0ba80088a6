"""`careerstats relocate`: pay of the same purchasing power elsewhere, from BEA's RPPs."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from conftest import Run, as_json
from hypothesis import given
from hypothesis import strategies as st

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def rpp_files() -> Path:
    folder = REPOSITORY.parent / "shared" / "official" / "rpp"
    if not folder.is_dir():
        pytest.skip(f"BEA's RPP files are not at {folder}")
    return folder


def all_items(path: Path, line_code: str) -> dict[str, dict[str, str]]:
    """GeoName -> year -> RPP, read straight from BEA's file."""
    found = {}
    for row in csv.reader(io.StringIO(path.read_text("utf-8"))):
        if len(row) > 8 and row[4].strip() == line_code:
            found[row[1].strip()] = dict(zip(map(str, range(2008, 2025)), row[8:], strict=False))
    return found


def test_california_to_texas_in_2023_is_the_published_ratio_to_the_cent(
    run: Run, rpp_files: Path
) -> None:
    states = all_items(rpp_files / "SARPP_STATE_2008_2023.csv", "5")
    assert states["California"]["2023"] == "112.581"
    assert states["Texas"]["2023"] == "97.175"
    # 60000 x 97.175 / 112.581 = 51789.3783... by hand
    result = run("relocate", "60000", "--from", "California", "--to", "Texas", "--year", "2023")
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert first == ("$60,000.00 in California buys what $51,789.38 buys in Texas (2023 prices)")
    assert "California 112.581, Texas 97.175" in result.stdout
    assert "SARPP_STATE_2008_2023.csv" in result.stdout
    assert "taxes" in result.stderr


def test_json_names_both_indexes_the_year_and_marks_the_figure_derived(run: Run) -> None:
    document = as_json(run("relocate", "60000", "--from", "CA", "--to", "48", "--json"))
    assert document["year"] == 2023  # the newest year both states have
    assert document["from"] == {"code": "06", "name": "California", "type": "state", "rpp": 112.581}
    assert document["to"] == {"code": "48", "name": "Texas", "type": "state", "rpp": 97.175}
    assert document["equivalent"] == {
        "value": 51789.38,
        "derived": True,
        "basis": "amount x RPP(to) / RPP(from)",
    }


def test_metros_default_to_their_newest_year_2024(run: Run) -> None:
    document = as_json(
        run("relocate", "100000", "--from", "new york-newark", "--to", "35620", "--json")
    )
    assert document["year"] == 2024
    assert document["from"]["rpp"] == 112.563  # New York-Newark-Jersey City, 2024
    assert document["equivalent"]["value"] == 100000


def test_csv_has_one_row_with_both_indexes(run: Run) -> None:
    result = run(
        "relocate", "60000", "--from", "Mississippi", "--to", "CA", "--year", "2023", "--csv"
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    # 60000 x 112.581 / 87.292 = 77382.3489... (by hand, half-up to the cent)
    assert rows[0]["from_rpp"] == "87.292"
    assert rows[0]["to_rpp"] == "112.581"
    assert rows[0]["equivalent"] == "77382.35"
    assert rows[0]["derived"] == "true"


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["CA", "TX", "MS", "NY", "DC", "HI"]),
    st.sampled_from(["CA", "TX", "MS", "NY", "DC", "HI"]),
)
def test_the_equivalent_is_the_exact_ratio_rounded_half_up(
    amount: Decimal, origin: str, destination: str
) -> None:
    from careerstats.core.money import to_cents
    from careerstats.core.prices import relocate
    from careerstats.sources.prices import bundled_prices

    result = relocate(bundled_prices(), amount, origin, destination, 2020)
    exact = Fraction(amount) * Fraction(result.destination.index) / Fraction(result.origin.index)
    cents = (exact * 100).__floor__()
    if exact * 100 - cents >= Fraction(1, 2):
        cents += 1
    assert to_cents(result.result) == Decimal(cents) / 100
    if origin == destination:
        assert result.result == amount


@pytest.mark.parametrize(
    ("case", "args", "fragment"),
    [
        ("G1", ("--from", "york", "--to", "TX"), "matches several: 36 New York;"),
        ("G2", ("--from", "Texsa", "--to", "CA"), "did you mean '48' (Texas)?"),
        ("G2", ("--from", "Guam", "--to", "CA"), "not for territories"),
        ("G3", ("--from", "CA", "--to", "TX", "--year", "2024"), "years with both are 2008-2023"),
        ("G4", ("--from", "CA", "--to", "TX", "--year", "1999"), "--year takes a year"),
        ("G5", ("--from", " ", "--to", "TX"), "empty place"),
    ],
)
def test_G1_G5_bad_places_and_years_exit_2_with_one_line(
    run: Run, case: str, args: tuple[str, ...], fragment: str
) -> None:
    result = run("relocate", "60000", *args)
    assert result.exit_code == 2, case
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("careerstats: error: ")
    assert fragment in lines[0]
    assert result.stdout == ""


def test_the_rpp_generator_is_deterministic_and_the_bundle_current(
    rpp_files: Path, tmp_path: Path
) -> None:
    script = REPOSITORY / "scripts" / "make_rpp.py"
    outputs = []
    for name in ("first", "second"):
        done = subprocess.run(
            [sys.executable, str(script), str(rpp_files.parent), "--output", str(tmp_path / name)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        folder = tmp_path / name / "rpp"
        outputs.append({p.name: p.read_bytes() for p in folder.iterdir()})
    assert outputs[0] == outputs[1]
    committed = REPOSITORY / "data" / "rpp"
    assert {p.name: p.read_bytes() for p in committed.iterdir()} == outputs[0]
