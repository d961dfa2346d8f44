"""Locale conventions for quotation marks and punctuation, read strictly from rule YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from tqcheck.checks.base import Params
from tqcheck.yamlfile import LineMap

STYLE_ANY = "any"
STYLE_CONSISTENT = "consistent"


@dataclass(frozen=True)
class Locale:
    """How one target language writes quotations and punctuation.

    `quotes` and `single_quotes` map a style name to its (opening, closing) marks; `style`
    is a style name (only it is correct), `any` (all listed styles) or `consistent` (any
    listed style, one per article). `suggest` names the style offered as replacement.
    """

    quotes: dict[str, tuple[str, str]]
    single_quotes: dict[str, tuple[str, str]]
    style: str
    suggest: str
    dash: str | None
    french_spacing: bool
    abbreviations: frozenset[str]
    speech_verbs: frozenset[str]
    first_person: frozenset[str]
    titles: frozenset[str]
    sentence_starters: frozenset[str]

    def allowed_styles(self) -> dict[str, tuple[str, str]]:
        """The double-quote styles that are correct before consistency is considered."""
        if self.style in (STYLE_ANY, STYLE_CONSISTENT):
            return self.quotes
        return {self.style: self.quotes[self.style]}

    @cached_property
    def allowed_marks(self) -> tuple[frozenset[str], frozenset[str]]:
        """The opening and the closing double marks of the allowed styles."""
        styles = self.allowed_styles().values()
        return frozenset(o for o, _ in styles), frozenset(c for _, c in styles)

    @cached_property
    def style_names(self) -> dict[str, str]:
        """The style of each double mark the locale lists (the first style listing it)."""
        names: dict[str, str] = {}
        for name, marks in self.quotes.items():
            for mark in marks:
                names.setdefault(mark, name)
        return names

    @cached_property
    def openings(self) -> frozenset[str]:
        """The opening double marks, the straight one aside (it opens and closes alike)."""
        return frozenset(o for o, _ in self.quotes.values() if o != "\"")

    @cached_property
    def closings(self) -> dict[str, str]:
        """The closing mark of each opening double mark (that of the first style opening
        with it)."""
        closings: dict[str, str] = {}
        for opening, closing in self.quotes.values():
            closings.setdefault(opening, closing)
        return closings


@dataclass(frozen=True)
class Conventions:
    """Every locale's conventions plus the language-independent word lists.

    `origin` is the YAML mapping they were read from; `cache` holds what is computed from
    them once (compiled patterns) and the last article's scan.
    """

    locales: dict[str, Locale]
    camel_case: frozenset[str]
    name_prefixes: frozenset[str]
    elisions: frozenset[str]
    origin: object = field(default=None, compare=False, repr=False)
    cache: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False)


def read_conventions(params: Params) -> Conventions:
    """Read the `conventions` mapping of a rule (shared between rules through a YAML anchor)."""
    mapping: LineMap = params.get("conventions", dict)
    sub = Params(mapping, params.path, params.rule_id)
    locales_map: LineMap = sub.get("locales", dict)
    if not locales_map:
        raise sub.error("'locales' must not be empty", "locales")
    locales = {}
    for lang, value in locales_map.items():
        sub.expect(value, dict, f"locales.{lang}", locales_map.line_of(lang))
        locales[str(lang)] = _read_locale(Params(value, params.path, params.rule_id))
    conventions = Conventions(
        locales=locales,
        camel_case=frozenset(sub.str_list("camel_case", [])),
        name_prefixes=frozenset(sub.str_list("name_prefixes", [])),
        elisions=frozenset(w.lower() for w in sub.str_list("elisions", [])),
        origin=mapping)
    sub.finish()
    return conventions


def _read_locale(params: Params) -> Locale:
    """One locale's table."""
    quotes = _styles(params, "quotes")
    single = _styles(params, "single_quotes")
    style = params.get("style", str, STYLE_ANY)
    if style not in (*quotes, STYLE_ANY, STYLE_CONSISTENT):
        raise params.error(f"unknown style '{style}' (use {', '.join(quotes)}, "
                           f"{STYLE_ANY} or {STYLE_CONSISTENT})", "style")
    suggest = params.get("suggest", str, next(iter(quotes)))
    if suggest not in quotes:
        raise params.error(f"'suggest' names no style of 'quotes': '{suggest}'", "suggest")
    locale = Locale(
        quotes=quotes, single_quotes=single, style=style, suggest=suggest,
        dash=params.get("dash", str, None),
        french_spacing=params.get("french_spacing", bool, False),
        abbreviations=_words(params, "abbreviations", lower=True),
        speech_verbs=_words(params, "speech_verbs", lower=True),
        first_person=_words(params, "first_person", lower=True),
        titles=_words(params, "titles", lower=False),
        sentence_starters=_words(params, "sentence_starters", lower=False))
    params.finish()
    return locale


def _styles(params: Params, key: str) -> dict[str, tuple[str, str]]:
    """A mapping of style name to [opening, closing] marks (one character each)."""
    mapping: LineMap = params.get(key, dict)
    styles = {}
    for name, marks in mapping.items():
        line = mapping.line_of(name)
        params.expect(marks, list, f"{key}.{name}", line)
        if len(marks) != 2 or not all(isinstance(m, str) and len(m) == 1 for m in marks):
            raise params.error(f"'{key}.{name}' must be [opening, closing], one character each",
                               line=line)
        styles[str(name)] = (marks[0], marks[1])
    if not styles:
        raise params.error(f"'{key}' must not be empty", key)
    return styles


def _words(params: Params, key: str, *, lower: bool) -> frozenset[str]:
    """A word list (lower-cased when matching ignores case)."""
    words = params.str_list(key, [])
    return frozenset(w.lower() for w in words) if lower else frozenset(words)
