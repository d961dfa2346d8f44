"""One name across the articles of a run, with little memory per article.

Each article keeps only its name words, packed into bytes (`pack`). The run's spellings are
then linked by shared keys over the distinct spellings, not over every article's copy, and
the articles are read three times from their packed words: to link the spellings, to count
which spelling each article uses, and to report those that spell a name otherwise than the
run does (`divergences`). Memory grows with the number of distinct spellings, and by a few
hundred bytes per article.
"""

from __future__ import annotations

import marshal
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from tqcheck.names.canonical import unconventional
from tqcheck.names.keys import KeyMaker
from tqcheck.names.mentions import Mention

Word = tuple[str, bool, tuple[int, ...]]
"""A name word of one article: its spelling, whether every occurrence is weak (capitalised
perhaps only because a sentence starts there), and the spans of its occurrences, flattened
(start, end, start, end ...)."""


def pack(mentions: Iterable[Mention]) -> bytes:
    """The name words of the mentions (common words left out), first seen first, packed."""
    found: dict[str, tuple[list[bool], list[int]]] = {}
    for mention in mentions:
        for token in mention.tokens:
            if not token.common:
                weak, spans = found.setdefault(token.text, ([True], []))
                weak[0] = weak[0] and token.weak
                spans += (token.start, token.end)
    return marshal.dumps(tuple((text, weak[0], tuple(spans))
                               for text, (weak, spans) in found.items()))


def unpack(packed: bytes) -> tuple[Word, ...]:
    """The name words of one article, as `pack` stored them."""
    return marshal.loads(packed)  # noqa: S302 - bytes this run packed itself


@dataclass(frozen=True)
class Divergence:
    """An article that spells a name one way where the run's other articles agree on another:
    the spelling, the spans where the article writes it, and the run's spelling."""

    article: int
    text: str
    spans: tuple[int, ...]
    canonical: str
    agreeing: int


class _Names:
    """The distinct spellings of a run, linked into names by shared keys (union-find)."""

    def __init__(self, keys: KeyMaker) -> None:
        self.keys = keys
        self.index: dict[str, int] = {}
        self.parent: list[int] = []
        self.strong: list[bool] = []  # written at least once not weak
        self._by_key: dict[str, int] = {}

    def add(self, text: str, weak: bool) -> None:
        """Note one article's spelling."""
        number = self.index.get(text)
        if number is None:
            number = self.index[text] = len(self.parent)
            self.parent.append(number)
            self.strong.append(False)
            for key in self.keys.keys(text):
                self.parent[self.root(number)] = self.root(self._by_key.setdefault(key, number))
        self.strong[number] = self.strong[number] or not weak

    def root(self, number: int) -> int:
        """The name a spelling belongs to (its root spelling's number)."""
        while self.parent[number] != number:
            self.parent[number] = self.parent[self.parent[number]]
            number = self.parent[number]
        return number

    def strong_keys(self) -> dict[int, frozenset[str]]:
        """Per name, the keys of its spellings that are written at least once not weak."""
        found: dict[int, set[str]] = {}
        for text, number in self.index.items():
            if self.strong[number]:
                found.setdefault(self.root(number), set()).update(self.keys.keys(text))
        return {root: frozenset(keys) for root, keys in found.items()}


def _uniform(words: tuple[Word, ...], names: _Names,
             strong: Mapping[int, frozenset[str]]) -> dict[int, Word]:
    """Per name, the article's spelling of it when the article uses exactly one (weak
    spellings count only when they share a key with a strong spelling of the name)."""
    by_name: dict[int, list[Word]] = {}
    for word in words:
        text, weak, _ = word
        name = names.root(names.index[text])
        if not weak or names.keys.keys(text) & strong.get(name, frozenset()):
            by_name.setdefault(name, []).append(word)
    return {name: found[0] for name, found in by_name.items() if len(found) == 1}


def divergences(articles: list[bytes], keys: KeyMaker, house: Mapping[str, str],
                patterns: tuple[re.Pattern[str], ...], majority: float) -> Iterator[Divergence]:
    """Articles (their packed words, in run order) consistent inside but not with the run.

    A name some article writes in its house-list spelling is left to the per-article check.
    The run's spelling fits the target language, else is the spelling of at least
    `majority` times as many articles as the next; otherwise nothing is said.
    """
    names = _Names(keys)
    for packed in articles:
        for text, weak, _ in unpack(packed):
            names.add(text, weak)
    strong = names.strong_keys()
    used: dict[int, Counter[str]] = {}
    housed: set[int] = set()
    for packed in articles:
        words = unpack(packed)
        for text, weak, _ in words:
            name = names.root(names.index[text])
            if text in house and (not weak or keys.keys(text) & strong.get(name, frozenset())):
                housed.add(name)
        for name, (text, _, _) in _uniform(words, names, strong).items():
            used.setdefault(name, Counter())[text] += 1
    canonical = {name: spelling for name, counts in used.items()
                 if name not in housed and len(counts) > 1
                 and (spelling := run_spelling(counts, patterns, majority)) is not None}
    for number, packed in enumerate(articles):
        for name, (text, _, spans) in _uniform(unpack(packed), names, strong).items():
            chosen = canonical.get(name)
            if chosen is not None and text != chosen:
                yield Divergence(number, text, spans, chosen, used[name][chosen])


def run_spelling(used: Counter[str], patterns: tuple[re.Pattern[str], ...],
                 majority: float) -> str | None:
    """The spelling the run should use, or None when nothing decides."""
    scores = {text: unconventional(text, patterns) for text in used}
    fewest = min(scores.values())
    fitting = [text for text in used if scores[text] == fewest]
    if len(fitting) == 1:
        return fitting[0]
    ranked = sorted(fitting, key=lambda text: -used[text])
    return ranked[0] if used[ranked[0]] >= majority * used[ranked[1]] else None
