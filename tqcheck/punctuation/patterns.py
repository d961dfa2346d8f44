"""Regular expressions built once per locale from its word lists."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.punctuation.conventions import Locale

LETTER = r"[^\W\d_]"
SPACE = r"[ \u00a0\u202f]"


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of literal words, longest first (never matches when empty)."""
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


@dataclass(frozen=True)
class LocalePatterns:
    """A locale's compiled expressions for attributions of speech."""

    residue: re.Pattern[str]
    attribution: re.Pattern[str]


def compile_patterns(locale: Locale) -> LocalePatterns:
    """Compile the expressions of one locale."""
    verbs = alternation(locale.speech_verbs)
    name_word = rf"[A-Z]{LETTER}*(?:['’-]{LETTER}+)*"
    title = rf"(?:{alternation(locale.titles)}{SPACE}+)?"
    name = rf"{title}{name_word}(?:{SPACE}+{name_word}){{0,3}}"
    residue = re.compile(
        rf"(?<!{LETTER})(?P<word>{LETTER}+)[.!?],{SPACE}+(?:{LETTER}+{SPACE}+){{0,2}}?"
        rf"{verbs}\b", re.IGNORECASE)
    attribution = re.compile(
        rf",{SPACE}+(?:(?i:{verbs}){SPACE}+{name}|{name}{SPACE}+(?i:{verbs}))"
        rf"{SPACE}*[.!?]?$")
    return LocalePatterns(residue=residue, attribution=attribution)
