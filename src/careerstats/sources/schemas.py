"""The JSON Schemas of the commands' `--json` output, shipped in the package
(`careerstats/schemas/NAME.schema.json`, written by scripts/make_schemas.py)."""

from __future__ import annotations

from importlib.resources import files

from careerstats.core.wording import quoted
from careerstats.errors import UsageError

SUFFIX = ".schema.json"


def schema_names() -> list[str]:
    """The names schemas are kept under: `compare`, `data-audit`, `convert-jsonl`, ..."""
    folder = files("careerstats").joinpath("schemas")
    return sorted(
        entry.name.removesuffix(SUFFIX) for entry in folder.iterdir() if entry.name.endswith(SUFFIX)
    )


def schema_text(name: str) -> str:
    """The schema kept under `name`, as the file has it."""
    known = schema_names()
    if name not in known:
        raise UsageError(f"no JSON Schema for {quoted(name)}; there is one for: {', '.join(known)}")
    return files("careerstats").joinpath("schemas", name + SUFFIX).read_text(encoding="utf-8")
