"""The catalog of bad inputs (docs/errors.md) and the tests cannot drift apart: every row id
in the catalog appears in some test, and every id a hardening test names is in the catalog."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
ROW = re.compile(r"^\| ([A-Z]\d{1,2}) \|", re.MULTILINE)
PREFIXES = "ANSYOHTFJRUCL"


def catalog_ids() -> list[str]:
    return ROW.findall((ROOT / "docs" / "errors.md").read_text(encoding="utf-8"))


def mentioned(identifier: str, text: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9]){identifier}(?![0-9])", text) is not None


def test_every_catalog_row_has_a_test() -> None:
    ids = catalog_ids()
    assert len(ids) == len(set(ids)), "a row id is used twice"
    assert len(ids) >= 80
    tests = "\n".join(path.read_text(encoding="utf-8") for path in ROOT.glob("tests/**/test_*.py"))
    missing = [identifier for identifier in ids if not mentioned(identifier, tests)]
    assert not missing, f"catalog rows with no test: {missing}"


def test_every_id_a_test_names_is_in_the_catalog() -> None:
    ids = set(catalog_ids())
    named: set[str] = set()
    for path in ROOT.glob("tests/**/test_*.py"):
        for name in re.findall(r"def (test_\w+)", path.read_text(encoding="utf-8")):
            named.update(re.findall(rf"(?<=_)([{PREFIXES}]\d{{1,2}})(?=_)", name))
    assert named - ids == set()


def test_the_readme_links_the_catalog() -> None:
    assert "docs/errors.md" in (ROOT / "README.md").read_text(encoding="utf-8")
