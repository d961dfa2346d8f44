"""Segments of a target and its source: by lines when both have as many non-empty lines."""

from __future__ import annotations

from dataclasses import dataclass

from tqcheck.documents import LINE_BREAK, Article


@dataclass(frozen=True)
class Segment:
    """One non-empty line of the target (its span, without surrounding spaces) and the
    source line it translates ("" when the texts are not aligned)."""

    start: int
    end: int
    text: str
    source: str


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of a text, without their surrounding white space."""
    spans, start = [], 0
    for match in [*LINE_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        line = text[start:end]
        if line.strip():
            left = start + len(line) - len(line.lstrip())
            spans.append((left, start + len(line.rstrip())))
        start = match.end() if match else len(text)
    return spans


def aligned_segments(article: Article) -> list[Segment] | None:
    """The target's lines paired with the source's, or None without a source or when the
    numbers of non-empty lines differ."""
    if article.source is None:
        return None
    target = article.target.checkable
    source = article.source.checkable
    target_spans, source_spans = line_spans(target), line_spans(source)
    if len(target_spans) != len(source_spans):
        return None
    return [Segment(start, end, target[start:end], source[s:e])
            for (start, end), (s, e) in zip(target_spans, source_spans, strict=True)]
