"""Rule type `length-ratio`: a target segment much shorter than its source, which suggests
that part of it was left out."""

from __future__ import annotations

from collections.abc import Iterator

from tqcheck.alignment import aligned_segments
from tqcheck.checks.base import Check, Hit, Params
from tqcheck.documents import Article


class LengthRatioCheck(Check):
    """Flags an aligned target segment shorter than `min_ratio` times its source."""

    type_name = "length-ratio"
    message_fields = frozenset({"text", "suggestion", "ratio"})

    def __init__(self, params: Params) -> None:
        self.min_ratio = params.get("min_ratio", float, 0.5)
        self.min_source_chars = params.get("min_source_chars", int, 60)
        if not 0 < self.min_ratio < 1:
            raise params.error("'min_ratio' must be between 0 and 1", "min_ratio")

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield each aligned segment whose length falls below the ratio."""
        for segment in aligned_segments(article) or []:
            source_chars = len(segment.source)
            if source_chars < self.min_source_chars:
                continue
            ratio = len(segment.text) / source_chars
            if ratio < self.min_ratio:
                yield Hit(segment.start, segment.end, None, {"ratio": f"{ratio:.0%}"})
