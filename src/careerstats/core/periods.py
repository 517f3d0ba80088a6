"""Pay periods and work schedules, and exact conversion of pay between periods.

Every period is measured in working hours under a `Schedule`; converting pay is then one
exact ratio of hours. Standard library only: `convert` runs on this module alone.
"""

from __future__ import annotations

from decimal import Context, Decimal
from enum import StrEnum

from careerstats.core.ratio import Ratio
from careerstats.core.value import Value
from careerstats.core.wording import quoted
from careerstats.errors import UsageError


class PeriodError(UsageError):
    """A period name that is not one of the known periods or their spellings."""


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Period(StrEnum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    BIWEEK = "biweek"
    SEMIMONTH = "semimonth"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Accept the canonical names and the usual spellings (hourly, fortnight, annual...)."""
        key = text.strip().lower().replace("-", "").replace("_", "").replace(" ", "")
        try:
            return _SPELLINGS[key]
        except KeyError:
            pass
        import difflib

        close = difflib.get_close_matches(key, list(_SPELLINGS), n=1, cutoff=0.7)
        hint = f"did you mean '{_SPELLINGS[close[0]].value}'? " if close else ""
        names = ", ".join(p.value for p in cls)
        raise PeriodError(f"unknown period {quoted(text)}; {hint}periods are: {names}") from None

    @property
    def adjective(self) -> str:
        return _ADJECTIVES[self]


_ADJECTIVES = {
    Period.HOUR: "hourly",
    Period.DAY: "daily",
    Period.WEEK: "weekly",
    Period.BIWEEK: "biweekly",
    Period.SEMIMONTH: "semimonthly",
    Period.MONTH: "monthly",
    Period.QUARTER: "quarterly",
    Period.YEAR: "annual",
}

_SPELLINGS: dict[str, Period] = {
    **{p.value: p for p in Period},
    **{p.value + "s": p for p in Period},
    **{adjective: p for p, adjective in _ADJECTIVES.items()},
    "hr": Period.HOUR,
    "h": Period.HOUR,
    "wk": Period.WEEK,
    "fortnight": Period.BIWEEK,
    "fortnightly": Period.BIWEEK,
    "twoweeks": Period.BIWEEK,
    "semimonthly": Period.SEMIMONTH,
    "halfmonth": Period.SEMIMONTH,
    "mo": Period.MONTH,
    "qtr": Period.QUARTER,
    "annum": Period.YEAR,
    "annually": Period.YEAR,
    "yearly": Period.YEAR,
    "yr": Period.YEAR,
    "y": Period.YEAR,
}

# 50 significant digits: amounts are capped at 15 integer digits, so a product of an amount
# and a schedule's hours is exact, and the one division that may follow cannot turn a
# non-tie into a half-cent tie before presentation rounds it.
EXACT = Context(prec=50)

HOURS_IN_A_WEEK = Decimal(168)
WEEKS_IN_A_YEAR = Decimal("52.1786")  # 365.25 / 7, rounded up: the longest plausible year
DAYS_IN_A_WEEK = Decimal(7)


class Schedule(Value):
    """How much someone works: the BLS full-time year by default (40 h x 52 weeks = 2,080 h)."""

    hours_per_week: Decimal = Decimal(40)
    weeks_per_year: Decimal = Decimal(52)
    days_per_week: Decimal = Decimal(5)

    def __post_init__(self) -> None:
        _check_range("hours per week", self.hours_per_week, HOURS_IN_A_WEEK)
        _check_range("weeks per year", self.weeks_per_year, WEEKS_IN_A_YEAR)
        _check_range("days per week", self.days_per_week, DAYS_IN_A_WEEK)

    @property
    def is_standard(self) -> bool:
        return self == STANDARD

    def hours_in(self, period: Period) -> Ratio:
        """Working hours in one `period`, exactly."""
        week = Ratio.of(self.hours_per_week)
        year = week * Ratio.of(self.weeks_per_year)
        match period:
            case Period.HOUR:
                return Ratio(1)
            case Period.DAY:
                return week / Ratio.of(self.days_per_week)
            case Period.WEEK:
                return week
            case Period.BIWEEK:
                return 2 * week
            case Period.SEMIMONTH:
                return year / 24
            case Period.MONTH:
                return year / 12
            case Period.QUARTER:
                return year / 4
            case Period.YEAR:
                return year

    def hours_as_decimal(self, period: Period) -> Decimal:
        """Hours in `period` as a decimal (50 significant digits): 173.3333... in a month."""
        hours = self.hours_in(period)
        return EXACT.divide(Decimal(hours.numerator), Decimal(hours.denominator))

    def factor(self, source: Period, target: Period) -> Ratio:
        """What one unit of pay per `source` period is worth per `target` period."""
        return self.hours_in(target) / self.hours_in(source)

    def describe(self) -> str:
        return (
            f"{_figure(self.hours_per_week)} h/week x {_figure(self.weeks_per_year)} weeks/year, "
            f"{_figure(self.days_per_week)} days/week"
        )


def _figure(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _check_range(name: str, value: Decimal, most: Decimal) -> None:
    if not value.is_finite() or value <= 0 or value > most:
        raise UsageError(f"{name} must be more than 0 and at most {_figure(most)}, not {value}")


STANDARD = Schedule()
# BLS's annual wages are hourly ones times these hours (its full-time year).
STANDARD_YEAR_HOURS = STANDARD.hours_as_decimal(Period.YEAR)


def convert(
    amount: Decimal, source: Period, target: Period, schedule: Schedule = STANDARD
) -> Decimal:
    """Pay of `amount` per `source` period, expressed per `target` period, exactly.

    14.36 an hour is exactly 29868.80 a year at 2,080 hours; a result that does not end
    (51,280 a year per hour) carries 50 significant digits, to be rounded only when shown.
    """
    return scale(amount, schedule.factor(source, target))


def scale(amount: Decimal, ratio: Ratio) -> Decimal:
    """`amount` x `ratio`, exactly (50 significant digits where the result does not end)."""
    scaled = EXACT.multiply(amount, Decimal(ratio.numerator))
    if ratio.denominator == 1:
        return scaled
    return EXACT.divide(scaled, Decimal(ratio.denominator))


def to_annual(amount: Decimal, period: Period, schedule: Schedule = STANDARD) -> Decimal:
    return convert(amount, period, Period.YEAR, schedule)


def to_hourly(amount: Decimal, period: Period, schedule: Schedule = STANDARD) -> Decimal:
    return convert(amount, period, Period.HOUR, schedule)
