"""`--format html`: escaping, every finding once at its exact span, overlaps, source beside
the translation, penalties and the overview (the page read with the standard HTML parser)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT, finding_in, run_tqcheck
from tests.report_support import (
    corpus_json,
    corpus_result,
    file_text,
    finding_span,
    joined_spans,
)
from tqcheck.documents import Document
from tqcheck.findings import Finding, Severity
from tqcheck.report.article_stats import article_stats
from tqcheck.report.html_format import render
from tqcheck.report.html_spans import Span, highlight, spans_within
from tqcheck.run import LintResult
from tqcheck.scoring import Score

VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "col", "area", "base", "source"}


@dataclass
class ArticleDom:
    """What one article section shows: its heading, translation text and highlight pieces."""

    path: str = ""
    text: str = ""
    pieces: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    rows: int = 0


class Dom(HTMLParser):
    """A report page taken apart; end tags must close the element last opened."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[ArticleDom] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.ids: Counter[str] = Counter()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open_marks: list[tuple[int, int]] = []
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed elements: {self.stack}"

    def inside(self, name: str) -> bool:
        return any(name in (attrs.get("class") or "").split() for _, attrs in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids[attributes["id"] or ""] += 1
        if tag in VOID:
            return
        self.stack.append((tag, attributes))
        classes = (attributes.get("class") or "").split()
        if tag == "section" and "article" in classes:
            self.articles.append(ArticleDom())
        elif tag == "div" and "row" in classes and "head" not in classes:
            self.articles[-1].rows += 1
        elif tag == "div" and "src" in classes:
            self.articles[-1].sources.append("")
        elif tag == "mark" and self.inside("tgt"):
            self.open_marks.append((int(attributes["data-f"] or ""), len(self.articles[-1].text)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if tag == "mark" and self.inside("tgt"):
            key, start = self.open_marks.pop()
            article = self.articles[-1]
            article.pieces.setdefault(key, []).append((start, article.text[start:]))

    def handle_data(self, data: str) -> None:
        if self.inside("tgt"):
            self.articles[-1].text += data
        elif self.inside("src"):
            self.articles[-1].sources[-1] += data
        elif self.stack and self.stack[-1][0] == "h2" and self.inside("article"):
            self.articles[-1].path += data


def finding(document: Document, start: int, end: int, rule: str = "names/x",
            severity: Severity = Severity.WARNING) -> Finding:
    return finding_in(document, start, end, rule=rule, category="Other",
                               severity=severity, message=f"{rule} here", suggestion="s")


def result_of(findings: list[Finding], *documents: Document,
              sources: dict[str, Document] | None = None,
              scores: list[Score] | None = None) -> LintResult:
    return LintResult(findings=findings, rules=[], articles=len(documents),
                      targets={d.path: d for d in documents}, sources=sources or {},
                      scores=scores or [])


@pytest.fixture(scope="module")
def corpus_pages() -> tuple[dict, Dom, str]:
    """The JSON and HTML reports of one run over the sample corpus."""
    result = corpus_result()
    page = render(result)
    return corpus_json(), Dom(page), page


def test_corpus_every_finding_is_highlighted_once_at_its_exact_span(corpus_pages):
    report, dom, _ = corpus_pages
    assert report["findings"]
    by_path = {article.path: article for article in dom.articles}
    shown = Counter()
    for article in dom.articles:
        assert article.text == file_text(ROOT / article.path)
        for key, (start, end) in joined_spans(article.pieces).items():
            assert dom.ids[f"f-{key}"] == dom.ids[f"d-{key}"] == 1
            shown[(article.path, start, end, article.text[start:end])] += 1
    expected = Counter()
    for item in report["findings"]:
        start, end = finding_span(by_path[item["path"]].text, item)
        expected[(item["path"], start, end, item["text"])] += 1
    assert shown == expected
    assert sum(1 for name in dom.ids if name.startswith("d-")) == len(report["findings"])


def test_corpus_articles_are_listed_worst_first_with_their_sources(corpus_pages):
    report, dom, page = corpus_pages
    counts = Counter(item["path"] for item in report["findings"])
    assert {a.path for a in dom.articles} >= set(counts)
    with_source = [a for a in dom.articles if a.sources]
    assert with_source, "the corpus has articles with a source text"
    for article in with_source:
        source_path = next((ROOT / article.path).parent.glob("source.*"))
        assert "".join(article.sources) == file_text(source_path)
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page


def test_text_that_looks_like_html_is_shown_as_text(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "tags.yaml").write_text(
        "id: house/tag\ntype: pattern\ncategory: Other\nseverity: warning\n"
        "message: \"markup '{text}' in the text\"\npattern: '<img[^>]*>'\n", encoding="utf-8")
    text = ('Poutine said <script>alert(1)</script> & "more" \'here\'.\r\n'
            'Then <img src=x onerror="alert(2)"> and </div></section> closed.\n')
    article = tmp_path / "story.en.txt"
    article.write_bytes(text.encode("utf-8"))
    out = tmp_path / "report.html"
    run = run_tqcheck("lint", str(article), "--no-default-rules", "--rules", str(rules),
                      "--format", "html", "--output", str(out), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    dom = Dom(out.read_text(encoding="utf-8"))
    [shown] = dom.articles
    assert shown.text == text
    assert [tag for tag, _ in dom.tags if tag in {"script", "img"}] == ["script"]
    titles = [attrs["title"] for tag, attrs in dom.tags if tag == "mark"]
    assert 'house/tag: markup \'<img src=x onerror="alert(2)">\' in the text' in titles


def highlighted(text: str, spans: list[Span], cuts: list[int]) -> str:
    """An article section whose text, cut at `cuts`, has the spans highlighted."""
    bounds = [0, *cuts, len(text)]
    cells = (highlight(text, lo, hi, spans_within(spans, lo, hi, len(text)),
                       lambda span: f'<mark data-f="{span.key}">')
             for lo, hi in zip(bounds, bounds[1:], strict=False))
    return '<section class="article">' + "".join(
        f'<div class="tgt">{cell}</div>' for cell in cells) + "</section>"


def test_crossing_nested_and_empty_spans_are_split_into_nested_pieces():
    text = "abcdefghijklmnopqrst"
    spans = [Span(0, 10, 0), Span(5, 15, 1), Span(2, 4, 2), Span(7, 7, 3), Span(5, 15, 4)]
    [article] = Dom(highlighted(text, spans, [])).articles
    assert article.text == text
    assert joined_spans(article.pieces) == {s.key: (s.start, s.end) for s in spans}


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab <>&\"'\r\n\u05d0", max_size=40),
       bounds=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
       cut=st.integers(0, 40))
def test_any_spans_over_two_parts_come_back_exactly(text, bounds, cut):
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text)), key)
             for key, (a, b) in enumerate(bounds)]
    [article] = Dom(highlighted(text, spans, [min(cut, len(text))])).articles
    assert article.text == text
    assert joined_spans(article.pieces) == {s.key: (s.start, s.end) for s in spans}


def test_source_is_aligned_by_segment_only_when_the_lines_match():
    target = Document(path="t.en.txt", text="One.\n\nTwo.\nThree.\n", lang="en")
    aligned = Document(path="s.fr.txt", text="Un.\nDeux.\n\nTrois.", lang="fr")
    [article] = Dom(render(result_of([], target, sources={"t.en.txt": aligned}))).articles
    assert article.rows == 3
    assert article.sources == ["Un.\n", "Deux.\n\n", "Trois."]
    assert article.text == target.text
    unaligned = Document(path="s.fr.txt", text="Un. Deux.\nTrois.", lang="fr")
    [article] = Dom(render(result_of([], target, sources={"t.en.txt": unaligned}))).articles
    assert (article.rows, article.sources) == (1, [unaligned.text])


def test_text_cells_take_their_direction_from_their_text():
    target = Document(path="t.ar.txt", text="قال بوتين اليوم\n", lang="ar")
    dom = Dom(render(result_of([finding(target, 4, 9)], target)))
    cells = [attrs for tag, attrs in dom.tags if "tgt" in (attrs.get("class") or "").split()]
    assert cells and all(attrs.get("dir") == "auto" and attrs.get("lang") == "ar"
                         for attrs in cells)
    assert joined_spans(dom.articles[0].pieces) == {0: (4, 9)}


def test_articles_go_worst_first_by_mqm_penalty_then_by_findings():
    light = Document(path="a.txt", text="word " * 100)
    heavy = Document(path="b.txt", text="word " * 200)
    unscored = Document(path="c.txt", text="two words")
    findings = [finding(light, 0, 4), finding(unscored, 0, 3), finding(unscored, 4, 9)]
    scores = [Score("mqm", "MQM", 96.5, "sig", "article", "b.txt"),
              Score("mqm", "MQM", 99.0, "sig", "article", "a.txt"),
              Score("bleu", "BLEU", 41.3, "sig", "article", "a.txt")]
    result = result_of(findings, light, heavy, unscored, scores=scores)
    stats = article_stats(result)
    assert [s.path for s in stats] == ["b.txt", "a.txt", "c.txt"]
    assert [s.penalty for s in stats] == [pytest.approx(3.5), pytest.approx(1.0), None]
    assert [s.words for s in stats] == [200, 100, 2]
    assert list(stats[1].scores) == ["bleu"]
    page = render(result)
    assert [a.path for a in Dom(page).articles] == ["b.txt", "a.txt", "c.txt"]
    assert ">BLEU</button></th>" in page and '<td data-v="41.3">41.3</td>' in page


def test_corpus_articles_are_ordered_by_their_mqm_scores(corpus_pages):
    report, dom, _ = corpus_pages
    mqm = {s["article"]: s["score"] for s in report["scores"]
           if s["metric"] == "mqm" and s["level"] == "article"}
    shown = [mqm[a.path] for a in dom.articles]
    assert len(shown) == len(mqm) > 1 and shown == sorted(shown)


def test_files_that_could_not_be_checked_are_listed_once(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "story.en.txt").write_text("Vladimir Poutine spoke.\n", encoding="utf-8")
    out = tmp_path / "report.html"
    run = run_tqcheck("lint", ".", "--no-default-rules", "--format", "html", "--output",
                      str(out), "--exit-zero", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    dom = Dom(out.read_text(encoding="utf-8"))
    unchecked = [attrs for tag, attrs in dom.tags
                 if tag == "li" and attrs.get("id") and not dom.ids.get(
                     f"f-{(attrs['id'] or '').removeprefix('d-')}")]
    assert len(unchecked) == 1
    assert [a.path for a in dom.articles] == ["story.en.txt"]


def test_page_loads_nothing_from_elsewhere(corpus_pages):
    _, dom, _ = corpus_pages
    for tag, attrs in dom.tags:
        assert "src" not in attrs, tag
        if "href" in attrs:
            href = attrs["href"] or ""
            assert href.startswith("#") or (tag == "link" and href.startswith("data:")), href
