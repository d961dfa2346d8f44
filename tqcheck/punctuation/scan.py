"""One scan of an article: every paragraph once, every defect class, offsets in the text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tqcheck.documents import Article
from tqcheck.punctuation import boundaries, quotations, speech
from tqcheck.punctuation.conventions import Conventions
from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import double_marks, single_pairs
from tqcheck.punctuation.patterns import LocalePatterns, compile_patterns
from tqcheck.punctuation.text import Paragraph, WordCounts, paragraphs

SUBSUMED_BY = {"doubled-punctuation": "attribution-residue"}
"""A defect lying inside the span of the more specific one is not reported twice."""

Detector = Callable[[Context], Iterator[Defect]]
DETECTORS: tuple[Detector, ...] = (
    quotations.unbalanced, quotations.misplaced, quotations.foreign, quotations.mixed,
    quotations.count_mismatch, boundaries.glued_words, boundaries.cut_sentences,
    boundaries.doubled_punctuation, boundaries.source_spacing, boundaries.spaced_hyphens,
)
SPEECH_DETECTORS: tuple[Callable[[Context, LocalePatterns], Iterator[Defect]], ...] = (
    speech.attribution_residue, speech.unmarked_speech,
)


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
        patterns = conventions.cache[key] = compile_patterns(locale)
    text = article.target.checkable
    found = paragraphs(text)
    words = WordCounts(text)
    style = quotations.article_style([p.text for p in found], locale)
    sources = aligned_sources(article, len(found))
    defects: list[Defect] = []
    for index, paragraph in enumerate(found):
        following: Paragraph | None = found[index + 1] if index + 1 < len(found) else None
        marks = double_marks(paragraph.text)
        pairs, unpaired = quotations.paired(marks, locale)
        ctx = Context(paragraph, locale, conventions, pairs, unpaired,
                      following.text if following else None, style, words, sources[index],
                      single_pairs(paragraph.text, conventions.elisions))
        own = [d for detect in DETECTORS for d in detect(ctx)]
        own += [d for detect in SPEECH_DETECTORS for d in detect(ctx, patterns)]
        defects += [d.shifted(paragraph.start) for d in own if not _subsumed(d, own)]
    return defects


def _subsumed(defect: Defect, others: list[Defect]) -> bool:
    """Whether a more specific defect covers this one's span."""
    wider = SUBSUMED_BY.get(defect.kind)
    return wider is not None and any(o.kind == wider and o.start <= defect.start
                                     and defect.end <= o.end for o in others)
