"""Text as HTML with code-point spans highlighted by nested `<mark>` elements, all escaped."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

UNSAFE = re.compile("[&<>\r\x00\ud800-\udfff]")
ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
"""CR is written as a reference, which survives the parser's line-break normalisation; NUL
and lone surrogates become U+FFFD: every code point of the text stays one in the page."""


def escape_text(text: str) -> str:
    """Text content for HTML, escaped, code point for code point."""
    return UNSAFE.sub(lambda m: ENTITIES.get(m.group(), "\ufffd"), text)


@dataclass(frozen=True)
class Span:
    """A half-open code-point span [start, end) of a text, named by its key."""

    start: int
    end: int
    key: int


def spans_within(spans: Sequence[Span], lo: int, hi: int, length: int) -> list[Span]:
    """The spans that show in the part [lo, hi) of a text of `length` code points, clipped.

    An empty span belongs to the part it starts in (the last part when it is at the end).
    """
    def shows(span: Span) -> bool:
        if span.start == span.end:
            return lo <= span.start < hi or span.start == hi == length
        return span.start < hi and span.end > lo

    return [Span(max(s.start, lo), min(s.end, hi), s.key) for s in spans if shows(s)]


def highlight(text: str, lo: int, hi: int, spans: Sequence[Span],
              open_tag: Callable[[Span], str]) -> str:
    """The part [lo, hi) of `text` as HTML, each span wrapped in `<mark>` pieces.

    `spans` must lie within [lo, hi) (see spans_within). Spans that cross are split where
    one ends inside another, so the pieces always nest; `open_tag(span)` writes each
    piece's opening tag. An empty span is an empty mark.
    """
    starting: dict[int, list[Span]] = {}
    for span in spans:
        starting.setdefault(span.start, []).append(span)
    cuts = sorted({lo, hi, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    for index, pos in enumerate(cuts):
        ending = [depth for depth, span in enumerate(stack) if span.end == pos]
        reopen: list[Span] = []
        if ending:
            reopen = [span for span in stack[ending[0]:] if span.end != pos]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
        here = starting.get(pos, [])
        out += [open_tag(span) + "</mark>" for span in here if span.end == pos]
        for span in sorted(reopen + [s for s in here if s.end > pos],
                           key=lambda s: (-s.end, s.key)):
            out.append(open_tag(span))
            stack.append(span)
        if index + 1 < len(cuts):
            out.append(escape_text(text[pos:cuts[index + 1]]))
    return "".join(out)
