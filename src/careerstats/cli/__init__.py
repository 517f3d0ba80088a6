"""The `careerstats` command line: Typer commands over the library, one module per group.

`main` imports only the module of the command asked for; `app` (for Typer's test runner,
`--help` and everything else) has every command, registered in the order `--help` lists
them.
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
