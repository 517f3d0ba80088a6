"""The calculation core: pay periods, exact money, figures, comparisons, ranks, inflation.

Standard library only: no I/O, no printing, no command-line words. The data layer
(`careerstats.sources`) builds the `Dataset` it works on.

Modules that define named tuples on a command's path (here and in `sources`) do not use
`from __future__ import annotations`: `typing.NamedTuple` compiles every annotation kept as a
string as the class is defined, on every run. Names imported only for type checking, or
defined further down, are quoted where they are used.
"""
