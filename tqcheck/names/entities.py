"""Entities: the mentions of one person or place, with each spelling counted per article.

A mention's signature is the cluster of each of its name words, so Vladimir Putin and
Vladimir Poutine are one entity, and Donald Trump and Melania Trump two. A one-word
mention joins the one multi-word entity it ends (Putin joins Vladimir Putin) unless that
entity starts with a qualifier (South Sudan does not take Sudan) or several could take it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tqcheck.names.corpus import CorpusClusters
from tqcheck.names.mentions import Mention


@dataclass
class Entity:
    """One person or place: its forms (as written in full) with their counts per article,
    and the spellings of each of its name words."""

    spellings: dict[str, Counter[str]] = field(default_factory=dict)
    words: dict[int, Counter[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The most used spelling of the longest form."""
        longest = max(len(text.split()) for text in self.spellings)
        return max((text for text in self.spellings if len(text.split()) == longest),
                   key=lambda text: sum(self.spellings[text].values()))

    @property
    def total(self) -> int:
        """How many times the entity is mentioned."""
        return sum(sum(counts.values()) for counts in self.spellings.values())

    @property
    def variants(self) -> list[str]:
        """Spellings of its name words other than the most used one of each word."""
        return [text for counts in self.words.values()
                for text, _ in counts.most_common()[1:]]

    def add(self, words: list[tuple[int, str]], article: str) -> None:
        """Count one mention: its name words, each with its cluster."""
        self.spellings.setdefault(" ".join(text for _, text in words), Counter())[article] += 1
        for cluster, text in words:
            self.words.setdefault(cluster, Counter())[text] += 1


def entities(mentions: list[tuple[str, list[Mention]]], corpus: CorpusClusters,
             qualifiers: Iterable[str]) -> list[Entity]:
    """The entities of some articles' mentions (pairs of article name and its mentions),
    most mentioned first."""
    cluster_of = {}
    for index, group in enumerate(corpus.clusters):
        for spelling in group.spellings:
            for token in spelling.tokens:
                cluster_of[(corpus.article_of[id(spelling)], token.start)] = index
    signed = []
    for article_index, (article, found) in enumerate(mentions):
        for mention in found:
            words = [(cluster_of[(article_index, t.start)], t.text) for t in mention.tokens
                     if not t.common and (article_index, t.start) in cluster_of]
            if words:
                signed.append((tuple(c for c, _ in words), words, article))
    owners = _owners(signed, frozenset(qualifiers))
    table: dict[tuple[int, ...], Entity] = {}
    for signature, words, article in signed:
        table.setdefault(owners.get(signature, signature), Entity()).add(words, article)
    return sorted(table.values(), key=lambda e: (-e.total, e.name))


def _owners(signed: list[tuple[tuple[int, ...], list[tuple[int, str]], str]],
            qualifiers: frozenset[str]) -> dict[tuple[int, ...], tuple[int, ...]]:
    """The multi-word signature each one-word signature joins, where exactly one can."""
    signatures = {s for s, _, _ in signed}
    qualified = {s for s, words, _ in signed if len(s) > 1 and words[0][1] in qualifiers}
    ending: dict[int, list[tuple[int, ...]]] = {}
    for signature in signatures:
        if len(signature) > 1 and signature not in qualified:
            ending.setdefault(signature[-1], []).append(signature)
    return {(last,): candidates[0] for last, candidates in ending.items()
            if len(candidates) == 1 and (last,) in signatures}
