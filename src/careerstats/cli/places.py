"""`careerstats relocate | where`: pay of the same purchasing power in another place (BEA's
RPPs), and the imported areas where a career pays most."""

from typing import Annotated

import typer

from careerstats.cli import completing, options
from careerstats.cli.output import CsvOption, Format, JsonOption, chosen, write
from careerstats.cli.root import app
from careerstats.core.wording import quoted
from careerstats.errors import UsageError

FIRST_RPP_YEAR, LAST_RPP_YEAR = 2008, 2100


@app.command()
def relocate(
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT", help="Pay such as 60000 or '$60,000'.", show_default=False
        ),
    ],
    origin: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="PLACE",
            help="Where the pay is now: a state (California, CA, 06), a metro's code or "
            "words of its title (austin), or 'U.S.'.",
            show_default=False,
        ),
    ],
    destination: Annotated[
        str,
        typer.Option(
            "--to", metavar="PLACE", help="Where you would live instead.", show_default=False
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YYYY",
            help="The year of the price parities. Default: the newest both places have.",
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """The pay with the same purchasing power in another place: AMOUNT x RPP(to) / RPP(from),
    from BEA's Regional Price Parities (all items, U.S. = 100; states 2008-2023, metros
    2008-2024). RPPs compare price levels only: not taxes, not your own spending pattern.

    Example: careerstats relocate 60000 --from California --to Texas --year 2023
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.money import parse_amount
    from careerstats.core.prices import relocate as run_relocate
    from careerstats.sources.prices import bundled_prices

    value = parse_amount(amount)
    if year is not None and not FIRST_RPP_YEAR <= year <= LAST_RPP_YEAR:
        raise UsageError(f"--year takes a year of the price parities such as 2023, not {year}")
    result = run_relocate(bundled_prices(), value, origin, destination, year)
    from careerstats.render.places_view import RPP_CAVEAT

    # JSON and CSV carry the caveat in their own fields; people read it under the answer.
    write("relocation", result, output, warnings=(RPP_CAVEAT,) if output is Format.TABLE else ())


STATISTICS = {
    "median": "median",
    "mean": "mean",
    "average": "mean",
    "p10": "p10",
    "10th": "p10",
    "10": "p10",
    "p25": "p25",
    "25th": "p25",
    "25": "p25",
    "p75": "p75",
    "75th": "p75",
    "75": "p75",
    "p90": "p90",
    "90th": "p90",
    "90": "p90",
}
TYPES = ("state", "metro")


@app.command()
def where(
    career: Annotated[
        str,
        typer.Argument(
            metavar="CAREER",
            help="Career by id, alias, SOC code or title.",
            show_default=False,
            autocompletion=completing.career,
        ),
    ],
    by: Annotated[
        str,
        typer.Option("--by", metavar="STATISTIC", help="median, mean, 10th, 25th, 75th or 90th."),
    ] = "median",
    kind: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="state|metro",
            help="Only states (with DC and territories) or only metropolitan and "
            "nonmetropolitan areas. Default: every imported area.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", metavar="N", help="Show the first N areas only."),
    ] = None,
    per: Annotated[
        str,
        typer.Option(
            "--per",
            "-p",
            metavar="PERIOD",
            help="The figure per hour or per year (as BLS publishes them).",
            autocompletion=completing.wage_period,
        ),
    ] = "year",
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            metavar="ID",
            help="Imported release. Default: the newest with the career in some area.",
            autocompletion=completing.source,
        ),
    ] = None,
    adjust_prices: options.AdjustPricesOption = False,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Where a career pays most: the imported areas ranked by a statistic, highest first
    (with --adjust-prices, by the figure in U.S.-average prices; areas without an RPP last).

    Example: careerstats where cs --type state --limit 10 --adjust-prices
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.model import Statistic
    from careerstats.core.where import where as run_where
    from careerstats.sources.places import area_releases

    statistic = STATISTICS.get(by.strip().lower())
    if statistic is None:
        raise UsageError(f"--by takes median, mean, 10th, 25th, 75th or 90th, not {quoted(by)}")
    if kind is not None and kind.strip().lower() not in TYPES:
        raise UsageError(f"--type takes state or metro, not {quoted(kind)}")
    if limit is not None and limit < 1:
        raise UsageError(f"--limit takes a number of areas of at least 1, not {limit}")
    period = options.period(per)
    if period.value not in ("hour", "year"):
        raise UsageError(f"--per takes hour or year (the periods BLS publishes), not {quoted(per)}")
    dataset = options.dataset()
    found = dataset.career(career)
    chosen_kind = kind.strip().lower() if kind is not None else None
    placed, _ = area_releases(found, chosen_kind, source)
    prices = None
    if adjust_prices:
        from careerstats.sources.prices import bundled_prices

        prices = bundled_prices()
    result = run_where(
        found,
        placed,
        period=period,
        statistic=Statistic(statistic),
        kind=chosen_kind,
        limit=limit,
        prices=prices,
    )
    write("where", result, output)
