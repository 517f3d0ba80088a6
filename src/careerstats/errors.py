"""Every error careerstats raises on purpose, in one module that imports nothing of the
package (so that any layer can raise them without an import loop).

Each carries the facts of the problem (the career, the release, the area) as attributes.
Their messages say what is wrong in the words of the data, never of the command line: the
CLI adds what to type about it (`cli.hints`). Two kinds, each with its exit status: bad
input (2) and data that cannot be used (1).
"""

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


class UnknownCareer(UsageError):
    """No career has the name `name`; `by_code` when it was a SOC code (not a misspelling)."""

    def __init__(self, message: str, name: str, *, by_code: bool = False) -> None:
        super().__init__(message)
        self.name, self.by_code = name, by_code


class NoCoverage(UsageError):
    """No release covers the careers asked for together; `uncovered` are the ids of those
    that no release covers at all."""

    def __init__(self, message: str, uncovered: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.uncovered = uncovered


class CannotRank(UsageError):
    """An amount cannot be ranked in the release chosen."""


class NotAdjustable(CannotRank):
    """Release `release` states no reference date, so it cannot be adjusted for inflation."""

    def __init__(self, message: str, release: str) -> None:
        super().__init__(message)
        self.release = release


class OnlyPublishedPer(CannotRank):
    """The release publishes the career's wages per `period` only (OEWS HOURLY/ANNUAL);
    `off_schedule` when the schedule asked for is not the standard one as well."""

    def __init__(self, message: str, period: str, *, off_schedule: bool = False) -> None:
        super().__init__(message)
        self.period, self.off_schedule = period, off_schedule


class OffSchedule(CannotRank):
    """The figures asked for exist only at the standard schedule (an annual-only row)."""


class NothingImported(UsageError):
    """Imported OEWS data was asked for (an area, an industry) and there is none."""


class NoStore(DataError):
    """The store of imported OEWS data that a command needs does not exist."""


class StoreUnreadable(DataError):
    """The store exists but cannot be read (damaged, foreign, unreadable): the message says
    what is wrong and how to fix it. Commands that need only bundled data go on without it."""


class UnknownPlace(UsageError):
    """`place` ('area' or 'industry') matches none, or several, of the imported data's;
    `default` is what is used without one."""

    def __init__(self, message: str, place: str, default: str, *, ambiguous: bool) -> None:
        super().__init__(message)
        self.place, self.default, self.ambiguous = place, default, ambiguous


class UnknownYear(DataError):
    """The release year of an OEWS file cannot be told from its name."""


class UnknownEducation(UsageError):
    """No level of typical entry education is written `text`."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


class UnknownGroup(UsageError):
    """`text` names no major or minor occupational group of the release (or several: then
    `candidates` holds their codes)."""

    def __init__(self, message: str, text: str, candidates: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.text, self.candidates = text, candidates


class GroupAboveLevel(UsageError):
    """Group `group` (of level `group_level`) holds no occupations of level `level`."""

    def __init__(self, message: str, group: str, group_level: str, level: str) -> None:
        super().__init__(message)
        self.group, self.group_level, self.level = group, group_level, level
