"""The calculation core: pay periods, exact money, figures, comparisons, ranks, inflation.

Standard library only: no I/O, no printing, no command-line words. The data layer
(`careerstats.sources`) builds the `Dataset` it works on.
"""
