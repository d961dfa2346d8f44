"""Per-article figures of a run: words, findings, the MQM penalty and reference scores."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tqcheck.findings import Finding, Severity
from tqcheck.mqm import word_count
from tqcheck.run import LintResult
from tqcheck.scoring import Score

MQM = "mqm"


@dataclass(frozen=True)
class ArticleStats:
    """One checked article: size, findings, MQM penalty per 100 words and reference scores."""

    path: str
    words: int
    findings: int
    by_severity: Counter[Severity]
    penalty: float | None
    target_lang: str | None
    source_lang: str | None
    scores: dict[str, Score] = field(default_factory=dict)


def article_scores(scores: list[Score]) -> dict[str, dict[str, Score]]:
    """Article-level scores by article path, then by metric."""
    found: dict[str, dict[str, Score]] = {}
    for score in scores:
        if score.level == "article" and score.article is not None:
            found.setdefault(score.article, {})[score.metric] = score
    return found


def article_stats(result: LintResult) -> list[ArticleStats]:
    """Every checked article, worst first: by MQM penalty (100 minus the MQM score), then
    number of findings, then path."""
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    scores = article_scores(result.scores)
    stats = []
    for path, document in result.targets.items():
        found = by_path.get(path, [])
        own = dict(scores.get(path, {}))
        mqm = own.pop(MQM, None)
        source = result.sources.get(path)
        stats.append(ArticleStats(
            path=path, words=word_count(document.checkable), findings=len(found),
            by_severity=Counter(f.severity for f in found),
            penalty=None if mqm is None else 100 - mqm.score, target_lang=document.lang,
            source_lang=source.lang if source else None, scores=own))
    return sorted(stats, key=lambda s: (-(s.penalty or 0.0), -s.findings, s.path))
