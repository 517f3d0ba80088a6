"""Command help laid out for the terminal it is shown in."""

from __future__ import annotations

import inspect
from typing import Any

from typer.core import TyperGroup


def unwrap_help(text: str) -> str:
    """Docstring paragraphs as single lines, for Rich to wrap at the terminal's width.

    Typer keeps a docstring's line breaks inside a paragraph, so at 80 columns a line broken
    at 90 in the source would wrap twice, leaving a word or two alone on a line.
    """
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(
        paragraph if paragraph.startswith("\b") else " ".join(paragraph.split())
        for paragraph in paragraphs
    )


# Below this many columns Rich's help panels cut option names short ("--sour…").
PLAIN_HELP_BELOW = 60


def plain_help_width() -> int | None:
    """The width for Click's plain help when Rich's panels would not do, else None.

    Plain help on a narrow terminal (it wraps rather than cuts), on a dumb one, and with
    NO_COLOR (Rich would still write bold and dim); Rich's panels everywhere else.
    """
    import os
    import shutil

    columns = shutil.get_terminal_size().columns  # COLUMNS first, then the terminal
    narrow = columns < PLAIN_HELP_BELOW
    if narrow or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return columns
    return None


def use_plain_help(command: Any, width: int) -> None:
    command.rich_markup_mode = None
    command.context_settings = {**(command.context_settings or {}), "terminal_width": width}


def _plain_usage(command: Any) -> None:
    """Usage lines as Click writes them (`convert [OPTIONS] AMOUNT`): Typer braces required
    arguments (`{AMOUNT}`), which reads like a set to pick from."""
    pieces = command.collect_usage_pieces

    def collect_usage_pieces(ctx: Any) -> list[str]:
        return [
            piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece
            for piece in pieces(ctx)
        ]

    command.collect_usage_pieces = collect_usage_pieces


# The commands in the order a new user reaches for them, one example each.
EXAMPLES = (
    ("careerstats compare cs pr", "two careers side by side"),
    ("careerstats compare cs pr --area Texas", "in imported state data"),
    ("careerstats compare cs --industry 5112", "in an imported industry"),
    ("careerstats show cs", "one career in full"),
    ("careerstats rank pr 55k", "where $55,000 a year ranks"),
    ("careerstats history cs", "every release since 2008"),
    ("careerstats top --by median --limit 10", "the best-paid occupations"),
    ("careerstats list --group 15", "occupations by group"),
    ("careerstats sources", "every source, provenance"),
    ("careerstats convert 14.36 --to year", "29868.80"),
    ("seq 10 20 | careerstats convert - --to year", "streamed, line by line"),
    ("careerstats inflate 10 --from 2020 --to latest", "in the newest dollars"),
    ("careerstats data import national_M2024_dl.xlsx", "official OEWS files"),
    ("careerstats schema compare", "JSON Schema of --json"),
    ("careerstats completion bash", "TAB completion for bash"),
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


# `--help` lists the commands in the order a user reaches for them; a command not named
# here comes after these, in the order it was registered.
COMMAND_ORDER = (
    "compare",
    "show",
    "rank",
    "history",
    "top",
    "search",
    "where",
    "list",
    "sources",
    "convert",
    "takehome",
    "inflate",
    "relocate",
    "data",
    "schema",
    "completion",
)


class UnwrappedHelpGroup(TyperGroup):
    """A group whose commands' help paragraphs wrap at the terminal's width."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        if ctx.parent is not None:  # a sub-group (data): as registered
            return names
        known = {name: place for place, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: known.get(name, len(known)))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        if ctx.parent is None:  # the root's help: examples laid out for this terminal
            import shutil

            columns = shutil.get_terminal_size().columns  # COLUMNS first, then the terminal
            self.epilog = root_epilog(columns) or None
        super().format_help(ctx, formatter)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plain_usage(command)
        if command is not None and command.help:
            command.help = unwrap_help(command.help)
        width = plain_help_width() if command is not None else None
        if width is not None:
            use_plain_help(command, width)
        return command
