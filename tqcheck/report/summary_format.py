"""A Markdown summary of a run (for a GitHub job summary): counts, first findings, scores."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import quote

from tqcheck.findings import SEVERITY_RANK, Finding, Severity
from tqcheck.report.github_format import worst_first
from tqcheck.report.text_format import one_line
from tqcheck.run import LintResult
from tqcheck.scoring import Score

FIRST_FINDINGS = 20
SEVERITIES = sorted(Severity, key=SEVERITY_RANK.get, reverse=True)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")


def md(text: object) -> str:
    """Text safe inside a Markdown table cell: one line, Markdown's special characters escaped."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", one_line(str(text)))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table (cells already escaped)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def link(finding: Finding, link_base: str | None) -> str:
    """`path:line`, linked to the line in the repository when a base URL is known."""
    label = md(f"{finding.path}:{finding.line}")
    if not link_base or finding.path.startswith("/") or "#" in finding.path:
        return label
    return f"[{label}]({link_base}{quote(finding.path)}#L{finding.line})"


def by_file_rows(findings: list[Finding]) -> list[list[str]]:
    """One row per file: its path and its number of findings per severity."""
    counts: dict[str, Counter[Severity]] = {}
    for finding in findings:
        counts.setdefault(finding.path, Counter())[finding.severity] += 1
    return [[md(path), *(str(counter[s]) for s in SEVERITIES)]
            for path, counter in sorted(counts.items())]


def score_table(scores: list[Score]) -> list[str]:
    """Article and corpus scores: a row per article (then the corpus), a column per metric."""
    kept = [score for score in scores if score.level in ("article", "corpus")]
    names = list(dict.fromkeys(score.name for score in kept))
    rows: dict[str, dict[str, str]] = {}
    for score in kept:
        where = score.article if score.level == "article" and score.article else "corpus"
        rows.setdefault(where, {})[score.name] = score.shown()
    return table(["article", *map(md, names)],
                 [[md(where), *(row.get(name, "") for name in names)]
                  for where, row in rows.items()])


def render(result: LintResult, *, color: bool = False, link_base: str | None = None,
           first: int = FIRST_FINDINGS, note: str = "") -> str:
    """The whole summary; `link_base` (the repository's blob URL at the commit, ending in /)
    turns locations into links; `note` is added under the title."""
    counts = result.count_by_severity()
    total = len(result.findings)
    out = [f"## tqcheck: {total} finding{'s' if total != 1 else ''} in {result.articles} "
           f"article{'s' if result.articles != 1 else ''}", ""]
    if note:
        out += [note, ""]
    out += table(["severity", "findings"], [[s, str(n)] for s, n in counts.items()]) + [""]
    if total:
        out += ["### By rule", ""]
        out += table(["rule", "findings"],
                     [[md(rule), str(n)] for rule, n in result.count_by_rule().items()]) + [""]
        out += ["### By file", ""]
        out += table(["file", *(s.value for s in SEVERITIES)], by_file_rows(result.findings))
        out += ["", f"### First findings ({min(first, total)} of {total})", ""]
        out += table(["severity", "location", "rule", "message"],
                     [[f.severity.value, link(f, link_base), md(f.rule), md(f.message)]
                      for f in worst_first(result.findings)[:first]]) + [""]
    if result.scores:
        out += ["### Scores", ""] + score_table(result.scores) + [""]
    return "\n".join(out) + "\n"
