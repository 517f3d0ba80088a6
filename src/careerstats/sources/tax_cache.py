"""A cache of the validated tax data, so that `takehome` skips YAML and pydantic (importing
pydantic alone costs more than the rest of the run).

The same rules as the dataset cache (`sources.cache`): an entry is keyed by the data file's
content, the package version, the Python version and the source of the modules that define
what it holds; it carries a checksum of its payload keyed with the home's secret (so a
planted entry cannot lie); it is parsed as JSON and built into
the tax classes by explicit conversions, never unpickled or imported; anything damaged,
foreign or unreadable is rebuilt from the file, and a cache that cannot be written is
simply not used.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerstats.core.tax import (
    FilingStatus,
    IncomeTax,
    Medicare,
    SocialSecurity,
    TaxData,
    TaxYear,
)
from careerstats.sources.cache import (
    DISABLE,
    _new_secret,
    _read_regular_file,
    _secret,
    checksum,
    keyed_checksum,
)
from careerstats.sources.paths import cache_dir
from careerstats.version import __version__

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

MAGIC = b"careerstats-tax-cache 2 json keyed\n"
PREFIX = "tax-"
_ENTRY_MODULES = ("core/tax.py", "sources/tax_cache.py")


def key(file: Traversable | Path) -> str:
    here = Path(__file__).parents[1]
    parts = [f"{__version__}|{sys.version_info[:2]}|".encode(), MAGIC]
    parts.extend((here / module).read_bytes() for module in _ENTRY_MODULES)
    parts.append(file.read_bytes())
    return checksum(b"".join(parts))


def load_or_build(file: Traversable | Path, build: Callable[[], TaxData]) -> TaxData:
    if os.environ.get(DISABLE):
        return build()
    try:
        entry_key = key(file)
    except OSError:
        return build()  # the file cannot be read: building says so
    path = cache_dir() / f"{PREFIX}{entry_key}.json"
    blob = _read_regular_file(path)
    secret = _secret(path.parent) if blob is not None else None
    if blob is not None and secret is not None:
        end = blob.find(b"\n", len(MAGIC)) + 1
        header, payload = blob[:end], blob[end:]
        if end and header == _header(entry_key, payload, secret):
            try:
                return decode(json.loads(payload))
            except Exception:  # a damaged or foreign entry is rebuilt, whatever the error
                pass
    data = build()
    _write(path, entry_key, data)
    return data


def _header(entry_key: str, payload: bytes, secret: bytes) -> bytes:
    # Keyed with the home's secret, as the dataset's entries are: a planted entry cannot lie.
    return MAGIC + f"{entry_key} {keyed_checksum(entry_key, payload, secret)}\n".encode()


def encode(data: TaxData) -> dict[str, Any]:
    def by_status(values: dict[FilingStatus, Any]) -> dict[str, Any]:
        return {
            status.value: [str(v) for v in value] if isinstance(value, tuple) else str(value)
            for status, value in values.items()
        }

    return {
        "years": [
            {
                "year": entry.year,
                "sources": list(entry.sources),
                "rates": [str(rate) for rate in entry.income_tax.rates],
                "brackets": by_status(entry.income_tax.brackets),
                "standard_deduction": by_status(entry.income_tax.standard_deduction),
                "social_security": [
                    str(entry.social_security.rate),
                    str(entry.social_security.wage_base),
                ],
                "medicare": [str(entry.medicare.rate), str(entry.medicare.additional_rate)],
                "additional_threshold": by_status(entry.medicare.additional_threshold),
            }
            for entry in data.years
        ]
    }


def _decimal(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise TypeError("not a decimal's text")
    return Decimal(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _statuses(values: Any, convert: Callable[[Any], Any]) -> dict[FilingStatus, Any]:
    if not isinstance(values, dict):
        raise TypeError("not a mapping")
    return {FilingStatus(status): convert(value) for status, value in values.items()}


def _decimals(values: Any) -> tuple[Decimal, ...]:
    if not isinstance(values, list):
        raise TypeError("not a list")
    return tuple(_decimal(value) for value in values)


def decode(document: Any) -> TaxData:
    """The tax data an entry holds; any departure from what `encode` writes raises."""
    years = []
    for item in document["years"]:
        year = item["year"]
        if type(year) is not int:
            raise TypeError("not a year")
        security_rate, wage_base = item["social_security"]
        rate, additional_rate = item["medicare"]
        years.append(
            TaxYear(
                year=year,
                sources=tuple(_text(source) for source in item["sources"]),
                income_tax=IncomeTax(
                    rates=_decimals(item["rates"]),
                    brackets=_statuses(item["brackets"], _decimals),
                    standard_deduction=_statuses(item["standard_deduction"], _decimal),
                ),
                social_security=SocialSecurity(_decimal(security_rate), _decimal(wage_base)),
                medicare=Medicare(
                    _decimal(rate),
                    _decimal(additional_rate),
                    _statuses(item["additional_threshold"], _decimal),
                ),
            )
        )
    return TaxData(tuple(years))


def _write(path: Path, entry_key: str, data: TaxData) -> None:
    import tempfile

    payload = json.dumps(encode(data), separators=(",", ":")).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = _new_secret(path.parent)
        if secret is None:
            return
        handle, temporary = tempfile.mkstemp(prefix=f".{PREFIX}", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_header(entry_key, payload, secret) + payload)
        os.replace(temporary, path)
        for stale in path.parent.glob(f"{PREFIX}*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except BaseException as error:
        # A full disk, a directory under the entry's name, or an interrupt: no temporary
        # file is left behind; the run goes on without the cache, unless interrupted.
        Path(temporary).unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise
