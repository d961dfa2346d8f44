"""The house name list: canonical spellings with their known variants."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HouseEntry:
    """One name as the house writes it, the spellings it replaces and, for a renamed
    place, when the house style changed."""

    canonical: str
    variants: tuple[str, ...]
    since: str | None = None

    @property
    def spellings(self) -> frozenset[str]:
        """The canonical spelling and its variants."""
        return frozenset((self.canonical, *self.variants))


@dataclass(frozen=True)
class HouseList:
    """A list of house entries; a later list overrides the entries it overlaps."""

    entries: tuple[HouseEntry, ...] = ()

    def extended(self, other: HouseList) -> HouseList:
        """This list with the other's entries added, replacing any entry sharing a spelling."""
        taken = frozenset().union(*(e.spellings for e in other.entries))
        kept = tuple(e for e in self.entries if not e.spellings & taken)
        return HouseList(kept + other.entries)

    def canonical_of(self) -> dict[str, str]:
        """Every listed spelling (canonical ones included) mapped to its canonical form."""
        mapping = {}
        for entry in self.entries:
            mapping[entry.canonical] = entry.canonical
            mapping.update(dict.fromkeys(entry.variants, entry.canonical))
        return mapping

    def since(self) -> dict[str, str]:
        """Canonical spellings of renamed places mapped to when the house style changed."""
        return {e.canonical: e.since for e in self.entries if e.since}

    def words(self) -> dict[str, str]:
        """One-word spellings mapped to their canonical word, for clusters of name words."""
        return {spelling: canonical for spelling, canonical in self.canonical_of().items()
                if " " not in spelling and " " not in canonical}
