"""Rule type `phrases`: a list of literal phrases, each with an optional suggestion and note."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article
from tqcheck.matching import PhraseMatcher, normalize
from tqcheck.yamlfile import LineMap


@dataclass(frozen=True)
class PhraseEntry:
    """One phrase to flag, what to write instead, and why."""

    phrase: str
    suggestion: str | None = None
    note: str = ""


class PhrasesCheck(Check):
    """Flags any of a list of phrases (one matcher for the whole list)."""

    type_name = "phrases"
    message_fields = frozenset({"text", "suggestion", "note", "phrase"})
    ENTRY_KEYS = frozenset({"phrase", "suggestion", "note"})

    def __init__(self, params: Params) -> None:
        self.case_sensitive = params.get("case_sensitive", bool, False)
        whole_word = params.get("whole_word", bool, True)
        raw = params.get("phrases", list)
        if not raw:
            raise params.error("'phrases' must not be empty", "phrases")
        self.entries: dict[str, PhraseEntry] = {}
        for index, item in enumerate(raw):
            entry = self._entry(params, item, params.line_of_item("phrases", index))
            key = normalize(entry.phrase, self.case_sensitive)
            if key in self.entries:
                raise params.error(f"phrase '{entry.phrase}' is listed twice",
                                   line=params.line_of_item("phrases", index))
            self.entries[key] = entry
        self.matcher = PhraseMatcher(
            (e.phrase for e in self.entries.values()),
            case_sensitive=self.case_sensitive, whole_word=whole_word)

    @classmethod
    def _entry(cls, params: Params, item: object, line: int) -> PhraseEntry:
        """Read one list item: a phrase string or a mapping with phrase/suggestion/note."""
        if isinstance(item, str):
            if not item.strip():
                raise params.error("a phrase must not be empty", line=line)
            return PhraseEntry(item)
        if not isinstance(item, LineMap):
            raise params.error("each phrase must be a string or a mapping with 'phrase'", line=line)
        unknown = set(item) - cls.ENTRY_KEYS
        if unknown:
            raise params.error(f"unknown key '{sorted(unknown)[0]}' in phrase entry "
                               f"(known keys: {', '.join(sorted(cls.ENTRY_KEYS))})", line=line)
        values = {}
        for key in cls.ENTRY_KEYS & set(item):
            params.expect(item[key], str, key, item.line_of(key))
            values[key] = item[key]
        if not values.get("phrase", "").strip():
            raise params.error("phrase entry needs a non-empty 'phrase'", line=line)
        return PhraseEntry(**values)

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield one hit per phrase occurrence."""
        for start, end, key in self.matcher.finditer(article.target.checkable):
            entry = self.entries.get(key)
            if entry is not None:
                yield Hit(start, end, entry.suggestion,
                          {"note": entry.note, "phrase": entry.phrase}, fixable=True)
