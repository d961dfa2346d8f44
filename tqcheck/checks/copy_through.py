"""Rule type `copy-through`: target segments identical or nearly identical to the source."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.alignment import Segment, aligned_segments, line_spans
from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article


def _key(text: str) -> str:
    """A segment as compared: case-folded, white space collapsed."""
    return " ".join(text.casefold().split())


class CopyThroughCheck(Check):
    """Flags a target line that copies its source line (or, when the texts are not aligned
    by lines, any source line) instead of translating it."""

    type_name = "copy-through"
    message_fields = frozenset({"text", "suggestion", "similarity"})

    def __init__(self, params: Params) -> None:
        self.min_similarity = params.get("min_similarity", float, 90.0)
        self.min_words = params.get("min_words", int, 4)
        if not 0 < self.min_similarity <= 100:
            raise params.error("'min_similarity' must be between 0 and 100", "min_similarity")

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield each target line whose similarity to its source reaches the threshold."""
        if article.source is None or (article.source_lang is not None
                                      and article.source_lang == article.target_lang):
            return
        from rapidfuzz import fuzz  # imported when first needed: most texts have no source

        for segment in self._segments(article):
            if len(segment.text.split()) < self.min_words or not segment.source:
                continue
            similarity = fuzz.ratio(_key(segment.text), _key(segment.source))
            if similarity >= self.min_similarity:
                yield Hit(segment.start, segment.end, None,
                          {"similarity": f"{similarity:.0f}"})

    def _segments(self, article: Article) -> list[Segment]:
        """Aligned segments, or each target line with its most similar source line."""
        aligned = aligned_segments(article)
        if aligned is not None:
            return aligned
        assert article.source is not None
        from rapidfuzz import fuzz, process

        source = article.source.checkable
        choices = [_key(source[s:e]) for s, e in line_spans(source)]
        target = article.target.checkable
        segments = []
        for start, end in line_spans(target):
            best = process.extractOne(_key(target[start:end]), choices, scorer=fuzz.ratio,
                                      score_cutoff=self.min_similarity)
            segments.append(Segment(start, end, target[start:end], best[0] if best else ""))
        return segments
