"""One scan of an article: every paragraph once, every defect class, offsets in the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tqcheck.documents import Article
from tqcheck.punctuation import boundaries, quotations, speech
from tqcheck.punctuation.conventions import Conventions
from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    double_marks,
    present,
    single_pairs,
)
from tqcheck.punctuation.patterns import LocalePatterns
from tqcheck.punctuation.text import WordCounts, paragraphs

SUBSUMED_BY = {"doubled-punctuation": "attribution-residue"}
"""A defect lying inside the span of the more specific one is not reported twice."""

Detector = Callable[[Context], Iterator[Defect]]
Trigger = Callable[[str, LocalePatterns], object]
"""Whether a detector may find something in a text (when the answer is false, it finds
nothing there): tried on the article's text, then on each paragraph, so that most
paragraphs meet few detectors."""


def holding(test: Callable[[str], object]) -> Trigger:
    """The trigger of a detector that finds something only where the test holds."""
    return lambda text, _patterns: test(text)


def may_attribute(text: str, patterns: LocalePatterns) -> bool:
    """The trigger of the detector of reported speech that lost its quotation marks."""
    return patterns.may_attribute(text)


MARK_DETECTORS: tuple[Detector, ...] = (
    quotations.unbalanced, quotations.misplaced, quotations.foreign, quotations.mixed,
)
"""The detectors that find nothing in a paragraph without quotation marks."""
SOURCE_DETECTORS: tuple[Detector, ...] = (quotations.count_mismatch,)
"""The detectors that find nothing in a paragraph without an aligned source line."""
DETECTORS: tuple[tuple[Detector, Trigger], ...] = (
    (boundaries.glued_words, holding(boundaries.MAY_GLUE.search)),
    (boundaries.cut_sentences, holding(boundaries.MAY_CUT.search)),
    (boundaries.doubled_punctuation, holding(boundaries.may_double)),
    (boundaries.source_spacing, holding(boundaries.may_misspace)),
    (boundaries.spaced_hyphens, holding(boundaries.MAY_SPACE_HYPHEN.search)),
    (speech.attribution_residue, holding(speech.MAY_RESIDUE.search)),
    (speech.unmarked_speech, may_attribute),
)
"""The other detectors, each with its trigger."""


def aligned_sources(article: Article, count: int) -> list[str | None]:
    """The source line of each target paragraph, when both have as many non-blank lines."""
    if article.source is None:
        return [None] * count
    source = [p.text for p in paragraphs(article.source.text)]
    return list(source) if len(source) == count else [None] * count


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
    triggered = [(detect, trigger) for detect, trigger in DETECTORS if trigger(text, patterns)]
    doubles, singles = present(text, DOUBLE_MARKS), present(text, SINGLE_MARKS)
    found = paragraphs(text)
    words = WordCounts(text)
    style = quotations.article_style(text, locale) if doubles else None
    sources = aligned_sources(article, len(found))
    defects: list[Defect] = []
    for index, paragraph in enumerate(found):
        marks = double_marks(paragraph.text, doubles) if doubles else []
        pairs, unpaired = quotations.paired(marks, locale) if marks else ([], [])
        quoted = single_pairs(paragraph.text, conventions.elisions, singles) if singles else []
        detectors = [detect for detect, trigger in triggered if trigger(paragraph.text, patterns)]
        if pairs or unpaired or quoted:
            detectors += MARK_DETECTORS
        if sources[index] is not None:
            detectors += SOURCE_DETECTORS
        if not detectors:
            continue
        following = found[index + 1].text if index + 1 < len(found) else None
        ctx = Context(paragraph, locale, conventions, patterns, pairs, unpaired, following,
                      style, words, sources[index], quoted)
        own = [d for detect in detectors for d in detect(ctx)]
        defects += [d.shifted(paragraph.start) for d in own if not _subsumed(d, own)]
    return defects


def _subsumed(defect: Defect, others: list[Defect]) -> bool:
    """Whether a more specific defect covers this one's span."""
    wider = SUBSUMED_BY.get(defect.kind)
    return wider is not None and any(o.kind == wider and o.start <= defect.start
                                     and defect.end <= o.end for o in others)
