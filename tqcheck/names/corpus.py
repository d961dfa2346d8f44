"""One name across the articles of a run: clusters over every article's spellings, and the
articles that spell a name one way while the others spell it another way."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from tqcheck.names.canonical import unconventional
from tqcheck.names.clusters import Cluster, Similarity, Spelling, cluster
from tqcheck.names.keys import KeyMaker


@dataclass(frozen=True)
class CorpusClusters:
    """Clusters of the spellings of several articles, and the article of each spelling."""

    clusters: list[Cluster]
    article_of: dict[int, int]

    @classmethod
    def build(cls, spellings: list[list[Spelling]], keys: KeyMaker,
              similarity: Similarity | None) -> CorpusClusters:
        """Cluster the spellings of all articles (spellings[i] are article i's); without
        `similarity`, only spellings that share a key are linked."""
        flat = [s for per_article in spellings for s in per_article]
        article_of = {id(s): index for index, per_article in enumerate(spellings)
                      for s in per_article}
        return cls(cluster(flat, keys, similarity), article_of)

    def by_article(self, group: Cluster) -> dict[int, list[Spelling]]:
        """A cluster's spellings, per article."""
        found: dict[int, list[Spelling]] = {}
        for spelling in group.spellings:
            found.setdefault(self.article_of[id(spelling)], []).append(spelling)
        return found


@dataclass(frozen=True)
class Divergence:
    """An article that spells a name one way where the run's other articles agree on another."""

    article: int
    spelling: Spelling
    canonical: str
    agreeing: int


def divergences(corpus: CorpusClusters, house: Mapping[str, str],
                patterns: tuple[re.Pattern[str], ...], majority: float) -> Iterator[Divergence]:
    """Articles consistent inside but not with the run (house-listed names are left to the
    per-article check). The run's spelling fits the target language, else is the spelling
    of at least `majority` times as many articles as the next; otherwise nothing is said."""
    for group in corpus.clusters:
        if any(s.text in house for s in group.spellings):
            continue
        uniform = {article: spellings[0]
                   for article, spellings in corpus.by_article(group).items()
                   if len(spellings) == 1}
        used = Counter(s.text for s in uniform.values())
        if len(used) < 2:
            continue
        canonical = _run_spelling(used, patterns, majority)
        if canonical is None:
            continue
        for article, spelling in uniform.items():
            if spelling.text != canonical:
                yield Divergence(article, spelling, canonical, used[canonical])


def _run_spelling(used: Counter[str], patterns: tuple[re.Pattern[str], ...],
                  majority: float) -> str | None:
    """The spelling the run should use, or None when nothing decides."""
    scores = {text: unconventional(text, patterns) for text in used}
    fewest = min(scores.values())
    fitting = [text for text in used if scores[text] == fewest]
    if len(fitting) == 1:
        return fitting[0]
    ranked = sorted(fitting, key=lambda text: -used[text])
    return ranked[0] if used[ranked[0]] >= majority * used[ranked[1]] else None
