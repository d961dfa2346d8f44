"""Reported speech that lost its quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import DOUBLE_MARKS, single_pairs
from tqcheck.punctuation.patterns import LocalePatterns
from tqcheck.punctuation.text import sentences

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def attribution_residue(ctx: Context, patterns: LocalePatterns) -> Iterator[Defect]:
    """`security., writes`: the stop and comma left where a closing mark was lost."""
    for match in patterns.residue.finditer(ctx.paragraph.text):
        yield Defect("attribution-residue", match.start(), match.end())


def quoted_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the paragraph inside quotation marks (an unclosed one runs to the end)."""
    text = ctx.paragraph.text
    spans = [(o.offset, c.offset + 1) for o, c in ctx.pairs]
    spans += [(m.offset, len(text)) for m in ctx.unpaired]
    spans += [(o.offset, c.offset + 1) for o, c in single_pairs(text, ctx.conventions.elisions)]
    return spans


def unmarked_speech(ctx: Context, patterns: LocalePatterns) -> Iterator[Defect]:
    """A first-person clause attributed to a named speaker, with no quotation mark at all."""
    text = ctx.paragraph.text
    quoted = quoted_spans(ctx)
    for start, end in sentences(ctx.paragraph, ctx.locale.abbreviations):
        sentence = text[start:end]
        if any(c in DOUBLE_MARKS for c in sentence) or any(s < end and start < e
                                                           for s, e in quoted):
            continue
        match = patterns.attribution.search(sentence)
        if match is None:
            continue
        clause = sentence[:match.start()]
        words = {w.lower().replace("’", "'") for w in WORD.findall(clause)}
        if words & ctx.locale.first_person:
            yield Defect("unmarked-speech", start, end)
