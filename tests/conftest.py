"""Every test runs with its own careerstats home, never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True, scope="session")
def careerstats_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("careerstats-home")
    previous = os.environ.get("CAREERSTATS_HOME")
    os.environ["CAREERSTATS_HOME"] = str(home)  # inherited by the subprocess tests too
    yield home
    if previous is None:
        os.environ.pop("CAREERSTATS_HOME", None)
    else:
        os.environ["CAREERSTATS_HOME"] = previous
