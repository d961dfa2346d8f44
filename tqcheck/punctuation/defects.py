"""What a scan reports: one defect of one class at a span of the target text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

from tqcheck.punctuation.conventions import Conventions, Locale
from tqcheck.punctuation.marks import Mark
from tqcheck.punctuation.patterns import LocalePatterns
from tqcheck.punctuation.text import Paragraph, WordCounts

DEFECT_CLASSES: dict[str, frozenset[str]] = {
    "unbalanced": frozenset({"mark"}),
    "misplaced-mark": frozenset({"mark"}),
    "foreign-mark": frozenset({"mark"}),
    "mixed-style": frozenset({"mark", "style"}),
    "glued-words": frozenset(),
    "unmarked-speech": frozenset(),
    "attribution-residue": frozenset(),
    "cut-sentence": frozenset(),
    "doubled-punctuation": frozenset(),
    "source-spacing": frozenset({"mark"}),
    "spaced-hyphen": frozenset(),
    "count-mismatch": frozenset({"source_count", "target_count"}),
}
"""Each defect class, with the message fields its findings provide besides text/suggestion."""


NO_FIELDS: Mapping[str, str] = MappingProxyType({})
"""The fields of a defect whose message needs none besides text and suggestion."""


class Defect(NamedTuple):
    """One defect: its class, its span (offsets in the paragraph, then in the text)."""

    kind: str
    start: int
    end: int
    suggestion: str | None = None
    fixable: bool = False
    fields: Mapping[str, str] = NO_FIELDS

    def shifted(self, offset: int) -> Defect:
        """The same defect with its span moved by offset."""
        return Defect(self.kind, self.start + offset, self.end + offset, self.suggestion,
                      self.fixable, self.fields)


@dataclass(slots=True)
class Context:
    """What a detector may know beyond its paragraph: the locale's attribution `patterns`,
    its double marks, paired once (`pairs` of opening and closing marks, the marks left
    `unpaired`, and every mark with its role in order, `roles`), its pairs of single marks
    around words (`single_pairs`), and the article."""

    paragraph: Paragraph
    locale: Locale
    conventions: Conventions
    patterns: LocalePatterns
    pairs: list[tuple[Mark, Mark]] = field(default_factory=list)
    unpaired: list[Mark] = field(default_factory=list)
    next_text: str | None = None
    article_style: str | None = None
    words: WordCounts = field(default_factory=lambda: WordCounts(""))
    source_text: str | None = None
    single_pairs: list[tuple[Mark, Mark]] = field(default_factory=list)
    roles: list[tuple[Mark, int]] = field(default_factory=list)
