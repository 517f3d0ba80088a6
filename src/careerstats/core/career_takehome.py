"""Take-home pay at careers' wage figures: the net of each career's annual 10th percentile,
median and 90th percentile (those the release publishes or that derive from it), for
`compare`. Standard library only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from careerstats.core.comparison import Comparison
from careerstats.core.figures import WageFigure
from careerstats.core.gross import NO_EXTRA_PAY, ExtraPay, gross_pay
from careerstats.core.model import Statistic
from careerstats.core.pay import CareerPay
from careerstats.core.periods import Period
from careerstats.core.states import StateTax
from careerstats.core.takehome import TakeHome, take_home
from careerstats.core.tax import FilingStatus, TaxYear

STATISTICS = (Statistic.P10, Statistic.MEDIAN, Statistic.P90)


class CareerTakeHome(NamedTuple):
    pay: CareerPay
    figure: WageFigure  # the annual wage figure taxed
    result: TakeHome

    @property
    def at_least(self) -> bool:
        """A top-coded figure ('at or above'): its net is a lower bound too."""
        return self.figure.at_least


class TakeHomeComparison(NamedTuple):
    tax_year: TaxYear
    status: FilingStatus
    state: StateTax
    extra: ExtraPay
    taxed: bool  # False: gross pay from the schedule only, no taxes asked for
    rows: tuple[CareerTakeHome, ...]

    def warnings(self) -> tuple[str, ...]:
        if not self.rows:
            return ()
        first = self.rows[0].result
        return first.warnings if self.taxed else first.gross.notes


def compare_takehome(
    comparison: Comparison,
    tax_year: TaxYear,
    status: FilingStatus,
    state: StateTax,
    extra: ExtraPay = NO_EXTRA_PAY,
    *,
    taxed: bool = True,
    statistics: Sequence[Statistic] = STATISTICS,
) -> TakeHomeComparison:
    """Each career's annual figures as gross pay at the comparison's schedule, with `extra`
    pay, and what is left after taxes."""
    rows = []
    for pay in comparison.rows:
        for statistic in statistics:
            figure = pay.figure(Period.YEAR, statistic)
            if figure is None:
                continue
            gross = gross_pay(figure.value, Period.YEAR, comparison.schedule, extra)
            rows.append(
                CareerTakeHome(pay, figure, take_home(gross, tax_year, status, state=state))
            )
    return TakeHomeComparison(tax_year, status, state, extra, taxed, tuple(rows))
