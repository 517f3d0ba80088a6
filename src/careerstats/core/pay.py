"""One career's pay in one source release: its figures, what derives from them, and the same
in another date's dollars. Comparisons, ranks and profiles are all built from it."""

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from careerstats.core.figures import (
    SHOWN_PERIODS,
    WageFigure,
    WageTable,
    not_derived,
    rebase_table,
    wage_table,
)
from careerstats.core.model import Career, CareerFigures, SourceRelease, Statistic
from careerstats.core.periods import STANDARD, Period, Schedule
from careerstats.core.value import Value, replace

if TYPE_CHECKING:
    from careerstats.core.dataset import Dataset
    from careerstats.core.inflation import CpiTable, Rebase, When


class StatedAmount(NamedTuple):
    """A sum a release states besides its wage statistics (industry pay, a bonus, entry-level
    pay), in the dollars the career's figures are shown in; `original` as published."""

    value: Decimal
    original: Decimal | None = None
    adjusted_to: "When | None" = None


class CareerPay(Value):
    """One career's pay as one source release publishes it, plus what derives from it."""

    career: Career
    release: SourceRelease
    entry: CareerFigures
    wages: WageTable
    rebase: "Rebase | None" = None
    not_adjusted: str | None = None
    schedule: Schedule = STANDARD

    def figure(self, period: Period, statistic: Statistic) -> WageFigure | None:
        return self.wages.get(period, {}).get(statistic)

    def not_derived(self, period: Period) -> str | None:
        """Why `period` has no figures, when the source or the schedule forbids them."""
        return not_derived(self.entry, period, self.schedule, self.release.annual_basis)

    def stated(self, value: Decimal) -> StatedAmount:
        """`value`, a sum from this release, adjusted as the wages are (or as published)."""
        if self.rebase is None:
            return StatedAmount(value)
        return StatedAmount(self.rebase.apply(value), value, self.rebase.target)

    def in_dollars_of(self, target: "When", cpi: "CpiTable") -> "CareerPay":
        """Every figure adjusted from the release's reference month to `target`'s dollars.

        A release without a reference date cannot be adjusted: its figures stay as published
        and `not_adjusted` says why, rather than guessing a date.
        """
        reference = self.release.reference_period
        if reference is None:
            return replace(
                self,
                not_adjusted=f"{self.release.id} states no reference date, so its figures "
                f"cannot be adjusted for inflation; they are shown as published",
            )
        from careerstats.core.inflation import When

        rebase = cpi.rebase(When.parse(reference), target)
        return replace(self, wages=rebase_table(self.wages, rebase), rebase=rebase)


def career_pay(
    release: SourceRelease,
    career: Career,
    schedule: Schedule = STANDARD,
    in_dollars_of: "When | None" = None,
    cpi: "CpiTable | None" = None,
    periods: Sequence[Period] = SHOWN_PERIODS,
) -> CareerPay | None:
    entry = release.figures_for(career.id)
    if entry is None:
        return None
    wages = wage_table(entry, schedule, periods, release.annual_basis)
    pay = CareerPay(career, release, entry, wages, schedule=schedule)
    if in_dollars_of is None:
        return pay
    if cpi is None:
        raise ValueError("career_pay: a CPI table is needed to adjust for inflation")
    return pay.in_dollars_of(in_dollars_of, cpi)


def price_target(
    dataset: "Dataset", in_dollars_of: "When | None", cpi: "CpiTable | None"
) -> "CpiTable | None":
    """The CPI table to adjust with, after checking that the target date has an index."""
    if in_dollars_of is None:
        return cpi
    table = cpi or dataset.price_index()
    table.index(in_dollars_of)
    return table
