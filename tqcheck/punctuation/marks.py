"""Quotation marks in a paragraph: which characters open and close quotations.

Double marks (“ ” „ « » " …) are paired in order; single marks (‘ ’ ‚ ' ‹ ›) count only
as a pair around words, so apostrophes (don't, Putin’s, l’Élysée, rock ’n’ roll, the ’90s)
are never taken for quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

DOUBLE_MARKS = "\"“”„‟«»"
SINGLE_MARKS = "'‘’‚‛‹›"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
OPENERS_BEFORE = "([{—–-/"
CLOSERS_AFTER = ".,;:!?)]}—–-…/"
DOUBLE_MARK = re.compile(f"[{DOUBLE_MARKS}]")
SINGLE_MARK = re.compile(f"[{SINGLE_MARKS}]")


class Side(Enum):
    """Where a mark sits relative to words: before one, after one, or neither is clear."""

    OPENING = "opening"
    CLOSING = "closing"
    UNCLEAR = "unclear"


@dataclass(frozen=True)
class Mark:
    """One quotation mark: its offset in the paragraph, its character and its side."""

    offset: int
    char: str
    side: Side


def side_of(text: str, index: int) -> Side:
    """Whether the mark at index opens (space before, word after) or closes (the reverse)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    free_before = before.isspace() or before in OPENERS_BEFORE or before in ALL_MARKS
    free_after = after.isspace() or after in CLOSERS_AFTER or after in ALL_MARKS
    if free_before and not free_after:
        return Side.OPENING
    if free_after and not free_before:
        return Side.CLOSING
    return Side.UNCLEAR


def double_marks(text: str) -> list[Mark]:
    """Every double quotation mark of a paragraph, in order."""
    return [Mark(m.start(), m.group(), side_of(text, m.start()))
            for m in DOUBLE_MARK.finditer(text)]


def single_pairs(text: str, elisions: frozenset[str]) -> list[tuple[Mark, Mark]]:
    """Single marks that enclose words: an opening mark before a letter, closed after a word.

    A mark inside a word, before a digit, or before an elided word (’n’, ’em) is an
    apostrophe.
    """
    pairs, opening = [], None
    for match in SINGLE_MARK.finditer(text):
        index, char = match.start(), match.group()
        side = side_of(text, index)
        if side is Side.OPENING and opening is None:
            after = text[index + 1]
            if after.isalpha() and not _elision(text, index + 1, elisions):
                opening = Mark(index, char, side)
        elif side is Side.CLOSING and opening is not None and _closes_here(text, index):
            pairs.append((opening, Mark(index, char, side)))
            opening = None
    return pairs


def _elision(text: str, start: int, elisions: frozenset[str]) -> bool:
    """Whether the word starting at start is an elided word written with an apostrophe."""
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end].lower() in elisions


def _closes_here(text: str, index: int) -> bool:
    """Whether a closing-side mark closes a quotation; after s, z or x it does only before
    punctuation or the end (otherwise it is a possessive: the players’ union)."""
    if text[index - 1] not in "sSzx":
        return True
    after = text[index + 1] if index + 1 < len(text) else ""
    return after in CLOSERS_AFTER or after == ""


def quotation_count(text: str) -> int:
    """Number of quotations in a text, two double marks each (a straight mark between two
    letters or digits, as in `2017"s`, is a mangled apostrophe, not a quotation mark)."""
    marks = sum(1 for m in DOUBLE_MARK.finditer(text)
                if not (m.group() == "\"" and 0 < m.start() < len(text) - 1
                        and text[m.start() - 1].isalnum() and text[m.start() + 1].isalnum()))
    return (marks + 1) // 2
