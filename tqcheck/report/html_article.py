"""The HTML report's view of one article: its text with every finding highlighted in place,
the source beside it, and the list of its findings."""

from __future__ import annotations

from html import escape

from tqcheck.documents import Document
from tqcheck.engine import family_of
from tqcheck.findings import Finding
from tqcheck.punctuation.text import paragraphs
from tqcheck.report.article_stats import ArticleStats
from tqcheck.report.html_spans import Span, escape_text, highlight, spans_within

Part = tuple[int, int]
Numbered = list[tuple[int, Finding]]
"""Findings with the number that names them in the page (`f-N` highlight, `d-N` item)."""


def suggestion_note(finding: Finding) -> str:
    """`→ replacement` (or `→ (delete)`), empty when the finding suggests nothing."""
    if finding.suggestion is None:
        return ""
    return f"→ {finding.suggestion}" if finding.suggestion else "→ (delete)"


def tip(finding: Finding) -> str:
    """What hovering a highlight tells: rule, message and suggestion."""
    return " ".join(filter(None, (f"{finding.rule}:", finding.message, suggestion_note(finding))))


def marks(finding: Finding, palette: dict[str, int]) -> str:
    """The classes that colour a finding: its family's colour and its severity's line."""
    return f"fam-{palette[family_of(finding.rule)]} sev-{finding.severity.value}"


def finding_item(key: int, finding: Finding, palette: dict[str, int], *, linked: bool) -> str:
    """One entry of a findings list; `linked` ones jump to their highlight."""
    where = f"{finding.line}:{finding.column}"
    place = f'<a href="#f-{key}">{where}</a>' if linked else escape(finding.path)
    note = suggestion_note(finding)
    suggestion = f' <span class="sug" dir="auto">{escape(note)}</span>' if note else ""
    return (f'<li id="d-{key}" class="{marks(finding, palette)}">{place} '
            f'<span class="sev">{finding.severity.value}</span> '
            f'<code>{escape(finding.rule)}</code> '
            f'<span class="msg" dir="auto">{escape(finding.message)}</span>{suggestion}</li>')


def parts(starts: list[int], length: int) -> list[Part]:
    """A text cut before each start but the first: every code point in exactly one part."""
    cuts = [0, *starts[1:], length]
    return list(zip(cuts, cuts[1:], strict=False))


def rows(target: Document, source: Document | None) -> list[tuple[Part, Part | None]]:
    """Parts of the target, each with the part of the source beside it: segment by segment
    when both have as many non-blank lines (two or more), else the whole texts."""
    whole = (0, len(target.text))
    if source is None:
        return [(whole, None)]
    target_lines, source_lines = paragraphs(target.text), paragraphs(source.text)
    if len(target_lines) != len(source_lines) or len(target_lines) < 2:
        return [(whole, (0, len(source.text)))]
    return list(zip(parts([p.start for p in target_lines], len(target.text)),
                    parts([p.start for p in source_lines], len(source.text)), strict=True))


def span_of(document: Document, key: int, finding: Finding) -> Span:
    """The code-point span of a finding in its document."""
    size = len(document.text)
    start = min(document.offset(finding.line, finding.column), size)
    end = min(document.offset(finding.end_line, finding.end_column), size)
    return Span(start, max(start, end), key)


def lang_note(document: Document) -> str:
    """` (lang)` when the document's language is known."""
    return f" ({escape(document.lang)})" if document.lang else ""


def lang_attr(document: Document) -> str:
    """A `lang` attribute when the document's language is known."""
    return f' lang="{escape(document.lang)}"' if document.lang else ""


def text_rows(target: Document, source: Document | None, numbered: Numbered,
              palette: dict[str, int]) -> str:
    """The translation (and source) as rows, findings highlighted; the first piece of each
    highlight is its anchor and keyboard stop."""
    findings = dict(numbered)
    spans = [span_of(target, key, finding) for key, finding in numbered]
    opened: set[int] = set()

    def open_tag(span: Span) -> str:
        finding = findings[span.key]
        anchor = "" if span.key in opened else f' id="f-{span.key}" tabindex="0"'
        opened.add(span.key)
        return (f'<mark{anchor} class="{marks(finding, palette)}" data-f="{span.key}" '
                f'title="{escape(tip(finding))}" aria-describedby="d-{span.key}">')

    size = len(target.text)
    out = []
    for (lo, hi), beside in rows(target, source):
        marked = highlight(target.text, lo, hi, spans_within(spans, lo, hi, size), open_tag)
        cells = f'<div class="tgt" dir="auto"{lang_attr(target)}>{marked}</div>'
        if source is not None and beside is not None:
            cells += (f'<div class="src" dir="auto"{lang_attr(source)}>'
                      f'{escape_text(source.text[beside[0]:beside[1]])}</div>')
        out.append(f'<div class="row">{cells}</div>')
    return "".join(out)


def legend(numbered: Numbered, palette: dict[str, int]) -> str:
    """The colours of the families found in the article, and what the underlines mean."""
    families = sorted({family_of(finding.rule) for _, finding in numbered})
    items = "".join(f'<li class="fam-{palette[family]}">{escape(family)}</li>'
                    for family in families)
    return (f'<ul class="legend" aria-label="Legend">{items}<li class="line">underline: thick '
            "error, thin warning, dotted info</li></ul>") if items else ""


def article_section(index: int, stats: ArticleStats, target: Document, source: Document | None,
                    numbered: Numbered, palette: dict[str, int]) -> str:
    """The whole view of one article."""
    langs = " → ".join(lang for lang in (stats.source_lang, stats.target_lang) if lang)
    facts = [langs, f"{stats.words} words", f"{stats.findings} findings",
             "" if stats.penalty is None else f"MQM penalty {stats.penalty:.2f} per 100 words",
             *(f"{score.name} {score.shown()}" for score in stats.scores.values())]
    head = (f'<h2 id="a-{index}-h" dir="auto">{escape(stats.path)}</h2>'
            f'<p class="facts">{escape(" · ".join(f for f in facts if f))} · '
            f'<a href="#top">overview</a></p>')
    header = ""
    if source is not None:
        header = (f'<div class="row head"><div>Translation{lang_note(target)}</div>'
                  f'<div dir="auto">Source: {escape(source.path)}{lang_note(source)}</div></div>')
    items = "".join(finding_item(key, finding, palette, linked=True) for key, finding in numbered)
    listing = f"<ol>{items}</ol>" if items else "<p>No findings.</p>"
    two = " two" if source is not None else ""
    return (f'<section class="article" id="a-{index}" aria-labelledby="a-{index}-h">{head}'
            f'{legend(numbered, palette)}<div class="body"><div class="text{two}">{header}'
            f'{text_rows(target, source, numbered, palette)}</div>'
            f'<aside class="findings" aria-label="Findings"><h3>Findings</h3>{listing}</aside>'
            f"</div></section>")

