"""Rule type `variants`: canonical spellings and the variant spellings that replace them."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article
from tqcheck.matching import PhraseMatcher, normalize
from tqcheck.yamlfile import LineList, LineMap


class VariantsCheck(Check):
    """Flags each variant spelling, whole-word, suggesting its canonical form."""

    type_name = "variants"

    def __init__(self, params: Params) -> None:
        self.case_sensitive = params.get("case_sensitive", bool, True)
        whole_word = params.get("whole_word", bool, True)
        entries: LineMap = params.get("entries", dict)
        if not entries:
            raise params.error("'entries' must not be empty", "entries")
        self.canonical_of: dict[str, str] = {}
        for canonical, variants in entries.items():
            line = entries.line_of(canonical)
            params.expect(canonical, str, "entries", line)
            if isinstance(variants, str):
                variants = [variants]
            params.expect(variants, list, canonical, line)
            if not variants:
                raise params.error(f"'{canonical}' lists no variants", line=line)
            item_lines = variants.item_lines if isinstance(variants, LineList) else []
            for index, variant in enumerate(variants):
                where = item_lines[index] if index < len(item_lines) else line
                params.expect(variant, str, canonical, where)
                self._add(params, canonical, variant, where)
        self.matcher = PhraseMatcher(self.canonical_of, case_sensitive=self.case_sensitive,
                                     whole_word=whole_word)

    def _add(self, params: Params, canonical: str, variant: str, line: int) -> None:
        """Record one variant; a variant equal to a canonical form or listed twice is an error."""
        key = normalize(variant, self.case_sensitive)
        if key == normalize(canonical, self.case_sensitive):
            raise params.error(f"variant '{variant}' is the canonical form itself", line=line)
        if key in self.canonical_of:
            raise params.error(f"variant '{variant}' is listed twice "
                               f"(under '{self.canonical_of[key]}' and '{canonical}')", line=line)
        self.canonical_of[key] = canonical

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield one hit per variant occurrence, with the canonical form as suggestion."""
        for start, end, key in self.matcher.finditer(article.target.checkable):
            canonical = self.canonical_of.get(key)
            if canonical is not None:
                yield Hit(start, end, canonical, fixable=True)
