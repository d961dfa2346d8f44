"""Rule type `quotes`: quotation marks and punctuation, one rule id per defect class.

All rules of this type that share one `conventions` mapping (a YAML anchor) share one scan
of each article: the first rule scans, the others read the result.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article
from tqcheck.punctuation.conventions import Conventions, read_conventions
from tqcheck.punctuation.defects import DEFECT_CLASSES, Defect
from tqcheck.punctuation.scan import scan

_SHARED: weakref.WeakValueDictionary[int, Conventions] = weakref.WeakValueDictionary()
"""Conventions by the identity of the YAML mapping they were read from, while rules use them."""


def shared_conventions(params: Params) -> Conventions:
    """The conventions of a rule; rules that share the mapping share one object (and scans)."""
    mapping = params.mapping.get("conventions")
    shared = _SHARED.get(id(mapping))
    if shared is not None and shared.origin is mapping:
        params.get("conventions", dict)
        return shared
    conventions = read_conventions(params)
    _SHARED[id(mapping)] = conventions
    return conventions


class QuotesCheck(Check):
    """Reports one defect class of the quotation and punctuation scan."""

    type_name = "quotes"

    def __init__(self, params: Params) -> None:
        self.defect = params.get("defect", str)
        if self.defect not in DEFECT_CLASSES:
            raise params.error(f"unknown defect '{self.defect}' (known defects: "
                               f"{', '.join(DEFECT_CLASSES)})", "defect")
        self.conventions = shared_conventions(params)
        self.message_fields = frozenset({"text", "suggestion", *DEFECT_CLASSES[self.defect]})

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield the article's defects of this rule's class."""
        for defect in self.scanned(article):
            if defect.kind == self.defect:
                yield Hit(defect.start, defect.end, defect.suggestion, dict(defect.fields),
                          fixable=defect.fixable)

    def scanned(self, article: Article) -> list[Defect]:
        """The scan of an article, computed once for all rules sharing these conventions."""
        key = (article.target.checkable, article.target_lang,
               article.source.text if article.source else None)
        cache = self.conventions.cache
        last = cache.get("scan")
        if last is None or last[0] != key:
            last = cache["scan"] = (key, scan(article, self.conventions))
        return last[1]
