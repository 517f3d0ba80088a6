"""The `careerstats data` sub-app: the local store (import, list, remove) and the datasets'
audit and check. Each group of commands lives in its own module; this one only assembles."""

import typer

from careerstats.cli import areas as cli_areas
from careerstats.cli import audit as cli_audit
from careerstats.cli import fetch as cli_fetch
from careerstats.cli import store as cli_store
from careerstats.cli.help import UnwrappedHelpGroup
from careerstats.cli.root import app

data_app = typer.Typer(
    name="data",
    cls=UnwrappedHelpGroup,
    help="The data: fetch or import official OEWS files, list their areas, list and remove them; "
    "audit and check datasets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

data_app.command("import")(cli_store.import_)
data_app.command("list")(cli_store.list_)
data_app.command("remove")(cli_store.remove)
data_app.command("areas")(cli_areas.areas)
data_app.command("fetch")(cli_fetch.fetch)
data_app.command("audit")(cli_audit.audit)
data_app.command("check")(cli_audit.check)

app.add_typer(data_app, name="data")
