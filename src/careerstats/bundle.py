"""Where the bundled data files are. Standard library only, so fast commands can find them."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from careerstats.errors import DataError


def bundled_data_dir() -> Traversable:
    """The datasets shipped inside the package; in a source checkout, the repository's data/."""
    packaged = resources.files("careerstats").joinpath("data")
    if packaged.is_dir():
        return packaged
    # An editable install maps only src/ into the environment, not force-included files.
    checkout = Path(__file__).resolve().parents[2] / "data"
    if checkout.is_dir():
        return checkout
    raise DataError(
        "the bundled datasets are missing from this installation; reinstall careerstats"
    )
