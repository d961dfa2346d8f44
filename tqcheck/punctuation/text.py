"""Paragraphs and sentences of a text, with their offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

SENTENCE_END = re.compile(r"[.!?…]+[\"”’»«“]?(?=\s+[\"“„«»‘'(]?[^\W\d_])")
LOOKBACK = 40
WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
WORDS = re.compile(r"[^\W\d_]+")


class Paragraph(NamedTuple):
    """One paragraph (a line) of a text: its offset in the text and its content."""

    start: int
    text: str


class WordCounts:
    """How often each word (a run of letters) occurs in a text, counted when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: Counter[str] | None = None

    def __getitem__(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(WORDS.findall(self.text))
        return self._counts[word]

    def repeated(self, word: str) -> bool:
        """Whether the word occurs more than once (words are counted only for one that
        occurs more than once as a substring, a quick test that it may)."""
        return self.text.count(word) > 1 and self[word] > 1


def paragraphs(text: str) -> list[Paragraph]:
    """The non-blank lines of a text (a line ends at CR, LF or both)."""
    found = []
    start = 0
    for line in text.replace("\r", "\n").split("\n"):  # one character for one: same offsets
        if line and not line.isspace():
            found.append(Paragraph(start, line))
        start += len(line) + 1
    return found


def by_paragraph(offsets: Iterable[int], starts: list[int]) -> dict[int, list[int]]:
    """Offsets in a text of non-blank characters, grouped by the index of the paragraph that
    holds each (`starts`: the paragraphs' offsets) and made relative to that paragraph."""
    grouped: dict[int, list[int]] = {}
    for offset in offsets:
        index = bisect_right(starts, offset) - 1
        grouped.setdefault(index, []).append(offset - starts[index])
    return grouped


def is_abbreviation(text: str, stop: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at `stop` ends an abbreviation, an initial or a number."""
    before = text[max(0, stop - LOOKBACK):stop]
    if before and (before[-1].isdigit() or before[-1] == "."):
        return True
    match = WORD_BEFORE.search(before)
    if not match or match.end() != len(before):
        return False
    word = match.group(1)
    preceding = before[:match.start()]
    return (len(word) == 1 or word.lower() in abbreviations
            or (preceding.endswith(".") and len(word) <= 2))


def sentences(paragraph: Paragraph, abbreviations: frozenset[str]) -> Iterator[tuple[int, int]]:
    """(start, end) offsets within the paragraph of each sentence."""
    start = 0
    text = paragraph.text
    for match in SENTENCE_END.finditer(text):
        if text[match.start()] == "." and is_abbreviation(text, match.start(), abbreviations):
            continue
        yield start, match.end()
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text.rstrip()):
        yield start, len(text.rstrip())
