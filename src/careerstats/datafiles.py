"""Reading dataset files: safe YAML, schema validation, and errors naming file and field."""

from __future__ import annotations

import re
from collections.abc import Sequence
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


def read_text(file: Traversable | Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{file.name}: cannot be read: {error}") from None


def parse_yaml(text: str, file_name: str) -> Any:
    try:
        return yaml.load(text, Loader=_DecimalLoader)
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" line {where.line + 1}:" if where is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{file_name}:{line} not valid YAML: {problem}") from None


def read_yaml(file: Traversable | Path) -> Any:
    return parse_yaml(read_text(file), file.name)


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(model: type[Any]) -> TypeAdapter[Any]:
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validate(
    model: type[Model], document: Any, file_name: str, *, text: str | None = None
) -> Model:
    """Validate `document`; an error names the file, the field and, given `text`, the line."""
    try:
        validated: Model = _adapter(model).validate_python(document)
        return validated
    except ValidationError as error:
        first = error.errors()[0]
        location: list[int | str] = list(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        # A check across fields names its own place below the object: join the two paths.
        inner = _INNER_PATH.match(message)
        if inner:
            location += _parts(inner.group(1))
            message = message[inner.end() :]
        raise located_error(file_name, location, message, text) from None


_INNER_PATH = re.compile(r"([A-Za-z_][\w.\[\]]*): ")
_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def _parts(path: str) -> list[int | str]:
    """`careers[1].aliases[4]` -> ['careers', 1, 'aliases', 4]."""
    return [int(index) if index else name for index, name in _PART.findall(path)]


def located_error(
    file_name: str, location: Sequence[int | str], message: str, text: str | None = None
) -> DataError:
    """`payscale.yaml: line 31: careers[0].wages.hour.mean: Input should be greater than 0`."""
    line = yaml_line(text, location) if text is not None else None
    path = _path(tuple(location))
    where = file_name + (f": line {line}" if line is not None else "")
    return DataError(f"{where}: {path}: {message}" if path else f"{where}: {message}")


def yaml_line(text: str, location: Sequence[int | str]) -> int | None:
    """The 1-based line of the YAML node at `location` (a pydantic error path), or the nearest
    enclosing node that exists: the YAML node tree keeps every node's position."""
    try:
        node = yaml.compose(text, Loader=_DecimalLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line: int = node.start_mark.line
    for part in location:
        if isinstance(node, yaml.MappingNode):
            pair = next(
                (
                    (key, value)
                    for key, value in node.value
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part)
                ),
                None,
            )
            if pair is None:
                break
            line, node = pair[0].start_mark.line, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line
        else:
            break
    return line + 1


def _path(location: tuple[int | str, ...]) -> str:
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith("["):
            text += part
        else:
            text += ("." if text else "") + part
    return text
