"""What to type about an error: the command-line half of a message.

The library's errors say what is wrong in the data's words and carry the facts; here they
become the commands and options a user can act with. Only the CLI names its options.
"""

from __future__ import annotations

from careerstats.errors import (
    CareerstatsError,
    GroupAboveLevel,
    NoCoverage,
    NoStore,
    NotAdjustable,
    NothingImported,
    OffSchedule,
    OnlyPublishedPer,
    UnknownCareer,
    UnknownGroup,
    UnknownPlace,
    UnknownYear,
)

IMPORT = "'careerstats data import FILE'"


def hint(error: CareerstatsError) -> str | None:
    match error:
        case UnknownCareer(by_code=True):
            listing = "'careerstats list --source ID' lists a release's codes"
            return f"{listing} ('careerstats sources' lists the releases)"
        case UnknownCareer():
            return "'careerstats list' shows every career"
        case NoCoverage(uncovered=(first, *_)):
            return f"'careerstats show {first}' has its profile"
        case NoCoverage():
            return "use --source all to see each career in every source that covers it"
        case NotAdjustable():
            return "rank without --in-dollars-of or choose a dated source"
        case OnlyPublishedPer(period=period, off_schedule=off):
            return f"give it per {period}: --per {period}" + (f", at {_standard()}" if off else "")
        case OffSchedule():
            return f"rank it at {_standard()}"
        case NothingImported() | NoStore():
            return f"run {IMPORT}"
        case UnknownPlace(ambiguous=True):
            return f"give a code to --{error.place}"
        case UnknownPlace(place=place, default=default):
            listing = "'careerstats data list' shows the imported releases"
            return f"{listing} (default --{place}: {default})"
        case UnknownGroup(candidates=(_, _, *_)):
            return "give --group the code of the one meant"
        case UnknownGroup():
            return "'careerstats list --level major' (or --level minor) shows the groups and codes"
        case GroupAboveLevel(group_level=group_level):
            below = {"major": "minor, broad or detailed", "minor": "broad or detailed"}
            return f"give --level {below.get(group_level, 'detailed')}, or leave out --group"
        case UnknownYear():
            return "give --year YYYY"
    return _tax_hint(error)


def _tax_hint(error: CareerstatsError) -> str | None:
    """The tax errors are defined beside the tax rules; import them only when one is raised."""
    module = type(error).__module__
    if module not in ("careerstats.core.states", "careerstats.core.takehome"):
        return None
    from careerstats.core.states import StateRateNeeded, StateRateNotApplicable
    from careerstats.core.takehome import SpouseWagesNotJoint

    match error:
        case StateRateNeeded():
            return "give --state-rate PERCENT, your flat approximation of its tax on wages"
        case StateRateNotApplicable() if "no income tax" in str(error):
            return "leave out --state-rate"
        case StateRateNotApplicable():
            return "give --state XX with --state-rate"
        case SpouseWagesNotJoint():
            return "--spouse-wages applies with --status married-joint"
    return None


def worded(error: CareerstatsError) -> str:
    """The error's message with what to do about it."""
    message = str(error)
    extra = hint(error)
    if extra is None:
        return message
    return f"{message} {extra}" if message.endswith("?") else f"{message}; {extra}"


def _standard() -> str:
    from careerstats.core.periods import STANDARD

    return f"the standard schedule of {STANDARD.describe()}"
