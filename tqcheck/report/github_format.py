"""`--format github`: GitHub Actions workflow commands that become annotations."""

from __future__ import annotations

from tqcheck.findings import SEVERITY_RANK, Finding, Severity
from tqcheck.run import LintResult

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command's message (%, CR and LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property value (also : and ,)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """One `::error file=...,line=...::message` line for a finding."""
    properties = {
        "file": finding.path,
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": f"tqcheck {finding.rule}",
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = finding.message
    if finding.suggestion:
        message += f" (suggestion: {finding.suggestion})"
    elif finding.suggestion == "":
        message += " (suggestion: remove it)"
    return f"::{COMMAND[finding.severity]} {props}::{escape_data(message)}"


def worst_first(findings: list[Finding]) -> list[Finding]:
    """Findings errors first, then warnings, then notices; by file and position within each."""
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.sort_key))


def render(result: LintResult, *, color: bool = False) -> str:
    """All findings as workflow commands, errors first, then warnings, then notices."""
    return "".join(command(f) + "\n" for f in worst_first(result.findings))
