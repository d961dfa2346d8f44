"""Quotation marks in a paragraph: which characters open and close quotations.

Double marks (“ ” „ « » " …) are paired in order; single marks (‘ ’ ‚ ' ‹ ›) count only
as a pair around words, so apostrophes (don't, Putin’s, l’Élysée, rock ’n’ roll, the ’90s)
are never taken for quotation marks.
"""

from __future__ import annotations

from enum import Enum
from itertools import chain
from typing import NamedTuple

from tqcheck.documents import occurrences

DOUBLE_MARKS = "\"“”„‟«»"
SINGLE_MARKS = "'‘’‚‛‹›"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS
GUILLEMETS = "«»"
SPACES = " \u00a0\u202f"  # the spaces around marks and words
OPENERS_BEFORE = "([{—–-/"
CLOSERS_AFTER = ".,;:!?)]}—–-…/"
FREE_BEFORE = frozenset(OPENERS_BEFORE + ALL_MARKS)
FREE_AFTER = frozenset(CLOSERS_AFTER + ALL_MARKS)


class Side(Enum):
    """Where a mark sits relative to words: before one, after one, or neither is clear."""

    OPENING = "opening"
    CLOSING = "closing"
    UNCLEAR = "unclear"


class Mark(NamedTuple):
    """One quotation mark: its offset in the paragraph, its character and its side."""

    offset: int
    char: str
    side: Side


def offsets(text: str, marks: str) -> list[int]:
    """Where the text holds one of the marks, in order (one `str.find` per occurrence is
    quicker than a search for a class of marks, which tests every character)."""
    return sorted(chain.from_iterable(occurrences(text, mark) for mark in marks))


def side_of(text: str, index: int) -> Side:
    """Whether the mark at index opens (space before, word after) or closes (the reverse)."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    free_before = before in FREE_BEFORE or before.isspace()
    free_after = after in FREE_AFTER or after.isspace()
    if free_before and not free_after:
        return Side.OPENING
    if free_after and not free_before:
        return Side.CLOSING
    return Side.UNCLEAR


def double_marks(text: str, at: list[int]) -> list[Mark]:
    """Every double quotation mark of a paragraph, in order (`at`: their offsets, those of
    `offsets(text, DOUBLE_MARKS)`)."""
    return [Mark(index, text[index], side_of(text, index)) for index in at]


def single_pairs(text: str, elisions: frozenset[str], at: list[int]) -> list[tuple[Mark, Mark]]:
    """Single marks that enclose words: an opening mark before a letter, closed after a word
    (`at`: the offsets of the paragraph's single marks, those of `offsets(text, SINGLE_MARKS)`).

    A mark inside a word, before a digit, or before an elided word (’n’, ’em) is an
    apostrophe.
    """
    pairs, opening = [], None
    for index in at:
        char = text[index]
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
    marks = sum(1 for i in offsets(text, DOUBLE_MARKS)
                if not (text[i] == "\"" and 0 < i < len(text) - 1
                        and text[i - 1].isalnum() and text[i + 1].isalnum()))
    return (marks + 1) // 2
