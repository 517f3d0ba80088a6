"""`careerstats data audit` and `data check`: findings as information, invalid files with lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from careerstats.cli import app
from careerstats.core.audit import audit
from careerstats.sources.bundle import bundled_data_dir
from careerstats.sources.dataset import bundled, check_files

runner = CliRunner()
DATA_DIR = Path(str(bundled_data_dir()))


def audit_json() -> dict[str, Any]:
    result = runner.invoke(app, ["data", "audit", "--json"])
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def findings(kind: str) -> list[dict[str, Any]]:
    return [f for f in audit_json()["findings"] if f["kind"] == kind]


def test_payscale_hourly_and_annual_disagree() -> None:
    (finding,) = findings("hourly-annual-mismatch")
    assert finding["source"] == "payscale"
    assert finding["figures"] == {
        "hourly": 13.52,
        "annual": 36612,
        "hourly_x_2080": 28121.6,
        "difference": 8490.4,
    }
    assert "different groups of workers" in finding["meaning"]


def test_bls_rounding_is_not_a_finding() -> None:
    # bls-2017 median: 15.81 x 2,080 = 32,884.80 against a published 32,890 (rounding).
    assert all(f["source"] != "bls-2017" for f in audit_json()["findings"])


def test_payscale_stated_percentage_is_contradicted() -> None:
    (finding,) = findings("stated-percentage-contradicted")
    assert finding["source"] == "payscale"
    assert finding["figures"]["stated_percent"] == 15
    assert (finding["figures"]["from"], finding["figures"]["to"]) == (28000, 35000)
    assert finding["figures"]["computed_percent"] == 25
    assert "+25.0%" in finding["summary"]


def test_undated_source_is_reported() -> None:
    (finding,) = findings("no-reference-period")
    assert finding["source"] == "payscale"


def test_text_report_exits_zero_and_names_both_inconsistencies() -> None:
    result = runner.invoke(app, ["data", "audit"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "$13.52 x 2,080 h = $28,121.60, but the annual mean is $36,612" in text
    assert 'stated "about 15%"' in text
    assert "is +25.0%" in text


def test_derived_percentiles_out_of_order_are_found(tmp_path: Path) -> None:
    from careerstats.sources.dataset import load_files

    source = tmp_path / "odd.yaml"
    source.write_text(
        "id: odd\npublisher: P\nprogram: Q\ntitle: T\nreference_period: 2010-05\n"
        "careers:\n  - career: public-relations-specialists\n    soc: '27-3031'\n"
        "    wages:\n      hour:\n        p10: 30.00\n      year:\n        median: 50000\n",
        encoding="utf-8",
    )
    dataset = load_files([DATA_DIR / "careers.yaml", source])
    (finding,) = [f for f in audit(dataset).findings if f.kind == "percentiles-out-of-order"]
    assert "median" in finding.summary


def test_bundled_files_are_valid() -> None:
    result = runner.invoke(app, ["data", "check"])
    assert result.exit_code == 0
    assert "4 files valid" in result.stdout
    assert [c.name for c in check_files()] == [
        "bls_2008.yaml",
        "bls_2017.yaml",
        "careers.yaml",
        "payscale.yaml",
    ]
    assert bundled().sources


def broken(tmp_path: Path, old: str, new: str, name: str = "payscale.yaml") -> Path:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "needle", "field"),
    [
        ("mean: 13.52", "mean: -13.52", "mean: -13.52", "careers[0].wages.hour.mean"),
        ("mean: 13.52", "meen: 13.52", "meen: 13.52", "careers[0].wages.hour.meen[key]"),
        ("publisher: PayScale", "publisher: PayScale\nfoo: 1", "foo: 1", "foo"),
        (
            "- career: customer-service-representatives",
            "- career: customer-servce-representatives",
            "customer-servce",
            "careers[0].career",
        ),
    ],
)
def test_check_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, needle: str, field: str
) -> None:
    path = broken(tmp_path, old, new)
    result = runner.invoke(app, ["data", "check", str(DATA_DIR / "bls_2008.yaml"), str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"careerstats: error: payscale.yaml: line {line_of(path, needle)}: {field}: "
    )


def test_check_stops_at_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("id: [\n", encoding="utf-8")
    result = runner.invoke(app, ["data", "check", str(path)])
    assert result.exit_code == 1
    assert "syntax.yaml: line 2: not valid YAML" in result.stderr
