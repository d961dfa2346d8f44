"""Rule type `calques`: source-language expressions rendered word for word, inflections and all.

Each entry names the source expression, the literal English renderings as regular
expressions (`multipl(y|ies|ied|ying) the (proposals|announcements)`), a suggestion and its
own examples. All entries are compiled into one expression, so a pack costs one search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article
from tqcheck.lazyregex import LazyPattern
from tqcheck.yamlfile import LineMap

ENTRY_KEYS = frozenset({"source", "literal", "suggestion", "note", "bad", "good"})
REQUIRED_KEYS = ("source", "literal", "suggestion", "bad")


@dataclass(frozen=True)
class Calque:
    """One source expression, what it must not become in English, and what to write."""

    source: str
    suggestion: str
    note: str
    bad: tuple[str, ...]
    good: tuple[str, ...]


OPTIONAL_SPACE = re.compile(r" (?=[?*])")
START = r"(?:(?<!\w)|(?!\w))"  # a pattern that starts with a letter starts a word
END = r"(?:(?!\w)|(?<!\w))"  # and one that ends with a letter ends one


def literal_pattern(literal: str) -> str:
    """A literal rendering as a regular expression: a space matches any run of whitespace
    (an optional space, any whitespace) and an apostrophe matches a curly one."""
    spaced = OPTIONAL_SPACE.sub(r"\\s", literal).replace(" ", r"\s+")
    return spaced.replace("'", "['’]")


class CalquesCheck(Check):
    """Flags literal renderings of source-language idioms, metonyms and false friends."""

    type_name = "calques"
    message_fields = frozenset({"text", "suggestion", "source", "note"})

    def __init__(self, params: Params) -> None:
        raw = params.get("entries", list)
        if not raw:
            raise params.error("'entries' must not be empty", "entries")
        self.entries: list[Calque] = []
        branches = []
        for index, item in enumerate(raw):
            line = params.line_of_item("entries", index)
            entry, patterns = self._entry(params, item, line)
            self.entries.append(entry)
            body = "|".join(f"(?:{literal_pattern(p)})" for p in patterns)
            branches.append(rf"(?P<e{index}>{START}(?:{body}){END})")
        try:
            self.regex = LazyPattern("|".join(branches), re.IGNORECASE)
        except re.error:
            raise self._invalid_pattern(params, raw) from None

    @staticmethod
    def _entry(params: Params, item: object, line: int) -> tuple[Calque, list[str]]:
        """Read and validate one entry; return it with its literal patterns."""
        if not isinstance(item, LineMap):
            raise params.error("each entry must be a mapping with source, literal, "
                               "suggestion and examples", line=line)
        unknown = set(item) - ENTRY_KEYS
        if unknown:
            raise params.error(f"unknown key '{sorted(unknown)[0]}' in entry (known keys: "
                               f"{', '.join(sorted(ENTRY_KEYS))})", line=line)
        missing = [key for key in REQUIRED_KEYS if key not in item]
        if missing:
            raise params.error(f"entry needs '{missing[0]}'", line=line)
        values: dict[str, list[str]] = {}
        for key in ("literal", "bad", "good"):
            value = item.get(key, [])
            value = [value] if isinstance(value, str) else value
            params.expect(value, list, key, item.line_of(key))
            for one in value:
                params.expect(one, str, key, item.line_of(key))
            values[key] = list(value)
        for key in ("source", "suggestion", "note"):
            params.expect(item.get(key, ""), str, key, item.line_of(key))
        for pattern in values["literal"]:
            if "(?P<" in pattern:
                raise params.error(f"literal pattern {pattern!r}: use (...) or (?:...), "
                                   "not named groups", line=item.line_of("literal"))
        if not values["literal"] or not values["bad"]:
            raise params.error("an entry needs at least one literal and one bad example",
                               line=line)
        return Calque(item["source"], item["suggestion"], item.get("note", ""),
                      tuple(values["bad"]), tuple(values["good"])), values["literal"]

    @staticmethod
    def _invalid_pattern(params: Params, raw: list) -> Exception:
        """The error naming the first literal pattern that does not compile (slow path)."""
        for item in raw:
            literals = item["literal"] if isinstance(item["literal"], list) else [item["literal"]]
            for pattern in literals:
                try:
                    re.compile(literal_pattern(pattern))
                except re.error as error:
                    return params.error(f"invalid literal pattern {pattern!r}: {error}",
                                        line=item.line_of("literal"))
        return params.error("the literal patterns do not combine into one expression",
                            "entries")

    def entry_examples(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Every entry's bad and good examples, checked with the rule's own."""
        return (tuple(b for e in self.entries for b in e.bad),
                tuple(g for e in self.entries for g in e.good))

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield one hit per literal rendering, with its entry's suggestion and note."""
        for match in self.regex.finditer(article.target.checkable):
            entry = self.entries[int(match.lastgroup[1:])]
            yield Hit(match.start(), match.end(), entry.suggestion,
                      {"source": entry.source, "note": entry.note})
