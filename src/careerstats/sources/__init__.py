"""The data layer: dataset files, the OEWS reader, the store of imported releases, caching."""
