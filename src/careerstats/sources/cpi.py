"""The bundled CPI-U table: read from the package's data folder, once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from careerstats.core.inflation import CPI_FILE, CpiTable, parse_table
from careerstats.errors import DataError
from careerstats.sources.bundle import bundled_data_dir

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def load_table(file: Traversable | Path) -> CpiTable:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{file.name}: cannot be read: {error}") from None
    return parse_table(text, file.name)


@cache
def bundled_cpi() -> CpiTable:
    """The CPI-U table shipped with careerstats, read once per process."""
    return load_table(bundled_data_dir().joinpath(CPI_FILE))
