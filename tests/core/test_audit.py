"""`careerstats data audit` and `data check`: findings as information, invalid files with lines."""

from __future__ import annotations

import json
from decimal import Decimal
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
    assert "5 files valid" in result.stdout
    assert [c.name for c in check_files()] == [
        "bls_2008.yaml",
        "bls_2017.yaml",
        "careers.yaml",
        "payscale.yaml",
        "tax/us_federal.yaml",
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


# ---------------------------------------------------------------- cited figures against BLS


def citations(source: str) -> dict[tuple[str, str, bool], dict[str, Any]]:
    """The audit's checks of one cited source, by (period, statistic, derived in source)."""
    return {
        (c["period"], c["statistic"], c["derived_in_source"]): c
        for c in audit_json()["citations"]
        if c["source"] == source
    }


def test_the_may_2008_citations_are_checked_against_oews_2008() -> None:
    checks = citations("bls-2008")
    assert {c["official_source"] for c in checks.values()} == {"oews-2008"}
    hourly = checks["hour", "median", False]
    assert (hourly["soc"], hourly["cited"], hourly["official"], hourly["matches"]) == (
        "43-4051",
        14.36,
        14.36,
        True,
    )
    # Public relations specialists (27-3031), annual, as the article quotes them.
    relations = [c for c in checks.values() if c["soc"] == "27-3031"]
    assert sorted((c["statistic"], c["cited"], c["official"], c["matches"]) for c in relations) == [
        ("median", 51280, 51280, True),
        ("p10", 30140, 30140, True),
        ("p90", 97910, 97910, True),
    ]


def test_the_articles_own_annual_figure_is_set_beside_the_one_bls_published() -> None:
    derived = citations("bls-2008")["year", "median", True]
    assert (derived["cited"], derived["official"], derived["matches"]) == (29869, 29860, False)
    assert derived["how"].startswith("14.36 an hour x 40 hours x 52 weeks = 29,868.80")
    (finding,) = findings("derivation-differs-from-official")
    assert (finding["source"], finding["career"]) == (
        "bls-2008",
        "customer-service-representatives",
    )
    assert finding["figures"] == {"cited": 29869, "official": 29860, "difference": 9}
    assert "article's own derivation" in finding["summary"]


def test_the_may_2017_citations_all_match_oews_2017() -> None:
    checks = citations("bls-2017")
    assert {
        key: (c["cited"], c["official"], c["matches"], c["official_source"])
        for key, c in checks.items()
    } == {
        ("hour", "p10", False): (10.27, 10.27, True, "oews-2017"),
        ("hour", "median", False): (15.81, 15.81, True, "oews-2017"),
        ("hour", "p90", False): (26.12, 26.12, True, "oews-2017"),
        ("year", "median", False): (32890, 32890, True, "oews-2017"),
    }
    assert findings("citation-differs-from-official") == []


def test_an_undated_source_has_no_official_release_to_check_against() -> None:
    assert citations("payscale") == {}


def test_the_text_report_lists_each_citation_as_matching_or_not() -> None:
    result = runner.invoke(app, ["data", "audit"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert lines.index("bls-2008 against oews-2008") < lines.index("bls-2017 against oews-2017")
    assert "43-4051 hourly median $14.36 $14.36 matches" in lines
    assert "43-4051 annual median $32,890 $32,890 matches" in lines
    (derived,) = [line for line in lines if line.startswith("43-4051 annual median (the")]
    assert "$29,869 $29,860 does not match" in derived
    assert "article's own derivation" in " ".join(lines)


def test_a_cited_figure_that_differs_from_the_official_one_is_a_finding(tmp_path: Path) -> None:
    """A misquotation: $14.63 cited for May 2008's customer service hourly median ($14.36)."""
    from careerstats.core.value import replace
    from careerstats.sources.dataset import load_files

    source = tmp_path / "misquoted.yaml"
    source.write_text(
        "id: misquoted\npublisher: P\nprogram: Q\ntitle: T\nreference_period: 2008-05\n"
        "careers:\n  - career: customer-service-representatives\n    soc: '43-4051'\n"
        "    wages:\n      hour:\n        median: 14.63\n",
        encoding="utf-8",
    )
    cited = load_files([DATA_DIR / "careers.yaml", source])
    official = next(s for s in bundled().sources if s.id == "oews-2008")
    result = audit(replace(cited, sources=(*cited.sources, official)))
    (check,) = result.citations
    assert (check.cited, check.official, check.matches) == (
        Decimal("14.63"),
        Decimal("14.36"),
        False,
    )
    (finding,) = [f for f in result.findings if f.kind == "citation-differs-from-official"]
    assert finding.source == "misquoted"
    assert dict(finding.figures) == {
        "cited": Decimal("14.63"),
        "official": Decimal("14.36"),
        "difference": Decimal("0.27"),
    }
