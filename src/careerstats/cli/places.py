"""`careerstats relocate`: pay of the same purchasing power in another place (BEA RPPs)."""

from __future__ import annotations

from typing import Annotated

import typer

from careerstats.cli.output import CsvOption, Format, JsonOption, chosen, write
from careerstats.cli.root import app
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
