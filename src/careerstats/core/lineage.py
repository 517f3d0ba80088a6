"""Which codes of which official release are one occupation: the result of following the SOC
crosswalks, as the data layer (`careerstats.sources.lineage`) finds it and `history` uses it.

Plain named tuples, standard library only: the core reads them and never the crosswalk files.
"""

from typing import NamedTuple


class SocCode(NamedTuple):
    """A code of one SOC version and its title there."""

    code: str
    title: str


class Link(NamedTuple):
    """One code of one release that belongs to the occupation asked about.

    `now` are the codes of the newest SOC this code's occupation went into and `origins` the
    codes of the oldest it came from, both by the official crosswalks: two links are one
    unbroken line exactly when both are the same.
    """

    release_id: str
    code: str
    title: str  # as the release titles it
    classification: str  # as the release states it: "SOC 2010"
    now: tuple[SocCode, ...]
    origins: tuple[SocCode, ...]
    hybrid: bool = False  # an OEWS code of May 2019 and 2020 that is in no SOC version

    def continues(self, older: "Link") -> bool:
        """The same occupation as `older`, under the same code or a code renamed one to one."""
        return codes_of(self.now) == codes_of(older.now) and codes_of(self.origins) == codes_of(
            older.origins
        )


class Lineage(NamedTuple):
    """The occupation asked about, in the newest and oldest SOC, and its codes per release."""

    code: str
    title: str
    now: tuple[SocCode, ...]
    origins: tuple[SocCode, ...]
    links: tuple[Link, ...]  # oldest release first; a release with two codes has two links

    def in_release(self, release_id: str) -> list[Link]:
        return [link for link in self.links if link.release_id == release_id]


def codes_of(codes: tuple[SocCode, ...]) -> frozenset[str]:
    return frozenset(item.code for item in codes)
