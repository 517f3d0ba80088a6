"""`Value` objects behave as frozen dataclasses do: fields set once, equality and hash by the
compared fields, defaults and factories, `replace` through `__init__`."""

from __future__ import annotations

from decimal import Decimal

import pytest

from careerstats.core.periods import Schedule
from careerstats.core.value import Value, field, replace
from careerstats.errors import UsageError


class Point(Value):
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)
    area: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "area", self.x * self.y)


def test_fields_come_from_arguments_defaults_and_factories() -> None:
    point = Point(3, y=4)
    assert (point.x, point.y, point.tags, point.note, point.area) == (3, 4, [], "", 12)
    assert Point(1).tags is not Point(1).tags  # a factory per object, never shared


def test_equality_and_hash_use_the_compared_fields_of_the_same_class() -> None:
    assert Point(1, 2, note="a") == Point(1, 2, note="b")
    assert Point(1, 2) != Point(2, 1)
    assert hash(Schedule(Decimal(40))) == hash(Schedule())
    assert len({Schedule(), Schedule(Decimal(40)), Schedule(Decimal(20))}) == 2

    class Other(Value):
        x: int
        y: int = 0

    assert Other(1, 2) != Point(1, 2)


def test_a_value_is_read_only() -> None:
    point = Point(1)
    with pytest.raises(AttributeError, match="read-only"):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(AttributeError, match="read-only"):
        del point.y  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "needs 'x'"),
        ((1, 2, [], "", 5), {}, "takes 4 fields"),
        ((1,), {"x": 2}, "got 'x' twice"),
        ((1,), {"z": 2}, "no field 'z'"),
        ((1,), {"area": 2}, "does not take 'area'"),
    ],
)
def test_wrong_arguments_are_refused_as_a_dataclass_refuses_them(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        Point(*args, **kwargs)


def test_replace_builds_a_changed_copy_through_init() -> None:
    point = Point(3, 4, note="kept")
    moved = replace(point, y=5)
    assert (moved.x, moved.y, moved.note, moved.area) == (3, 5, "kept", 15)
    assert point.y == 4
    with pytest.raises(TypeError, match="no field 'z'"):
        replace(point, z=1)


def test_replace_runs_the_checks_of_the_class() -> None:
    with pytest.raises(UsageError, match="hours per week"):
        replace(Schedule(), hours_per_week=Decimal(200))


def test_repr_names_the_shown_fields() -> None:
    assert repr(Point(1, 2, note="hidden")) == "Point(x=1, y=2, tags=[], area=2)"
