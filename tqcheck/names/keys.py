"""Comparison keys of a name token: folded, transliteration-folded and phonetic."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from tqcheck.lazyregex import LazyPattern

_JOINERS = re.compile(r"[-'’\s]")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1+")
_PHONETIC_CLASSES = str.maketrans({"c": "k", "q": "k", "g": "k", "j": "k", "x": "k", "z": "s",
                                   "v": "f", "w": "f", "p": "b", "d": "t"})


def fold(text: str) -> str:
    """Case and diacritics folded, hyphens and apostrophes removed: `Alexeï` -> `alexei`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _JOINERS.sub("", bare)


class Replacer:
    """Simultaneous, longest-first string replacements, plus replacements of word endings."""

    def __init__(self, replace: Mapping[str, str], endings: Mapping[str, str] | None = None
                 ) -> None:
        self.replace = dict(replace)
        self.endings = dict(endings or {})
        self._ends = tuple(self.endings)
        self._inner = _alternation(self.replace)
        self._final = LazyPattern(f"(?:{_alternation_body(self.endings)})$") if self.endings \
            else None

    def __call__(self, text: str) -> str:
        """Apply the endings first (they see the source spelling), then the replacements."""
        if self._final is not None and text.endswith(self._ends):
            text = self._final.sub(lambda m: self.endings[m.group()], text, count=1)
        if self._inner is None:
            return text
        return self._inner.sub(lambda m: self.replace[m.group()], text)


def _alternation_body(strings: Iterable[str]) -> str:
    """Regex alternation of literal strings, longest first."""
    return "|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s)))


def _alternation(strings: Mapping[str, str]) -> re.Pattern[str] | None:
    """Compiled alternation, or None for no strings."""
    return LazyPattern(_alternation_body(strings)) if strings else None


class KeyMaker:
    """Makes (and remembers) the keys of spellings.

    `skeleton` normalises spellings the target language writes more than one way
    (y/i, doubled consonants); each of `tables` turns one source language's
    transliteration into the target's before the skeleton is taken.
    """

    def __init__(self, skeleton: Replacer, tables: tuple[Replacer, ...] = ()) -> None:
        self.skeleton = skeleton
        self.tables = tables
        self._skeletons: dict[str, str] = {}
        self._keys: dict[str, frozenset[str]] = {}
        self._sounds: dict[str, str] = {}

    def sound_of(self, text: str) -> str:
        """The phonetic key of a spelling's skeleton."""
        found = self._sounds.get(text)
        if found is None:
            found = self._sounds[text] = phonetic(self.skeleton_of(text))
        return found

    def skeleton_of(self, text: str) -> str:
        """The target-language skeleton of a spelling (case, diacritics, doubled consonants)."""
        found = self._skeletons.get(text)
        if found is None:
            found = self._skeletons[text] = _DOUBLED.sub(r"\1", self.skeleton(fold(text)))
        return found

    def keys(self, text: str) -> frozenset[str]:
        """The skeleton of the spelling as written and as read through each table (a table
        that changes nothing adds nothing: case folding twice folds as once, so the folded
        spelling's skeleton is the spelling's)."""
        found = self._keys.get(text)
        if found is None:
            lowered = text.casefold()
            read = {table(lowered) for table in self.tables} - {lowered}
            found = frozenset({self.skeleton_of(text), *map(self.skeleton_of, read)})
            self._keys[text] = found
        return found


def phonetic(skeleton: str) -> str:
    """A coarse sound key: first letter, then consonant classes without vowels or repeats."""
    if not skeleton:
        return ""
    rest = skeleton[1:].replace("h", "").translate(_PHONETIC_CLASSES)
    consonants = re.sub(r"[aeiouy]", "", rest)
    return skeleton[0] + re.sub(r"(.)\1+", r"\1", consonants)
