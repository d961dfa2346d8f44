"""Clusters of spellings that write one name: shared keys, or one sound and close letters."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from tqcheck.names.keys import KeyMaker, phonetic
from tqcheck.names.mentions import CommonWords, Mention, MentionRules, Token, word_candidates


@dataclass(frozen=True)
class Similarity:
    """When two spellings that share no key still count as one name (from the rule's YAML).

    Both need at least `min_length` letters, one sound key and a rapidfuzz ratio of at
    least `threshold`; neither may be the other plus an ending, and the two may not differ
    only by endings the language inflects with (`inflections`, e.g. German -en/-er).
    """

    threshold: float = 85.0
    min_length: int = 5
    inflections: frozenset[str] = frozenset()

    def close(self, a: str, b: str) -> bool:
        """Whether two skeletons (already of one sound) are spellings of one name."""
        if min(len(a), len(b)) < self.min_length or a.startswith(b) or b.startswith(a):
            return False
        common = 0
        while a[common] == b[common]:
            common += 1
        if a[common:] in self.inflections and b[common:] in self.inflections:
            return False
        return _ratio()(a, b) >= self.threshold

    def alike(self, a: str, b: str, keys: KeyMaker) -> bool:
        """Whether two spellings of one sound are one name; compounds of as many hyphenated
        parts (`China-style`, `Chinese-style`) are compared part by part."""
        parts_a, parts_b = a.split("-"), b.split("-")
        if len(parts_a) == len(parts_b) > 1:
            pairs = [(keys.skeleton_of(x), keys.skeleton_of(y)) for x, y in zip(parts_a, parts_b,
                                                                                strict=True)]
            return all(x == y or (phonetic(x) == phonetic(y) and self.close(x, y))
                       for x, y in pairs)
        return self.close(keys.skeleton_of(a), keys.skeleton_of(b))


@cache
def _ratio() -> Callable[[str, str], float]:
    """rapidfuzz's ratio, imported when first needed (most texts need none)."""
    from rapidfuzz.fuzz import ratio

    return ratio


@dataclass
class Spelling:
    """One spelling of a name word and where the text writes it."""

    text: str
    keys: frozenset[str]
    tokens: list[Token] = field(default_factory=list)
    followers: set[str] = field(default_factory=set)
    followed: int = 0

    @property
    def weak(self) -> bool:
        """Only ever written where a sentence starts, so perhaps not a name at all."""
        return all(token.weak for token in self.tokens)


@dataclass
class Cluster:
    """The spellings of one name word, in order of first appearance."""

    spellings: list[Spelling]

    def shares_key(self, a: str, b: str) -> bool:
        """Whether two of the cluster's spellings share a key (not only a likeness)."""
        keys = {s.text: s.keys for s in self.spellings}
        return bool(keys[a] & keys[b])


def spellings_of(mentions: Iterable[Mention], keys: KeyMaker) -> list[Spelling]:
    """The distinct name words of the mentions (common words left out), first seen first."""
    found: dict[str, Spelling] = {}
    for mention in mentions:
        names = [token for token in mention.tokens if not token.common]
        for index, token in enumerate(names):
            spelling = found.get(token.text)
            if spelling is None:
                spelling = found[token.text] = Spelling(token.text, keys.keys(token.text))
            spelling.tokens.append(token)
            if index + 1 < len(names):
                spelling.followers.add(names[index + 1].text)
                spelling.followed += 1
    return list(found.values())


def _other_people(a: Spelling, b: Spelling, keys: KeyMaker) -> bool:
    """Given names of other people: both always followed by a name, and none of the names
    after one shares a key with one after the other (Vladimir Putin, Volodymyr Zelensky)."""
    if a.followed < len(a.tokens) or b.followed < len(b.tokens):
        return False
    known = frozenset().union(*(keys.keys(text) for text in a.followers))
    return not any(known & keys.keys(text) for text in b.followers)


def linkable(texts: Iterable[str], keys: KeyMaker, similarity: Similarity) -> set[str]:
    """The distinct spellings `cluster` might link to another of them: those that share a key
    with another, or are alike another of their sound. Without two, no name is spelled two
    ways."""
    found: set[str] = set()
    by_key: dict[str, str] = {}
    by_sound: dict[str, list[str]] = {}
    for text in texts:
        for key in keys.keys(text):
            other = by_key.setdefault(key, text)
            if other != text:
                found |= {text, other}
        same_sound = by_sound.setdefault(keys.sound_of(text), [])
        alike = [other for other in same_sound if similarity.alike(text, other, keys)]
        if alike:
            found.update(alike, (text,))
        same_sound.append(text)
    return found


def words_that_may_vary(text: str, rules: MentionRules, keys: KeyMaker,
                        similarity: Similarity) -> set[str]:
    """The possible name words of a text, not common words, that could be linked to another
    of them: every spelling of a cluster of two or more is one. Quick to tell, and none for
    most texts."""
    common = CommonWords(text)
    suspects = {word for word in linkable(word_candidates(text, rules), keys, similarity)
                if not common[word]}
    return linkable(suspects, keys, similarity)


def mentions_that_may_vary(mentions: list[Mention], keys: KeyMaker,
                           similarity: Similarity) -> list[Mention]:
    """The mentions that hold a name word (not a common word) that could be linked to another
    of the mentions' name words: clustering them alone finds the same clusters of two
    spellings or more as clustering all the mentions (no other word is in one). None for
    most texts."""
    words = linkable({token.text for mention in mentions for token in mention.tokens
                      if not token.common}, keys, similarity)
    if not words:
        return []
    return [mention for mention in mentions
            if any(not token.common and token.text in words for token in mention.tokens)]


def cluster(spellings: list[Spelling], keys: KeyMaker,
            similarity: Similarity | None) -> list[Cluster]:
    """Group spellings of one name: linked by a shared key, or (unless `similarity` is None)
    by sound and likeness."""
    parent = list(range(len(spellings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    weak = [spelling.weak for spelling in spellings]
    by_key: dict[str, int] = {}
    by_sound: dict[str, list[int]] = {}
    for index, spelling in enumerate(spellings):
        for key in spelling.keys:
            parent[root(index)] = root(by_key.setdefault(key, index))
        if similarity is None:
            continue
        group = by_sound.setdefault(keys.sound_of(spelling.text), [])
        for other in group if not weak[index] else ():
            if root(other) != root(index) and not weak[other] and similarity.alike(
                    spelling.text, spellings[other].text, keys) and not _other_people(
                    spelling, spellings[other], keys):
                parent[root(index)] = root(other)
        group.append(index)
    groups: dict[int, list[int]] = {}
    for index in range(len(spellings)):
        groups.setdefault(root(index), []).append(index)
    confirmed = ([spellings[i] for i in _confirmed(members, spellings, weak)]
                 for members in groups.values())
    return [Cluster(members) for members in confirmed if members]


def _confirmed(members: list[int], spellings: list[Spelling], weak: list[bool]) -> list[int]:
    """The members (indexes) without weak spellings that share no key with a spelling known
    as a name."""
    if not any(weak[i] for i in members):
        return members
    strong = [spellings[i].keys for i in members if not weak[i]]
    return [i for i in members if not weak[i] or any(spellings[i].keys & keys for keys in strong)]
