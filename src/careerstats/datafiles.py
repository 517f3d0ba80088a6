"""Reading dataset files: safe YAML, schema validation, and errors naming file and field."""

from __future__ import annotations

import re
from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from careerstats.errors import DataError

Model = TypeVar("Model")

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML (no tags that run code) reading decimals as `Decimal`, never as binary floats."""


_SPECIAL_FLOATS = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    # YAML's .inf and .nan become Decimal's own, which validation then refuses by name.
    return Decimal(_SPECIAL_FLOATS.get(text.lower(), text))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


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


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(model: type[Any]) -> TypeAdapter[Any]:
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validate(model: type[Model], document: Any, file_name: str) -> Model:
    """Check `document` against the schema of `model` and build it, or name what is wrong."""
    try:
        validated: Model = _adapter(model).validate_python(document)
        return validated
    except ValidationError as error:
        first = error.errors()[0]
        path = _path(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        # A check across fields names its own place below the object: join the two paths.
        inner = _INNER_PATH.match(message)
        if inner:
            path = _join(path, inner.group(1))
            message = message[inner.end() :]
        where = f"{file_name}: {path}: " if path else f"{file_name}: "
        raise DataError(where + message) from None


_INNER_PATH = re.compile(r"([A-Za-z_][\w.\[\]]*): ")


def _join(outer: str, inner: str) -> str:
    if not outer:
        return inner
    return outer + inner if inner.startswith("[") else f"{outer}.{inner}"


def _path(location: tuple[int | str, ...]) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text
