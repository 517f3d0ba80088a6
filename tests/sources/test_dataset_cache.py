"""The dataset cache: same answers as validating the files, never stale or corrupt data, and
nothing planted in the cache folder ever runs (docs/errors.md, rows H14 and H15; H7, a home
that refuses writes, is in test_store_faults.py)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from careerstats.core.dataset import Dataset
from careerstats.core.model import Statistic
from careerstats.core.periods import Period
from careerstats.errors import DataError
from careerstats.sources import cache
from careerstats.sources.bundle import bundled_data_dir, bundled_files
from careerstats.sources.dataset import load_files

# As data/bls_2008.yaml states them for public relations specialists, a year.
PR_2008 = {Statistic.P10: 30140, Statistic.MEDIAN: 51280, Statistic.P90: 97910}


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


def write_entry(files: list[Path], payload: bytes) -> Path:
    """`payload` as the entry for `files`, under the header and keyed checksum this version
    writes: what a damaged file cannot have, but the key's owner can make."""
    path = cache.entry_path(files)
    entry_key = path.name.removeprefix("dataset-").removesuffix(cache.SUFFIX)
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = cache._new_secret(path.parent)
    assert secret is not None
    header = (
        cache.MAGIC + f"{entry_key} {cache.keyed_checksum(entry_key, payload, secret)}\n".encode()
    )
    path.write_bytes(header + payload)
    return path


def test_second_load_comes_from_the_cache_with_the_same_figures(
    files: list[Path], home: Path
) -> None:
    build = Builds(files)
    first = cache.load_or_build(files, build)
    second = cache.load_or_build(files, build)
    assert build.count == 1
    assert second is not first
    assert median_2008_pr(second) == PR_2008
    assert median_2008_pr(first) == PR_2008
    assert [c.id for c in second.careers] == [c.id for c in first.careers]
    assert second.career("cs").id == "customer-service-representatives"
    assert list(home.joinpath("cache").glob("dataset-*.json"))


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
    assert len(list(home.joinpath("cache").glob("dataset-*.json"))) == 1


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
        lambda blob: blob[:40] + bytes([blob[40] ^ 0xFF]) + blob[41:],  # in the header
        lambda blob: blob[:-99] + bytes([blob[-99] ^ 0x01]) + blob[-98:],  # in the payload
        lambda blob: blob + b" ",  # one byte more
    ],
)
def test_H15_a_damaged_cache_is_discarded_and_rebuilt(
    files: list[Path], home: Path, damage: Any
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    entry = cache.entry_path(files)
    entry.write_bytes(damage(entry.read_bytes()))
    rebuilt = cache.load_or_build(files, build)
    assert build.count == 2
    assert rebuilt.career("pr").id == "public-relations-specialists"
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 2  # and the rebuilt entry is good again


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(b'{"not": "a dataset"}', id="JSON of something else"),
        pytest.param(b"[1, 2, 3]", id="a list"),
        pytest.param(b'{"catalog": {}, "sources": [{}]}', id="empty records"),
        pytest.param(b'{"catalog": 1e999999, "sources": []}', id="an absurd number"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="nested too deep"),
    ],
)
def test_H15_a_checksummed_entry_of_the_wrong_thing_is_rebuilt(
    files: list[Path], home: Path, payload: bytes
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    write_entry(files, payload)
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 2


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("the catalog", "colour"),
        ("the catalog", "py/object"),  # a class named as jsonpickle names it
        ("a release", "__class__"),
        ("the entry", "__reduce__"),
    ],
)
def test_H15_an_entry_with_an_unknown_key_is_rebuilt(
    files: list[Path], home: Path, where: str, key: str
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    path = cache.entry_path(files)
    values = json.loads(path.read_bytes().split(b"\n", 2)[2])
    target = {"the entry": values, "the catalog": values["catalog"]}.get(where)
    (target if target is not None else values["sources"][0])[key] = "os.system"
    write_entry(files, json.dumps(values).encode())
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 2
    assert key.encode() not in path.read_bytes()  # and the entry was written anew


def test_H15_an_entry_built_from_other_files_is_not_taken_for_this_one(
    files: list[Path], home: Path
) -> None:
    build = Builds(files)
    cache.load_or_build(files, build)
    bls = next(f for f in files if f.name == "bls_2008.yaml")
    original = bls.read_text()
    bls.write_text(original.replace("median: 51280", "median: 51281"))
    cache.load_or_build(files, build)
    foreign = cache.entry_path(files).read_bytes()
    bls.write_text(original)
    cache.entry_path(files).write_bytes(foreign)  # whole and valid, but under another name
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 3


class Plant:
    """A pickle whose loading creates a file: proof that something ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def planted(kind: str, files: list[Path], marker: Path) -> list[Path]:
    """Plant `kind` where the cache looks for the entry of `files`; the paths it wrote."""
    payload = pickle.dumps(Plant(marker))
    path = cache.entry_path(files)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "a pickle as earlier versions wrote it":
        old = path.with_suffix(".pickle")
        old.write_bytes(
            b"careerstats-dataset-cache 3\n" + cache.checksum(payload).encode() + payload
        )
        return [old]
    if kind == "that pickle under the entry's name":
        path.write_bytes(
            b"careerstats-dataset-cache 3\n" + cache.checksum(payload).encode() + payload
        )
    elif kind == "a pickle with this version's header":
        write_entry(files, payload)
    elif kind == "a jsonpickle-style object":
        code = {"py/reduce": [{"py/function": "builtins.open"}, {"py/tuple": [str(marker), "w"]}]}
        write_entry(files, json.dumps(code).encode())
    elif kind == "a YAML Python tag":
        write_entry(files, f"!!python/object/apply:open ['{marker}', 'w']".encode())
    elif kind == "a FIFO":
        os.mkfifo(path)  # reading it would wait for a writer that never comes
    elif kind == "a directory":
        path.mkdir()
    return [path]


PLANTS = [
    "a pickle as earlier versions wrote it",
    "that pickle under the entry's name",
    "a pickle with this version's header",
    "a jsonpickle-style object",
    "a YAML Python tag",
]


@pytest.mark.parametrize("kind", PLANTS)
def test_H14_a_planted_entry_is_never_run_and_is_replaced(
    files: list[Path], home: Path, tmp_path: Path, kind: str
) -> None:
    marker = tmp_path / "ran"
    planted(kind, files, marker)
    build = Builds(files)
    dataset = cache.load_or_build(files, build)
    assert not marker.exists()
    assert build.count == 1
    assert median_2008_pr(dataset) == PR_2008
    # The new entry replaced it, and no pickle is left in the folder.
    assert [p.suffix for p in home.joinpath("cache").glob("dataset-*")] == [".json"]
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 1
    assert not marker.exists()


def test_the_planted_pickle_would_run_if_unpickled(tmp_path: Path) -> None:
    """The plants above are live: loading one the way the old cache did creates the marker."""
    marker = tmp_path / "ran"
    pickle.loads(pickle.dumps(Plant(marker)))
    assert marker.exists()


def careerstats(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "CAREERSTATS_HOME": str(home)}
    environment.pop(cache.DISABLE, None)
    return subprocess.run(
        [sys.executable, "-m", "careerstats", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,  # a hang on a planted FIFO fails here rather than blocking the suite
    )


@pytest.mark.installed
@pytest.mark.parametrize("kind", [*PLANTS, "a FIFO", "a directory"])
def test_H14_the_command_answers_right_whatever_is_planted(
    home: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "a FIFO" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    marker = tmp_path / "ran"
    planted(kind, list(bundled_files()), marker)
    done = careerstats(home, "compare", "cs", "pr", "--source", "bls-2008", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    careers = json.loads(done.stdout, parse_float=Decimal)["careers"]
    assert careers[0]["wages"]["hour"]["median"]["value"] == Decimal("14.36")
    assert careers[1]["wages"]["year"]["median"]["value"] == 51280
    assert not marker.exists()
    left = sorted((p.name, p.is_file()) for p in home.joinpath("cache").iterdir())
    entry = cache.entry_path(list(bundled_files())).name
    assert left == sorted([(entry, kind != "a directory"), (cache.KEY_FILE, True)])


@pytest.mark.installed
def test_a_warm_run_after_a_rebuild_loads_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    home = tmp_path / "home"
    record = tmp_path / "modules.txt"
    driver = (
        "import atexit, runpy, sys\n"
        f"atexit.register(lambda: open({str(record)!r}, 'w').write(' '.join(sys.modules)))\n"
        "runpy.run_module('careerstats', run_name='__main__')\n"
    )
    environment = {**os.environ, "CAREERSTATS_HOME": str(home)}
    environment.pop(cache.DISABLE, None)
    command = [sys.executable, "-c", driver, "compare", "cs", "pr", "--json"]
    loaded = []
    for _run in ("cold", "warm"):  # the cold run validates the files and writes the entry
        done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
        assert done.returncode == 0, done.stderr
        loaded.append(set(record.read_text().split()))
    assert "pydantic" in loaded[0]  # the record sees what a run loads
    assert "careerstats.sources.dataset_codec" in loaded[1]
    assert {"pydantic", "yaml", "pickle"} & loaded[1] == set()


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


# ------------------------------------------------------------------ forged entries (C1-C3)


def forged(files: list[Path], secret: bytes | None) -> Path:
    """An entry for `files` built to look valid, with the 2008 median of public relations
    specialists changed from 51,280 to 51,281 (within its percentiles: the model accepts
    it): under the public checksum (`secret` None), or keyed with `secret`."""
    build = Builds(files)
    dataset = cache.load_or_build(files, build)
    assert median_2008_pr(dataset) == PR_2008
    path = cache.entry_path(files)
    payload = path.read_bytes().split(b"\n", 2)[2]
    assert payload.count(b"51280") >= 1
    lie = payload.replace(b"51280", b"51281")
    entry_key = path.name.removeprefix("dataset-").removesuffix(cache.SUFFIX)
    check = cache.checksum(lie) if secret is None else cache.keyed_checksum(entry_key, lie, secret)
    path.write_bytes(cache.MAGIC + f"{entry_key} {check}\n".encode() + lie)
    return path


@pytest.mark.parametrize(
    "secret",
    [None, b"\x00" * cache.KEY_BYTES, os.urandom(cache.KEY_BYTES)],
    ids=["the public checksum", "a guessed key", "another home's key"],
)
def test_C1_an_entry_forged_without_the_key_is_discarded(
    files: list[Path], home: Path, secret: bytes | None
) -> None:
    forged(files, secret)
    build = Builds(files)
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 1  # rebuilt from the files, not served
    assert b"51281" not in cache.entry_path(files).read_bytes()


def test_C1_the_forged_entry_would_be_served_with_the_key(files: list[Path], home: Path) -> None:
    """The forgery above is live: signed with this home's key, it is believed."""
    cache.load_or_build(files, Builds(files))
    key = (home / "cache" / cache.KEY_FILE).read_bytes()
    forged(files, key)
    lie = median_2008_pr(cache.load_or_build(files, Builds(files)))
    assert lie == {**PR_2008, Statistic.MEDIAN: 51281}


@pytest.mark.skipif(os.name != "posix", reason="file owners and modes are POSIX")
@pytest.mark.parametrize(
    "fault",
    ["readable by others", "writable by the group", "another owner", "a symlink", "too short"],
)
def test_C2_a_key_anyone_else_could_know_is_not_trusted(
    files: list[Path], home: Path, fault: str
) -> None:
    cache.load_or_build(files, Builds(files))
    key = home / "cache" / cache.KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    known = key.read_bytes()
    if fault == "readable by others":
        key.chmod(0o644)
    elif fault == "writable by the group":
        key.chmod(0o620)
    elif fault == "another owner":
        os.chown(key, 65534, 65534)  # nobody: tests run as root, who may give files away
    elif fault == "a symlink":
        target = home / "elsewhere"
        target.write_bytes(known)
        target.chmod(0o600)
        key.unlink()
        key.symlink_to(target)
    else:
        key.write_bytes(known[:16])
    forged(files, known if fault != "too short" else known[:16])
    build = Builds(files)
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 1
    # A new key, only this user's, took the untrusted one's place.
    assert not key.is_symlink()
    status = key.stat()
    assert (status.st_uid, status.st_mode & 0o777) == (os.geteuid(), 0o600)
    assert key.read_bytes() != known
    assert median_2008_pr(cache.load_or_build(files, build)) == PR_2008
    assert build.count == 1  # and the new entry serves the next run


@pytest.mark.installed
def test_C3_the_command_answers_right_over_a_forged_entry(home: Path) -> None:
    files = list(bundled_files())
    assert careerstats(home, "compare", "pr", "--source", "bls-2008").returncode == 0
    entry = cache.entry_path(files)
    payload = entry.read_bytes().split(b"\n", 2)[2]
    lie = payload.replace(b"51280", b"51281")
    entry_key = entry.name.removeprefix("dataset-").removesuffix(cache.SUFFIX)
    entry.write_bytes(cache.MAGIC + f"{entry_key} {cache.checksum(lie)}\n".encode() + lie)
    done = careerstats(home, "compare", "cs", "pr", "--source", "bls-2008", "--json")
    assert done.returncode == 0, done.stderr
    careers = json.loads(done.stdout, parse_float=Decimal)["careers"]
    assert careers[1]["wages"]["year"]["median"]["value"] == 51280
