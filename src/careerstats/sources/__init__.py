"""The data layer: dataset files, the OEWS reader, the store of imported releases, caching.

Named tuples are defined without `from __future__ import annotations`, as in `core` (see
its docstring).
"""
