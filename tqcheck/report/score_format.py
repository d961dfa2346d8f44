"""`tqcheck score` reports: text (sacrebleu's score lines), JSON, and Markdown for a pull
request comment."""

from __future__ import annotations

import json
from itertools import groupby

from tqcheck import __version__
from tqcheck.compare import Comparison, Outcome
from tqcheck.report.score_lines import score_line
from tqcheck.score_run import ScoreReport
from tqcheck.scoring import Score

TEST_NAMES = {"bs": "paired bootstrap resampling", "ar": "paired approximate randomization"}
SIGNIFICANT = 0.05


def sacrebleu_line(score: Score, width: int) -> str:
    """A corpus score as the sacrebleu command line prints it in text format."""
    line = f"{score.name}|{score.signature} = {score.shown(width)}"
    return f"{line} {score.detail}" if score.detail else line


def outcome_text(outcome: Outcome, width: int, baseline: bool) -> str:
    """`41.8 (μ = 41.9 ± 1.2) p = 0.0010*` (the star marks p < 0.05)."""
    text = f"{outcome.score:.{width}f}"
    if outcome.mean is not None and outcome.ci is not None:
        text += f" (μ = {outcome.mean:.{width}f} ± {outcome.ci:.{width}f})"
    if not baseline and outcome.p_value is not None:
        star = "*" if outcome.p_value < SIGNIFICANT else ""
        text += f" p = {outcome.p_value:.4f}{star}"
    return text


def comparison_rows(comparison: Comparison, width: int) -> list[list[str]]:
    """Header and one row per system (the baseline first)."""
    metrics = list(comparison.outcomes)
    rows = [["system", *metrics]]
    for index, name in enumerate(comparison.systems):
        label = f"{name} (baseline)" if index == 0 else name
        rows.append([label, *(outcome_text(comparison.outcomes[m][index], width, index == 0)
                              for m in metrics)])
    return rows


def comparison_title(comparison: Comparison) -> str:
    """Which test, how many samples, which seed."""
    return (f"{TEST_NAMES[comparison.test].capitalize()}: {comparison.samples} "
            f"{'resamples' if comparison.test == 'bs' else 'trials'}, seed {comparison.seed}; "
            f"p < {SIGNIFICANT} marked *")


def system_lines(scores: list[Score], width: int) -> list[str]:
    """A system's segment and article lines (when more than one article), then its corpus
    scores as sacrebleu prints them."""
    lines = []
    for level in ("segment", "article"):
        chosen = [s for s in scores if s.level == level]
        for (article, segment), group in groupby(chosen, key=lambda s: (s.article, s.segment)):
            label = f"{article}:{segment}" if segment else f"{article}"
            lines.append(score_line(label, list(group), width))
    return lines + [sacrebleu_line(s, width) for s in scores if s.level == "corpus"]


def render_text(report: ScoreReport) -> str:
    """Scores of each system, then the comparison table."""
    out = []
    for name, scores in report.scores.items():
        if len(report.scores) > 1:
            out.append(f"== {name}")
        out += system_lines(scores, report.width)
    if report.comparison:
        rows = comparison_rows(report.comparison, report.width)
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        out += ["", comparison_title(report.comparison)]
        out += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                for row in rows]
    out += report.failed
    return "\n".join(out) + "\n"


def render_markdown(report: ScoreReport) -> str:
    """A Markdown table of corpus scores (or the comparison), with signatures folded away."""
    comparison = report.comparison
    if comparison:
        rows = comparison_rows(comparison, report.width)
        signatures = comparison.signatures
    else:
        corpus = {name: [s for s in scores if s.level == "corpus"]
                  for name, scores in report.scores.items()}
        names = list(dict.fromkeys(s.name for scores in corpus.values() for s in scores))
        rows = [["system", *names]]
        for system, scores in corpus.items():
            by_name = {s.name: s.shown(report.width) for s in scores}
            rows.append([system, *(by_name.get(n, "") for n in names)])
        signatures = {s.name: s.signature for scores in corpus.values() for s in scores}
    out = ["## tqcheck scores", ""]
    if comparison:
        out += [comparison_title(comparison), ""]
    out.append("| " + " | ".join(rows[0]) + " |")
    out.append("|" + "|".join("---" for _ in rows[0]) + "|")
    out += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows[1:]]
    out += ["", "<details><summary>Signatures</summary>", ""]
    out += [f"- `{name}|{signature}`" for name, signature in signatures.items()]
    out += ["", "</details>"]
    out += [f"\n**{line}**" for line in report.failed]
    return "\n".join(out) + "\n"


def report_dict(report: ScoreReport) -> dict[str, object]:
    """The score report as a JSON-ready dict (comparison values unrounded, as sacrebleu's)."""
    comparison = report.comparison
    return {
        "tool": "tqcheck", "version": __version__,
        "systems": [{"name": name, "scores": [s.to_dict(report.width) for s in scores]}
                    for name, scores in report.scores.items()],
        "comparison": None if comparison is None else {
            "test": comparison.test, "samples": comparison.samples, "seed": comparison.seed,
            "baseline": comparison.systems[0], "signatures": comparison.signatures,
            "systems": [{"name": name, **{metric: vars(outcomes[index])
                                          for metric, outcomes in comparison.outcomes.items()}}
                        for index, name in enumerate(comparison.systems)]},
        "failed": report.failed,
        "messages": report.messages,
    }


def render_json(report: ScoreReport) -> str:
    """The score report as indented JSON."""
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}
