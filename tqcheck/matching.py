"""Find many literal phrases in one pass: one regular expression built from their trie."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tqcheck.lazyregex import LazyPattern

_APOSTROPHES = "'’"


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
        trie: dict = {}
        for phrase in phrases:
            node = trie
            for char in normalize(phrase, case_sensitive):
                node = node.setdefault(char, {})
            node[""] = {}
        body = _trie_pattern(trie) or "(?!)"
        if whole_word:
            body = rf"(?<!\w)(?:{body})(?!\w)"
        self.regex = LazyPattern(body, 0 if case_sensitive else re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, key) for each match; key is the matched phrase's normal form."""
        for match in self.regex.finditer(text):
            yield match.start(), match.end(), normalize(match.group(), self.case_sensitive)


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
