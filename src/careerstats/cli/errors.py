"""How the `careerstats` command fails: every problem a user can cause becomes one line on
stderr with its documented exit status (2 usage, 1 data or runtime), never a traceback; a
reader that leaves (`| head -1`) ends the run quietly."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Sequence
from errno import EPIPE
from typing import Any, NoReturn

import typer

from careerstats.cli.help import UnwrappedHelpGroup, plain_help_width
from careerstats.cli.hints import worded
from careerstats.cli.stdio import abandon_stdout
from careerstats.errors import CareerstatsError, StoreUnreadable
from careerstats.render.literal import visible

PROG = "careerstats"


def fail(message: str, code: int) -> NoReturn:
    # A message quotes file names, titles and what was typed: one line, shown literally.
    sys.stderr.write(f"{PROG}: error: {visible(message)}\n")
    sys.stderr.flush()
    raise SystemExit(code)


class CareerstatsGroup(UnwrappedHelpGroup):
    """Reports every failure a user can cause as one line on stderr with a documented status."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        if any(a in ("--help", "-h") for a in arguments) or not arguments:
            width = plain_help_width()
            if width is not None:
                self.rich_markup_mode = None
                extra.setdefault("terminal_width", width)
        _store_use_reset()
        run = functools.partial(
            super().main,
            args=arguments,
            prog_name=prog_name or PROG,
            complete_var=complete_var,
            standalone_mode=False,
            **extra,
        )
        try:
            try:
                result = run()
            except StoreUnreadable as error:
                if not _store_left_out_after(error):
                    raise
                result = run()  # once more, on the bundled data alone (a warning says why)
            sys.stdout.flush()  # here, where a reader that left or a full disk is reported
        except CareerstatsError as error:
            fail(worded(error), error.exit_code)
        except typer.TyperException as error:
            _report_usage(error, arguments, self)
        except (typer.Abort, KeyboardInterrupt):
            sys.stderr.write("\n")
            raise SystemExit(130) from None
        except BrokenPipeError:
            _quiet_broken_pipe()
        except SystemExit as exit:
            # Help printed into a closed pipe (`careerstats --help | head -1`): Click turns the
            # broken pipe into exit status 1 while parsing, before `invoke` could catch it.
            cause = exit.__context__
            if isinstance(cause, BrokenPipeError) or getattr(cause, "errno", None) == EPIPE:
                _quiet_broken_pipe()
            _settle_stdout()
            raise
        except OSError as error:  # a full disk, a vanished file: a runtime problem, not a bug
            _settle_stdout()
            where = f": {error.filename}" if error.filename else ""
            fail(f"{error.strerror or error}{where}", 1)
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            raise SystemExit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        # Typer turns a broken pipe into exit status 1 before `main` sees it: catch it first.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_broken_pipe()


def _store_use_reset() -> None:
    loaded = sys.modules.get("careerstats.sources.dataset")  # else no run has used it yet
    if loaded is not None:
        loaded.StoreUse.reset()


def _store_left_out_after(error: StoreUnreadable) -> bool:
    """Whether a command that failed reading the store works on bundled data only: then the
    store is left out for the rest of the run. Store reads are lazy, so a damaged page can
    be met after the store opened well; the bundled figures do not need it."""
    from careerstats.sources.dataset import StoreUse, leave_store_out

    if not StoreUse.bundled_with_store or StoreUse.left_out is not None:
        return False
    leave_store_out(str(error))
    return True


def _report_usage(error: typer.TyperException, arguments: Sequence[str], root: Any) -> NoReturn:
    context = getattr(error, "ctx", None)
    if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
        # Rich help is printed while the error is made; plain help comes back as its message.
        text = error.format_message()
        if text.strip():
            try:
                sys.stdout.write(text.rstrip("\n") + "\n")
                sys.stdout.flush()
            except BrokenPipeError:
                _quiet_broken_pipe()
        raise SystemExit(0)
    # Click's parser reports an option without its value with no context: the command is
    # then found among the arguments, so that the hint names its help, not the root's.
    where = (
        context.command_path
        if context is not None
        else _command_after(root, PROG, arguments) or PROG
    )
    message = error.format_message().rstrip(".")
    option = getattr(error, "option_name", None) or ""
    negative = next((a for a in arguments if option and a.startswith(option)), "")
    if _NEGATIVE.fullmatch(negative):
        # `convert -5` reads as an option; say what it is.
        fail(f"negative amount {negative!r}: pay is given as a positive number", error.exit_code)
    command = (
        _command_after(context.command, context.command_path, arguments)
        if context is not None
        else None
    )
    if command is not None:
        # `careerstats --json compare cs`: the option belongs to the command after it (and
        # Click's guess among the group's own options, `--version`, would mislead).
        message = re.sub(r" \(Possible options?: [^)]*\)$", "", message)
        fail(f"{message}; options go after the command (see '{command} --help')", error.exit_code)
    fail(f"{message} (see '{where} --help')", error.exit_code)


_NEGATIVE = re.compile(r"-\$?(?:\d[\d,]*(?:\.\d*)?|\.\d+)")


def _command_after(group: Any, path: str, arguments: Sequence[str]) -> str | None:
    """The full name of the first subcommand of `group` named among `arguments`, when the
    failing level is a group (an option placed before its command), else None."""
    found = None
    names = list(arguments)
    while hasattr(group, "commands"):
        name = next((arg for arg in names if arg in group.commands), None)
        if name is None:
            break
        path, group = f"{path} {name}", group.commands[name]
        names = names[names.index(name) + 1 :]
        found = path
    return found


def _quiet_broken_pipe() -> NoReturn:
    # The reader left (`| head -1`): stop quietly, and keep Python from complaining at exit.
    abandon_stdout()
    raise SystemExit(0)


def _settle_stdout() -> None:
    """Write out what stdout holds before the run ends with a status of its own; a stream
    that cannot take it is given up (see `stdio.abandon_stdout`)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        abandon_stdout()
