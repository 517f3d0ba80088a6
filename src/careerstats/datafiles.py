"""Reading dataset files: locating the bundled ones, safe YAML, and errors naming file and field."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from careerstats.bundle import bundled_data_dir
from careerstats.errors import DataError

CATALOG_FILE = "careers.yaml"

Model = TypeVar("Model", bound=BaseModel)

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML (no tags that run code) reading decimals as `Decimal`, never as binary floats."""


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = loader.construct_scalar(node).replace("_", "")
    return Decimal(text)


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def bundled_files() -> Iterator[Traversable]:
    yield from sorted(
        (item for item in bundled_data_dir().iterdir() if item.name.endswith(".yaml")),
        key=lambda item: item.name,
    )


def read_yaml(file: Traversable | Path) -> Any:
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{file.name}: cannot be read: {error}") from None
    try:
        return yaml.load(text, Loader=_DecimalLoader)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" line {where.line + 1}:" if where is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{file.name}:{line} not valid YAML: {problem}") from None


def validate(model: type[Model], document: Any, file_name: str) -> Model:
    try:
        return model.model_validate(document)
    except ValidationError as error:
        first = error.errors()[0]
        path = _path(first["loc"])
        where = f"{file_name}: {path}: " if path else f"{file_name}: "
        raise DataError(where + first["msg"]) from None


def _path(location: tuple[int | str, ...]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text
