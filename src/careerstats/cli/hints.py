"""What to type about an error: the command-line half of a message.

The library's errors say what is wrong in the data's words and carry the facts; here they
become the commands and options a user can act with. Only the CLI names its options.
"""

from __future__ import annotations

from careerstats.errors import (
    AmbiguousCareer,
    CareerstatsError,
    DownloadRefused,
    GroupAboveLevel,
    NoCoverage,
    NoStore,
    NotAdjustable,
    NothingFound,
    NothingImported,
    OffSchedule,
    OnlyPublishedPer,
    PlaceMissing,
    UnknownCareer,
    UnknownGroup,
    UnknownPlace,
    UnknownPricePlace,
    UnknownYear,
)

IMPORT = "'careerstats data import FILE'"
FETCH = "'careerstats data fetch' (the states of the newest year)"
# The download that adds the areas of each kind (OEWS's state and metro files).
_FETCH = {"state": "--states", "territory": "--states", "metro": "--metros", "nonmetro": "--metros"}


def hint(error: CareerstatsError) -> str | None:
    match error:
        case UnknownCareer(by_code=True):
            listing = "'careerstats list --source ID' lists a release's codes"
            return f"{listing} ('careerstats sources' lists the releases)"
        case UnknownCareer(name=name) if not any(character.isalnum() for character in name):
            return "give an alias, SOC code or title; 'careerstats search WORDS' finds one"
        case UnknownCareer(name=name):
            return f"{_search(name)} finds occupations by any of their words"
        case AmbiguousCareer(name=name):
            return f"give its SOC code or more of its title; {_search(name)} lists them all"
        case NothingFound(empty=True):
            return "give words of a title, a job title or a SOC code: 'careerstats search nurse'"
        case NothingFound():
            return "give fewer or other words, a job title or a SOC code"
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
            return f"run {FETCH} or {IMPORT}"
        case UnknownPricePlace(ambiguous=True):
            return f"give the code of one to --{error.place}"
        case UnknownPricePlace():
            return (
                "BEA publishes price parities for the states, DC and metropolitan areas, "
                "not for territories or OEWS's nonmetropolitan areas"
            )
        case PlaceMissing(kind=kind) if kind in _FETCH:
            return f"'careerstats data fetch {_FETCH[kind]}' would add it"
        case PlaceMissing():
            return "'careerstats data areas' lists the areas imported"
        case UnknownPlace(ambiguous=True):
            return f"give a code to --{error.place}"
        case UnknownPlace(place=place, default=default):
            listing = "'careerstats data list' shows the imported releases"
            return f"{listing} (default --{place}: {default})"
        case DownloadRefused():
            return (
                "give your e-mail address with --contact EMAIL or set CAREERSTATS_CONTACT "
                "(it goes in the User-Agent, as BLS asks)"
            )
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


def _search(name: str) -> str:
    """`'careerstats search nurse'`, with the words typed (cut when long; a control
    character, which could drive the terminal, left out)."""
    from careerstats.core.wording import SHOWN

    words = " ".join("".join(c for c in name if c.isprintable() or c.isspace()).split())
    if len(words) > SHOWN:
        words = words[: SHOWN - 3] + "..."
    return f"'careerstats search {words}'"


def _standard() -> str:
    from careerstats.core.periods import STANDARD

    return f"the standard schedule of {STANDARD.describe()}"
