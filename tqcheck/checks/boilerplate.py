"""Rule type `boilerplate`: site furniture (share buttons, comment prompts, cookie and paywall
lines) scraped along with an article, in any language.

A phrase that fills its line is reported with the whole line, which `--fix` removes; a
phrase inside a line of text is reported only when written exactly as listed (furniture is
title-like, prose is not), and is not fixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article
from tqcheck.matching import PhraseMatcher, normalize

BEFORE = re.compile(r"[ \t\-•*·|>]*")
AFTER = re.compile(r"[ \t\r:|.!?»›>…\-–—]*")


class BoilerplateCheck(Check):
    """Flags lines (and title-like phrases inside lines) of website furniture."""

    type_name = "boilerplate"
    message_fields = frozenset({"text", "suggestion", "phrase"})

    def __init__(self, params: Params) -> None:
        phrases = params.str_list("phrases", one_allowed=False)
        self.exact = {normalize(p, True) for p in phrases}
        self.matcher = PhraseMatcher(phrases, case_sensitive=False, whole_word=True)

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield whole furniture lines (fixable: removed with their line break) and
        title-like furniture inside lines."""
        text = article.target.checkable
        for start, end, _ in self.matcher.finditer(text):
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if BEFORE.fullmatch(text, line_start, start) and AFTER.fullmatch(text, end, line_end):
                yield Hit(line_start, min(line_end + 1, len(text)), "",
                          {"phrase": text[start:end]}, fixable=True)
            elif normalize(text[start:end], True) in self.exact:
                yield Hit(start, end, None, {"phrase": text[start:end]})
