"""Find many literal phrases in one pass: regular expressions built from their trie.

Whole-word phrases are first ruled out by the ASCII words of the text (see
tqcheck.phrasewords): most texts hold none of a list's phrases, and a text that may hold
FEW_HELD or fewer is searched for those alone (their small expression compiled once).

Otherwise (a text that may hold more, or a list with a phrase without ASCII words, which no
text rules out) whole-word phrases are also grouped by their lead (first word, or first
mark): a text is then matched only where one of its words or marks is a lead, by the
group's expression alone, so a text compiles only the small expressions of the leads it
holds (kept as source text, so that cached matchers load fast). Ignoring case, only ASCII
leads are grouped (their case is simple); the other phrases are searched as one
expression. Matching by lead is slower than one search of the whole expression once
compiled, so a matcher compiles the whole expression once the texts it matched by lead add
up to LEAD_BUDGET times the expression's length (about what compiling it costs), and
matches by lead only while the whole expression is not compiled (a matcher built afresh,
not loaded from the rule cache, compiles it at once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

from tqcheck.lazyregex import LazyPattern
from tqcheck.phrasewords import PhraseWords, folded

_APOSTROPHES = "'’"
LEAD = re.compile(r"\w+|.", re.DOTALL)  # a phrase's lead: its first word, else first character
TOKEN = re.compile(r"\w+|(?<!\w)[^\w\s]")  # where in a text a whole-word phrase may start
ASCII_ONCE_CASE_IGNORED = re.compile(r"[\x00-\x7f]+", re.IGNORECASE)
LEAD_BUDGET = 15
FEW_HELD = 16  # phrases a text may hold, at most, to be searched for alone


def normalize(phrase: str, case_sensitive: bool) -> str:
    """The lookup key of a phrase or of a matched text: spaces collapsed, one apostrophe."""
    key = " ".join(phrase.split()).replace("’", "'")
    return key if case_sensitive else key.lower()


class PhraseMatcher:
    """Matches any of a set of phrases, longest first, at the cost of about one regex search.

    Spaces in a phrase match any run of whitespace (a phrase may wrap over lines);
    straight and curly apostrophes match each other.
    """

    def __init__(self, phrases: Iterable[str], *, case_sensitive: bool, whole_word: bool) -> None:
        self.case_sensitive = case_sensitive
        keys = {normalize(phrase, case_sensitive) for phrase in phrases}
        flags = 0 if case_sensitive else re.IGNORECASE
        self.regex = LazyPattern(_pattern(keys, whole_word, case_sensitive=case_sensitive),
                                 flags)
        self.groups: dict[str, str] | None = None
        self.others: LazyPattern | None = None
        self.by_lead_left = LEAD_BUDGET * len(self.regex.pattern)  # text characters
        self.words = PhraseWords(keys) if whole_word else None
        if whole_word and "" not in keys:
            grouped = {key for key in keys if case_sensitive or _ascii_lead(key)}
            self.groups = _lead_groups(grouped)
            if keys - grouped:
                self.others = LazyPattern(_pattern(keys - grouped, True), flags)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, key) for each match; key is the matched phrase's normal form."""
        held = self.words.held(text) if self.words is not None else None
        if held is not None and len(held) <= FEW_HELD:
            matches = self._held_matches(frozenset(held), text) if held else iter(())
        elif self.groups is not None and self.by_lead_left > 0 and not self.regex.is_compiled:
            self.by_lead_left -= len(text)
            matches = self._by_lead(text)
        else:
            matches = self.regex.finditer(text)
        for match in matches:
            start, end = match.span()
            yield start, end, normalize(text[start:end], self.case_sensitive)

    def _held_matches(self, keys: frozenset[str], text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole expression in a text that may hold only these phrases
        (see PhraseWords.held): no other phrase can match there. Ignoring case, ASCII phrases
        are searched for in the folded text, which has the same offsets and where a search
        heeding case skips to the characters phrases begin with (see tqcheck.phrasewords)."""
        if self.case_sensitive:
            return _held_expression(keys, True).finditer(text)
        if all(map(str.isascii, keys)):
            return _held_expression(keys, True).finditer(folded(text))
        return _held_expression(keys, False).finditer(text)

    def _by_lead(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the whole expression, found by the groups of the text's leads: a
        grouped phrase starts at a word or mark that is its lead (as the expression compares
        characters), so no other group can match there; the other phrases are searched."""
        group_of = self._group_of
        other = self.others.search(text) if self.others is not None else None
        end = 0
        for token in TOKEN.finditer(text):
            start = token.start()
            if start < end:
                continue
            if other is not None and other.start() < start:
                other = other.re.search(text, start)
            group = group_of(token.group())
            found = group.match(text, start) if group is not None else None
            if other is not None and other.start() == start:
                found = self.regex.match(text, start) if found else other
            if found:
                end = found.end()
                yield found

    def _group_of(self, token: str) -> re.Pattern[str] | None:
        """The expression of the phrases whose lead a word or mark may be."""
        written = token.replace("’", "'")
        if self.case_sensitive or written.isascii():
            group = (self.groups or {}).get(written if self.case_sensitive else written.lower())
            return None if group is None else _compiled(group, self.regex.flags)
        # ignoring case, a grouped lead is ASCII: only letters that fold to ASCII may be one
        return self.regex.compiled() if ASCII_ONCE_CASE_IGNORED.fullmatch(written) else None


@lru_cache(maxsize=1024)
def _held_expression(keys: frozenset[str], case_sensitive: bool) -> re.Pattern[str]:
    """The whole-word expression of a few phrases, compiled once a set of phrases."""
    return re.compile(_pattern(keys, True, case_sensitive=case_sensitive),
                      0 if case_sensitive else re.IGNORECASE)


@cache
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """A group's expression, compiled once (as many as the rules have groups, outside the
    `re` module's small cache, which other expressions share)."""
    return re.compile(pattern, flags)


def _ascii_lead(key: str) -> bool:
    """Whether a phrase's lead and the character after it are ASCII, so that ignoring case
    the lead matches just the words equal to it in lower case."""
    return key[:LEAD.match(key).end() + 1].isascii()


def _lead_groups(keys: set[str]) -> dict[str, str]:
    """The whole-word expression of each lead's phrases."""
    grouped: dict[str, list[str]] = {}
    for key in keys:
        grouped.setdefault(LEAD.match(key).group(), []).append(key)
    return {lead: _pattern(group, True) for lead, group in grouped.items()}


def _pattern(keys: Iterable[str], whole_word: bool, *, case_sensitive: bool = False) -> str:
    r"""The expression matching any of the phrase keys, longest first.

    Whole-word and case-sensitive, it tests for a word start after a phrase's first
    character (`X(?<!\w[\s\S])`, the same as `(?<!\w)X` for one character X), so that a
    search skips to the characters phrases begin with instead of trying every position
    (ignoring case a search cannot skip so, and testing for a word start first is quicker).
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    if whole_word and case_sensitive and trie and "" not in trie:
        body = "|".join(_char_pattern(char) + r"(?<!\w[\s\S])" + _trie_pattern(child)
                        for char, child in sorted(trie.items()))
        return rf"(?:{body})(?!\w)"
    body = _trie_pattern(trie) or "(?!)"
    return rf"(?<!\w)(?:{body})(?!\w)" if whole_word else body


def _char_pattern(char: str) -> str:
    """The pattern for one phrase character."""
    if char == " ":
        return r"\s+"
    if char == "'":
        return f"[{_APOSTROPHES}]"
    return re.escape(char)


def _trie_pattern(node: dict) -> str:
    """Regex for a trie node: alternatives for its branches, optional where a phrase ends."""
    branches = [_char_pattern(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        body = f"(?:{body})?"
    return body
