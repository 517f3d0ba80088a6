"""The `careerstats` application: the root group, `--version`, and `main`, which builds only
the command asked for. The commands live in `careers`, `pay` and `data` beside this module.

No arithmetic here. Imports stay inside the commands so that `convert` loads neither
pydantic, Rich nor YAML, and `--json` never loads Rich.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from careerstats.cli.errors import PROG, CareerstatsGroup

ROOT_HELP = "Salary and career statistics from published BLS and PayScale figures."
# The commands in the order a new user reaches for them, one example each.
EXAMPLES = (
    ("careerstats compare cs pr", "two careers side by side"),
    ("careerstats compare cs pr --area Texas", "in imported state data"),
    ("careerstats compare cs --industry 5112", "in an imported industry"),
    ("careerstats show cs", "one career in full"),
    ("careerstats rank pr 55k", "where $55,000 a year ranks"),
    ("careerstats history cs", "every release since 2008"),
    ("careerstats list", "careers, aliases, codes"),
    ("careerstats sources", "every source, provenance"),
    ("careerstats convert 14.36 --to year", "29868.80"),
    ("seq 10 20 | careerstats convert - --to year", "streamed, line by line"),
    ("careerstats inflate 10 --from 2020 --to latest", "in the newest dollars"),
    ("careerstats data import national_M2024_dl.xlsx", "official OEWS files"),
    ("careerstats schema compare", "JSON Schema of --json"),
)
VOCABULARY = "Every command that prints data takes --json and --csv; -q drops notes."


def root_epilog(columns: int) -> str:
    """The examples laid out for `columns`: with what each does where it fits, the commands
    alone where they fit, else only the sentence on options (nothing is cut or wrapped).
    ('\b' keeps Click and Rich from joining the lines into one paragraph.)"""
    width = max(len(command) for command, _ in EXAMPLES)
    described = [f"  {command:<{width}}  {what}" for command, what in EXAMPLES]
    if max(map(len, described)) + 3 <= columns:
        lines = described
    elif width + 5 <= columns:
        lines = [f"  {command}" for command, _ in EXAMPLES]
    else:
        return ""
    return "\b\n" + "\n".join(["Examples, in order of use:", *lines]) + "\n\n" + VOCABULARY


app = typer.Typer(
    cls=CareerstatsGroup,
    name=PROG,
    help=ROOT_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(asked: bool) -> None:
    if asked:
        from careerstats.version import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        raise typer.Exit()


@app.callback(help=ROOT_HELP)
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    pass  # options only: every command is its own function


# The module of each command: a run imports only the one it needs.
COMMAND_MODULES = {
    "compare": "careers",
    "show": "careers",
    "rank": "careers",
    "history": "careers",
    "list": "careers",
    "sources": "careers",
    "convert": "pay",
    "inflate": "pay",
    "schema": "schema",
}


def every_command() -> typer.Typer:
    """`app` with every command registered, in the order `--help` lists them."""
    import importlib
    import shutil

    for module in ("careers", "pay", "data", "schema"):
        importlib.import_module(f"careerstats.cli.{module}")
    if app.registered_callback is not None:
        columns = shutil.get_terminal_size().columns  # COLUMNS first, then the terminal
        app.registered_callback.epilog = root_epilog(columns) or None
    return app


def main() -> None:
    """The `careerstats` command. Typer builds a Click command for every registered command
    on each run (inspecting every signature); when the command asked for is known, only its
    module is imported and only it is built, which saves a noticeable share of a short run
    such as `convert`."""
    asked = sys.argv[1] if len(sys.argv) > 1 else ""
    module = COMMAND_MODULES.get(asked)
    if module is None:  # --help, data ..., a mistyped command: everything
        every_command()()
        return
    import importlib

    importlib.import_module(f"careerstats.cli.{module}")
    chosen = [info for info in app.registered_commands if _command_name(info) == asked]
    only = typer.Typer(
        cls=CareerstatsGroup,
        name=PROG,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings=app.info.context_settings,
    )
    only.registered_commands = chosen
    # A callback makes Typer build a group (`careerstats convert ...`), not a lone command.
    only.callback(help=ROOT_HELP)(_no_options)
    only()


def _no_options() -> None:
    pass  # the root group of a run that builds one command


def _command_name(info: typer.models.CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return callback.__name__.lower().replace("_", "-") if callback else ""
