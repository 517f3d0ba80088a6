"""The package's shape holds: layers import only downwards, nothing imports in a loop, and each
command loads only what the README promises (no Rich under --json, no pydantic or PyYAML once
the dataset cache is warm)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).parents[1]


def test_the_layer_contracts_in_pyproject_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each an import loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(edges.get(module, ())):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_a_loop() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c"]]


def test_no_module_of_the_package_imports_itself_in_a_loop() -> None:
    """Deferred imports inside functions and imports for type checking count too: a loop of
    either kind is a design loop, even when Python would let it run."""
    graph = grimp.build_graph("careerstats")
    edges = {
        module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules
    }
    assert _cycles(edges) == []


# Each command, with what it must not load. The first run of each fills the dataset cache.
NO_RICH = ("rich",)
NO_VALIDATION = ("pydantic", "yaml")
NO_HTTP = ("httpx", "httpcore", "anyio")  # loaded by `data fetch` only
COMMANDS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("convert", "14.36", "--to", "year"), NO_RICH + NO_VALIDATION),
    (("convert", "14.36", "--json"), NO_RICH + NO_VALIDATION),
    (("inflate", "14.36", "--from", "2008-05"), NO_RICH + NO_VALIDATION),
    (("inflate", "14.36", "--from", "2008-05", "--json"), NO_RICH + NO_VALIDATION),
    (("compare", "cs", "pr", "--json"), NO_RICH + NO_VALIDATION),
    (("compare", "cs", "pr", "--csv"), NO_RICH + NO_VALIDATION),
    (("compare", "cs", "pr"), NO_VALIDATION),
    (("show", "cs", "--json"), NO_RICH + NO_VALIDATION),
    (("rank", "cs", "30000", "--json"), NO_RICH + NO_VALIDATION),
    (("rank", "cs", "15", "--json"), NO_RICH + NO_VALIDATION),
    (("list", "--json"), NO_RICH + NO_VALIDATION),
    (("list",), NO_RICH + NO_VALIDATION),
    (("list", "--csv"), NO_RICH + NO_VALIDATION),
    (("top", "--json"), NO_RICH + NO_VALIDATION),
    (("top",), NO_RICH + NO_VALIDATION),
    (("top", "--csv"), NO_RICH + NO_VALIDATION),
    (("sources", "--json"), NO_RICH + NO_VALIDATION),
    (("data", "audit", "--json"), NO_RICH + NO_VALIDATION),
    (("data", "list", "--json"), NO_RICH + NO_VALIDATION),
    (("history", "cs", "--json"), NO_RICH + NO_VALIDATION),
    (("history", "cs", "--csv"), NO_RICH + NO_VALIDATION),
    (("relocate", "60000", "--from", "CA", "--to", "TX"), NO_RICH + NO_VALIDATION),
    (("relocate", "60000", "--from", "CA", "--to", "TX", "--json"), NO_RICH + NO_VALIDATION),
    (("relocate", "60000", "--from", "CA", "--to", "TX", "--csv"), NO_RICH + NO_VALIDATION),
    (("data", "areas", "--json"), NO_RICH + NO_VALIDATION + NO_HTTP),
    (("data", "list", "--json"), NO_HTTP),
    (("compare", "cs", "pr"), NO_HTTP),
    (("show", "cs", "--csv"), NO_RICH + NO_VALIDATION),
    (("rank", "cs", "30000", "--csv"), NO_RICH + NO_VALIDATION),
    (("list", "--csv"), NO_RICH + NO_VALIDATION),
    (("sources", "--csv"), NO_RICH + NO_VALIDATION),
    (("convert", "14.36", "--csv"), NO_RICH + NO_VALIDATION),
    (("inflate", "14.36", "--from", "2008-05", "--to", "latest"), NO_RICH + NO_VALIDATION),
    (("data", "audit", "--csv"), NO_RICH + NO_VALIDATION),
    # The tax data file is validated on each run that taxes; nothing else loads it.
    (("takehome", "42830", "--json"), NO_RICH),
    (("takehome", "42830", "--csv"), NO_RICH),
    (("convert", "20", "--overtime-hours", "5", "--to", "week"), NO_RICH + NO_VALIDATION),
    (("search", "nurse"), NO_RICH + NO_VALIDATION),
    (("search", "nurse", "--json"), NO_RICH + NO_VALIDATION),
    (("search", "nurse", "--csv"), NO_RICH + NO_VALIDATION),
]

# Runs the real entry point and records, at exit, every module the run imported.
DRIVER = """
import atexit, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write("\\n".join(sorted(sys.modules))))
sys.argv[0] = "careerstats"
from careerstats.cli import main
main()
"""


def _loaded(args: tuple[str, ...], home: Path, record: Path) -> set[str]:
    environment = {**os.environ, "CAREERSTATS_HOME": str(home)}
    environment.pop("CAREERSTATS_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(record), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return set(record.read_text().split())


@pytest.mark.installed
@pytest.mark.parametrize(("args", "forbidden"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_a_command_loads_only_what_the_readme_promises(
    args: tuple[str, ...], forbidden: tuple[str, ...], tmp_path: Path
) -> None:
    home = tmp_path / "home"
    _loaded(("compare", "cs", "pr", "--json"), home, tmp_path / "warm.txt")  # fills the cache
    loaded = _loaded(args, home, tmp_path / "loaded.txt")
    assert "careerstats.cli.output" in loaded  # the recording works: the writer was loaded
    offending = sorted(module for module in loaded if module.split(".")[0] in forbidden)
    assert offending == [], f"{' '.join(args)} loaded {offending[:5]}"


def test_the_load_check_sees_a_module_that_is_loaded(tmp_path: Path) -> None:
    """The table form of compare does load Rich's text: the check above would see it."""
    home = tmp_path / "home"
    loaded = _loaded(("compare", "cs", "pr"), home, tmp_path / "loaded.txt")
    assert "rich.text" in loaded
    assert "pydantic" in loaded  # a cold cache validates the files


def test_compare_tables_for_a_pipe_build_no_rich_console(tmp_path: Path) -> None:
    """Written to a pipe, compare's tables and chart are laid out as text: Rich's console and
    table, the costliest imports of a table, are not loaded (a terminal still gets them)."""
    home = tmp_path / "home"
    _loaded(("compare", "cs", "pr", "--json"), home, tmp_path / "warm.txt")  # fills the cache
    loaded = _loaded(("compare", "cs", "pr"), home, tmp_path / "loaded.txt")
    assert "careerstats.render.compare_view" in loaded
    assert {"rich.console", "rich.table"} & loaded == set()


def _message_texts(package: str) -> list[tuple[str, str]]:
    """(module, text) of every string literal in a package's code, docstrings left out."""
    import ast

    texts = []
    for path in sorted((ROOT / "src" / "careerstats" / package).glob("*.py")):
        tree = ast.parse(path.read_text())
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if is_text and id(node) not in docstrings:
                texts.append((path.name, node.value))
    return texts


@pytest.mark.parametrize("package", ["core", "sources"])
def test_the_library_names_no_command_line_option(package: str) -> None:
    """Errors carry facts; `cli.hints` says which option or command to use about them."""
    import re

    option = re.compile(r"(?<![\w-])--[a-z]")
    found = [(module, text) for module, text in _message_texts(package) if option.search(text)]
    assert found == []


def test_the_core_names_no_command() -> None:
    found = [(m, t) for m, t in _message_texts("core") if "'careerstats " in t]
    assert found == []


def test_every_command_is_found_in_the_module_a_run_imports_for_it() -> None:
    """`main` imports only the module COMMAND_MODULES names for the command asked for."""
    from careerstats.cli.root import COMMAND_MODULES, every_command

    registered = {
        (info.name or info.callback.__name__): info.callback.__module__.rsplit(".", 1)[1]
        for info in every_command().registered_commands
        if info.callback is not None
    }
    assert {name.rstrip("_"): module for name, module in registered.items()} == COMMAND_MODULES


def _inspected_by_typer() -> list[Any]:
    """Every function Typer reads the signature of on a run: the commands (of sub-apps too),
    and the callbacks and completion functions their parameters name."""
    import typing

    from careerstats.cli.root import every_command

    app = every_command()
    functions: list[Any] = [app.registered_callback.callback] if app.registered_callback else []
    apps = [app, *(group.typer_instance for group in app.registered_groups)]
    for one in apps:
        if one is None:
            continue
        functions.extend(info.callback for info in one.registered_commands if info.callback)
    for command in list(functions):
        for hint in typing.get_type_hints(command, include_extras=True).values():
            for meta in getattr(hint, "__metadata__", ()):
                functions.extend(
                    function
                    for function in (getattr(meta, "callback", None), meta.autocompletion)
                    if callable(function)
                )
    return functions


def test_typer_reads_no_annotation_as_a_string_to_compile() -> None:
    """Typer inspects the signature of the command being run on every run: an annotation kept
    as a string (`from __future__ import annotations`) is compiled there each time, which
    costs `compare --json` about 3% of its run."""
    functions = _inspected_by_typer()
    assert len(functions) > 40  # every command and its completion functions were found
    as_text = sorted(
        f"{function.__module__}.{function.__qualname__}: {name}"
        for function in functions
        for name, annotation in function.__annotations__.items()
        if isinstance(annotation, str)
    )
    assert as_text == []
