"""Scores as compact text lines: one per article with reference scores, one for the corpus."""

from __future__ import annotations

from itertools import groupby

from tqcheck.scoring import Score


def score_line(label: str, scores: list[Score], width: int = 1) -> str:
    """`label: BLEU 23.4  chrF2 51.2  TER 60.1  MQM 97.5 (5 segments)`."""
    values = "  ".join(f"{s.name} {s.shown(width)}" for s in scores)
    alignment = next((s.alignment for s in scores if s.alignment), "")
    return f"{label}: {values}" + (f" ({alignment})" if alignment else "")


def score_lines(scores: list[Score], width: int = 1) -> list[str]:
    """Lines for the articles that have reference scores, then the corpus and its signatures."""
    scored = {s.article for s in scores if s.level == "article" and s.metric != "mqm"}
    if not scored:
        return []
    lines = []
    articles = [s for s in scores if s.level == "article" and s.article in scored]
    for article, group in groupby(sorted(articles, key=lambda s: s.article or ""),
                                  key=lambda s: s.article):
        lines.append(score_line(article or "", list(group), width))
    corpus = [s for s in scores if s.level == "corpus"]
    lines.append(score_line(f"corpus ({len(scored)} article{'s' if len(scored) != 1 else ''} "
                            "with references)", corpus, width))
    lines += [f"    {s.name}|{s.signature}" for s in corpus if s.metric != "mqm"]
    return lines
