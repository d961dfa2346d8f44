"""The HTML report's corpus overview: articles by MQM penalty with their reference scores,
findings per family and category, findings about other files and the settings of the run."""

from __future__ import annotations

from collections import Counter
from html import escape

from tqcheck import __version__
from tqcheck.engine import family_of
from tqcheck.findings import SEVERITY_RANK, Severity
from tqcheck.report.article_stats import ArticleStats
from tqcheck.report.html_article import Numbered, finding_item
from tqcheck.run import LintResult
from tqcheck.scoring import Score

SEVERITIES = sorted(Severity, key=SEVERITY_RANK.get, reverse=True)


def cell(value: object, sort: object) -> str:
    """A table cell, with the value the table sorts it by."""
    return f'<td data-v="{escape(str(sort))}">{value}</td>'


def score_names(stats: list[ArticleStats]) -> dict[str, str]:
    """The reference metrics scored in any article: metric -> shown name."""
    return {metric: score.name for s in stats for metric, score in s.scores.items()}


def articles_table(stats: list[ArticleStats]) -> str:
    """Every article, worst first, linked to its view; the headers sort it (with scripts)."""
    metrics = score_names(stats)
    names = ["Article", "Words", *(s.value for s in SEVERITIES), "Findings",
             "MQM penalty per 100 words", *metrics.values()]
    head = "".join(f'<th scope="col"><button type="button" data-col="{i}">{escape(name)}'
                   "</button></th>" for i, name in enumerate(names))
    rows = []
    for index, article in enumerate(stats):
        link = f'<a href="#a-{index}" dir="auto">{escape(article.path)}</a>'
        penalty = "" if article.penalty is None else f"{article.penalty:.2f}"
        scores = [article.scores.get(metric) for metric in metrics]
        rows.append("<tr>" + cell(link, article.path) + cell(article.words, article.words)
                    + "".join(cell(n, n) for n in (article.by_severity[s] for s in SEVERITIES))
                    + cell(article.findings, article.findings)
                    + cell(penalty, article.penalty if article.penalty is not None else -1)
                    + "".join(cell(s.shown(), s.score) if s else cell("", -1) for s in scores)
                    + "</tr>")
    return (f'<table class="articles sortable"><caption>Articles, worst first</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def bar_chart(title: str, counts: Counter[str], palette: dict[str, int] | None = None) -> str:
    """A horizontal bar per label, longest first; bars take their family's colour if given."""
    top = max(counts.values(), default=0)
    rows = []
    for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        colour = f" fam-{palette[label]}" if palette else ""
        rows.append(f'<tr><th scope="row">{escape(label)}</th><td class="bar-cell">'
                    f'<span class="bar{colour}" style="width:{100 * n / top:.1f}%"></span></td>'
                    f"<td>{n}</td></tr>")
    body = "".join(rows) or '<tr><td colspan="3">No findings.</td></tr>'
    return f'<table class="bars"><caption>{escape(title)}</caption><tbody>{body}</tbody></table>'


def corpus_scores(scores: list[Score]) -> str:
    """The corpus-level scores in one line (empty without any)."""
    shown = [f"{s.name} {s.shown()}" for s in scores if s.level == "corpus"]
    return f'<p class="summary">Corpus scores: {escape(", ".join(shown))}.</p>' if shown else ""


def settings(result: LintResult, stats: list[ArticleStats]) -> str:
    """Version, language pairs, score signatures and rules of the run."""
    pairs = Counter(f"{s.source_lang} → {s.target_lang or '?'}" if s.source_lang
                    else s.target_lang or "?" for s in stats)
    langs = ", ".join(f"{escape(pair)} ({n})" for pair, n in sorted(pairs.items()))
    signatures = {s.name: s.signature for s in result.scores if s.level == "corpus"}
    scoring = "".join(f"<dt>{escape(name)}</dt><dd><code>{escape(signature)}</code></dd>"
                      for name, signature in signatures.items())
    rules = "".join(
        f"<tr><td><code>{escape(r.id)}</code></td><td>{r.severity.value}</td>"
        f"<td>{escape(r.category)}</td><td>{escape((r.description or r.message).strip())}</td>"
        "</tr>" for r in sorted(result.rules, key=lambda r: r.id))
    return (f'<dl class="settings"><dt>tqcheck</dt><dd>{escape(__version__)}</dd>'
            f"<dt>Languages</dt><dd>{langs or 'none'}</dd>{scoring}"
            f"<dt>Rules</dt><dd><details><summary>{len(result.rules)} rules</summary>"
            f'<table class="rules"><thead><tr><th scope="col">id</th><th scope="col">severity</th>'
            f'<th scope="col">category</th><th scope="col">checks</th></tr></thead>'
            f"<tbody>{rules}</tbody></table></details></dd></dl>")


def overview(result: LintResult, stats: list[ArticleStats], unchecked: Numbered,
             palette: dict[str, int]) -> str:
    """The overview section."""
    counts = result.count_by_severity()
    total = len(result.findings)
    summary = (f"{total} finding{'s' if total != 1 else ''} ("
               + ", ".join(f"{n} {s}" for s, n in counts.items())
               + f") in {result.articles} article{'s' if result.articles != 1 else ''}, "
               f"{len(result.rules)} rules.")
    families = Counter(family_of(f.rule) for f in result.findings)
    categories = Counter(f.category for f in result.findings)
    files = ""
    if unchecked:
        items = "".join(finding_item(k, f, palette, linked=False) for k, f in unchecked)
        files = (f"<h2>Other files</h2><p>Findings about files other than the checked "
                 f'translations (inputs that could not be read, references):</p>'
                 f'<ol class="unchecked">{items}</ol>')
    return (f'<section id="overview" aria-labelledby="overview-h"><h1 id="overview-h">tqcheck '
            f'report</h1><p class="summary">{escape(summary)}</p>'
            f"{corpus_scores(result.scores)}{articles_table(stats)}"
            f'<div class="charts">{bar_chart("Findings per rule family", families, palette)}'
            f'{bar_chart("Findings per MQM category", categories)}</div>'
            f"{files}<h2>Settings</h2>{settings(result, stats)}</section>")
