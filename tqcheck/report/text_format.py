"""`--format text` (default): findings grouped by file, with the offending text, and a summary."""

from __future__ import annotations

from itertools import groupby

from tqcheck.findings import Finding, Severity
from tqcheck.report.score_lines import score_lines
from tqcheck.run import LintResult

CONTEXT = 40
COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def paint(text: str, code: str, color: bool) -> str:
    """Wrap text in an ANSI colour when colour is on."""
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def one_line(text: str) -> str:
    """Text on one terminal line: line breaks shown as ⏎, other control characters escaped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "⏎")
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in text)


def excerpt(finding: Finding) -> str:
    """The flagged text on one line, shortened, with its suggestion."""
    text = one_line(finding.text)
    if len(text) > 2 * CONTEXT:
        text = text[:CONTEXT] + " … " + text[-CONTEXT:]
    if finding.suggestion is not None:
        return f"{text!r} -> {finding.suggestion!r}"
    return repr(text)


def finding_lines(finding: Finding, color: bool) -> list[str]:
    """The two lines of one finding: where and what, then the offending text."""
    where = paint(f"{finding.path}:{finding.line}:{finding.column}:", "1", color)
    severity = paint(finding.severity.value, COLORS[finding.severity], color)
    rule = paint(finding.rule, "2", color)
    lines = [f"{where} {severity} {rule} {one_line(finding.message)}"]
    if finding.text or finding.suggestion is not None:
        lines.append(f"    {excerpt(finding)}")
    return lines


def summary(result: LintResult) -> str:
    """One line: how many findings of each severity in how many articles."""
    counts = result.count_by_severity()
    parts = ", ".join(f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items() if n)
    total = len(result.findings)
    noun = "article" if result.articles == 1 else "articles"
    if not total:
        return f"No findings in {result.articles} {noun} ({len(result.rules)} rules)."
    return (f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in "
            f"{result.articles} {noun} ({len(result.rules)} rules).")


def render(result: LintResult, *, color: bool = False) -> str:
    """The whole text report."""
    out: list[str] = []
    for _, group in groupby(result.in_order(), key=lambda f: f.path):
        for finding in group:
            out += finding_lines(finding, color)
        out.append("")
    if lines := score_lines(result.scores):
        out += [*lines, ""]
    out.append(summary(result))
    return "\n".join(out) + "\n"
