"""`careerstats data audit | check`: what does not add up in the sources, and file validation.

Thin, like the rest of the CLI: the work is in `audit` and `dataset`.
"""

from pathlib import Path
from typing import Annotated

import typer

from careerstats.cli import options
from careerstats.cli.output import CsvOption, JsonOption, chosen, write


def audit(
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Report what does not add up in every source, as information (exit status 0).

    Hourly and annual figures that disagree at 2,080 hours beyond BLS's rounding, stated
    percentages the figures contradict, percentiles out of order, sources with no reference
    period. Each finding names the source, the figures and what it means. Every figure a
    cited source quotes (or derives itself) is checked against the official bundled release
    of the same month, and reported as matching or not.

    Example: careerstats data audit --csv
    """
    output = chosen(as_json, as_csv)
    from careerstats.core.audit import audit as run_audit
    from careerstats.sources.dataset import bundled

    result = run_audit(bundled())
    write("audit", result, output)


def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[FILE]...",
            help="Dataset or tax data YAML files to validate. Default: the bundled ones.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    quiet: options.QuietOption = False,
) -> None:
    """Validate dataset files and the tax data file against the model (exit status 1 on the
    first invalid one).

    The error names the file, the line and the field. Career references are checked against
    the catalog among the files, or the bundled one.

    Example: careerstats data check my_source.yaml
    """
    output = chosen(as_json, as_csv)
    from careerstats.sources.dataset import check_files

    checked = check_files(files or None)
    write("checked_files", checked, output)
