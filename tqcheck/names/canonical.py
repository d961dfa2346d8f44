"""The canonical spelling of a cluster: the house list, then the target's conventions, then
the most frequent spelling."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from tqcheck.names.clusters import Cluster


@dataclass(frozen=True)
class Choice:
    """The chosen spelling, why (`house`, `convention`, `frequency`, `first`), and whether
    the choice is certain enough to apply unasked."""

    spelling: str
    reason: str
    certain: bool


def unconventional(spelling: str, patterns: tuple[re.Pattern[str], ...]) -> int:
    """How many marks of a foreign transliteration the spelling carries."""
    return sum(len(p.findall(spelling)) for p in patterns)


def choose(cluster: Cluster, house: Mapping[str, str],
           patterns: tuple[re.Pattern[str], ...], majority: float = 2.0) -> Choice:
    """Pick the spelling every other spelling of the cluster should be written as.

    Frequency decides when the most frequent spelling is at least `majority` times as
    frequent as the next; otherwise the first spelling in the text sets the spelling.
    """
    counts = {s.text: len(s.tokens) for s in cluster.spellings}
    listed = [house[s.text] for s in cluster.spellings if s.text in house]
    if listed:
        best = max(dict.fromkeys(listed), key=listed.count)
        return Choice(best, "house", len(set(listed)) == 1)
    scores = {text: unconventional(text, patterns) for text in counts}
    fewest = min(scores.values())
    fitting = [text for text in counts if scores[text] == fewest]
    if len(fitting) == 1:
        return Choice(fitting[0], "convention", True)
    ranked = sorted(fitting, key=lambda text: -counts[text])
    if counts[ranked[0]] >= majority * counts[ranked[1]]:
        return Choice(ranked[0], "frequency", True)
    return Choice(fitting[0], "first", False)
