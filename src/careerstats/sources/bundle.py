"""Where the bundled dataset files are: inside the installed package, or in a checkout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from careerstats.errors import DataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

CATALOG_FILE = "careers.yaml"


def bundled_data_dir() -> Traversable:
    """The datasets shipped inside the package; in a source checkout, the repository's data/."""
    beside = Path(__file__).parents[1] / "data"
    if beside.is_dir():  # an ordinary install: no need for importlib.resources' machinery
        return beside
    from importlib import resources  # its machinery costs start-up time: only when needed

    packaged = resources.files("careerstats").joinpath("data")
    if packaged.is_dir():
        return packaged
    # An editable install maps only src/ into the environment, not force-included files.
    checkout = Path(__file__).resolve().parents[3] / "data"
    if checkout.is_dir():
        return checkout
    raise DataError(
        "the bundled datasets are missing from this installation; reinstall careerstats"
    )


def bundled_files() -> Iterator[Traversable]:
    yield from sorted(
        (item for item in bundled_data_dir().iterdir() if item.name.endswith(".yaml")),
        key=lambda item: item.name,
    )


def bundled_text(*parts: str) -> str:
    """The text of a bundled data file (`bundled_text("oews", "oews-2024.csv")`)."""
    name = "/".join(parts)
    try:
        return bundled_data_dir().joinpath(*parts).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        detail = error.strerror if isinstance(error, OSError) else str(error)
        raise DataError(
            f"bundled file {name} cannot be read ({detail or error}); reinstall careerstats"
        ) from None
