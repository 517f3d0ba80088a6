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

if TYPE_CHECKING:
    from careerstats.cli.root import app

__all__ = ["app", "main"]


def main() -> None:
    """The `careerstats` command: the console script's entry point."""
    import gc

    # A run is short and what it allocates is almost all freed by reference counting: the
    # cycle collector, run every 700 new objects by default, would walk every live object
    # (Typer's, Click's, the dataset's) dozens of times a run, some 4% of `compare --json`.
    # Set before Typer is imported; collections still happen, seventy times less often.
    gc.set_threshold(50_000, 10, 10)
    from careerstats.cli.root import main as run

    run()


def __getattr__(name: str) -> Any:
    if name != "app":
        raise AttributeError(f"module 'careerstats.cli' has no attribute {name!r}")
    from careerstats.cli.root import every_command

    return every_command()
