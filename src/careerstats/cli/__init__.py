"""The `careerstats` command line: Typer commands over the library, one module per group.

Importing the command modules registers their commands on `app`, in the order `--help`
lists them.
"""

from careerstats.cli import careers as careers
from careerstats.cli import data as data
from careerstats.cli import pay as pay
from careerstats.cli.app import app, main

__all__ = ["app", "main"]
