"""The U.S. federal tax parameters: data/tax/us_federal.yaml, validated like the datasets.

Read only by the commands that compute taxes (`takehome`, `compare --takehome`), never with
the datasets, so that the runs that do not tax never pay for it. The validated data is kept
in a cache of its own (`tax_cache`), as the datasets are in theirs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from careerstats.core.tax import TaxData
from careerstats.sources.bundle import bundled_data_dir

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

TAX_FILE = ("tax", "us_federal.yaml")


def load_tax_data(file: Traversable | Path) -> TaxData:
    """Validate a tax data file; an error names the file, the line and the field."""
    from careerstats.sources.datafiles import parse_yaml, read_text, validate

    text = read_text(file)
    return validate(TaxData, parse_yaml(text, file.name), file.name, text=text)


@cache
def bundled_tax_data() -> TaxData:
    """The tax parameters shipped with careerstats, read once per process."""
    from careerstats.sources.tax_cache import load_or_build

    file = bundled_data_dir().joinpath(*TAX_FILE)
    return load_or_build(file, lambda: load_tax_data(file))
