"""`--format text` (the default), and exit codes and `--output` through the command line."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import run_tqcheck
from tqcheck.findings import Finding, Severity
from tqcheck.report.text_format import render
from tqcheck.run import LintResult

ROOT = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;]*m")
PREFIX = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): ")
SUMMARY = re.compile(r"^Found (?P<total>\d+) findings? \((?P<parts>[^)]*)\) in "
                     r"(?P<articles>\d+) articles? \((?P<rules>\d+) rules?\)\.$")
FORMATS = ("text", "json", "github", "sarif")


def make(path: str, line: int, severity: Severity, *, column: int = 1, text: str = "abc",
         message: str = "a message", suggestion: str | None = None,
         rule: str = "names/variant") -> Finding:
    return Finding(path=path, line=line, column=column, end_line=line,
                   end_column=column + len(text), rule=rule, category="Other",
                   severity=severity, message=message, text=text, suggestion=suggestion)


FINDINGS = [
    make("b/mt.en.txt", 7, Severity.WARNING, column=3, message="b second", suggestion="Putin"),
    make("a/mt.en.txt", 2, Severity.ERROR, column=10, message="a first"),
    make("b/mt.en.txt", 1, Severity.INFO, column=5, message="b first", text="«"),
    make("c/mt.en.txt", 4, Severity.ERROR, message="c only", text=""),
    make("a/mt.en.txt", 12, Severity.WARNING, column=1, message="a second"),
    make("a/mt.en.txt", 2, Severity.ERROR, column=1, message="a zeroth"),
]


def render_text(findings: list[Finding], *, articles: int = 3, color: bool = False) -> str:
    return render(LintResult(findings=findings, rules=[], articles=articles), color=color)


def finding_headers(output: str) -> list[re.Match[str]]:
    return [m for m in map(PREFIX.match, output.splitlines()) if m]


def parse_summary(output: str) -> re.Match[str]:
    last = output.rstrip("\n").split("\n")[-1]
    match = SUMMARY.match(last)
    assert match, f"unexpected summary line: {last!r}"
    return match


def summary_counts(parts: str) -> dict[str, int]:
    """'2 errors, 1 warning' -> {'error': 2, 'warning': 1}, checking singular/plural."""
    counts = {}
    for part in parts.split(", "):
        number, word = part.split(" ")
        n = int(number)
        name = word[:-1] if word.endswith("s") else word
        assert name in ("error", "warning", "info"), part
        assert word == (name if n == 1 else name + "s"), f"plural of {part!r}"
        counts[name] = n
    return counts


# --- render() -------------------------------------------------------------------------------

def test_findings_are_grouped_by_file_with_location_prefixes() -> None:
    output = render_text(FINDINGS)
    headers = finding_headers(output)
    assert len(headers) == len(FINDINGS)
    expected = sorted((f.path, f.line, f.column) for f in FINDINGS)
    got = [(m["path"], int(m["line"]), int(m["column"])) for m in headers]
    assert got == expected
    # Each file's findings form one block; blocks are separated by an empty line.
    blocks = output.split("\n\n")[:-1]
    assert len(blocks) == len({f.path for f in FINDINGS})
    for block in blocks:
        paths = {m["path"] for m in finding_headers(block)}
        assert len(paths) == 1, block


def test_each_finding_line_names_severity_rule_and_message() -> None:
    output = render_text(FINDINGS)
    lines = output.splitlines()
    for finding in FINDINGS:
        prefix = f"{finding.path}:{finding.line}:{finding.column}: "
        (line,) = [line for line in lines if line.startswith(prefix)]
        assert line == f"{prefix}{finding.severity.value} {finding.rule} {finding.message}"


def test_offending_text_and_suggestion_are_shown() -> None:
    output = render_text([make("a.txt", 1, Severity.WARNING, text="Poutine", suggestion="Putin")])
    assert "Poutine" in output and "Putin" in output
    assert output.index("Poutine") < output.index("Putin")


def test_line_breaks_in_messages_and_text_stay_on_the_finding_line() -> None:
    flagged = "Spread the\r\nlove"
    finding = make("a.txt", 2, Severity.ERROR, text=flagged,
                   message=f"'{flagged}' is website furniture\nreally")
    output = render_text([finding])
    lines = output.splitlines()
    assert PREFIX.match(lines[0])
    assert "website furniture" in lines[0] and "really" in lines[0]
    assert "love" in lines[1] and "Spread the" in lines[1]
    assert lines[2:] == ["", lines[-1]]  # then only the blank separator and the summary


def test_summary_counts_findings_by_severity() -> None:
    output = render_text(FINDINGS, articles=3)
    summary = parse_summary(output)
    expected = Counter(f.severity.value for f in FINDINGS)
    assert int(summary["total"]) == len(FINDINGS)
    counts = summary_counts(summary["parts"])
    assert {k: v for k, v in counts.items() if v} == dict(expected)
    assert int(summary["articles"]) == 3
    assert int(summary["rules"]) == 0


@pytest.mark.parametrize("severities", [
    [Severity.ERROR], [Severity.INFO, Severity.INFO], [Severity.WARNING, Severity.ERROR]])
def test_summary_singular_and_plural(severities: list[Severity]) -> None:
    findings = [make("a.txt", i + 1, s) for i, s in enumerate(severities)]
    summary = parse_summary(render_text(findings, articles=1))
    assert int(summary["total"]) == len(findings)
    assert summary_counts(summary["parts"]) == dict(Counter(s.value for s in severities))
    assert int(summary["articles"]) == 1


def test_no_findings_says_so() -> None:
    output = render_text([], articles=4)
    assert not finding_headers(output)
    assert output.strip().splitlines() == [output.strip()]
    assert "No findings" in output and "4 articles" in output


def test_no_ansi_escapes_without_color() -> None:
    assert "\x1b" not in render_text(FINDINGS, color=False)
    assert "\x1b" not in render_text(FINDINGS)


def test_ansi_colors_with_color_and_same_text_underneath() -> None:
    plain = render_text(FINDINGS, color=False)
    colored = render_text(FINDINGS, color=True)
    codes = ANSI.findall(colored)
    assert codes, "color=True must add ANSI codes"
    assert ANSI.sub("", colored) == plain
    assert "\x1b" not in ANSI.sub("", colored)  # only well-formed SGR sequences
    # Severities get distinct colours.
    colour_of = {}
    for severity in Severity:
        match = re.search(r"\x1b\[([0-9;]*)m" + severity.value + r"\x1b\[0m", colored)
        assert match, f"{severity.value} is not coloured"
        colour_of[severity] = match.group(1)
    assert len(set(colour_of.values())) == len(Severity)


# --- the command line: text output, exit codes, --output -----------------------------------


def lint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "CLICOLOR_FORCE")}
    return run_tqcheck("lint", *args, cwd=cwd, env=env)


@functools.cache
def lint_corpus(*args: str) -> subprocess.CompletedProcess[bytes]:
    """`tqcheck lint corpus/ ARGS`, run once per distinct ARGS in this module."""
    return lint("corpus/", *args)


@pytest.fixture(scope="module")
def corpus_findings() -> list[dict]:
    run = lint_corpus("--format", "json")
    assert run.returncode in (0, 1), run.stderr.decode()
    return json.loads(run.stdout)["findings"]


def test_corpus_has_error_findings(corpus_findings: list[dict]) -> None:
    # The premise of the exit-code tests below.
    assert any(f["severity"] == "error" for f in corpus_findings)


def test_cli_text_report_matches_the_findings(corpus_findings: list[dict]) -> None:
    output = lint_corpus().stdout.decode("utf-8")
    assert "\x1b" not in output  # not a terminal: no colour
    headers = finding_headers(output)
    assert [(m["path"], int(m["line"]), int(m["column"])) for m in headers] == [
        (f["path"], f["line"], f["column"]) for f in corpus_findings]
    summary = parse_summary(output)
    assert int(summary["total"]) == len(corpus_findings)
    counts = summary_counts(summary["parts"])
    assert {k: v for k, v in counts.items() if v} == dict(
        Counter(f["severity"] for f in corpus_findings))
    assert int(summary["articles"]) == len([p for p in (ROOT / "corpus").iterdir()
                                            if p.is_dir()])


def test_lint_corpus_exits_1() -> None:
    assert lint_corpus().returncode == 1


def test_exit_zero_exits_0() -> None:
    run = lint_corpus("--exit-zero")
    assert run.returncode == 0
    assert finding_headers(run.stdout.decode("utf-8"))  # the findings are still reported


def test_fail_on_never_exits_0() -> None:
    assert lint_corpus("--fail-on", "never").returncode == 0


def test_fail_on_levels_follow_the_worst_severity(corpus_findings: list[dict]) -> None:
    infos = sorted({f["rule"] for f in corpus_findings if f["severity"] == "info"})
    assert infos, "the corpus is expected to have info findings"
    select = [arg for rule in infos for arg in ("--select", rule)]
    assert lint("corpus/", *select).returncode == 0  # default --fail-on error
    assert lint("corpus/", *select, "--fail-on", "warning").returncode == 0
    assert lint("corpus/", *select, "--fail-on", "info").returncode == 1


@pytest.mark.parametrize("extra", [(), ("--exit-zero",), ("--fail-on", "never"),
                                   ("--fail-on", "warning")], ids=" ".join)
@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_never_change_the_exit_code(fmt: str, extra: tuple[str, ...]) -> None:
    text = lint_corpus(*extra)
    other = lint_corpus("--format", fmt, *extra)
    assert other.returncode == text.returncode, other.stderr.decode()
    assert other.stdout


def test_sarif_exit_code_equals_text() -> None:
    assert lint_corpus("--format", "sarif").returncode == lint_corpus().returncode == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"report.{fmt}"
    to_file = lint("corpus/", "--format", fmt, "--output", str(target))
    to_stdout = lint_corpus("--format", fmt)
    assert to_file.stdout == b""
    assert to_file.returncode == to_stdout.returncode == 1
    assert target.read_bytes() == to_stdout.stdout
    assert "\x1b" not in target.read_text(encoding="utf-8")
