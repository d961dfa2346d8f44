"""Name mentions in a text: runs of capitalised words with their particles.

A mention is a run of capitalised words (with lower-case particles such as `bin` or
`von` between them) on one line, possessives stripped, titles (`President`) cut off.
Words that are not names are kept out or marked: all-caps words are skipped, words the
text also writes in lower case (and compounds of them) are marked common, and words of
Title-Case headline lines and sentence-initial words the text never capitalises
elsewhere are marked weak; and, where every noun is capitalised, single words outside a
multi-word run are skipped.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from tqcheck.documents import newline_starts, occurrences
from tqcheck.lazyregex import LazyPattern


def _letter_class(test: Callable[[str], bool]) -> str:
    """A regex character class of the letters (below U+2000) that pass the test (`str.isupper`,
    `str.islower`: cased letters, none of them special in a class, so none escaped)."""
    return "[" + "".join(filter(test, map(chr, range(0x2000)))) + "]"


_UPPER, _LOWER_CASE = _letter_class(str.isupper), _letter_class(str.islower)
# The words of `_capitalised()` without a prefix; starting with a capital (its context looked
# behind afterwards) lets `re` skip quickly to the next capital. A prefixed word has a hyphen
# between a lower-case letter and a capital, which `_PREFIXED` finds quickly.
_UNPREFIXED = re.compile(rf"{_UPPER}(?<![\w'’-].)[^\W\d_]*(?:[-'’][^\W\d_]+)*")
_PREFIXED = re.compile(rf"-(?<={_LOWER_CASE}-){_UPPER}")
# the lower-case letters that case folding changes (ß, ſ ...)
_FOLDS_OTHERWISE = re.compile(f"[{''.join(c for c in _LOWER_CASE[1:-1] if c.casefold() != c)}]")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ABBREVIATION = re.compile(r"([^\W\d_]+)\.\s*$")
_POSSESSIVE = ("'s", "’s")
_SENTENCE_END = set(".!?:…•|*–—-\n\r")
_OPENERS = set(" \t\u00a0\"“‘'«„‚([")
_SPACE = "[ \\t\\u00a0]+"


@cache
def _capitalised() -> re.Pattern[str]:
    """Capitalised words, with a lower-case prefix or not (compiled when first needed: only
    texts with a prefixed word need it, and its classes take a while to compile)."""
    return re.compile(
        rf"(?<![\w'’-])(?:{_LOWER_CASE}+-)?{_UPPER}[^\W\d_]*(?:[-'’][^\W\d_]+)*")


class Token(NamedTuple):
    """One word of a mention: its span, its spelling, whether it is a common word (the text
    also writes it in lower case), and whether it is weak: capitalised only because it
    starts a sentence or stands in a headline, as far as the text shows."""

    start: int
    end: int
    text: str
    common: bool = False
    weak: bool = False


@dataclass(frozen=True)
class Mention:
    """A name as written once: its words, in order."""

    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        """The words of the mention joined by single spaces."""
        return " ".join(t.text for t in self.tokens)


@dataclass(frozen=True)
class MentionRules:
    """What counts as a name in one target language (read from the rule's YAML)."""

    titles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()
    capitalised_nouns: bool = False
    headline_share: float = 0.8
    headline_length: int = 160
    gap: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = "|".join(re.escape(p) for p in sorted(self.particles, key=len, reverse=True))
        particles = f"(?:(?:{names}){_SPACE}){{0,2}}" if names else ""
        object.__setattr__(self, "gap", LazyPattern(f"{_SPACE}{particles}"))


@dataclass(slots=True)
class _Word:
    """A capitalised word of the text while mentions are being built."""

    start: int
    end: int
    text: str
    initial: bool
    line: int


def word_candidates(text: str, rules: MentionRules) -> set[str]:
    """Every spelling a name word (not a common word) of the text's mentions may have, and
    more: its capitalised words and the particles not written in lower case, but no titles
    (mentions never keep them).

    Cheaper than `find_mentions`, which looks at every word in its context. Lower-case
    particles, and capitalised words with a lower-case prefix (`pro-Kremlin`), come out
    common words, as the text writes them (or the prefix) in lower case; unless case folding
    changes them (`ß`): only texts with such a prefix need the slower `_capitalised()`.
    """
    prefixed = _PREFIXED.search(text) and _FOLDS_OTHERWISE.search(text)
    found = set((_capitalised() if prefixed else _UNPREFIXED).findall(text))
    words = {word for word in map(_name_word, found) if word is not None}
    return (words | {p for p in rules.particles if p != p.casefold()}) - rules.titles


RECENT = 8  # texts whose mentions are remembered
_recent: dict[tuple[str, MentionRules], tuple[Mention, ...]] = {}
_recent_lock = threading.Lock()


def find_mentions(text: str, rules: MentionRules) -> list[Mention]:
    """The name mentions of a text, in order of appearance (the last few texts' mentions are
    remembered: the per-article and the cross-article checks both ask for them)."""
    found = remembered_mentions(text, rules)
    if found is None:
        mentions = _mentions(text, rules)
        with _recent_lock:
            if len(_recent) >= RECENT:
                del _recent[next(iter(_recent))]
            _recent[(text, rules)] = mentions
        found = list(mentions)
    return found


def remembered_mentions(text: str, rules: MentionRules) -> list[Mention] | None:
    """The mentions of a text if they were found lately, else None."""
    with _recent_lock:
        found = _recent.get((text, rules))
    return None if found is None else list(found)


def mentions_of(text: str, rules: MentionRules, words: Collection[str]) -> list[Mention]:
    """The mentions of a text that hold any of the words, as `find_mentions` finds them
    (not remembered, as they are not all the text's mentions).

    Only the lines that write the words are looked at: a mention never crosses a line, and
    what makes a word's token (whether it is a common word, weak, or kept on its own)
    depends on the whole text, its own line, or the word's other occurrences.
    """
    return list(_mentions(text, rules, words))


def _mentions(text: str, rules: MentionRules,
              only: Collection[str] | None = None) -> tuple[Mention, ...]:
    """The name mentions of a text, in order of appearance; if `only` is given, those that
    hold one of its words."""
    line_starts = newline_starts(text)
    spans = [(0, len(text))] if only is None else _lines_writing(text, only, line_starts)
    words = list(_capitalised_words(text, rules.titles, line_starts, spans))
    headlines = _headline_lines(text, words, line_starts, rules)
    common = CommonWords(text)
    inside = {w.text for w in words if not w.initial}
    runs = [_trim(run, rules) for run in _runs(words, text, rules.gap)]
    if rules.capitalised_nouns:  # a single word counts only as part of a longer mention
        in_runs = {w.text for run in runs if len(run) > 1 and common.any_name(run)
                   for w in run}
        runs = [run for run in runs if len(run) > 1 or (run and run[0].text in in_runs)]
    if only is not None:
        runs = [run for run in runs if any(w.text in only for w in run)]
    return tuple(
        Mention(tuple(_token(w, common, inside if len(run) == 1 else None, headlines)
                      for w in run))
        for run in runs if common.any_name(run))


class CommonWords(dict[str, bool]):
    """Which capitalised words of a text are common words (looked up lazily, once a word):
    the text also writes the word in lower case, as a whole word, or a later part of four
    letters or more of a compound (`China-style`)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.lower: dict[str, bool] = {}

    def __missing__(self, word: str) -> bool:
        parts = word.casefold().split("-")
        found = self[word] = self._in_lower_case(parts[0]) or any(
            len(part) > 3 and self._in_lower_case(part) for part in parts[1:])
        return found

    def any_name(self, words: list[_Word]) -> bool:
        """Whether any of the words is not a common word."""
        return not all(self[w.text] for w in words)

    def _in_lower_case(self, word: str) -> bool:
        """Whether the lower-case word stands alone somewhere in the text (remembered)."""
        found = self.lower.get(word)
        if found is None:
            found = self.lower[word] = self._occurs(word)
        return found

    def _occurs(self, word: str) -> bool:
        """Whether the lower-case word stands alone somewhere in the text."""
        text = self.text
        for index in occurrences(text, word):
            end = index + len(word)
            before = text[index - 1] if index else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "-'’" or after.isalpha()):
                return True
        return False


def _token(word: _Word, common: CommonWords, inside: set[str] | None,
           headlines: set[int]) -> Token:
    """The token of a word of a run (particles, being lower case, come out common).

    A sentence's first word is weak when it is a mention on its own (`inside` given) that
    the text never capitalises elsewhere; words of headlines are always weak.
    """
    weak = (inside is not None and word.initial and word.text not in inside) \
        or word.line in headlines
    return Token(word.start, word.end, word.text, common[word.text], weak)


def _lines_writing(text: str, words: Iterable[str],
                   line_starts: list[int]) -> list[tuple[int, int]]:
    """The spans of the lines, in order, where any of the words is written (even as part of
    a longer word)."""
    found = {bisect.bisect_right(line_starts, index) - 1
             for word in words for index in occurrences(text, word)}
    line_ends = [*line_starts[1:], len(text)]
    return [(line_starts[line], line_ends[line]) for line in sorted(found)]


def _capitalised_words(text: str, abbreviations: frozenset[str], line_starts: list[int],
                       spans: Iterable[tuple[int, int]]) -> Iterator[_Word]:
    """Capitalised words (not all capitals) within the spans of the text, possessive
    stripped, with their position.

    A full stop after one of the abbreviations (`Mr.`) does not end a sentence.
    """
    pattern = _capitalised() if _PREFIXED.search(text) else _UNPREFIXED
    for begin, end in spans:
        for match in pattern.finditer(text, begin, end):
            word = _name_word(match.group())
            if word is None:
                continue
            start = match.start()
            initial = _sentence_initial(text, start) and not _after_abbreviation(
                text, start, abbreviations)
            yield _Word(start, start + len(word), word, initial,
                        bisect.bisect_right(line_starts, start) - 1)


def _name_word(word: str) -> str | None:
    """A capitalised word as a name word: without its possessive; None for a word in
    capitals or a single letter."""
    if word.isupper() or len(word) == 1:
        return None
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _sentence_initial(text: str, start: int) -> bool:
    """Whether a word starts a sentence, a line or a list item."""
    index = start - 1
    while index >= 0 and text[index] in _OPENERS:
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _after_abbreviation(text: str, start: int, abbreviations: frozenset[str]) -> bool:
    """Whether the word follows an abbreviation and its full stop (`Mr. Putin`)."""
    match = _ABBREVIATION.search(text[max(0, start - 12):start])
    return match is not None and match.group(1) in abbreviations


def _headline_lines(text: str, words: list[_Word], line_starts: list[int],
                    rules: MentionRules) -> set[int]:
    """Short lines written in Title Case or capitals (headlines), where capitals say nothing."""
    candidates: dict[int, int] = {}
    for word in words:
        candidates[word.line] = candidates.get(word.line, 0) + 1
    headlines = set()
    for line, count in candidates.items():
        if count < 3:
            continue
        end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
        if end - line_starts[line] > rules.headline_length:
            continue
        line_words = [w for w in _WORD.findall(text, line_starts[line], end) if len(w) > 1]
        upper = sum(w[0].isupper() for w in line_words)
        if len(line_words) >= 4 and upper >= rules.headline_share * len(line_words):
            headlines.add(line)
    return headlines


def _runs(words: list[_Word], text: str, gap: re.Pattern[str]) -> Iterator[list[_Word]]:
    """Maximal runs of capitalised words joined by spaces (and particles) on one line."""
    run: list[_Word] = []
    fullmatch = gap.fullmatch
    for word in words:
        if run and fullmatch(text, run[-1].end, word.start):
            for particle in _WORD.finditer(text, run[-1].end, word.start):
                run.append(_Word(particle.start(), particle.end(), particle.group(), False,
                                 word.line))
            run.append(word)
            continue
        if run:
            yield run
        run = [word]
    if run:
        yield run


def _trim(run: list[_Word], rules: MentionRules) -> list[_Word]:
    """The run without titles and what precedes them, and without a leading common word."""
    cut = 0
    for index, word in enumerate(run, 1):
        if word.text in rules.titles:
            cut = index
    run = run[cut:]
    while run and run[0].text in rules.common_words:
        run = run[1:]
    return run
