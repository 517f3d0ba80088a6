"""The validated dataset as plain JSON values and back, for the dataset cache.

An entry names no class, module or function: the shape of every value is fixed here, field
by field, and decoding builds only the model's own classes from text, booleans, lists and
objects (money and percentages as decimal text, enums by value). Anything else, such as an
unknown key, a value of the wrong type or a number that is not written as this encoder
writes it, makes the entry `Damaged`, and the cache rebuilds it. Each object is built
through its own constructor, so the model's rules (no empty text, wages above zero,
percentiles in order) hold for a cached dataset as they do for a validated file.

A dataset holding anything this module does not describe (a subclass, an imported release,
a field added to the model but not here) cannot be encoded: it is then simply not cached.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, get_args

from careerstats.core.dataset import Dataset
from careerstats.core.model import (
    AnnualBasis,
    Career,
    CareerFigures,
    Catalog,
    Education,
    ExperiencePay,
    ExtraCompensation,
    FormerCode,
    IndustryWage,
    Office,
    OfficeProfile,
    OutlookFact,
    SourceDerivation,
    SourceRelease,
    StatedPercentage,
    Statistic,
)
from careerstats.core.periods import Period


class Damaged(ValueError):
    """A value that is not what this encoder writes (or can write) in its place."""


Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]
Codec = tuple[Encode, Decode]


def _exact(kind: type) -> Codec:
    """Text or a flag: the value itself, of exactly this type (not a subclass, not a number)."""

    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise Damaged(f"{kind.__name__} expected, not {type(value).__name__}")
        return value

    return check, check


def _encode_decimal(value: Any) -> str:
    if type(value) is not Decimal or not value.is_finite():
        raise Damaged("a finite Decimal expected")
    return str(value)


def _decode_decimal(value: Any) -> Decimal:
    if type(value) is not str:
        raise Damaged("a number written as text expected")
    try:
        number = Decimal(value)
    except ArithmeticError:  # decimal.InvalidOperation: not a number at all
        raise Damaged(f"{value!r} is not a number") from None
    # Only the text `str(Decimal)` writes: no spaces, underscores, NaN or other spellings.
    if not number.is_finite() or str(number) != value:
        raise Damaged(f"{value!r} is not a number as this cache writes it")
    return number


def _choice(values: dict[str, Any]) -> Codec:
    """An enum member or a literal, by its text value."""

    def encode(value: Any) -> str:
        text = value.value if isinstance(value, Enum) else value
        known = values.get(text) if type(text) is str else None
        if known is None or type(known) is not type(value) or known != value:
            raise Damaged(f"one of {sorted(values)} expected")
        return str(text)

    def decode(value: Any) -> Any:
        if type(value) is not str or value not in values:
            raise Damaged(f"one of {sorted(values)} expected")
        return values[value]

    return encode, decode


def _enum(kind: type[Enum]) -> Codec:
    return _choice({member.value: member for member in kind})


def _optional(codec: Codec) -> Codec:
    encode, decode = codec
    return (
        lambda value: None if value is None else encode(value),
        lambda value: None if value is None else decode(value),
    )


def _tuple(codec: Codec, length: int | None = None) -> Codec:
    encode_item, decode_item = codec

    def encode(value: Any) -> list[Any]:
        if type(value) is not tuple or (length is not None and len(value) != length):
            raise Damaged("a tuple expected")
        return [encode_item(item) for item in value]

    def decode(value: Any) -> tuple[Any, ...]:
        if type(value) is not list or (length is not None and len(value) != length):
            raise Damaged("a list expected")
        return tuple(decode_item(item) for item in value)

    return encode, decode


def _mapping(keys: Codec, values: Codec) -> Codec:
    encode_key, decode_key = keys
    encode_value, decode_value = values

    def encode(value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise Damaged("a mapping expected")
        return {encode_key(key): encode_value(item) for key, item in value.items()}

    def decode(value: Any) -> dict[Any, Any]:
        if type(value) is not dict:
            raise Damaged("an object expected")
        return {decode_key(key): decode_value(item) for key, item in value.items()}

    return encode, decode


# Every record class and the fields this module writes for it, for the test that holds
# them equal to the model's own fields.
FIELDS: dict[type, frozenset[str]] = {}


def _record(model: type, /, **fields: Codec) -> Codec:
    """A model object as a JSON object of its fields, those at their default left out."""
    names = frozenset(fields)
    FIELDS[model] = names
    defaults: dict[str, Any] = {}
    for field in dataclasses.fields(model):
        if field.default is not dataclasses.MISSING:
            defaults[field.name] = field.default
        elif field.default_factory is not dataclasses.MISSING:
            defaults[field.name] = field.default_factory()
    encoders = {name: codec[0] for name, codec in fields.items()}
    decoders = {name: codec[1] for name, codec in fields.items()}

    def encode(value: Any) -> dict[str, Any]:
        if type(value) is not model:
            raise Damaged(f"a {model.__name__} expected, not {type(value).__name__}")
        state = vars(value)
        if state.keys() != names:
            raise Damaged(f"{model.__name__} has fields this cache does not know")
        return {
            name: encoders[name](item)
            for name, item in state.items()
            if name not in defaults or item != defaults[name]
        }

    def decode(value: Any) -> Any:
        if type(value) is not dict:
            raise Damaged(f"a {model.__name__} expected")
        if not value.keys() <= names:
            raise Damaged(f"unknown keys for {model.__name__}: {sorted(value.keys() - names)}")
        return model(**{name: decoders[name](item) for name, item in value.items()})

    return encode, decode


TEXT = _exact(str)
FLAG = _exact(bool)
NUMBER: Codec = (_encode_decimal, _decode_decimal)
TEXTS = _tuple(TEXT)
MAYBE_TEXT = _optional(TEXT)
PERIOD = _enum(Period)
OFFICE = _choice({office: office for office in get_args(Office)})
FIGURES = _mapping(PERIOD, _mapping(_enum(Statistic), NUMBER))

OFFICE_PROFILE = _record(
    OfficeProfile, description=TEXT, duties=TEXTS, skills=TEXTS, examples_from=TEXTS
)
CAREER = _record(
    Career,
    id=TEXT,
    title=TEXT,
    soc=TEXT,
    summary=TEXT,
    office=_optional(OFFICE),
    former_soc=_tuple(_record(FormerCode, classification=TEXT, code=TEXT)),
    aliases=TEXTS,
    duties=TEXTS,
    work_settings=TEXTS,
    education=_optional(
        _record(
            Education,
            typical=MAYBE_TEXT,
            preferred=MAYBE_TEXT,
            training=MAYBE_TEXT,
            fields_of_study=TEXTS,
        )
    ),
    skills=TEXTS,
    outlook=TEXTS,
    notes=TEXTS,
    facts_from=TEXTS,
)
CATALOG = _record(
    Catalog,
    offices=_mapping(OFFICE, OFFICE_PROFILE),
    careers=_tuple(CAREER),
)
CAREER_FIGURES = _record(
    CareerFigures,
    career=TEXT,
    soc=TEXT,
    title_in_source=MAYBE_TEXT,
    wages=FIGURES,
    top_coded=FIGURES,
    only_published_per=_optional(PERIOD),
    industries=_tuple(
        _record(
            IndustryWage,
            industry=TEXT,
            period=PERIOD,
            value=NUMBER,
            stated_as=TEXT,
            rank=MAYBE_TEXT,
        )
    ),
    extra_compensation=_tuple(
        _record(ExtraCompensation, kind=TEXT, period=PERIOD, value=NUMBER, stated_as=TEXT)
    ),
    experience=_tuple(
        _record(
            ExperiencePay, level=TEXT, label=TEXT, period=PERIOD, value=NUMBER, approximate=FLAG
        )
    ),
    stated_percentages=_tuple(
        _record(
            StatedPercentage,
            about=TEXT,
            percent=NUMBER,
            approximate=FLAG,
            compares=_optional(_tuple(TEXT, length=2)),
        )
    ),
    outlook=_tuple(
        _record(OutlookFact, measure=TEXT, percent=NUMBER, horizon=TEXT, description=MAYBE_TEXT)
    ),
    notes=TEXTS,
    derived_in_source=_tuple(
        _record(
            SourceDerivation,
            period=PERIOD,
            statistic=_enum(Statistic),
            value=NUMBER,
            how=TEXT,
            stated_as=MAYBE_TEXT,
        )
    ),
    employment=_optional(_exact(int)),
    groups=TEXTS,
)
SOURCE_RELEASE = _record(
    SourceRelease,
    id=TEXT,
    publisher=TEXT,
    program=TEXT,
    title=TEXT,
    careers=_tuple(CAREER_FIGURES),
    reference_period=MAYBE_TEXT,
    reference_period_note=MAYBE_TEXT,
    classification=MAYBE_TEXT,
    annual_basis=_optional(_enum(AnnualBasis)),
    cited_in=TEXTS,
    notes=TEXTS,
)
SOURCES = _tuple(SOURCE_RELEASE)
_DATASET_KEYS = frozenset({"catalog", "sources"})


def encode(dataset: Dataset) -> dict[str, Any]:
    """The catalog and releases of a dataset as it comes from its files, as JSON values."""
    # What only the store or the caller adds (imported occupations, a scope, the CPI-U
    # table) is not the bundled files' content: such a dataset is not cached.
    if type(dataset) is not Dataset or (
        dataset.occupations,
        dataset.scope,
        dataset.store_problem,
        dataset.prices,
        dataset.projections,
        dataset.classification,
    ) != (None, "", None, None, None, None):
        raise Damaged("only a dataset built from the bundled files is cached")
    return {"catalog": CATALOG[0](dataset.catalog), "sources": SOURCES[0](dataset.sources)}


def decode(value: Any) -> Dataset:
    """The dataset `encode` wrote; `Damaged` (or the model's own ValueError) for anything else."""
    if type(value) is not dict or value.keys() != _DATASET_KEYS:
        raise Damaged("not a dataset")
    return Dataset(catalog=CATALOG[1](value["catalog"]), sources=SOURCES[1](value["sources"]))
