"""`--format json`: the findings JSON contract (tool, version, findings, scores, summary)."""

from __future__ import annotations

import json

from tqcheck import __version__
from tqcheck.run import LintResult

SCHEMA_VERSION = 1


def report_dict(result: LintResult) -> dict[str, object]:
    """The report as a JSON-ready dict, sorted deterministically."""
    return {
        "tool": "tqcheck",
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "findings": [f.to_dict() for f in sorted(result.findings, key=lambda f: f.sort_key)],
        "scores": [score.to_dict() for score in result.scores],
        "summary": {
            "articles": result.articles,
            "rules": len(result.rules),
            "findings": len(result.findings),
            "by_severity": result.count_by_severity(),
            "by_rule": result.count_by_rule(),
        },
    }


def render(result: LintResult, *, color: bool = False) -> str:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(report_dict(result), indent=2, ensure_ascii=False) + "\n"
