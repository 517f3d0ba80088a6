"""The bundled datasets hold the seed figures exactly, and the model refuses broken files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerstats.core.model import Statistic
from careerstats.core.names import UnknownCareer
from careerstats.core.periods import Period
from careerstats.errors import DataError
from careerstats.sources.bundle import bundled_data_dir
from careerstats.sources.dataset import bundled, load_files

D = Decimal


def wages(source: str, career: str) -> dict[Period, dict[Statistic, Decimal]]:
    dataset = bundled()
    entry = dataset.source(source).figures_for(dataset.career(career).id)
    assert entry is not None
    return entry.wages


def test_bls_2008_as_published() -> None:
    assert wages("bls-2008", "pr") == {
        Period.YEAR: {Statistic.P10: D(30140), Statistic.MEDIAN: D(51280), Statistic.P90: D(97910)}
    }
    assert wages("bls-2008", "cs") == {Period.HOUR: {Statistic.MEDIAN: D("14.36")}}
    assert bundled().source("bls-2008").reference_period == "2008-05"


def test_bls_2017_as_published() -> None:
    assert wages("bls-2017", "cs") == {
        Period.HOUR: {
            Statistic.P10: D("10.27"),
            Statistic.MEDIAN: D("15.81"),
            Statistic.P90: D("26.12"),
        },
        Period.YEAR: {Statistic.MEDIAN: D(32890)},
    }
    entry = bundled().source("bls-2017").figures_for("customer-service-representatives")
    assert entry is not None
    assert [(i.industry, i.value) for i in entry.industries] == [
        ("Wholesale trade", D("18.06")),
        ("Insurance", D("17.57")),
        ("Retail trade", D("12.37")),
    ]
    assert [(o.percent, o.horizon) for o in entry.outlook] == [(5, "2016-2026"), (36, "2016-2026")]


def test_payscale_as_published_and_undated() -> None:
    assert wages("payscale", "cs") == {
        Period.HOUR: {Statistic.MEAN: D("13.52")},
        Period.YEAR: {Statistic.MEAN: D(36612)},
    }
    release = bundled().source("payscale")
    assert release.reference_period is None
    entry = release.figures_for("customer-service-representatives")
    assert entry is not None
    assert [x.value for x in entry.extra_compensation] == [D(3000)]
    assert [x.value for x in entry.experience] == [D(28000), D(35000)]
    assert [x.percent for x in entry.stated_percentages] == [15]
    assert any("28,121.60" in note for note in release.notes)


def test_published_figures_are_decimals_not_floats() -> None:
    for release in bundled().sources:
        for entry in release.careers:
            for row in entry.wages.values():
                assert all(type(value) is Decimal for value in row.values())


@pytest.mark.parametrize(
    ("name", "career_id"),
    [
        ("cs", "customer-service-representatives"),
        ("CSR", "customer-service-representatives"),
        ("customer service", "customer-service-representatives"),
        ("43-4051", "customer-service-representatives"),
        ("Public Relations Specialists", "public-relations-specialists"),
        ("pr", "public-relations-specialists"),
        ("15-1071", "network-and-computer-systems-administrators"),
        ("accountant", "accountants-and-auditors"),
    ],
)
def test_career_lookup(name: str, career_id: str) -> None:
    assert bundled().career(name).id == career_id


def test_unknown_career_suggests_close_names() -> None:
    with pytest.raises(UnknownCareer, match=r"did you mean 'accountant'"):
        bundled().career("acountant")


def test_catalog_has_the_file_003_examples() -> None:
    socs = {career.soc for career in bundled().careers}
    assert {"43-4171", "41-2011", "41-2031", "43-9021", "43-9041", "13-2011"} <= socs
    assert {"13-1071", "23-1011", "15-1244", "43-4051", "27-3031"} <= socs


# ------------------------------------------------------------------ broken files


def copy_bundled(tmp_path: Path) -> dict[str, Path]:
    files = {}
    for item in bundled_data_dir().iterdir():
        if item.name.endswith(".yaml"):
            target = tmp_path / item.name
            target.write_text(item.read_text(encoding="utf-8"), encoding="utf-8")
            files[item.name] = target
    return files


def edit(path: Path, change: Any) -> None:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def load(files: dict[str, Path]) -> None:
    load_files(sorted(files.values()))


def test_copied_files_load(tmp_path: Path) -> None:
    # The reference for the broken-file tests below: the same files, unbroken, load whole.
    dataset = load_files(sorted(copy_bundled(tmp_path).values()))
    assert [s.id for s in dataset.by_recency()] == ["bls-2017", "bls-2008", "payscale"]
    assert len(dataset.careers) == 11
    assert dataset.career("cs").id == "customer-service-representatives"


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0].update(salary=1),
            r"bls_2008\.yaml: line \d+: careers\[0\]\.salary: unknown key; remove it",
        ),
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0]["wages"]["year"].update(median=-51280),
            r"bls_2008\.yaml: line \d+: careers\[0\]\.wages\.year\.median: .*greater than 0",
        ),
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0]["wages"]["year"].update(median=0),
            r"careers\[0\]\.wages\.year\.median: .*greater than 0",
        ),
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0]["wages"]["year"].update(median=20000),
            r"bls_2008\.yaml: line \d+: careers\[0\]\.wages\.year: the median \(20000\) is below "
            r"the 10th percentile \(30140\)",
        ),
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0].update(career="plumbers"),
            r"bls_2008\.yaml: line \d+: careers\[0\]\.career: unknown career 'plumbers'",
        ),
        (
            "bls_2008.yaml",
            lambda d: d["careers"][0]["wages"].update(fortnightly={"median": 5}),
            r"careers\[0\]\.wages\.fortnightly",
        ),
        (
            "careers.yaml",
            lambda d: d["careers"][1]["aliases"].append("cs"),
            r"careers\.yaml: line \d+: careers\[1\]\.aliases\[4\]: name 'cs' of career "
            r"'public-relations-specialists' "
            r"is already used by 'customer-service-representatives'",
        ),
        (
            "payscale.yaml",
            lambda d: d.update(id="bls-2008"),
            r"payscale\.yaml: id: source 'bls-2008' is also defined in bls_2008\.yaml",
        ),
    ],
)
def test_broken_files_name_file_and_field(
    tmp_path: Path, file: str, change: Any, message: str
) -> None:
    files = copy_bundled(tmp_path)
    edit(files[file], change)
    with pytest.raises(DataError, match=message):
        load(files)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    files = copy_bundled(tmp_path)
    files["bls_2017.yaml"].write_text("id: bls-2017\ncareers: [\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bls_2017\.yaml: line \d+: not valid YAML"):
        load(files)


def test_yaml_tags_never_run_code(tmp_path: Path) -> None:
    files = copy_bundled(tmp_path)
    files["bls_2017.yaml"].write_text(
        "id: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"bls_2017\.yaml"):
        load(files)
