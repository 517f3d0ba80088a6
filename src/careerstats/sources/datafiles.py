"""Reading dataset files: safe YAML, schema validation, and errors naming file and field."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from careerstats.core.wording import quoted
from careerstats.errors import DataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

Model = TypeVar("Model")

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe YAML (no tags that run code) reading decimals as `Decimal`, never as binary floats."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A value its tag cannot hold (`2023-02-29` read as a date, `!!int abc`, an integer
        # of 5,000 digits) fails inside PyYAML's constructors with a plain Python error:
        # give it the node's line like any other YAML error.
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, ArithmeticError, LookupError, AttributeError, TypeError) as error:
            value = node.value if isinstance(node, yaml.ScalarNode) else node.tag
            kind = node.tag.rsplit(":", 1)[-1]
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{quoted(str(value))} cannot be read as {kind}"
                + (f" ({_WHY[kind]})" if type(error) is ValueError and kind in _WHY else ""),
                node.start_mark,
            ) from None


# What a plain ValueError means for a value of these kinds, in a dataset author's words:
# Python's own message speaks of its internals ("day is out of range for month", an integer
# string conversion limit and how to raise it).
_WHY = {"timestamp": "no such date or time", "int": "too many digits"}


_SPECIAL_FLOATS = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}


def _decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    # YAML's .inf and .nan become Decimal's own, which validation then refuses by name.
    return Decimal(_SPECIAL_FLOATS.get(text.lower(), text))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)

_PLAIN_INTEGER = re.compile(r"[-+]?[0-9][0-9_]*")


def _integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    # YAML 1.1 also reads 0b1010, 0x1F, 017 and 1:20:30 (sexagesimal, 4830) as integers: in a
    # wage file each is far likelier a typo than a figure, so only plain digits are numbers.
    text = str(loader.construct_scalar(node))
    digits = text.lstrip("+-")
    if not _PLAIN_INTEGER.fullmatch(text) or (digits.startswith("0") and digits != "0"):
        raise yaml.constructor.ConstructorError(
            None, None, f"{quoted(text)}: write numbers in plain decimal digits", node.start_mark
        )
    return int(text.replace("_", ""))


_DecimalLoader.add_constructor("tag:yaml.org,2002:int", _integer)


# Bounds for files from anywhere: the bundled ones are far inside them (the largest is about
# 16 KiB, nested 6 deep, with no aliases), and a hostile file cannot exhaust memory or the
# stack: a "billion laughs" document of nested aliases, or thousands of nested brackets,
# which would crash the C composer.
MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000  # counting what every alias (*name) stands for


def read_text(file: Traversable | Path) -> str:
    try:
        content = file.read_bytes()
    except OSError as error:
        reason = getattr(error, "strerror", None) or error
        raise DataError(f"{file.name}: cannot be read: {reason}") from None
    if len(content) > MAX_BYTES:
        raise DataError(
            f"{file.name}: too large for a dataset file ({len(content):,} bytes; "
            f"at most {MAX_BYTES // (1024 * 1024)} MiB)"
        )
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        kind = "binary data" if b"\x00" in content[:8192] else "not UTF-8 text"
        raise DataError(
            f"{file.name}: line {line}: {kind} (byte 0x{content[error.start]:02x}); "
            "dataset files are YAML text in UTF-8"
        ) from None


def _check_shape(text: str, file_name: str) -> None:
    """Refuse deep nesting and alias expansion beyond the bounds, before building anything:
    events only, so neither the check nor the refusal can exhaust the stack or memory."""
    try:
        _check_events(text, file_name)
    except yaml.YAMLError as error:
        # libyaml (PyYAML 6.0.4 on) has a nesting limit of its own, far above ours, which it
        # meets while scanning up to a line ahead of the events this check has seen: thousands
        # of brackets on one line fail there first. The text before that point holds the
        # events not yet seen, so check them, and a file nested too deep gets careerstats'
        # refusal whichever libyaml reads it; any other error stands.
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            with contextlib.suppress(yaml.YAMLError):
                _check_events(text[: mark.index], file_name)
        raise


def _check_events(text: str, file_name: str) -> None:
    sizes: dict[str, int] = {}  # anchor -> nodes it stands for
    stack: list[tuple[str | None, int]] = [(None, 0)]  # open collections: (anchor, nodes)
    for event in yaml.parse(text, Loader=_DecimalLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) > MAX_DEPTH:
                raise DataError(f"{file_name}: line {line}: nested more than {MAX_DEPTH} deep")
            stack.append((event.anchor, 1))
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, nodes = stack.pop()
        elif isinstance(event, yaml.AliasEvent):
            anchor, nodes = None, sizes.get(event.anchor or "", 1)
        elif isinstance(event, yaml.ScalarEvent):
            anchor, nodes = event.anchor, 1
        else:
            continue
        if anchor is not None:
            sizes[anchor] = nodes
        parent_anchor, parent_nodes = stack[-1]
        stack[-1] = (parent_anchor, parent_nodes + nodes)
        if parent_nodes + nodes > MAX_NODES:
            raise DataError(
                f"{file_name}: line {line}: more than {MAX_NODES:,} values, counting what "
                "each YAML alias (*name) stands for; dataset files are far smaller"
            )


def _code(character: str | int) -> str:
    """The character's code point, as U+0008 (the C loader gives a number, the pure one text)."""
    return f"U+{character if isinstance(character, int) else ord(character):04X}"


def parse_yaml(text: str, file_name: str) -> Any:
    try:
        _check_shape(text, file_name)
        document = yaml.load(text, Loader=_DecimalLoader)
        if document is None:
            raise DataError(f"{file_name}: the file is empty (no YAML document in it)")
        return document
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in text
        raise DataError(
            f"{file_name}: not valid YAML: a control character (code {_code(error.character)}) "
            f"at position {error.position}: only text may be in a dataset file"
        ) from None
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
        message = _PLAIN_MESSAGES.get(first["type"]) or first["msg"].removeprefix("Value error, ")
        # A check across fields names its own place below the object: join the two paths.
        inner = _INNER_PATH.match(message)
        if inner:
            location += _parts(inner.group(1))
            message = message[inner.end() :]
        raise located_error(file_name, location, message, text) from None


# Pydantic's wording names its own classes ("an instance of SourceRelease") or arguments;
# a dataset author thinks in YAML keys and mappings.
_PLAIN_MESSAGES = {
    "unexpected_keyword_argument": "unknown key; remove it or check its spelling",
    "extra_forbidden": "unknown key; remove it or check its spelling",
    "dataclass_type": "expected a mapping of keys and values here",
    "model_type": "expected a mapping of keys and values here",
    "dict_type": "expected a mapping of keys and values here",
    "missing_keyword_argument": "required key missing",
    "missing": "required key missing",
}

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
