"""Per-language evidence for short spans: function words and character-trigram profiles.

The data lives in `rules/languages/<lang>.yaml` (hand-written: script, function words) and
`<lang>.trigrams.yaml` (derived from langdetect's profiles: one `trigram log-probability`
pair a line, a space written `_`). The rules that use it read it when they are loaded, so
it is kept in the rule cache with them; files of the same content are parsed once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path

from tqcheck.errors import TqcheckError
from tqcheck.yamlfile import YamlError, list_folder, parse_yaml, read_text

UNSEEN_PENALTY = 1.0  # an unseen trigram is this much (natural log) rarer than the rarest seen
MEMO_SIZE = 50_000  # words a memo remembers before it starts afresh (scores: ~500 bytes a word)


class EvidenceError(TqcheckError):
    """A language evidence file is missing or malformed."""


@dataclass(frozen=True)
class Language:
    """What tells one language's words apart (function words, trigram profile), and the
    words it writes small numbers with."""

    code: str
    name: str
    script: str
    capitalizes_nouns: bool
    function_words: frozenset[str]
    trigrams: dict[str, float]
    unseen: float
    number_words: dict[str, float]


def trigrams_of(word: str) -> list[str]:
    """The character trigrams of a word padded with a space on either side (each character
    with the next two)."""
    padded = f" {word} "
    return [padded[at:at + 3] for at in range(len(word))]


def load_language(folder: Path, code: str) -> Language:
    """Read one language's evidence from a folder."""
    return _parsed_language(str(folder.resolve()), code, _read_text(folder / f"{code}.yaml"),
                            _read_text(folder / f"{code}.trigrams.yaml"))


def languages_in(folder: Path) -> dict[str, Language]:
    """Every language with evidence in a folder, by code."""
    codes = sorted(p.name.removesuffix(".trigrams.yaml") for p in list_folder(folder)
                   if p.name.endswith(".trigrams.yaml"))
    return {code: load_language(folder, code) for code in codes}


def _read_text(path: Path) -> str:
    """A language evidence file's text."""
    try:
        return read_text(path, str(path))
    except YamlError as error:
        raise EvidenceError(f"cannot read language evidence: {error}") from None


@lru_cache(maxsize=64)
def _parsed_language(folder: str, code: str, info_text: str, trigrams_text: str) -> Language:
    """A language's evidence from the texts of its two files (one object for equal texts)."""
    info = _parsed(info_text, f"{folder}/{code}.yaml")
    table = str(_parsed(trigrams_text, f"{folder}/{code}.trigrams.yaml").get("trigrams", ""))
    trigrams = {gram.replace("_", " "): float(value)
                for gram, value in (line.split() for line in table.splitlines() if line.strip())}
    if not trigrams:
        raise EvidenceError(f"{folder}/{code}.trigrams.yaml: no trigrams")
    words = info.get("function_words", "")
    words = words.split() if isinstance(words, str) else list(words)
    return Language(code=code, name=str(info.get("name", code)),
                    script=str(info.get("script", "Latin")),
                    capitalizes_nouns=bool(info.get("capitalizes_nouns", False)),
                    function_words=frozenset(w.lower().replace("’", "'") for w in words),
                    trigrams=trigrams, unseen=min(trigrams.values()) - UNSEEN_PENALTY,
                    number_words={str(k).lower(): float(v)
                                  for k, v in (info.get("number_words") or {}).items()})


def _parsed(text: str, shown: str) -> dict:
    """The YAML mapping of a language evidence file's text."""
    try:
        data = parse_yaml(text, shown)
    except YamlError as error:
        raise EvidenceError(f"cannot read language evidence: {error}") from None
    if not isinstance(data, dict):
        raise EvidenceError(f"{shown}: language evidence must be a mapping")
    return data


class WordScores:
    """Each word's log-probability under every language of a set (the sum, over the word's
    trigrams, of each profile's log-probability, `unseen` for a trigram it lacks), worked out
    once a word, with one look-up a trigram for all the languages."""

    def __init__(self, languages: Iterable[Language]) -> None:
        chosen = tuple(languages)
        self.codes = tuple(lang.code for lang in chosen)
        self._unseen = tuple(lang.unseen for lang in chosen)
        grams = list(set().union(*(lang.trigrams for lang in chosen)))
        columns = [map(lang.trigrams.get, grams, repeat(lang.unseen)) for lang in chosen]
        self._rows = dict(zip(grams, zip(*columns, strict=True), strict=True))
        self._memo: dict[str, dict[str, float]] = {}

    def __call__(self, word: str) -> dict[str, float]:
        """The (lower-case) word's log-probability by language code."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            rows = list(map(self._rows.get, trigrams_of(word), repeat(self._unseen)))
            sums = map(sum, zip(*rows, strict=True)) if rows else repeat(0)
            found = self._memo[word] = dict(zip(self.codes, sums, strict=False))
        return found


class SourceEstimator:
    """Estimates which of the candidates the non-target words of texts come from.

    Each distinct word (in lower case) that is not a target function word votes for every
    candidate it is a function word of; any other word votes for the candidate whose profile
    likes it best, if that candidate likes it `min_lean` (natural log) better than the target
    does. The winner needs `min_votes` votes and more than any other candidate. A word's vote
    is worked out once a spelling (with its lower case).
    """

    def __init__(self, target: Language, candidates: list[Language], scores: WordScores,
                 min_votes: int = 2, min_lean: float = 2.0) -> None:
        self.target = target
        self.candidates = candidates
        self._codes = tuple(lang.code for lang in candidates)
        self.scores = scores
        self.min_votes = min_votes
        self.min_lean = min_lean
        self._owners: dict[str, tuple[str, ...]] = {}
        for lang in candidates:
            for word in lang.function_words:
                self._owners[word] = (*self._owners.get(word, ()), lang.code)
        self._votes: dict[str, tuple[str, tuple[str, ...]]] = {}

    def vote(self, word: str) -> tuple[str, ...]:
        """The codes of the candidates a (non-target function) word votes for."""
        owners = self._owners.get(word)
        if owners:
            return owners
        scores = self.scores(word)
        best = max(self._codes, key=scores.__getitem__)
        return (best,) if scores[best] - scores[self.target.code] >= self.min_lean else ()

    def estimate(self, words: Iterable[str]) -> Language | None:
        """The language the non-target words (as written) come from, or None without enough
        evidence."""
        if not self.candidates:
            return None
        distinct = set(words)
        votes = self._votes
        if len(votes) >= MEMO_SIZE:
            votes.clear()
        for word in distinct.difference(votes):
            key = word.lower()
            votes[word] = key, (() if key in self.target.function_words else self.vote(key))
        voters = dict(filter(itemgetter(1), map(votes.__getitem__, distinct)))  # by lower case
        counts = Counter(chain.from_iterable(voters.values()))
        ranked = sorted(self.candidates, key=lambda lang: -counts[lang.code])
        if counts[ranked[0].code] < self.min_votes:
            return None
        if len(ranked) > 1 and counts[ranked[1].code] == counts[ranked[0].code]:
            return None
        return ranked[0]

