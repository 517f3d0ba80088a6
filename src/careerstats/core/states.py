"""The states (and D.C.) by postal code, and those that levy no income tax on wages.

careerstats computes no state's tax: for a state that taxes wages the user states a flat rate,
shown as their approximation. Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from careerstats.core.wording import quoted
from careerstats.errors import UsageError

STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}

# No income tax on wages (New Hampshire taxed only interest and dividends, until 2025;
# Washington taxes some capital gains, not wages).
NO_WAGE_TAX = frozenset({"AK", "FL", "NV", "NH", "SD", "TN", "TX", "WA", "WY"})

# The highest flat approximation taken: above every state's top rate (13.3%) with room for
# local taxes; beyond it the input is a mistake.
MOST_STATE_RATE = Decimal(20)


class UnknownState(UsageError):
    """Not the postal code or name of a state or D.C."""


class StateRateNeeded(UsageError):
    """`state` taxes wages and no flat rate for it was given."""

    def __init__(self, message: str, state: str) -> None:
        super().__init__(message)
        self.state = state


class StateRateNotApplicable(UsageError):
    """A flat state rate given for a state without a tax on wages, or for no state."""


@dataclass(frozen=True, slots=True)
class StateTax:
    """The state of work and the flat rate the user gave for it (None: no state asked)."""

    code: str | None = None
    rate: Decimal | None = None

    @property
    def name(self) -> str | None:
        return STATES[self.code] if self.code else None

    @property
    def taxes_wages(self) -> bool:
        return self.code is not None and self.code not in NO_WAGE_TAX


def state_code(text: str) -> str:
    """`tx`, `TX` or `Texas` -> `TX`."""
    key = text.strip()
    if key.upper() in STATES:
        return key.upper()
    by_name = {name.lower(): code for code, name in STATES.items()}
    found = by_name.get(" ".join(key.lower().split()))
    if found is None:
        raise UnknownState(
            f"unknown state {quoted(text)}: give a postal code such as TX or CA, or a name"
        )
    return found


def state_tax(code: str | None, rate: Decimal | None) -> StateTax:
    """The state and rate, after checking that they go together."""
    if code is None:
        if rate is not None:
            raise StateRateNotApplicable("a state tax rate was given without a state")
        return StateTax()
    if code in NO_WAGE_TAX:
        if rate is not None:
            raise StateRateNotApplicable(
                f"{STATES[code]} ({code}) has no income tax on wages: a state rate does not apply"
            )
        return StateTax(code)
    if rate is None:
        raise StateRateNeeded(
            f"{STATES[code]} ({code}) taxes wages and careerstats does not compute state taxes",
            code,
        )
    if not rate.is_finite() or rate < 0 or rate > MOST_STATE_RATE:
        raise UsageError(
            f"a state tax rate of {rate.normalize():f}% is out of range: give 0 to "
            f"{MOST_STATE_RATE}% (the highest state rate on wages is 13.3%)"
        )
    return StateTax(code, rate)
