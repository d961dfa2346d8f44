"""The Markdown job summary: tables that stay tables, links, the first findings only."""

from tqcheck.findings import Finding, Severity
from tqcheck.report.summary_format import render
from tqcheck.run import LintResult


def finding(path: str, line: int, message: str, severity: Severity = Severity.WARNING,
            rule: str = "names/variant") -> Finding:
    return Finding(path=path, line=line, column=1, end_line=line, end_column=4, rule=rule,
                   category="Fluency/Inconsistency", severity=severity, message=message,
                   text="abc")


def rows(summary: str, heading: str) -> list[str]:
    """The table rows under a heading (header and separator left out)."""
    block = summary.split(f"### {heading}", 1)[1].split("\n\n", 2)[1]
    return block.splitlines()[2:]


def cells(row: str) -> int:
    """Cells of a Markdown table row: pipes not escaped with a backslash, minus the edges."""
    return row.replace("\\|", "").count("|") - 1


def test_special_characters_do_not_break_the_table():
    message = "a | b *bold* [link](x) <b>tag</b> $x$\nsecond line"
    result = LintResult(findings=[finding("dir|x/a_b.txt", 3, message)], rules=[], articles=1)
    summary = render(result, link_base="https://example.org/blob/abc/")
    [row] = rows(summary, "First findings")
    assert cells(row) == 4
    assert "\n" not in row and "*bold*" not in row and "<b>" not in row
    assert "](https://example.org/blob/abc/dir%7Cx/a_b.txt#L3)" in row
    [file_row] = rows(summary, "By file")
    assert cells(file_row) == 4


def test_first_findings_are_the_worst_and_capped():
    findings = [finding("a.txt", n, f"warning {n}") for n in range(1, 30)]
    findings.append(finding("z.txt", 1, "the error", Severity.ERROR))
    summary = render(LintResult(findings=findings, rules=[], articles=2), first=5)
    first = rows(summary, "First findings (5 of 30)")
    assert len(first) == 5
    assert first[0].startswith("| error | z.txt:1 |")


def test_no_links_without_a_base_or_for_absolute_paths():
    result = LintResult(findings=[finding("/abs/a.txt", 1, "m"), finding("b.txt", 2, "m")],
                        rules=[], articles=2)
    assert "](" not in render(result)
    linked = render(result, link_base="https://example.org/blob/abc/")
    assert "](https://example.org/blob/abc/b.txt#L2)" in linked
    assert "abc//abs" not in linked and "abs/a.txt#L1" not in linked


def test_clean_run():
    summary = render(LintResult(findings=[], rules=[], articles=3))
    assert summary.startswith("## tqcheck: 0 findings in 3 articles\n")
    assert "### By rule" not in summary and "### Scores" not in summary
