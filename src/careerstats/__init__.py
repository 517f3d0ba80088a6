"""careerstats: salary and career statistics, exact pay conversion, and career comparison.

A library first, with a thin CLI over it. The pay-period core loads eagerly (standard
library only); the dataset layer (pydantic, YAML) loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerstats.core.money import parse_amount, to_cents
from careerstats.core.periods import STANDARD, Period, Schedule, convert, to_annual, to_hourly
from careerstats.errors import CareerstatsError, DataError, UsageError

if TYPE_CHECKING:
    from careerstats.core.audit import Audit, Finding, audit
    from careerstats.core.comparison import Comparison, compare
    from careerstats.core.dataset import Dataset
    from careerstats.core.figures import WageFigure, wage_table
    from careerstats.core.inflation import Adjustment, CpiTable, When
    from careerstats.core.model import Career, SourceRelease, Statistic
    from careerstats.core.pay import CareerPay
    from careerstats.core.profiles import Profile, profile
    from careerstats.core.ranking import Rank, rank
    from careerstats.sources.cpi import bundled_cpi
    from careerstats.sources.dataset import bundled

from careerstats.version import __version__ as __version__

_LAZY = {
    "Adjustment": "careerstats.core.inflation",
    "CpiTable": "careerstats.core.inflation",
    "When": "careerstats.core.inflation",
    "bundled_cpi": "careerstats.sources.cpi",
    "Audit": "careerstats.core.audit",
    "Finding": "careerstats.core.audit",
    "audit": "careerstats.core.audit",
    "Rank": "careerstats.core.ranking",
    "rank": "careerstats.core.ranking",
    "CareerPay": "careerstats.core.pay",
    "Comparison": "careerstats.core.comparison",
    "compare": "careerstats.core.comparison",
    "Dataset": "careerstats.core.dataset",
    "bundled": "careerstats.sources.dataset",
    "WageFigure": "careerstats.core.figures",
    "wage_table": "careerstats.core.figures",
    "Career": "careerstats.core.model",
    "SourceRelease": "careerstats.core.model",
    "Statistic": "careerstats.core.model",
    "Profile": "careerstats.core.profiles",
    "profile": "careerstats.core.profiles",
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
