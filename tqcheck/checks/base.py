"""What every rule type shares: strict parameter reading and the Check interface."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from tqcheck.documents import Article, Lines
from tqcheck.errors import RuleError
from tqcheck.records import pickled_by_fields
from tqcheck.yamlfile import LineList, LineMap

_MISSING: Any = object()
_TYPE_NAMES = {str: "a string", bool: "true or false", int: "an integer", float: "a number",
               list: "a list", dict: "a mapping"}


@dataclass
class Hit:
    """A span of the target text a check reports, with what the message may mention.

    `fixable` says the suggestion is certain enough for `--fix` to apply it unasked; `text`
    is the span's text, given by checks that report after the text itself is let go.
    """

    start: int
    end: int
    suggestion: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    fixable: bool = False
    text: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Summary:
    """What a cross-article check keeps of one article: the lines of its target text, to
    place findings, and whatever it compares (small and picklable, so that articles can be
    summarised in other processes and their texts let go)."""

    lines: Lines
    data: Any


class CheckTimeout(Exception):
    """A check ran past its time budget on one document (e.g. a runaway regular expression)."""


class Params:
    """A rule's YAML mapping, read strictly: wrong types and unknown keys are RuleErrors."""

    def __init__(self, mapping: LineMap, path: str, rule_id: str | None,
                 data: Mapping[str, list[Path]] | None = None) -> None:
        self.mapping = mapping
        self.path = path
        self.rule_id = rule_id
        self.data = data or {}
        self._read: set[str] = set()

    def extra_data(self, kind: str) -> list[Path]:
        """Data files of a kind the run's config adds (e.g. a newsroom's `names` list)."""
        return list(self.data.get(kind, []))

    def error(self, message: str, key: str | None = None, line: int | None = None) -> RuleError:
        """A RuleError at a key's line (or the given line, or the rule's)."""
        where = line or (self.mapping.line_of(key) if key else self.mapping.line)
        return RuleError(self.path, where, self.rule_id, message)

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = _MISSING) -> Any:
        """Read a key of a given type; required when no default is given."""
        self._read.add(key)
        if key not in self.mapping:
            if default is _MISSING:
                raise self.error(f"missing required key '{key}'")
            return default
        value = self.mapping[key]
        self.expect(value, kind, key)
        return value

    def expect(self, value: Any, kind: type | tuple[type, ...], key: str,
               line: int | None = None) -> None:
        """Raise unless value is of kind (a boolean is not a number; an integer is)."""
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds:
            kinds = (*kinds, int)
        ok = isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool))
        if not ok:
            hint = ""
            if str in kinds and isinstance(value, bool):
                hint = " (YAML reads yes/no/on/off as booleans: quote it)"
            expected = " or ".join(_TYPE_NAMES.get(k, k.__name__) for k in kinds if k is not int
                                   or float not in kinds)
            raise self.error(f"'{key}' must be {expected}, got {describe(value)}{hint}", key, line)

    def str_list(self, key: str, default: Any = _MISSING, *, one_allowed: bool = True) -> list[str]:
        """Read a list of strings (or, if one_allowed, a single string)."""
        value = self.get(key, (str, list) if one_allowed else list, default)
        if key not in self.mapping:
            return value
        if isinstance(value, str):
            return [value]
        lines = value.item_lines if isinstance(value, LineList) else []
        for index, item in enumerate(value):
            self.expect(item, str, key, lines[index] if index < len(lines) else None)
        if not value:
            raise self.error(f"'{key}' must not be empty", key)
        return list(value)

    def line_of_item(self, key: str, index: int) -> int:
        """Line of the index-th item of a list-valued key."""
        value = self.mapping.get(key)
        if isinstance(value, LineList) and index < len(value.item_lines):
            return value.item_lines[index]
        return self.mapping.line_of(key)

    def finish(self, allowed_extra: frozenset[str] = frozenset()) -> None:
        """Raise on any key that nothing read (a typo must not be silently ignored)."""
        for key in self.mapping:
            if key not in self._read and key not in allowed_extra:
                known = ", ".join(sorted(self._read | allowed_extra))
                raise self.error(f"unknown key '{key}' (known keys: {known})", key)


def describe(value: Any) -> str:
    """Describe a YAML value's type for an error message."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__


class Check:
    """A rule type: validates its parameters once, then finds hits in articles."""

    type_name: ClassVar[str]
    message_fields: ClassVar[frozenset[str]] = frozenset({"text", "suggestion"})
    looks_across_articles: ClassVar[bool] = False

    def __init__(self, params: Params) -> None:
        """Read and validate this type's parameters (subclasses call params.get ...)."""

    def entry_examples(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Bad and good examples written in the check's own entries (none by default)."""
        return (), ()

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield the hits of this check in the article's target text."""
        raise NotImplementedError

    def summarise(self, article: Article) -> Summary | None:
        """What a check that sets `looks_across_articles` keeps of one article for
        `find_across` (None: nothing to compare)."""
        return None

    def find_across(self, summaries: list[Summary]) -> Iterator[tuple[int, Hit]]:
        """Yield hits that only the articles of a run together show, each as the index of its
        article's summary and a hit that carries its text."""
        return iter(())


def folder_param(params: Params, key: str) -> Path:
    """Read a folder path, relative to the rule file unless absolute; it must exist."""
    folder = Path(params.get(key, str))
    folder = folder if folder.is_absolute() else Path(params.path).parent / folder
    if not folder.is_dir():
        raise params.error(f"folder '{folder}' not found", key)
    return folder
