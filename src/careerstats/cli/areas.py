"""`careerstats data areas`: the areas and industries of the imported OEWS data."""

from typing import Annotated

import typer

from careerstats.cli import options
from careerstats.cli.output import CsvOption, Format, JsonOption, chosen, note, write


def areas(
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="WORDS",
            help="Only areas and industries whose code is WORDS or whose name has every word "
            "(texas, TX, 48, 'san fran', insurance).",
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """The areas (nation, states, metropolitan and nonmetropolitan areas) and industries of
    the imported OEWS data: type, code, name and the releases that have them. Any of them
    goes to --area or --industry.

    Example: careerstats data areas --search texas
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.places import AreaListing
    from careerstats.core.places import search as matching
    from careerstats.sources.store import Store

    store = Store.existing()
    entries = store.listing() if store is not None else []
    if store is not None:
        store.close()
    found = matching(entries, search)
    write("area_listing", AreaListing(tuple(found), search), output)
    if output is Format.TABLE and not found:
        what = "nothing matches" if entries else "no OEWS data is imported yet"
        note(f"{what}; 'careerstats data fetch' downloads the states of the newest year")
