"""`--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning and others)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePosixPath
from urllib.parse import quote

from tqcheck import __version__
from tqcheck.engine import Rule
from tqcheck.findings import Finding, Severity
from tqcheck.run import LintResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/tqcheck/"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def first_sentence(text: str) -> str:
    """The first sentence of a description (all of it when it has one sentence)."""
    head, dot, rest = text.partition(". ")
    return head + "." if dot and rest else text


def rule_descriptor(rule: Rule) -> dict[str, object]:
    """A reportingDescriptor documenting a loaded rule."""
    help_text = rule.description or rule.message
    return {
        "id": rule.id,
        "name": rule.id.replace("/", "-"),
        "shortDescription": {"text": first_sentence(help_text)},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": rule.category, "type": rule.type,
                       "tags": [rule.family, rule.category]},
    }


def builtin_descriptor(finding: Finding) -> dict[str, object]:
    """A reportingDescriptor for a finding of tqcheck itself (input problems, stopped rules)."""
    return {"id": finding.rule, "name": finding.rule.replace("/", "-"),
            "shortDescription": {"text": f"tqcheck {finding.rule}"},
            "defaultConfiguration": {"level": LEVEL[finding.severity]},
            "properties": {"category": finding.category}}


def artifact_uri(path: str) -> str:
    """A URI reference for a reported path (relative paths stay relative)."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(str(posix))
    return quote(str(posix))


def region(finding: Finding) -> dict[str, object]:
    """The SARIF region of a finding (columns count code points, end exclusive)."""
    return {"startLine": finding.line, "startColumn": finding.column,
            "endLine": finding.end_line, "endColumn": finding.end_column,
            "snippet": {"text": finding.text}}


def fingerprint(finding: Finding, occurrence: int) -> str:
    """A fingerprint stable across unrelated edits: rule, file, text and occurrence number."""
    key = "\x1f".join((finding.rule, finding.path, finding.text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def result_entry(finding: Finding, rule_index: int, occurrence: int) -> dict[str, object]:
    """A SARIF result for one finding, with a fix when there is a suggestion."""
    location = {"artifactLocation": {"uri": artifact_uri(finding.path)}, "region": region(finding)}
    entry: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"tqcheck/v1": fingerprint(finding, occurrence)},
        "properties": {"category": finding.category},
    }
    if finding.suggestion is not None:
        replacement = {"deletedRegion": region(finding),
                       "insertedContent": {"text": finding.suggestion}}
        entry["fixes"] = [{"description": {"text": f"Replace with {finding.suggestion!r}"},
                           "artifactChanges": [{"artifactLocation": location["artifactLocation"],
                                                "replacements": [replacement]}]}]
    return entry


def sarif_log(result: LintResult) -> dict[str, object]:
    """The whole SARIF log: one run, its rules and its results."""
    descriptors = [rule_descriptor(rule) for rule in result.rules]
    index = {rule.id: i for i, rule in enumerate(result.rules)}
    findings = list(result.in_order())
    for finding in findings:
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append(builtin_descriptor(finding))
    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for finding in findings:
        key = (finding.rule, finding.path, finding.text)
        results.append(result_entry(finding, index[finding.rule], seen[key]))
        seen[key] += 1
    driver = {"name": "tqcheck", "version": __version__, "semanticVersion": __version__,
              "informationUri": INFORMATION_URI, "rules": descriptors}
    return {"$schema": SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
                      "results": results}]}


def render(result: LintResult, *, color: bool = False) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"
