"""A locale's attributions of speech, from its word lists: the residue expression (compiled
when first needed) and the attribution ending a sentence (`…, said Mr. Smith.`), matched
word by word with set lookups instead of one large expression."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from tqcheck.punctuation.conventions import Locale
from tqcheck.punctuation.marks import SPACES

LETTER = r"[^\W\d_]"
SPACE = f"[{SPACES}]"
SPACE_RUN = re.compile(f"{SPACE}+")
WORD_SPAN = re.compile(f"[^{SPACES}]+")
NAME_WORD = re.compile(rf"[A-Z]{LETTER}*(?:['’-]{LETTER}+)*")
MAX_NAME_WORDS = 4
FINAL_MARKS = ".!?"


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of literal words, longest first (never matches when empty)."""
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"


def word_count(phrase: str) -> int:
    """How many words a listed phrase has (`Prime Minister`: 2)."""
    return len(SPACE_RUN.split(phrase))


class LocalePatterns:
    """How one locale attributes speech: `, <verb> <name>` or `, <name> <verb>` ending a
    sentence, where a name is an optional title and one to four capitalised words, and
    verbs (any case) and titles are phrases of the locale's lists."""

    def __init__(self, locale: Locale) -> None:
        self.verbs = locale.speech_verbs
        self.titles = locale.titles
        self.longest = (max(map(word_count, self.titles), default=0) + MAX_NAME_WORDS
                        + max(map(word_count, self.verbs), default=1))
        self.verb_heads = frozenset(SPACE_RUN.split(verb)[0] for verb in self.verbs)
        # what every attribution holds: a comma, then at most `longest` words (a name's
        # capital A-Z among them) and a final mark, ending the sentence ([.!?] and a space,
        # or the end of the line). The lookaheads skip at once a comma followed by another
        # before any [.!?], line end or capital; possessive, so each other comma costs one
        # try per word count
        words = rf"(?:[^\s,]++{SPACE}++){{0,{self.longest}}}[^\s,]++"
        self.tail = re.compile(rf",(?=[^,\r\n.!?]*+(?!,))(?=[^,\r\nA-Z]*+[A-Z]){SPACE}++"
                               rf"(?P<words>{words})"
                               r"(?:(?<=[.!?])(?=\s)|[^\S\r\n]*+(?:[\r\n]|$))")

    @cached_property
    def residue(self) -> re.Pattern[str]:
        """`security., writes`: a stop and comma before a speech verb, two words at most away."""
        return re.compile(
            rf"(?<!{LETTER})(?P<word>{LETTER}+)[.!?],{SPACE}+(?:{LETTER}+{SPACE}+){{0,2}}?"
            rf"{alternation(self.verbs)}\b", re.IGNORECASE)

    def attributions(self, text: str) -> Iterator[int]:
        """Offsets of the commas where an attribution may start that ends a sentence of the
        text: the short clause after the comma ends the sentence, has a capital and a word
        that may start a verb (the comma and the clause lie on one line)."""
        for match in self.tail.finditer(text):
            words = match.group("words")
            lowered = words.lower()
            unmarked = lowered.replace(".", " ").replace("!", " ").replace("?", " ")
            if lowered != words and not self.verb_heads.isdisjoint(unmarked.split()):
                yield match.start()

    def attribution(self, sentence: str) -> int | None:
        """Offset of the comma that starts the attribution ending the sentence, if one does."""
        comma = sentence.rfind(",")
        after = sentence[comma + 1:comma + 2]
        if comma < 0 or not after or after not in SPACES:
            return None
        core = sentence[comma + 1:]
        if core[-1] in FINAL_MARKS:
            core = core[:-1]
        core = core.strip(SPACES)
        spans = [m.span() for m in WORD_SPAN.finditer(core)]
        if len(spans) > self.longest:
            return None
        for split in range(1, len(spans)):
            head, rest = core[:spans[split - 1][1]], core[spans[split][0]:]
            if (head.lower() in self.verbs and self._is_name(core, spans[split:])) \
                    or (rest.lower() in self.verbs and self._is_name(core, spans[:split])):
                return comma
        return None

    def _is_name(self, core: str, spans: list[tuple[int, int]]) -> bool:
        """Whether the words at spans are a name: an optional title, then capitalised words."""
        return self._name_words(core, spans) or any(
            core[spans[0][0]:spans[split - 1][1]] in self.titles
            and self._name_words(core, spans[split:]) for split in range(1, len(spans)))

    @staticmethod
    def _name_words(core: str, spans: list[tuple[int, int]]) -> bool:
        """Whether the words at spans are one to four capitalised words."""
        return 0 < len(spans) <= MAX_NAME_WORDS \
            and all(NAME_WORD.fullmatch(core, start, end) for start, end in spans)
