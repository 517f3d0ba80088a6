"""The contract for scripts (issue 14, point 7): a JSON Schema (draft 2020-12) for every
command's --json output, generated from the writer's types, shipped in the package, printed by
`careerstats schema COMMAND`, and met by the real output of every command."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import place_files as pf
import pytest
from conftest import Run, as_json
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

ROOT = Path(__file__).parents[2]
SHIPPED = ROOT / "src" / "careerstats" / "schemas"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_schemas", ROOT / "scripts" / "make_schemas.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schema(run: Run, *command: str) -> dict[str, Any]:
    result = run("schema", *command)
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def test_the_shipped_schemas_equal_a_fresh_generation() -> None:
    fresh = generator().generate()
    shipped = {path.name: path.read_text(encoding="utf-8") for path in SHIPPED.glob("*.json")}
    assert shipped == fresh


def test_every_command_with_json_has_a_schema_of_draft_2020_12(run: Run) -> None:
    commands = [
        ("compare",),
        ("show",),
        ("rank",),
        ("history",),
        ("top",),
        ("list",),
        ("sources",),
        ("convert",),
        ("convert", "--jsonl"),
        ("inflate",),
        ("data", "audit"),
        ("data", "list"),
        ("data", "check"),
        ("search",),
        ("takehome",),
        ("relocate",),
        ("where",),
        ("data", "areas"),
    ]
    for command in commands:
        document = schema(run, *command)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(document)
        assert document["title"].startswith(f"careerstats {command[0]}")


def test_schema_prints_the_file_shipped_in_the_package(run: Run) -> None:
    result = run("schema", "compare")
    assert result.stdout == (SHIPPED / "compare.schema.json").read_text(encoding="utf-8")
    assert run("schema", "data", "audit").stdout == (SHIPPED / "data-audit.schema.json").read_text(
        encoding="utf-8"
    )


def test_J1_schema_of_a_command_without_json_names_those_with_one(run: Run) -> None:
    result = run("schema", "takeoff")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("careerstats: error: no JSON Schema for 'takeoff'; ")
    assert result.stderr.endswith(
        "there is one for: compare, convert, convert --jsonl, data areas, data audit, "
        "data check, data list, history, inflate, list, rank, relocate, search, show, sources, "
        "takehome, top, where\n"
    )
    assert "'inflate --jsonl'" in run("schema", "inflate", "--jsonl").stderr
    assert result.stderr.count("\n") == 1


def test_J2_schema_without_a_command_is_a_usage_error(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 2
    assert result.stderr.startswith("careerstats: error: ")
    assert "schema --help" in result.stderr


# Each command's real output, for several inputs, against its schema.
OUTPUTS = [
    ("compare", ("compare", "cs", "pr")),
    ("compare", ("compare", "cs", "pr", "--source", "all")),
    ("compare", ("compare", "cs", "--source", "payscale")),
    ("compare", ("compare", "cs", "pr", "--in-dollars-of", "2020-01")),
    ("compare", ("compare", "cs", "pr", "--hours-per-week", "37.5")),
    ("show", ("show", "cs")),
    ("show", ("show", "pr", "--in-dollars-of", "2024")),
    ("show", ("show", "15-1252")),
    ("rank", ("rank", "pr", "55k")),
    ("rank", ("rank", "cs", "15", "--per", "hour")),
    ("rank", ("rank", "cs", "5000")),
    ("rank", ("rank", "cs", "30000", "--in-dollars-of", "2020-01")),
    ("history", ("history", "cs")),
    ("history", ("history", "pr", "--in-dollars-of", "2010")),
    ("list", ("list",)),
    ("list", ("list", "--group", "15")),
    ("list", ("list", "--level", "major")),
    ("top", ("top",)),
    ("top", ("top", "--by", "employment", "--limit", "5")),
    ("top", ("top", "--max-education", "high school", "--per", "hour")),
    ("list", ("list", "--source", "oews-2013")),
    ("list", ("list", "--source", "payscale")),
    ("sources", ("sources",)),
    ("convert", ("convert", "14.36")),
    ("convert", ("convert", "55k", "--from", "year", "--to", "month")),
    ("convert", ("convert", "0", "--hours-per-week", "168")),
    ("inflate", ("inflate", "14.36", "--from", "2008-05")),
    ("inflate", ("inflate", "10", "--from", "2020", "--to", "1990")),
    ("data-audit", ("data", "audit")),
    ("data-list", ("data", "list")),
    ("data-check", ("data", "check")),
    ("convert", ("convert", "20", "--overtime-hours", "5", "--bonus", "3000")),
    ("convert", ("convert", "20", "--bonus", "1040", "--to", "week")),
    ("convert", ("convert", "25", "--differential", "10%", "--differential-hours", "8")),
    ("compare", ("compare", "cs", "pr", "--takehome", "--tax-year", "2024", "--state", "TX")),
    ("compare", ("compare", "cs", "--bonus", "3000")),
    ("compare", ("compare", "cs", "pr", "--takehome", "--state", "CA", "--state-rate", "5")),
    ("search", ("search", "nurse")),
    ("search", ("search", "nurse", "--limit", "2")),
    ("search", ("search", "15-1252")),
    ("search", ("search", "chief executives")),
    ("search", ("search", "actors", "--limit", "1")),
    ("takehome", ("takehome", "42830", "--year", "2024", "--state", "TX")),
    ("takehome", ("takehome", "42830", "--year", "2024", "--state", "ca", "--state-rate", "5")),
    ("takehome", ("takehome", "20", "--per", "hour", "--overtime-hours", "5", "--bonus", "3000")),
    ("takehome", ("takehome", "90000", "--status", "married-joint")),
    ("relocate", ("relocate", "60000", "--from", "CA", "--to", "48")),
    ("relocate", ("relocate", "100000", "--from", "new york-newark", "--to", "35620")),
]


@pytest.mark.parametrize(("name", "args"), OUTPUTS, ids=[" ".join(a) for _, a in OUTPUTS])
def test_a_commands_json_output_meets_its_schema(
    name: str, args: tuple[str, ...], run: Run
) -> None:
    document = as_json(run(*args, "--json"))
    shipped = json.loads((SHIPPED / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(shipped).validate(document)


def test_imported_data_meets_the_schemas(run: Run, national: Path) -> None:
    shipped = {
        name: json.loads((SHIPPED / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in ("data-list", "compare", "list")
    }
    Draft202012Validator(shipped["data-list"]).validate(as_json(run("data", "list", "--json")))
    compared = as_json(run("compare", "cs", "--source", "oews-2012", "--json"))
    Draft202012Validator(shipped["compare"]).validate(compared)
    listed = as_json(run("list", "--source", "oews-2012", "--json"))
    Draft202012Validator(shipped["list"]).validate(listed)


# Output about places, on the fixture state and metro workbooks of tests/place_files.py.
PLACED = [
    ("where", ("where", "cs")),
    ("where", ("where", "cs", "--type", "state")),
    ("where", ("where", "cs", "--type", "metro", "--limit", "2", "--per", "hour")),
    ("where", ("where", "15-1252", "--by", "90th")),
    ("where", ("where", "cs", "--type", "state", "--adjust-prices")),
    ("where", ("where", "15-1252", "--by", "90th", "--adjust-prices")),
    ("data-areas", ("data", "areas")),
    ("data-areas", ("data", "areas", "--search", "new york")),
    ("data-areas", ("data", "areas", "--search", "thicket")),
    ("compare", ("compare", "cs", "--area", "TX", "--area", "CA", "--area", "new york")),
    ("compare", ("compare", "cs", "--area", "TX", "--area", "PR", "--adjust-prices")),
    ("compare", ("compare", "15-1252", "--area", "CA", "--area", "TX", "--adjust-prices")),
    ("compare", ("compare", "cs", "15-1252", "--area", "TX", "--takehome")),
]


@pytest.mark.parametrize(("name", "args"), PLACED, ids=[" ".join(a) for _, a in PLACED])
def test_json_output_about_places_meets_its_schema(
    name: str, args: tuple[str, ...], run: Run, files: Path
) -> None:
    imported = run("data", "import", pf.state_xlsx(files), pf.msa_xlsx(files), pf.bos_xlsx(files))
    assert imported.exit_code == 0, imported.stderr
    document = as_json(run(*args, "--json"))
    shipped = json.loads((SHIPPED / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(shipped).validate(document)


def test_the_place_schemas_reject_a_figure_written_as_text(run: Run) -> None:
    """The checks above can fail: a where row's median as a string, an area without a name."""
    shipped = json.loads((SHIPPED / "where.schema.json").read_text(encoding="utf-8"))
    row = {"rank": 1, "code": "48", "name": "Texas", "type": "state", "derived": False}
    good = {
        "career": {"id": "cs", "soc": "43-4051", "title": "Customer Service Representatives"},
        "source": {
            "id": "oews-2024",
            "publisher": "BLS",
            "program": "OEWS",
            "reference_period": "2024-05",
            "reference_period_label": "May 2024",
        },
        "period": "year",
        "statistic": "median",
        "type": None,
        "ranked_by": "published",
        "areas": [{**row, "value": 39000}],
        "areas_ranked": 1,
        "not_published": [],
    }
    validator = Draft202012Validator(shipped)
    validator.validate(good)
    as_text = copy.deepcopy(good)
    as_text["areas"] = [{**row, "value": "39000"}]
    nameless = copy.deepcopy(good)
    nameless["not_published"] = [{"code": "72", "type": "territory"}]
    for broken in (as_text, nameless):
        with pytest.raises(ValidationError):
            validator.validate(broken)


def test_every_streamed_json_line_meets_its_schema(run_stream: Any) -> None:
    shipped = json.loads((SHIPPED / "convert-jsonl.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(shipped)
    lines = run_stream("14.36\nabc\n55k\n$1,000\n").stdout.splitlines()
    assert len(lines) == 4
    for line in lines:
        validator.validate(json.loads(line))


@pytest.fixture
def run_stream() -> Any:
    from typer.testing import CliRunner

    from careerstats.cli import app

    def invoke(text: str) -> Any:
        return CliRunner().invoke(app, ["convert", "-", "--to", "year", "--jsonl"], input=text)

    return invoke


def test_the_schemas_reject_what_the_contract_forbids(run: Run) -> None:
    """The check above can fail: a figure written as a string, a key no type names, or a
    required key missing are each caught."""
    shipped = json.loads((SHIPPED / "compare.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(shipped)
    good = as_json(run("compare", "cs", "pr", "--json"))
    validator.validate(good)

    as_text = copy.deepcopy(good)
    median = as_text["careers"][0]["wages"]["hour"]["median"]
    median["value"] = str(median["value"])
    unknown = copy.deepcopy(good)
    unknown["careers"][0]["wages"]["hour"]["median"]["valeu"] = 1
    missing = copy.deepcopy(good)
    del missing["careers"][0]["soc"]
    for broken in (as_text, unknown, missing):
        with pytest.raises(ValidationError):
            validator.validate(broken)
