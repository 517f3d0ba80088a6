"""The distribution chart: shared scale, dollar axis, 80 columns, --no-chart, never in JSON."""

from __future__ import annotations

import io
from decimal import Decimal

from rich.console import Console
from typer.testing import CliRunner

from careerstats.cli import app
from careerstats.core.comparison import compare
from careerstats.core.periods import Period
from careerstats.render.chart import ASCII, UNICODE, _Scale, distribution_chart
from careerstats.sources.dataset import bundled

runner = CliRunner()
DATA = bundled()


class _Output(io.StringIO):
    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._chosen = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._chosen


def draw(*names: str, width: int = 80, encoding: str = "utf-8", source: str | None = None) -> str:
    result = compare(DATA, [DATA.career(n) for n in names], source)
    out = _Output(encoding)
    console = Console(file=out, width=width, color_system=None)
    console.print(distribution_chart(result.rows))
    return out.getvalue()


def test_chart_fits_80_columns_with_a_dollar_axis() -> None:
    text = draw("cs", "pr", source="bls-2008")
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "Annual pay distribution" in text
    # Round ticks from below the lowest point ($29,868.80) to above the highest ($97,910).
    assert "$0" in text or "$25,000" in text or "$20,000" in text
    assert "$100,000" in text
    pr = next(line for line in lines if line.startswith("Public relations"))
    assert pr.count(UNICODE.median) == 1
    assert UNICODE.low_end in pr
    assert UNICODE.high_end in pr


def test_median_sits_between_the_ends_on_the_shared_scale() -> None:
    lines = draw("cs", "pr", source="bls-2008").splitlines()
    pr = next(line for line in lines if line.startswith("Public relations"))
    cs = next(line for line in lines if line.startswith("Customer service"))
    assert pr.index(UNICODE.low_end) < pr.index(UNICODE.median) < pr.index(UNICODE.high_end)
    # the CSR median ($29,868.80 a year) is left of the PR 10th percentile ($30,140)
    assert cs.index(UNICODE.median) <= pr.index(UNICODE.low_end)


def test_ascii_fallback() -> None:
    text = draw("cs", "pr", encoding="ascii")
    assert UNICODE.median not in text
    assert ASCII.median in text
    text.encode("ascii")


def test_narrow_console_still_fits() -> None:
    assert all(len(line) <= 60 for line in draw("cs", "pr", width=60).splitlines())


def test_release_without_percentiles_says_so() -> None:
    text = draw("cs", source="all")
    assert "payscale: Customer" in text
    assert "no percentiles or median published" in text


def test_scale_ticks_are_round_and_cover_the_values() -> None:
    # $30,140 to $97,910 on 50 columns: steps of $10,000 would need 7 labels of 8 characters
    # and 2 spaces (70 columns), so $20,000 is the finest round step that fits.
    scale = _Scale.fit(Decimal("30140"), Decimal("97910"), 50)
    assert scale.ticks() == [(0, 20000), (12, 40000), (25, 60000), (37, 80000), (49, 100000)]
    # $13.52 to $47.07 an hour: 8 steps of $5 with 3-character labels fit in 49 columns.
    hourly = _Scale.fit(Decimal("13.52"), Decimal("47.07"), 50)
    assert [value for _, value in hourly.ticks()] == [10, 15, 20, 25, 30, 35, 40, 45, 50]


def test_compare_and_show_draw_it_and_no_chart_turns_it_off() -> None:
    # show draws it for a career in several sources with --full (or --chart) only.
    for command in (["compare", "cs", "pr", "--source", "bls-2008"], ["show", "pr", "--full"]):
        drawn = runner.invoke(app, command)
        assert drawn.exit_code == 0, drawn.stderr
        assert "pay distribution" in drawn.stdout
        plain = runner.invoke(app, [*command, "--no-chart"])
        assert plain.exit_code == 0, plain.stderr
        assert "$51,280" in plain.stdout  # the PR median: the table is there, the chart is not
        assert "pay distribution" not in plain.stdout


def test_never_in_json_or_csv() -> None:
    for extra in ("--json", "--csv"):
        result = runner.invoke(app, ["compare", "cs", "pr", extra])
        assert result.exit_code == 0, result.stderr
        output = result.stdout
        assert "public-relations-specialists" in output  # the figures are there; the chart is not
        assert "distribution" not in output
        assert UNICODE.median not in output


def test_period_follows_the_published_figures() -> None:
    from careerstats.render.chart import chart_period

    rows = compare(DATA, [DATA.career("cs")], "all").rows
    assert chart_period(rows) is Period.HOUR
