"""The scores of a lint run: usable references, reference scores, MQM scores and gates."""

from __future__ import annotations

from tqcheck.config import Config
from tqcheck.documents import Article, Document
from tqcheck.findings import Finding, Severity
from tqcheck.gates import gate_findings
from tqcheck.langid import detect_language
from tqcheck.mqm import mqm_scores
from tqcheck.scoring import Aligned, Score, Scoring, align


def note(path: str, rule: str, message: str, severity: Severity) -> Finding:
    """A `scores/...` finding about a reference, at the start of the file."""
    return Finding(path=path, line=1, column=1, end_line=1, end_column=1, rule=f"scores/{rule}",
                   category="Other", severity=severity, message=message, text="")


def wrong_language(ref: Document, target: Document) -> str | None:
    """The detected language of a reference that is not the target's language, else None."""
    expected = (target.lang or "").split("-")[0]
    found = detect_language(ref.text)
    if not expected or found is None or found == expected:
        return None
    return None if detect_language(target.text) == found else found


def usable_references(article: Article) -> tuple[list[Document], list[Finding]]:
    """The references that can be scored against, and a finding for each that cannot."""
    usable, problems = [], []
    for ref in article.refs:
        if not ref.text.strip():
            problems.append(note(ref.path, "empty-reference", "reference is empty; not scored "
                                 "against", Severity.WARNING))
        elif found := wrong_language(ref, article.target):
            problems.append(note(ref.path, "reference-language",
                                 f"reference looks like '{found}', not '{article.target_lang}' "
                                 "like the translation; not scored against", Severity.WARNING))
        else:
            usable.append(ref)
    return usable, problems


def aligned_article(article: Article, refs: list[Document]) -> tuple[Aligned, list[Finding]]:
    """An article aligned with its references, and a note when it is scored as one document."""
    item = align(article.target.path, article.target_lang, article.target.text,
                 [ref.text for ref in refs])
    if item.by_lines:
        return item, []
    return item, [note(refs[0].path, "document-level",
                       f"the translation and its references have different numbers of lines "
                       f"({item.alignment.removeprefix('one document: ')}); scored as one "
                       "document", Severity.INFO)]


def score_articles(articles: list[Article], words_by_path: dict[str, int],
                   findings: list[Finding], config: Config) -> tuple[list[Score], list[Finding]]:
    """Reference scores of the articles with references and MQM scores of every article
    (its path and word count), and the findings they add (references that cannot be used,
    articles scored as one document, scores under their --fail-under minimum)."""
    items, added = [], []
    for article in articles:
        refs, problems = usable_references(article)
        added += problems
        if refs:
            item, notes = aligned_article(article, refs)
            items.append(item)
            added += notes
    scores = Scoring(metrics=tuple(config.metrics)).score(items) if items else []
    scores += mqm_scores(words_by_path, findings, config.mqm)
    return scores, added + gate_findings(scores, config.fail_under)
