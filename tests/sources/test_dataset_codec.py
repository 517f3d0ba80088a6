"""The dataset cache's JSON codec: the validated dataset goes through it unchanged, and it
builds nothing but the model's own classes from plain values, refusing everything else."""

from __future__ import annotations

import copy
import dataclasses
import json
from decimal import Decimal
from enum import Enum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats.core import model
from careerstats.core.dataset import Dataset
from careerstats.core.model import Statistic
from careerstats.core.periods import Period
from careerstats.core.value import replace
from careerstats.sources import dataset_codec
from careerstats.sources.bundle import bundled_files
from careerstats.sources.dataset import load_files
from careerstats.sources.dataset_codec import Damaged


@pytest.fixture(scope="module")
def built() -> Dataset:
    """The bundled dataset as validating its YAML files gives it (pydantic, no cache)."""
    return load_files(list(bundled_files()))


def through_json(dataset: Dataset) -> Dataset:
    return dataset_codec.decode(json.loads(json.dumps(dataset_codec.encode(dataset))))


def shape(value: Any) -> Any:
    """Everything a model value holds, with its exact type: records, enums, Decimal digits."""
    if isinstance(value, Enum):
        return (type(value).__name__, value.value)
    if isinstance(value, Decimal):
        return ("Decimal", value.as_tuple())
    if isinstance(value, tuple):
        return ("tuple", [shape(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(shape(k), shape(v)) for k, v in value.items()])
    if dataclasses.is_dataclass(value):
        return (type(value).__name__, {name: shape(item) for name, item in vars(value).items()})
    return (type(value).__name__, value)


def test_the_round_trip_gives_the_catalog_and_every_release_unchanged(built: Dataset) -> None:
    again = through_json(built)
    assert shape(again.catalog) == shape(built.catalog)
    assert [release.id for release in again.sources] == [r.id for r in built.sources]
    for release, original in zip(again.sources, built.sources, strict=True):
        assert shape(release) == shape(original), release.id
        for entry in original.careers:
            decoded = release.figures_for(entry.career)
            assert decoded is not None
            assert shape(decoded) == shape(entry), (release.id, entry.career)


def test_the_round_trip_keeps_the_published_figures_of_the_data_files(built: Dataset) -> None:
    again = through_json(built)
    cs = again.source("bls-2008").figures_for("customer-service-representatives")
    pr = again.source("bls-2008").figures_for("public-relations-specialists")
    assert cs is not None
    assert pr is not None
    assert cs.wages == {Period.HOUR: {Statistic.MEDIAN: Decimal("14.36")}}
    assert pr.wages[Period.YEAR][Statistic.MEDIAN] == Decimal("51280")
    payscale = again.source("payscale").figures_for("customer-service-representatives")
    assert payscale is not None
    assert payscale.wages[Period.HOUR] == {Statistic.MEAN: Decimal("13.52")}
    assert payscale.stated_percentages[0].compares == ("entry-level", "twenty-plus-years")
    assert payscale.stated_percentages[0].approximate is True
    assert again.source("payscale").annual_basis is model.AnnualBasis.SALARIES
    assert again.career("cs").id == "customer-service-representatives"
    assert again.career("cs").office == "front"


def test_the_codec_describes_every_field_of_every_model_class() -> None:
    """A class or field added to the model must be added to the codec too (or not cached)."""
    records = {
        item
        for item in vars(model).values()
        if isinstance(item, type) and dataclasses.is_dataclass(item)
    }
    assert set(dataset_codec.FIELDS) == records
    for kind, names in dataset_codec.FIELDS.items():
        assert names == {field.name for field in dataclasses.fields(kind)}, kind.__name__


def test_an_entry_names_no_class_or_module(built: Dataset) -> None:
    text = json.dumps(dataset_codec.encode(built))
    for word in ("careerstats.", "CareerFigures", "SourceRelease", "Decimal", "__"):
        assert word not in text


def encoded(built: Dataset) -> dict[str, Any]:
    return copy.deepcopy(dataset_codec.encode(built))


def bls_2008_cs(values: dict[str, Any]) -> dict[str, Any]:
    release = next(r for r in values["sources"] if r["id"] == "bls-2008")
    entry: dict[str, Any] = next(
        item for item in release["careers"] if item["career"] == "customer-service-representatives"
    )
    return entry


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda v: v.update(extra=1), id="an unknown top-level key"),
        pytest.param(lambda v: v.pop("sources"), id="no releases"),
        pytest.param(lambda v: v["sources"][0].update(colour="red"), id="an unknown field"),
        pytest.param(
            lambda v: v["sources"][0].update({"py/object": "os.system"}), id="a class by name"
        ),
        pytest.param(
            lambda v: v["catalog"]["careers"][0].update(__class__="builtins.eval"),
            id="a __class__ key",
        ),
        pytest.param(lambda v: v.update(catalog=["a", "list"]), id="a list for a record"),
        pytest.param(lambda v: v["sources"][0].update(id=7), id="a number for text"),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(median=14.36),
            id="a float for money",
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(median="NaN"), id="NaN for money"
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(median="14.36 dollars"),
            id="money that is not a number",
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(median=" 14.36"),
            id="money with a space",
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(median="14.3_6"),
            id="money with an underscore",
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"].update(fortnight={"median": "1"}),
            id="an unknown period",
        ),
        pytest.param(
            lambda v: bls_2008_cs(v)["wages"]["hour"].update(p99="20"),
            id="an unknown statistic",
        ),
        pytest.param(
            lambda v: v["catalog"]["careers"][0].update(office="side"), id="an unknown office"
        ),
        pytest.param(
            lambda v: v["catalog"]["careers"][0].update(aliases="cs"), id="text for a tuple"
        ),
    ],
)
def test_anything_but_what_the_encoder_writes_is_refused(built: Dataset, tamper: Any) -> None:
    values = encoded(built)
    tamper(values)
    with pytest.raises(Damaged):
        dataset_codec.decode(values)


def test_the_model_rules_hold_for_a_decoded_entry(built: Dataset) -> None:
    values = encoded(built)
    bls_2008_cs(values)["wages"]["hour"]["median"] = "-1"
    with pytest.raises(ValueError, match="greater than 0"):
        dataset_codec.decode(values)


def test_a_dataset_with_more_than_its_files_hold_is_not_encoded(built: Dataset) -> None:
    with pytest.raises(Damaged):
        dataset_codec.encode(replace(built, scope=" in Texas (48)"))


@given(
    st.decimals(allow_nan=False, allow_infinity=False)
    | st.decimals(places=2, min_value=0, max_value=10**15)
)
def test_every_finite_number_keeps_its_exact_digits(number: Decimal) -> None:
    encode, decode = dataset_codec.NUMBER
    again = decode(json.loads(json.dumps(encode(number))))
    assert again.as_tuple() == number.as_tuple()
