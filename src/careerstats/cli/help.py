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
