"""`careerstats completion bash|zsh|fish`: the shell completion script (the values completed
are `completing`'s)."""

import sys
from typing import Annotated

import typer

from careerstats.cli import options
from careerstats.cli.completing import COMPLETE_VAR, SHELLS, shell_name
from careerstats.cli.errors import PROG
from careerstats.cli.root import app
from careerstats.core.wording import quoted
from careerstats.errors import UsageError


@app.command()
def completion(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="bash|zsh|fish",
            help="The shell to complete careerstats in.",
            show_default=False,
            autocompletion=shell_name,
        ),
    ],
    quiet: options.QuietOption = False,
) -> None:
    """Print the shell completion script: commands, options, periods, source ids, careers
    (aliases, SOC codes, titles) and the areas and industries of imported data.

    Example: careerstats completion bash > ~/.local/share/bash-completion/completions/careerstats
    """
    if shell.strip().lower() not in SHELLS:
        raise UsageError(f"completion scripts are for bash, zsh and fish, not {quoted(shell)}")
    from typer._completion_shared import get_completion_script

    script = get_completion_script(
        prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell.strip().lower()
    )
    sys.stdout.write(script + "\n")
