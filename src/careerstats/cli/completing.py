"""Shell completion: what each argument and option completes to, and answering a request.

Typer's completion machinery does the work. A completion request is a run of `careerstats`
with `_CAREERSTATS_COMPLETE` set (bash: `complete_bash`, with `COMP_WORDS` and `COMP_CWORD`;
zsh and fish: `complete_zsh`, `complete_fish`, with `_TYPER_COMPLETE_ARGS`); `main` asks
`command_word` which command the line is about, so that, as on any run, only that command's
module is imported and built, and a shell waits as little as possible.
"""

import os
import re
from collections.abc import Callable, Iterable

from careerstats.errors import CareerstatsError

COMPLETE_VAR = "_CAREERSTATS_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


# ------------------------------------------------------------------ answering a request


def requested() -> bool:
    return bool(os.environ.get(COMPLETE_VAR))


def command_word(commands: Iterable[str]) -> str:
    """Prepare Typer's completion classes, and return the command the line being completed
    names ("" while the command itself is being typed, or for a command not in `commands`)."""
    from typer._click import shell_completion
    from typer._completion_classes import BashComplete, completion_init

    class EscapedBash(BashComplete):
        """Bash inserts a completion as it is: a title's spaces and apostrophes are escaped
        so that it stays one word."""

        def format_completion(self, item: shell_completion.CompletionItem) -> str:
            return re.sub(r"([^\w@%+=:,./-])", r"\\\1", str(item.value))

    completion_init()
    shell_completion.add_completion_class(EscapedBash, "bash")
    words = _words()
    return words[0] if len(words) > 1 and words[0] in set(commands) else ""


def _words() -> list[str]:
    """The words after `careerstats` on the line, the one being completed last."""
    from typer._click import shell_completion

    if os.environ.get(COMPLETE_VAR, "").endswith("bash"):
        words = shell_completion.split_arg_string(os.environ.get("COMP_WORDS", ""))
        try:
            current = int(os.environ.get("COMP_CWORD", ""))
        except ValueError:
            return []
        return [*words[1:current], words[current] if current < len(words) else ""]
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = shell_completion.split_arg_string(line)[1:]
    return [*words, ""] if line.endswith(" ") or not words else words


# ------------------------------------------------------------------ values


def matching(candidates: Iterable[str], incomplete: str) -> list[str]:
    """The candidates that start with what was typed, ignoring case, each as typed so far
    plus the rest (the shell keeps what the user typed)."""
    typed = incomplete.lower()
    found: dict[str, str] = {}
    for candidate in candidates:
        key = candidate.lower()
        if key.startswith(typed) and key not in found:
            found[key] = incomplete + candidate[len(incomplete) :]
    return list(found.values())


def _safely(names: Callable[[], Iterable[str]]) -> Iterable[str]:
    # A damaged store or home must not put a traceback on the user's command line.
    try:
        return list(names())
    except (CareerstatsError, OSError):
        return []


def career(incomplete: str) -> list[str]:
    from careerstats.sources.names import career_names

    return matching(_safely(career_names), incomplete)


def period(incomplete: str) -> list[str]:
    from careerstats.core.periods import Period

    return matching((p.value for p in Period), incomplete)


def wage_period(incomplete: str) -> list[str]:
    return matching(("hour", "year"), incomplete)


def source(incomplete: str) -> list[str]:
    from careerstats.sources.names import source_ids

    return matching(_safely(source_ids), incomplete)


def area(incomplete: str) -> list[str]:
    from careerstats.sources.names import place_names

    return matching(_safely(lambda: place_names("area")), incomplete)


def industry(incomplete: str) -> list[str]:
    from careerstats.sources.names import place_names

    return matching(_safely(lambda: place_names("industry")), incomplete)


def group(incomplete: str) -> list[str]:
    from careerstats.sources.names import group_codes

    return matching(_safely(group_codes), incomplete)


def level(incomplete: str) -> list[str]:
    from careerstats.core.groups import LEVELS

    return matching(LEVELS, incomplete)


def education(incomplete: str) -> list[str]:
    from careerstats.core.education import SHORT

    return matching(SHORT, incomplete)


def measure(incomplete: str) -> list[str]:
    from careerstats.core.top import Measure

    return matching((m.value for m in Measure), incomplete)


def shell_name(incomplete: str) -> list[str]:
    return matching(SHELLS, incomplete)
