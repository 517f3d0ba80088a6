"""`careerstats search WORDS...`: occupations by any of their names, best first."""

from typing import Annotated

import typer

from careerstats.cli import options
from careerstats.cli.output import JsonOption, chosen, write
from careerstats.cli.root import app


@app.command()
def search(
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORDS...",
            help="Words of a title or of a job title people use (nurse, ceo, software "
            "engineer), an alias, or a SOC code with or without its dash (151252).",
            show_default=False,
        ),
    ],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", metavar="N", help="Show the N best matches."),
    ] = 10,
    as_json: JsonOption = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Write CSV to stdout, one row per match.")
    ] = False,
    quiet: options.QuietOption = False,
) -> None:
    """Find occupations by official title, alternate job title (SOC direct-match file),
    alias, group name or SOC code; plurals, case, word order and a typo are forgiven. Each
    match: SOC code, title, level, the name it matched and the newest published median.

    Example: careerstats search nurse
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.search import search as run_search

    result = run_search(options.dataset(), " ".join(words), limit)
    write("search", result, output)
