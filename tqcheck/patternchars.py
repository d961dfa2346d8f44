"""The few characters a regular expression cannot match without, to skip texts lacking them.

An expression like `(?<![^\\W\\d_])[¿¡]` matches only in a text holding ¿ or ¡; testing for
those (a plain substring search) is much quicker than searching the expression.

The expression is read with the parser of Python's `re` (its syntax is what `regex` reads
in VERSION0 mode), and only where both read it alike: an expression `re` cannot parse, one
ignoring case or written verbose, and one using the POSIX classes or fuzzy matching of
`regex` (which `re` reads as plain characters) get no such characters. Of the expression's
parts, a literal character, a set of a few listed characters, a group, an alternation whose
branches all need some, and a repetition at least once need characters; a sequence needs
those of the part needing the fewest. Anything else (classes such as \\d, lookarounds,
anchors) needs none that can be named.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

import regex

MAX_CHARS = 8  # a set of more characters is not worth testing for
_SAME_FLAGS = {regex.MULTILINE: re.MULTILINE, regex.DOTALL: re.DOTALL}


def required_chars(source: str, flags: int) -> frozenset[str] | None:
    """Characters one of which every match of a `regex` VERSION0 expression holds, or None."""
    parsed = None if flags & regex.IGNORECASE else read_alike(source, flags)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    try:
        return _sequence(parsed)
    except RecursionError:
        return None


def read_alike(source: str, flags: int) -> _parser.SubPattern | None:
    """A `regex` VERSION0 expression as the parser of `re` reads it, or None where the two
    may read it otherwise (or `re` cannot parse it)."""
    if flags & regex.VERBOSE or "[:" in source:
        return None
    same_flags = sum(re_flag for flag, re_flag in _SAME_FLAGS.items() if flags & flag)
    try:
        parsed = _parser.parse(source, same_flags)
        if parsed.state.flags & re.VERBOSE or _holds_literal(parsed, ord("{")):
            return None
        return parsed
    except (re.error, RecursionError, OverflowError, ValueError, TypeError):
        return None


def _holds_literal(node: object, code: int) -> bool:
    """Whether a parsed expression holds a literal character anywhere (a `{` that `re` reads
    as a character is a fuzzy-matching constraint to `regex`)."""
    if isinstance(node, tuple) and len(node) == 2 and node[0] is sre.LITERAL:
        return node[1] == code
    if isinstance(node, (tuple, list, _parser.SubPattern)):
        return any(_holds_literal(part, code) for part in node)
    return False


def _sequence(items: list) -> frozenset[str] | None:
    """The fewest characters some part of a sequence needs."""
    needs = [need for need in map(_part, items) if need is not None]
    return min(needs, key=len, default=None)


def _part(item: tuple) -> frozenset[str] | None:
    """The characters one part of an expression needs, or None."""
    op, value = item
    if op is sre.LITERAL:
        return frozenset(chr(value))
    if op is sre.IN:
        return _listed(value)
    if op is sre.SUBPATTERN:
        _, add_flags, _, pattern = value
        return None if add_flags & re.IGNORECASE else _sequence(pattern)
    if op is sre.BRANCH:
        needs = [_sequence(branch) for branch in value[1]]
        if any(need is None for need in needs):
            return None
        union = frozenset().union(*needs)
        return union if len(union) <= MAX_CHARS else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        least, _, pattern = value
        return _sequence(pattern) if least >= 1 else None
    return None


def _listed(members: list) -> frozenset[str] | None:
    """The characters of a set that lists them (not negated, no classes, few), or None."""
    codes = listed_codes(members, MAX_CHARS)
    if codes is None:
        return None
    chars = frozenset(map(chr, codes))
    return chars if len(chars) <= MAX_CHARS else None


def listed_codes(members: list, widest: int) -> list[int] | None:
    """The code points a parsed set lists (not negated, no classes, no range of `widest`
    characters or more), or None."""
    codes: list[int] = []
    for op, value in members:
        if op is sre.LITERAL:
            codes.append(value)
        elif op is sre.RANGE and value[1] - value[0] < widest:
            codes.extend(range(value[0], value[1] + 1))
        else:
            return None
    return codes
