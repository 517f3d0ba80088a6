"""Figures stated in the tests independently of the code under test."""

from __future__ import annotations

from fractions import Fraction

from careerstats.core.periods import Period

# Hours in each period of the 2,080-hour year (40 h x 52 weeks, 5 days a week).
HOURS = {
    Period.HOUR: Fraction(1),
    Period.DAY: Fraction(8),
    Period.WEEK: Fraction(40),
    Period.BIWEEK: Fraction(80),
    Period.SEMIMONTH: Fraction(2080, 24),
    Period.MONTH: Fraction(2080, 12),
    Period.QUARTER: Fraction(520),
    Period.YEAR: Fraction(2080),
}
