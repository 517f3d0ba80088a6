"""A cache of the validated bundled dataset, so that most runs skip YAML and pydantic.

Validating the datasets costs more than everything else a `compare` does (pydantic alone
takes longer to import than Typer). The validated `Dataset` is pickled under the careerstats
home, keyed by the content of every data file, the package version and the Python version:
a changed file or an upgrade selects a new entry. Each entry carries a digest of its
payload; an entry that is damaged, unreadable or of the wrong type is discarded and rebuilt.
The cache is only ever an optimisation: when it cannot be written, careerstats works without.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careerstats.sources.paths import cache_dir
from careerstats.version import __version__

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from careerstats.core.dataset import Dataset

MAGIC = b"careerstats-dataset-cache 3\n"
DISABLE = "CAREERSTATS_NO_CACHE"


def checksum(data: bytes) -> str:
    """CRC-32 and Adler-32 together: catches any accidental change, and zlib loads in no time
    (hashlib's OpenSSL takes longer to import than the whole cached load)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


# The modules whose classes the pickle holds: a change to any of them (even without a new
# version, as in a development install) must not be answered with objects of the old shape.
_PICKLED_MODULES = ("core/model.py", "core/dataset.py", "core/names.py", "core/periods.py")


def key(files: Sequence[Traversable | Path]) -> str:
    parts = [f"{__version__}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode()]
    here = Path(__file__).parents[1]
    parts.extend((here / module).read_bytes() for module in _PICKLED_MODULES)
    for file in files:
        content = file.read_bytes()
        parts.append(f"|{file.name}|{len(content)}|".encode())
        parts.append(content)
    return checksum(b"".join(parts))


def entry_path(files: Sequence[Traversable | Path]) -> Path:
    return cache_dir() / f"dataset-{key(files)}.pickle"


def load_or_build(files: Sequence[Traversable | Path], build: Callable[[], Dataset]) -> Dataset:
    """The cached dataset for exactly these files, or `build()` and remember it."""
    from careerstats.core.dataset import Dataset

    if os.environ.get(DISABLE):
        return build()
    path = entry_path(files)
    cached = _read(path)
    if isinstance(cached, Dataset):
        return cached
    dataset = build()
    _write(path, dataset)
    return dataset


def _read(path: Path) -> object:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    header = len(MAGIC) + 16
    if not blob.startswith(MAGIC) or len(blob) <= header:
        return None
    digest, payload = blob[len(MAGIC) : header], blob[header:]
    if checksum(payload).encode() != digest:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a damaged or outdated entry is rebuilt, whatever the error
        return None


def _write(path: Path, dataset: Dataset) -> None:
    payload = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
    blob = MAGIC + checksum(payload).encode() + payload
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside its final name and renamed: readers see the old entry or the whole
        # new one, never half of it.
        handle, temporary = tempfile.mkstemp(prefix=".dataset-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
        for stale in path.parent.glob("dataset-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        return
