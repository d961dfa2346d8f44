"""One name across the articles of a run: clusters over every article's spellings."""

from __future__ import annotations

from dataclasses import dataclass

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
