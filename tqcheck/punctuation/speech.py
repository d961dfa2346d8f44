"""Reported speech that lost its quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import DOUBLE_MARK
from tqcheck.punctuation.patterns import LocalePatterns
from tqcheck.punctuation.text import sentences

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def attribution_residue(ctx: Context, patterns: LocalePatterns) -> Iterator[Defect]:
    """`security., writes`: the stop and comma left where a closing mark was lost."""
    text = ctx.paragraph.text
    if ".," not in text and "!," not in text and "?," not in text:
        return
    for match in patterns.residue.finditer(text):
        yield Defect("attribution-residue", match.start(), match.end())


def quoted_spans(ctx: Context) -> list[tuple[int, int]]:
    """Spans of the paragraph inside quotation marks (an unclosed one runs to the end)."""
    text = ctx.paragraph.text
    spans = [(o.offset, c.offset + 1) for o, c in ctx.pairs]
    spans += [(m.offset, len(text)) for m in ctx.unpaired]
    spans += [(o.offset, c.offset + 1) for o, c in ctx.single_pairs]
    return spans


def unmarked_speech(ctx: Context, patterns: LocalePatterns) -> Iterator[Defect]:
    """A first-person clause attributed to a named speaker, with no quotation mark at all."""
    text = ctx.paragraph.text
    if "," not in text:  # an attribution follows a comma
        return
    quoted = quoted_spans(ctx)
    for start, end in sentences(ctx.paragraph, ctx.locale.abbreviations):
        if text.find(",", start, end) < 0 or DOUBLE_MARK.search(text, start, end) \
                or any(s < end and start < e for s, e in quoted):
            continue
        sentence = text[start:end]
        match = patterns.attribution.search(sentence)
        if match is None:
            continue
        clause = sentence[:match.start()]
        words = {w.lower().replace("’", "'") for w in WORD.findall(clause)}
        if words & ctx.locale.first_person:
            yield Defect("unmarked-speech", start, end)
