"""careerstats: salary and career statistics, exact pay conversion, and career comparison.

A library first, with a thin CLI over it. The pay-period core loads eagerly (standard
library only); the dataset layer (pydantic, YAML) loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerstats.errors import CareerstatsError, DataError, UsageError
from careerstats.money import parse_amount, to_cents
from careerstats.periods import STANDARD, Period, Schedule, convert, to_annual, to_hourly

if TYPE_CHECKING:
    from careerstats.audit import Audit, Finding, audit
    from careerstats.comparison import Comparison, compare
    from careerstats.dataset import Dataset, bundled
    from careerstats.figures import WageFigure, wage_table
    from careerstats.inflation import Adjustment, CpiTable, When, bundled_cpi
    from careerstats.model import Career, SourceRelease, Statistic
    from careerstats.pay import CareerPay
    from careerstats.profiles import Profile, profile
    from careerstats.ranking import Rank, rank

__version__ = "0.1.0"

_LAZY = {
    "Adjustment": "careerstats.inflation",
    "CpiTable": "careerstats.inflation",
    "When": "careerstats.inflation",
    "bundled_cpi": "careerstats.inflation",
    "Audit": "careerstats.audit",
    "Finding": "careerstats.audit",
    "audit": "careerstats.audit",
    "Rank": "careerstats.ranking",
    "rank": "careerstats.ranking",
    "CareerPay": "careerstats.pay",
    "Comparison": "careerstats.comparison",
    "compare": "careerstats.comparison",
    "Dataset": "careerstats.dataset",
    "bundled": "careerstats.dataset",
    "WageFigure": "careerstats.figures",
    "wage_table": "careerstats.figures",
    "Career": "careerstats.model",
    "SourceRelease": "careerstats.model",
    "Statistic": "careerstats.model",
    "Profile": "careerstats.profiles",
    "profile": "careerstats.profiles",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'careerstats' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "STANDARD",
    "Adjustment",
    "Audit",
    "Career",
    "CareerPay",
    "CareerstatsError",
    "Comparison",
    "CpiTable",
    "DataError",
    "Dataset",
    "Finding",
    "Period",
    "Profile",
    "Rank",
    "Schedule",
    "SourceRelease",
    "Statistic",
    "UsageError",
    "WageFigure",
    "When",
    "audit",
    "bundled",
    "bundled_cpi",
    "compare",
    "convert",
    "parse_amount",
    "profile",
    "rank",
    "to_annual",
    "to_cents",
    "to_hourly",
    "wage_table",
]
