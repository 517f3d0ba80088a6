"""The dataset cache: same answers as validating the files, and never stale or corrupt data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from careerstats.core.dataset import Dataset
from careerstats.core.model import Statistic
from careerstats.core.periods import Period
from careerstats.errors import DataError
from careerstats.sources import cache
from careerstats.sources.bundle import bundled_data_dir
from careerstats.sources.dataset import load_files


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    data = tmp_path / "data"
    data.mkdir()
    for item in bundled_data_dir().iterdir():
        if item.name.endswith(".yaml"):
            (data / item.name).write_bytes(item.read_bytes())
    return sorted(data.iterdir())


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("CAREERSTATS_HOME", str(path))
    monkeypatch.delenv(cache.DISABLE, raising=False)
    return path


class Builds:
    """Counts how often the dataset had to be validated from its files."""

    def __init__(self, files: list[Path]) -> None:
        self.files, self.count = files, 0

    def __call__(self) -> Dataset:
        self.count += 1
        return load_files(self.files)


def median_2008_pr(dataset: Dataset) -> object:
    entry = dataset.source("bls-2008").figures_for("public-relations-specialists")
    assert entry is not None
    return entry.wages[Period.YEAR]


def test_second_load_comes_from_the_cache_with_the_same_figures(
    files: list[Path], home: Path
) -> None:
    build = Builds(files)
    first = cache.load_or_build(files, build)
    second = cache.load_or_build(files, build)
    assert build.count == 1
    assert second is not first
    assert median_2008_pr(second) == median_2008_pr(first)
    assert [c.id for c in second.careers] == [c.id for c in first.careers]
    assert second.career("cs").id == "customer-service-representatives"
    assert list(home.joinpath("cache").glob("dataset-*.pickle"))


def test_a_changed_data_file_is_noticed(files: list[Path], home: Path) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    bls = next(f for f in files if f.name == "bls_2008.yaml")
    document = yaml.safe_load(bls.read_text())
    document["careers"][0]["wages"]["year"]["median"] = 51281
    bls.write_text(yaml.safe_dump(document))
    changed = cache.load_or_build(files, build)
    assert build.count == 2
    entry = changed.source("bls-2008").figures_for("public-relations-specialists")
    assert entry is not None
    assert entry.wages[Period.YEAR][Statistic.MEDIAN] == 51281
    assert len(list(home.joinpath("cache").glob("dataset-*.pickle"))) == 1


def test_an_invalid_changed_file_is_reported_not_served_from_cache(
    files: list[Path], home: Path
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    bls = next(f for f in files if f.name == "bls_2008.yaml")
    bls.write_text(bls.read_text().replace("median: 51280", "median: -1"))
    with pytest.raises(DataError, match="greater than 0"):
        cache.load_or_build(files, build)


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # cut short
        lambda blob: blob[:-10] + bytes(10),  # overwritten tail
        lambda blob: b"",  # empty
        lambda blob: b"not a cache at all",
        lambda blob: blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:],  # one flipped byte
    ],
)
def test_a_damaged_cache_is_discarded_and_rebuilt(
    files: list[Path], home: Path, damage: object
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    entry = cache.entry_path(files)
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    rebuilt = cache.load_or_build(files, build)
    assert build.count == 2
    assert rebuilt.career("pr").id == "public-relations-specialists"
    assert cache.load_or_build(files, build) is not None
    assert build.count == 2  # and the rebuilt entry is good again


def test_a_valid_pickle_of_the_wrong_thing_is_rebuilt(files: list[Path], home: Path) -> None:
    import pickle

    build = Builds(files)
    cache.load_or_build(files, build)
    payload = pickle.dumps({"not": "a dataset"})
    cache.entry_path(files).write_bytes(cache.MAGIC + cache.checksum(payload).encode() + payload)
    assert isinstance(cache.load_or_build(files, build), Dataset)
    assert build.count == 2


def test_an_unusable_home_still_works(
    files: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CAREERSTATS_HOME", str(blocker))
    build = Builds(files)
    assert cache.load_or_build(files, build).career("cs")
    assert cache.load_or_build(files, build).career("cs")
    assert build.count == 2


def test_the_cache_can_be_turned_off(
    files: list[Path], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.DISABLE, "1")
    build = Builds(files)
    cache.load_or_build(files, build)
    cache.load_or_build(files, build)
    assert build.count == 2
    assert not home.exists()
