"""One scan of an article: every paragraph once, every defect class, offsets in the text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from tqcheck.documents import Article
from tqcheck.punctuation import boundaries, quotations, speech
from tqcheck.punctuation.conventions import Conventions
from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    double_marks,
    offsets,
    single_pairs,
)
from tqcheck.punctuation.patterns import LocalePatterns
from tqcheck.punctuation.text import WordCounts, by_paragraph, paragraphs

SUBSUMED_BY = {"doubled-punctuation": "attribution-residue"}
"""A defect lying inside the span of the more specific one is not reported twice."""

Detector = Callable[[Context], Iterator[Defect]]
Trigger = Callable[[str, LocalePatterns], Iterable[int]]
"""Where a detector may find something in a text: offsets of non-blank characters, each
found as it would be in its line alone (in a paragraph that holds none, the detector finds
nothing). Tried once on the article's text, so that each paragraph meets only the detectors
triggered in it."""


def holding(find: Callable[[str], list[int]]) -> Trigger:
    """The trigger of a detector that finds something only where `find` finds offsets."""
    return lambda text, _patterns: find(text)


def matching(expression: re.Pattern[str]) -> Trigger:
    """The trigger of a detector that finds something only where the expression matches."""
    return lambda text, _patterns: [match.start() for match in expression.finditer(text)]


def attributions(text: str, patterns: LocalePatterns) -> Iterator[int]:
    """The trigger of the detector of reported speech that lost its quotation marks."""
    return patterns.attributions(text)


MARK_DETECTORS: tuple[Detector, ...] = (
    quotations.unbalanced, quotations.misplaced, quotations.foreign, quotations.mixed,
)
"""The detectors that find nothing in a paragraph without quotation marks."""
SOURCE_DETECTORS: tuple[Detector, ...] = (quotations.count_mismatch,)
"""The detectors that find nothing in a paragraph without an aligned source line."""
DETECTORS: tuple[tuple[Detector, Trigger], ...] = (
    (boundaries.glued_words, holding(boundaries.glue_offsets)),
    (boundaries.cut_sentences, matching(boundaries.MAY_CUT)),
    (boundaries.doubled_punctuation, holding(boundaries.doublings)),
    (boundaries.source_spacing, holding(boundaries.misspacings)),
    (boundaries.spaced_hyphens, matching(boundaries.MAY_SPACE_HYPHEN)),
    (speech.attribution_residue, matching(speech.MAY_RESIDUE)),
    (speech.unmarked_speech, attributions),
)
"""The other detectors, each with its trigger."""


def aligned_sources(article: Article, count: int) -> list[str] | None:
    """The source line of each target paragraph, when both have as many non-blank lines."""
    if article.source is None:
        return None
    source = [p.text for p in paragraphs(article.source.text)]
    return source if len(source) == count else None


def triggered(text: str, patterns: LocalePatterns,
              starts: list[int]) -> dict[int, list[Detector]]:
    """The detectors triggered in each paragraph (by index; `starts`: the paragraphs'
    offsets), in the order of DETECTORS."""
    found: dict[int, list[Detector]] = {}
    for detect, trigger in DETECTORS:
        for index in by_paragraph(trigger(text, patterns), starts):
            found.setdefault(index, []).append(detect)
    return found


def scan(article: Article, conventions: Conventions) -> list[Defect]:
    """Every defect of every class in the article's target text (nothing for other locales)."""
    locale = conventions.locales.get(article.target_lang or "")
    if locale is None:
        return []
    key = ("patterns", article.target_lang)
    patterns = conventions.cache.get(key)
    if patterns is None:
        patterns = conventions.cache[key] = LocalePatterns(locale)
    text = article.target.checkable
    found = paragraphs(text)
    starts = [paragraph.start for paragraph in found]
    detectors_at = triggered(text, patterns, starts)
    double_offsets = offsets(text, DOUBLE_MARKS)
    doubles = by_paragraph(double_offsets, starts)
    singles = by_paragraph(offsets(text, SINGLE_MARKS), starts)
    words = WordCounts(text)
    style = quotations.article_style("".join(text[i] for i in double_offsets), locale)
    sources = aligned_sources(article, len(found))
    visited = range(len(found)) if sources is not None \
        else sorted(detectors_at.keys() | doubles.keys() | singles.keys())
    defects: list[Defect] = []
    for index in visited:
        paragraph = found[index]
        marks = double_marks(paragraph.text, at) if (at := doubles.get(index)) else []
        pairs, unpaired = quotations.paired(marks, locale) if marks else ([], [])
        roles = quotations.roles(pairs, unpaired) if marks else []
        quoted = single_pairs(paragraph.text, conventions.elisions, at) \
            if (at := singles.get(index)) else []
        detectors = detectors_at.get(index, [])
        if marks or quoted:  # every mark is paired or not
            detectors = [*detectors, *MARK_DETECTORS]
        source = sources[index] if sources is not None else None
        if source is not None:
            detectors = [*detectors, *SOURCE_DETECTORS]
        if not detectors:
            continue
        following = found[index + 1].text if index + 1 < len(found) else None
        ctx = Context(paragraph, locale, conventions, patterns, pairs, unpaired, following,
                      style, words, source, quoted, roles)
        own = [d for detect in detectors for d in detect(ctx)]
        defects += [d.shifted(paragraph.start) for d in own if not _subsumed(d, own)]
    return defects


def _subsumed(defect: Defect, others: list[Defect]) -> bool:
    """Whether a more specific defect covers this one's span."""
    wider = SUBSUMED_BY.get(defect.kind)
    return wider is not None and any(o.kind == wider and o.start <= defect.start
                                     and defect.end <= o.end for o in others)
