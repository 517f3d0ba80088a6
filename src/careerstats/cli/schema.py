"""`careerstats schema COMMAND`: the JSON Schema of a command's `--json` output."""

import sys
from typing import Annotated

import typer

from careerstats.cli import options
from careerstats.cli.root import app
from careerstats.core.wording import quoted
from careerstats.errors import UsageError


@app.command()
def schema(
    command: Annotated[
        list[str],
        typer.Argument(
            metavar="COMMAND...",
            help="A command with --json: compare, show, rank, history, list, sources, "
            "convert, inflate, search, takehome, relocate, where, data areas, data audit, "
            "data list, data check.",
            show_default=False,
        ),
    ],
    jsonl: Annotated[
        bool,
        typer.Option("--jsonl", help="The schema of one line of 'convert - --jsonl'."),
    ] = False,
    quiet: options.QuietOption = False,
) -> None:
    """The JSON Schema (draft 2020-12) of a command's --json output, for scripts.

    Generated from the types the JSON writer returns, and shipped in the package
    (careerstats/schemas/).

    Example: careerstats schema compare
    """
    from careerstats.sources.schemas import schema_names, schema_text

    name = "-".join(word.strip().lower() for word in command) + ("-jsonl" if jsonl else "")
    known = schema_names()
    if name not in known:
        asked = " ".join(command) + (" --jsonl" if jsonl else "")
        typed = ", ".join(_as_typed(known_name) for known_name in known)
        raise UsageError(f"no JSON Schema for {quoted(asked)}; there is one for: {typed}")
    sys.stdout.write(schema_text(name))


def _as_typed(name: str) -> str:
    """A schema's file name as the command is typed: `data-audit` -> `data audit`."""
    if name.endswith("-jsonl"):
        return name.removesuffix("-jsonl") + " --jsonl"
    return name.replace("-", " ")
