"""Search an expression whose every match begins a line only where a line begins.

`regex` tries an expression at every position of a text, even one that can only match
after `^`: in a text of long lines most of the search is spent failing there. An
expression whose every branch begins with `^` or `\\A`, and which cannot match an empty
string, finds its matches as well by being matched at each line start (the text's start,
and each position after a line feed: the only places `^` matches in VERSION0, and with
MULTILINE only; where `^` or `\\A` matches at the start alone, the other line starts find
nothing) that no earlier match covers, in order, as `finditer` would find them.

Moreover a line start is passed over unless the line begins with one of the first
LEAD_LENGTH characters a match may begin with, as far as ASCII goes: letters of either case
count alike (so whether case is ignored or not), and a non-ASCII character in the text, which
may match an ASCII letter ignoring case (the Kelvin sign a k), counts as any character. An
`re` expression built from those beginnings finds the line starts left, in one scan (a
match tried at every line start would cost more than the search: `regex` takes a while to
start each match that has a time limit).

The expression is read as tqcheck.patternchars reads it; one the parser of `re` may read
otherwise than `regex` is searched as usual.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from re import _constants as sre

import regex

from tqcheck.patternchars import listed_codes, read_alike

_LINE_STARTS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
LEAD_LENGTH = 2  # characters of a line compared with the beginnings of matches
MAX_BEGINNINGS = 256  # more beginnings are not worth testing for
_ANY_BEGINNING = frozenset({""})
_NON_ASCII = r"[^\x00-\x7f]"  # (a negated class compiles far quicker than the range)


@dataclass(frozen=True)
class LineAnchor:
    """Where an expression's matches may begin: at the line starts where `lead` (an
    expression of `re`) matches."""

    lead: str

    def finditer(self, compiled: regex.Pattern, text: str, timeout: float) -> Iterator[regex.Match]:
        """The matches `compiled.finditer(text, timeout=timeout)` yields; TimeoutError once
        the search has run for `timeout` seconds."""
        deadline = time.monotonic() + timeout
        covered = 0  # where the last match ended
        for start in self._starts(text):
            if start < covered:
                continue
            left = max(deadline - time.monotonic(), 0.0)  # a negative timeout is none
            match = compiled.match(text, start, timeout=left)
            if match is not None:
                covered = match.end()
                yield match

    def _starts(self, text: str) -> Iterator[int]:
        """The line starts where `lead` matches, in order."""
        if _compiled(self.lead).match(text):
            yield 0
        for newline in _compiled(rf"\n(?={self.lead})").finditer(text):
            yield newline.end()


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """An expression of `re`, compiled once."""
    return re.compile(pattern)


def line_anchor(source: str, flags: int) -> LineAnchor | None:
    """For an expression of `regex` VERSION0 whose every match begins a line and is not
    empty: where its matches may begin; else None."""
    parsed = read_alike(source, flags)
    try:
        if parsed is None or parsed.getwidth()[0] < 1 or not _anchored(list(parsed)):
            return None
        beginnings = _beginnings(list(parsed))
    except RecursionError:
        return None
    return LineAnchor(_lead(_ANY_BEGINNING if beginnings is None else beginnings))


def _anchored(items: list) -> bool:
    """Whether a sequence can match only at a line start (it begins with an anchor there)."""
    if not items:
        return False
    op, value = items[0]
    if op is sre.AT:
        return value in _LINE_STARTS
    if op is sre.SUBPATTERN:
        return _anchored(list(value[-1]))
    if op is sre.BRANCH:
        return all(_anchored(list(branch)) for branch in value[1])
    return False


def _beginnings(items: list) -> frozenset[str] | None:
    """The first LEAD_LENGTH characters (lower-case ASCII) a match of a sequence may begin
    with, or all of a shorter match; None if any character may come."""
    found = frozenset({""})
    for item in items:
        if all(len(beginning) >= LEAD_LENGTH for beginning in found):
            break
        part = _part(item)
        if part is None:
            return None
        found = _followed(found, part)
        if len(found) > MAX_BEGINNINGS:
            return None
    return found


def _part(item: tuple) -> frozenset[str] | None:
    """`_beginnings` of one part of an expression."""
    op, value = item
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return frozenset({""})
    if op is sre.LITERAL:
        return _lowered([value])
    if op is sre.IN:
        return _lowered(listed_codes(value, MAX_BEGINNINGS))
    if op is sre.SUBPATTERN:
        return _beginnings(list(value[-1]))
    if op is sre.BRANCH:
        parts = [_beginnings(list(branch)) for branch in value[1]]
        return None if None in parts else frozenset().union(*parts)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, most, pattern = value
        body = _beginnings(list(pattern))
        return None if body is None else _repeated(body, least, most)
    return None


def _repeated(body: frozenset[str], least: int, most: int) -> frozenset[str] | None:
    """The beginnings of `least` to `most` repetitions of a part with these beginnings, or
    None if too many."""
    found: set[str] = set()
    times, beginnings = 0, frozenset({""})
    while True:
        if times >= least:
            found |= beginnings
        if times == most:
            return frozenset(found)
        more = _followed(beginnings, body)
        if len(more) > MAX_BEGINNINGS:
            return None
        if more == beginnings:  # so for every greater number of repetitions
            return frozenset(found | beginnings)
        times, beginnings = times + 1, more


def _followed(first: frozenset[str], then: frozenset[str]) -> frozenset[str]:
    """The beginnings of a part with beginnings `first` followed by one with `then`."""
    return frozenset((before + after)[:LEAD_LENGTH] for before in first for after in then)


def _lowered(codes: list[int] | None) -> frozenset[str] | None:
    """ASCII characters in lower case, or None if any is not ASCII."""
    if codes is None or any(code >= 0x80 for code in codes):
        return None
    return frozenset(chr(code).lower() for code in codes)


def _lead(beginnings: frozenset[str]) -> str:
    """An expression of `re` matching where a text begins with one of the beginnings, letters
    in either case, or with a non-ASCII character where one is compared."""
    if "" in beginnings:
        return ""
    rests: dict[str, set[str]] = {}
    for beginning in beginnings:
        rests.setdefault(beginning[0], set()).add(beginning[1:])
    firsts: dict[str, list[str]] = {}
    for first, rest in rests.items():
        firsts.setdefault(_lead(frozenset(rest)), []).append(first)
    branches = ["[{}]{}".format("".join(f"\\x{ord(char):02x}" for char in sorted(
        {char for first in chars for char in (first, first.upper())})), rest)
        for rest, chars in sorted(firsts.items())]
    return "(?:{})".format("|".join([*branches, _NON_ASCII]))
