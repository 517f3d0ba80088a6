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


class UnwrappedHelpGroup(TyperGroup):
    """A group whose commands' help paragraphs wrap at the terminal's width."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and command.help:
            command.help = unwrap_help(command.help)
        return command
