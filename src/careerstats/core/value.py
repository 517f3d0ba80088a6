"""Immutable value objects whose methods are written once, here, rather than generated.

`dataclasses.dataclass(frozen=True)` writes the source of an `__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__` and `__delattr__` for each class and compiles it as the
class is defined: about 1.2 ms a class, 5 ms of a 115 ms `compare --json` for the four
classes on its path, more than the comparison itself. A `Value` states its fields the same
way (annotations, defaults, `field(...)`), and type checkers read it as a frozen dataclass;
its methods work from the field list its class computes once, when it is defined.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, dataclass_transform

_MISSING: Any = object()


class Field:
    """A field's name and options, as `dataclasses.field` states them."""

    __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

    def __init__(
        self,
        default: Any = _MISSING,
        default_factory: Any = _MISSING,
        init: bool = True,
        repr: bool = True,
        compare: bool = True,
    ) -> None:
        self.name = ""
        self.default, self.default_factory = default, default_factory
        self.init, self.repr, self.compare = init, repr, compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    init: bool = True,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """Options of one field, as `dataclasses.field` takes them."""
    return Field(default, default_factory, init, repr, compare)


_V = TypeVar("_V", bound="Value")


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
class Value:
    """Fields set once by `__init__` (then `__post_init__`, if the class has one); equal when
    of the same class with equal compared fields; hashable when those are."""

    __fields__: ClassVar[tuple[Field, ...]] = ()
    __field_names__: ClassVar[frozenset[str]] = frozenset()
    __compared__: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own: dict[str, Field] = {one.name: one for one in cls.__fields__}
        # The class's own annotations only (`cls.__annotations__` would be a base's if the
        # class has none); inspect.get_annotations would import inspect for this alone.
        annotations = vars(cls).get("__annotations__", {})
        for name, annotation in annotations.items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            declared = cls.__dict__.get(name, _MISSING)
            one = declared if isinstance(declared, Field) else Field(default=declared)
            one.name = name
            own.pop(name, None)
            own[name] = one
            if isinstance(declared, Field):  # the default stays readable on the class
                if one.default is _MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, one.default)
        cls.__fields__ = tuple(own.values())
        cls.__field_names__ = frozenset(own)
        cls.__compared__ = tuple(one.name for one in cls.__fields__ if one.compare)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kind = type(self)
        given = [one for one in kind.__fields__ if one.init]
        if len(args) > len(given):
            raise TypeError(f"{kind.__name__}() takes {len(given)} fields, not {len(args)}")
        values = dict(zip((one.name for one in given), args, strict=False))
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{kind.__name__}() got {name!r} twice")
            if name not in kind.__field_names__:
                raise TypeError(f"{kind.__name__}() has no field {name!r}")
            values[name] = value
        for one in kind.__fields__:
            if one.name in values:
                if not one.init:
                    raise TypeError(f"{kind.__name__}() does not take {one.name!r}")
                continue
            if one.default_factory is not _MISSING:
                values[one.name] = one.default_factory()
            elif one.default is not _MISSING:
                values[one.name] = one.default
            elif one.init:
                raise TypeError(f"{kind.__name__}() needs {one.name!r}")
        self.__dict__.update(values)
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__}.{name} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__}.{name} is read-only")

    def _compared(self) -> tuple[Any, ...]:
        values = self.__dict__
        return tuple(values[name] for name in self.__compared__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Value)
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{one.name}={self.__dict__.get(one.name)!r}" for one in self.__fields__ if one.repr
        )
        return f"{type(self).__name__}({shown})"


def replace(item: _V, /, **changes: Any) -> _V:
    """A copy of `item` with `changes`, built (and checked) through its `__init__`."""
    kind = type(item)
    fields = {one.name: item.__dict__[one.name] for one in kind.__fields__ if one.init}
    for name in changes:
        if name not in fields:
            raise TypeError(f"{kind.__name__} has no field {name!r} to replace")
    fields.update(changes)
    return kind(**fields)
