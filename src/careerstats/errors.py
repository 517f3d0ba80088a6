"""The two kinds of failure a user can meet, each with its documented exit status."""

from __future__ import annotations


class CareerstatsError(Exception):
    """A problem the user can act on; the CLI prints its message as one line."""

    exit_code = 1


class UsageError(CareerstatsError):
    """Bad input on the command line: an amount, period, career or source (exit 2)."""

    exit_code = 2


class DataError(CareerstatsError):
    """A dataset file or store that cannot be read or does not validate (exit 1)."""

    exit_code = 1
