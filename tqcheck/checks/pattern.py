"""Rule type `pattern`: regular expressions over the target text."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tqcheck.checks.base import Check, CheckTimeout, Hit, Params
from tqcheck.documents import Article
from tqcheck.lazyregex import LazyPattern
from tqcheck.linestarts import line_anchor
from tqcheck.patternchars import required_chars

FLAGS = {
    "ignorecase": regex.IGNORECASE,
    "multiline": regex.MULTILINE,
    "dotall": regex.DOTALL,
    "verbose": regex.VERBOSE,
}
TEMPLATE_REFERENCE = regex.compile(r"\\(\d+)|\\g<([^>]*)>")
DEFAULT_TIMEOUT_SECONDS = 1.0


class PatternCheck(Check):
    """Flags every match of one or more regular expressions (optionally one group of it)."""

    type_name = "pattern"

    def __init__(self, params: Params) -> None:
        sources = self._sources(params)
        flags = 0
        for name in params.str_list("flags", []):
            if name not in FLAGS:
                raise params.error(f"unknown flag '{name}' (known flags: {', '.join(FLAGS)})",
                                   "flags")
            flags |= FLAGS[name]
        self.patterns = [self._compile(params, source, flags, line) for source, line in sources]
        self.required = [required_chars(source, flags) for source, _ in sources]
        self.anchors = [line_anchor(source, flags) for source, _ in sources]
        self.group: int | str = params.get("group", (int, str), 0)
        self.suggest: str | None = params.get("suggest", str, None)
        self.timeout = params.get("timeout", float, DEFAULT_TIMEOUT_SECONDS)
        for compiled in self.patterns:
            self._check_group(params, compiled)
        names = set().union(*(p.groupindex for p in self.patterns))
        self.message_fields = frozenset({"text", "suggestion", *names})

    @staticmethod
    def _sources(params: Params) -> list[tuple[str, int]]:
        """The pattern strings with their lines, from `pattern` or `patterns` (exactly one)."""
        if ("pattern" in params.mapping) == ("patterns" in params.mapping):
            raise params.error("give exactly one of 'pattern' or 'patterns'")
        if "pattern" in params.mapping:
            return [(params.get("pattern", str), params.mapping.line_of("pattern"))]
        sources = params.str_list("patterns", one_allowed=False)
        return [(s, params.line_of_item("patterns", i)) for i, s in enumerate(sources)]

    @staticmethod
    def _compile(params: Params, source: str, flags: int, line: int) -> regex.Pattern:
        """Compile one pattern; an invalid one is a RuleError at its line."""
        try:
            return LazyPattern(source, flags | regex.VERSION0, regex)
        except (regex.error, TypeError, ValueError, OverflowError) as error:
            raise params.error(f"invalid regular expression {source!r}: {error}",
                               line=line) from None

    def _check_group(self, params: Params, compiled: regex.Pattern) -> None:
        """The highlighted group and the suggestion's references must exist in the pattern."""
        if not _has_group(compiled, self.group):
            raise params.error(f"pattern {compiled.pattern!r} has no group {self.group!r}", "group")
        for number, name in TEMPLATE_REFERENCE.findall(self.suggest or ""):
            reference: int | str = int(number) if number else name
            if not _has_group(compiled, reference):
                raise params.error(f"'suggest' refers to group {reference!r}, which pattern "
                                   f"{compiled.pattern!r} does not have", "suggest")

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield the chosen group of every match; stop with CheckTimeout past the budget. A
        text lacking all the characters a pattern needs (see tqcheck.patternchars) is not
        searched, and one that matches only at line starts is tried only there (see
        tqcheck.linestarts)."""
        text = article.target.checkable
        for compiled, required, anchor in zip(self.patterns, self.required, self.anchors,
                                              strict=True):
            if required is not None and not any(char in text for char in required):
                continue
            matches = (compiled.finditer(text, timeout=self.timeout) if anchor is None
                       else anchor.finditer(compiled, text, self.timeout))
            try:
                for match in matches:
                    start, end = match.span(self.group)
                    if start < 0 or (start == end and match.start() == match.end()):
                        continue
                    suggestion = match.expand(self.suggest) if self.suggest is not None else None
                    fields = {k: v or "" for k, v in match.groupdict().items()}
                    yield Hit(start, end, suggestion, fields, fixable=True)
            except TimeoutError:
                raise CheckTimeout(
                    f"pattern {compiled.pattern!r} ran past its {self.timeout:g} s budget"
                ) from None


def _has_group(compiled: regex.Pattern, group: int | str) -> bool:
    """Whether a compiled pattern has a group of that number or name."""
    if isinstance(group, int):
        return 0 <= group <= compiled.groups
    return group in compiled.groupindex
