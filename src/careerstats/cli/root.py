"""The `careerstats` application: the root group, `--version`, and `main`, which builds only
the command asked for. The commands live in `careers`, `pay` and `data` beside this module.

No arithmetic here. Imports stay inside the commands so that `convert` loads neither
pydantic, Rich nor YAML, and `--json` never loads Rich.
"""

import os
import sys
from typing import Annotated

import typer

from careerstats.cli.errors import PROG, CareerstatsGroup

ROOT_HELP = "Salary and career statistics from published BLS and PayScale figures."
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
    "relocate": "places",
    "where": "places",
    "takehome": "takehome",
    "search": "search",
    "top": "top",
    "completion": "completion",
    "schema": "schema",
}


def every_command() -> typer.Typer:
    """`app` with every command registered, in the order `--help` lists them."""
    import importlib

    for module in (
        "careers",
        "search",
        "top",
        "pay",
        "takehome",
        "places",
        "data",
        "completion",
        "schema",
    ):
        importlib.import_module(f"careerstats.cli.{module}")
    return app


def main() -> None:
    """The `careerstats` command. Typer builds a Click command for every registered command
    on each run (inspecting every signature); when the command asked for is known, only its
    module is imported and only it is built, which saves a noticeable share of a short run
    such as `convert`."""
    from careerstats.cli import stdio

    stdio.prepare()
    asked = sys.argv[1] if len(sys.argv) > 1 else ""
    if os.environ.get("_CAREERSTATS_COMPLETE"):  # a shell asks what completes the line
        from careerstats.cli.completing import command_word

        asked = command_word(COMMAND_MODULES)
    module = COMMAND_MODULES.get(asked, "data" if asked == "data" else None)
    if module is None:  # --help, a mistyped command: everything
        every_command()()
        return
    import importlib

    importlib.import_module(f"careerstats.cli.{module}")
    only = typer.Typer(
        cls=CareerstatsGroup,
        name=PROG,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings=app.info.context_settings,
    )
    if asked == "data":  # the data sub-app alone: none of the other commands is built
        only.registered_groups = [info for info in app.registered_groups if info.name == "data"]
    else:
        only.registered_commands = [
            info for info in app.registered_commands if _command_name(info) == asked
        ]
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
