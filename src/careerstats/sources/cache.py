"""A cache of the validated bundled dataset, so that most runs skip YAML and pydantic.

Validating the datasets costs more than everything else a `compare` does (pydantic alone
takes longer to import than Typer). The validated `Dataset` is kept as JSON under the
careerstats home, keyed by the content of every data file, the package version, the Python
version and the source of the modules that define what an entry holds: a changed file or an
upgrade selects a new entry. Each entry names its key and carries a digest of its payload;
an entry that is damaged, unreadable, foreign or not what `dataset_codec` writes is
discarded and rebuilt. The cache is only ever an optimisation: when it cannot be written,
careerstats works without.

Anyone who can write to the home (a shared or group-writable one, a restored CI cache) can
put files in the cache folder, so nothing read from it may run code: an entry is parsed as
JSON and built into the model's own classes by `dataset_codec`, never unpickled or imported.
Nor may a planted entry lie: its checksum is keyed (BLAKE2b) with a secret of 32 random
bytes in `cache/key`, a file only its owner can read or write. A key that another user
owns, that others could read, or that is not a plain file is not trusted: the cache is then
rebuilt under a new key. An entry whose keyed checksum does not match (one built to look
valid by someone without the key) is at worst discarded and rebuilt.
"""

from __future__ import annotations

import json
import os
import stat
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

MAGIC = b"careerstats-dataset-cache 5 json keyed\n"
KEY_FILE = "key"
KEY_BYTES = 32
DISABLE = "CAREERSTATS_NO_CACHE"
SUFFIX = ".json"
# Far beyond any bundled dataset (the whole wheel is held below 6 MB): a larger file in the
# cache folder is not ours, and is not read into memory.
MAX_ENTRY_BYTES = 64 * 1024 * 1024


def checksum(data: bytes) -> str:
    """CRC-32 and Adler-32 together: catches any accidental change, and zlib loads in no time
    (hashlib's OpenSSL takes longer to import than the whole cached load)."""
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


# The modules that define what an entry holds: a change to any of them (even without a new
# version, as in a development install) must not be answered with objects of the old shape.
_ENTRY_MODULES = (
    "core/model.py",
    "core/dataset.py",
    "core/periods.py",
    "sources/dataset_codec.py",
)


def key(files: Sequence[Traversable | Path]) -> str:
    parts = [f"{__version__}|{sys.version_info[:2]}|".encode(), MAGIC]
    here = Path(__file__).parents[1]
    parts.extend((here / module).read_bytes() for module in _ENTRY_MODULES)
    for file in files:
        content = file.read_bytes()
        parts.append(f"|{file.name}|{len(content)}|".encode())
        parts.append(content)
    return checksum(b"".join(parts))


def entry_path(files: Sequence[Traversable | Path]) -> Path:
    return _path(key(files))


def _path(entry_key: str) -> Path:
    return cache_dir() / f"dataset-{entry_key}{SUFFIX}"


def load_or_build(files: Sequence[Traversable | Path], build: Callable[[], Dataset]) -> Dataset:
    """The cached dataset for exactly these files, or `build()` and remember it."""
    if os.environ.get(DISABLE):
        return build()
    entry_key = key(files)
    path = _path(entry_key)
    cached = _read(path, entry_key)
    if cached is not None:
        return cached
    dataset = build()
    _write(path, entry_key, dataset)
    return dataset


def _header(entry_key: str, payload: bytes, secret: bytes) -> bytes:
    return MAGIC + f"{entry_key} {keyed_checksum(entry_key, payload, secret)}\n".encode()


def keyed_checksum(entry_key: str, payload: bytes, secret: bytes) -> str:
    """BLAKE2b keyed with the home's secret: only who can read the key can make one."""
    try:  # the C module itself: hashlib would load OpenSSL, slower than the cached load
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - CPython builds without it
        from hashlib import blake2b
    digest = blake2b(entry_key.encode() + b"\n", key=secret, digest_size=20)
    digest.update(payload)
    return digest.hexdigest()


def _trusted(status: os.stat_result) -> bool:
    """A key file only this user can read and write: anyone else could forge entries."""
    if not stat.S_ISREG(status.st_mode) or status.st_size != KEY_BYTES:
        return False
    if os.name != "posix":  # the per-user application data folder; no POSIX modes
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & 0o077


def _secret(folder: Path) -> bytes | None:
    """The home's cache key, if it is there and trusted."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(folder / KEY_FILE, flags)
    except OSError:
        return None
    try:
        if not _trusted(os.fstat(handle)):
            return None
        secret = os.read(handle, KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return secret if len(secret) == KEY_BYTES else None


def _new_secret(folder: Path) -> bytes | None:
    """A trusted key: the one there, else a new one in place of anything untrusted."""
    secret = _secret(folder)
    if secret is not None:
        return secret
    path = folder / KEY_FILE
    try:
        if path.is_symlink() or path.exists():
            path.unlink()  # not trusted: whatever it is, it goes
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        handle = os.open(path, flags, 0o600)
    except OSError:  # another run made one meanwhile, or the folder cannot be written
        return _secret(folder)
    try:
        os.write(handle, os.urandom(KEY_BYTES))
    except OSError:
        os.close(handle)
        path.unlink(missing_ok=True)
        return None
    os.close(handle)
    return _secret(folder)


def _read(path: Path, entry_key: str) -> Dataset | None:
    blob = _read_regular_file(path)
    if blob is None:
        return None
    secret = _secret(path.parent)
    if secret is None:
        return None
    end = blob.find(b"\n", len(MAGIC)) + 1
    header, payload = blob[:end], blob[end:]
    if not end or header != _header(entry_key, payload, secret):
        return None
    from careerstats.sources import dataset_codec

    try:
        return dataset_codec.decode(json.loads(payload))
    except Exception:  # a damaged or foreign entry is rebuilt, whatever the error
        return None


def _read_regular_file(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of a sane size; None for anything else.

    Opened without blocking, so that a FIFO planted under the entry's name cannot hang the
    command, and checked before reading, so that a device or a huge file is not read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(handle, "rb", closefd=False) as file:
            blob = file.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return blob if len(blob) <= MAX_ENTRY_BYTES else None


def _write(path: Path, entry_key: str, dataset: Dataset) -> None:
    from careerstats.sources import dataset_codec

    try:
        values = dataset_codec.encode(dataset)
    except dataset_codec.Damaged:  # holds something the codec does not describe
        return
    payload = json.dumps(values, separators=(",", ":")).encode()
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = _new_secret(path.parent)
        if secret is None:
            return
        blob = _header(entry_key, payload, secret) + payload
        # Written beside its final name and renamed: readers see the old entry or the whole
        # new one, never half of it.
        handle, temporary = tempfile.mkstemp(prefix=".dataset-", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
        # Other entries are stale; pickles (what earlier builds wrote) are never read.
        for stale in [*path.parent.glob("dataset-*.json"), *path.parent.glob("dataset-*.pickle")]:
            if stale != path:
                stale.unlink(missing_ok=True)
    except BaseException as error:
        # A full disk, a directory under the entry's name, or an interrupt: no temporary
        # file is left behind. The run goes on without the cache, unless interrupted.
        Path(temporary).unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise
