"""The `careerstats` command line: Typer commands over the library, one module per group.

`main` imports only the module of the command asked for; `app` (for Typer's test runner,
`--help` and everything else) has every command, registered in the order `--help` lists
them.

The modules whose functions Typer inspects (commands, option callbacks, completion functions)
do not use `from __future__ import annotations`: Typer reads the signature of the command
being run on every run, and each annotation kept as a string would be compiled there, twice
(about 3% of a `compare --json` run). Names imported only for type checking are
quoted where they are used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerstats.cli.root import main

if TYPE_CHECKING:
    from careerstats.cli.root import app

__all__ = ["app", "main"]


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module 'careerstats.cli' has no attribute {name!r}")
    from careerstats.cli.root import every_command

    return every_command()
