"""Regenerate the JSON Schemas (draft 2020-12) of every command's `--json` output.

    python scripts/make_schemas.py            # writes src/careerstats/schemas/*.schema.json
    python scripts/make_schemas.py --check    # exits 1 if a committed schema is stale

The schemas are generated from the TypedDicts in `careerstats.render.documents`, the types
the JSON writer (`render.jsonout`) returns and the type checker holds it to; nothing here is
written by hand but which document each command writes. `careerstats schema COMMAND` prints
the committed files; tests/cli/test_json_schemas.py checks they equal a fresh generation.
"""

from __future__ import annotations

import argparse
import json
import sys
import types
from pathlib import Path
from typing import (
    Any,
    Literal,
    NotRequired,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

from careerstats.render import documents
from careerstats.render.jsonnumber import Number

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "src" / "careerstats" / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# File name -> (what writes it, the documents it may be). `list` writes the careers, or with
# --source a release's contents.
COMMANDS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "compare": ("careerstats compare --json", (documents.Comparison,)),
    "show": ("careerstats show --json", (documents.Profile,)),
    "rank": ("careerstats rank --json", (documents.Rank,)),
    "history": ("careerstats history --json", (documents.History,)),
    "top": ("careerstats top --json", (documents.Top,)),
    "list": (
        "careerstats list --json (with --source: the release's contents)",
        (documents.OccupationList, documents.ReleaseContents),
    ),
    "sources": ("careerstats sources --json", (documents.SourceList,)),
    "convert": (
        "careerstats convert --json (with extra pay, --overtime-hours, --bonus ...: the gross pay)",
        (documents.Conversion, documents.Gross),
    ),
    "convert-jsonl": (
        "careerstats convert - --jsonl: each line (null for a line that is not an amount)",
        (documents.StreamedConversion, None),
    ),
    "inflate": ("careerstats inflate --json", (documents.Adjustment,)),
    "data-audit": ("careerstats data audit --json", (documents.Audit,)),
    "data-list": ("careerstats data list --json", (documents.ImportedReleases,)),
    "data-check": ("careerstats data check --json", (documents.CheckedFiles,)),
    "search": ("careerstats search --json", (documents.Search,)),
    "takehome": ("careerstats takehome --json", (documents.TakeHome,)),
    "relocate": ("careerstats relocate --json", (documents.Relocation,)),
    "where": ("careerstats where --json", (documents.Where,)),
    "data-areas": ("careerstats data areas --json", (documents.AreaListing,)),
}


class Schemas:
    """One schema's `$defs`, filled as TypedDicts are met."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def of(self, kind: Any) -> dict[str, Any]:
        if kind is Number:
            return {"type": "number"}
        if kind is None or kind is type(None):
            return {"type": "null"}
        simple = {str: "string", bool: "boolean", int: "integer"}
        if kind in simple:
            return {"type": simple[kind]}
        if kind is Any:
            return {}
        if is_typeddict(kind):
            return self._object(kind)
        origin, args = get_origin(kind), get_args(kind)
        if origin in (Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in args]}
        if origin is NotRequired:
            return self.of(args[0])
        if origin is list:
            return {"type": "array", "items": self.of(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.of(args[1])}
        if origin is Literal:
            return {"enum": list(args)}
        raise TypeError(f"no JSON Schema for {kind!r}")

    def _object(self, kind: Any) -> dict[str, Any]:
        name = kind.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder while its fields are written
            hints = get_type_hints(kind, vars(documents), include_extras=True)
            definition: dict[str, Any] = {
                "type": "object",
                "properties": {key: self.of(hint) for key, hint in hints.items()},
                # NotRequired is read from the hints: under postponed annotations, Python
                # 3.11 counts every key of a class-syntax TypedDict in __required_keys__.
                "required": [
                    key
                    for key, hint in hints.items()
                    if key in kind.__required_keys__ and get_origin(hint) is not NotRequired
                ],
            }
            if name not in documents.OPEN:
                definition["additionalProperties"] = False
            self.defs[name] = definition
        return {"$ref": f"#/$defs/{name}"}


def generate() -> dict[str, str]:
    """Every schema file's name and text."""
    files = {}
    for name, (title, kinds) in COMMANDS.items():
        schemas = Schemas()
        shapes = [schemas.of(kind) for kind in kinds]
        document: dict[str, Any] = {"$schema": DRAFT, "title": title}
        document |= shapes[0] if len(shapes) == 1 else {"anyOf": shapes}
        document["$defs"] = dict(sorted(schemas.defs.items()))
        files[f"{name}.schema.json"] = json.dumps(document, indent=2) + "\n"
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    checking = parser.parse_args().check
    fresh = generate()
    stale = [
        name
        for name, text in fresh.items()
        if not (SCHEMAS / name).is_file() or (SCHEMAS / name).read_text("utf-8") != text
    ]
    extra = sorted(p.name for p in SCHEMAS.glob("*.schema.json") if p.name not in fresh)
    if checking:
        for name in [*stale, *extra]:
            print(f"stale: {name}", file=sys.stderr)
        return 1 if stale or extra else 0
    SCHEMAS.mkdir(exist_ok=True)
    for name in stale:
        (SCHEMAS / name).write_text(fresh[name], encoding="utf-8")
    for name in extra:
        (SCHEMAS / name).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
