"""`top` and `list` read a bundled release's rows as published without building each
entry's figures (`BundledRelease.summaries_at`); every release, level and statistic gives
what the entries' figures give (`SourceRelease.summaries_at`, through `CareerFigures`)."""

from __future__ import annotations

import pytest

from careerstats.core.model import SourceRelease, Statistic
from careerstats.core.periods import Period
from careerstats.sources.bundled_oews import BundledRelease, bundled_releases

LEVELS = frozenset(("total", "major", "minor", "broad", "detailed"))


@pytest.mark.parametrize("release", bundled_releases({}), ids=lambda release: release.id)
def test_the_rows_as_published_are_the_entries_figures(release: BundledRelease) -> None:
    for period in (Period.HOUR, Period.YEAR):
        for statistic in (*Statistic, None):
            quick = release.summaries_at(LEVELS, period, statistic)
            built = SourceRelease.summaries_at(release, LEVELS, period, statistic)
            assert quick == built, (period, statistic)
    detailed = release.summaries_at(frozenset({"detailed"}), Period.YEAR, Statistic.MEDIAN)
    assert detailed == SourceRelease.summaries_at(
        release, frozenset({"detailed"}), Period.YEAR, Statistic.MEDIAN
    )
    assert any(summary.top_coded for summary in detailed) or release.id == "oews-2008"
