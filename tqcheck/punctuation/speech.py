"""Reported speech that lost its quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.text import sentences

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MAY_RESIDUE = re.compile(r",(?<=[.!?],)")


def attribution_residue(ctx: Context) -> Iterator[Defect]:
    """`security., writes`: the stop and comma left where a closing mark was lost."""
    for match in ctx.patterns.residue.finditer(ctx.paragraph.text):
        yield Defect("attribution-residue", match.start(), match.end())


def quoted_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the paragraph inside quotation marks (an unclosed one runs to the end)."""
    text = ctx.paragraph.text
    spans = [(o.offset, c.offset + 1) for o, c in ctx.pairs]
    spans += [(m.offset, len(text)) for m in ctx.unpaired]
    spans += [(o.offset, c.offset + 1) for o, c in ctx.single_pairs]
    return spans


def unmarked_speech(ctx: Context) -> Iterator[Defect]:
    """A first-person clause attributed to a named speaker, with no quotation mark at all."""
    text = ctx.paragraph.text
    patterns = ctx.patterns
    quoted = quoted_spans(ctx)
    for start, end in sentences(ctx.paragraph, ctx.locale.abbreviations):
        sentence = text[start:end]
        comma = patterns.attribution(sentence)
        if comma is None or any(s < end and start < e for s, e in quoted):
            continue
        words = {w.lower().replace("’", "'") for w in WORD.findall(sentence[:comma])}
        if words & ctx.locale.first_person:
            yield Defect("unmarked-speech", start, end)
