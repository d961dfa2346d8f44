"""`--format json`: the findings JSON contract of DESIGN.md, checked against a JSON Schema."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema.validators import Draft202012Validator, validator_for

import tqcheck
from tests.helpers import run_tqcheck
from tqcheck.findings import Finding, Severity
from tqcheck.report.json_format import _array, render, report_dict
from tqcheck.run import LintResult
from tqcheck.scoring import Score

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "tests" / "schemas" / "findings.schema.json"
SEVERITIES = ("error", "warning", "info")
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def corpus_run() -> subprocess.CompletedProcess[bytes]:
    return run_tqcheck("lint", "corpus/", "--format", "json")


@pytest.fixture(scope="module")
def report(corpus_run: subprocess.CompletedProcess[bytes]) -> dict:
    assert corpus_run.returncode in (0, 1), corpus_run.stderr.decode()
    return json.loads(corpus_run.stdout.decode("utf-8"))


def valid_document() -> dict:
    """A hand-written report that follows DESIGN.md's example."""
    return {
        "tool": "tqcheck", "version": "1.2.3",
        "findings": [{
            "path": "corpus/a/mt.en.txt", "line": 3, "column": 10, "end_line": 3,
            "end_column": 17, "rule": "names/inconsistent-spelling",
            "category": "Fluency/Inconsistency", "severity": "warning", "message": "...",
            "text": "Poutine", "suggestion": "Putin"}],
        "scores": [],
        "summary": {"by_severity": {"error": 0, "warning": 1, "info": 0},
                    "by_rule": {"names/inconsistent-spelling": 1}},
    }


def errors_of(validator: Draft202012Validator, document: object) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


# --- the schema itself ---------------------------------------------------------------------

def test_schema_is_a_valid_draft_2020_12_schema(schema: dict) -> None:
    assert validator_for(schema) is Draft202012Validator
    Draft202012Validator.check_schema(schema)


def test_schema_accepts_the_design_example(validator: Draft202012Validator) -> None:
    assert errors_of(validator, valid_document()) == []


def _set(path: tuple, value: object):
    def mutate(doc: dict) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    mutate.__name__ = "-".join(map(str, path)) + "=" + repr(value)
    return mutate


def _delete(path: tuple):
    def mutate(doc: dict) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    mutate.__name__ = "-".join(map(str, path)) + "-missing"
    return mutate


FINDING = ("findings", 0)


@pytest.mark.parametrize("mutate", [
    _set(("tool",), "vale"),
    _set(("version",), "1.2"),
    _set(("version",), "v1.2.3"),
    _set(("version",), 1),
    _set(("findings",), {}),
    _set(("scores",), None),
    _delete(("summary",)),
    _delete(("summary", "by_rule")),
    _delete(("summary", "by_severity")),
    _set(("summary", "by_severity", "fatal"), 1),
    _set((*FINDING, "line"), 0),
    _set((*FINDING, "column"), 0),
    _set((*FINDING, "end_line"), 0),
    _set((*FINDING, "end_column"), 0),
    _set((*FINDING, "line"), 1.5),
    _set((*FINDING, "line"), "3"),
    _set((*FINDING, "rule"), "inconsistent-spelling"),
    _set((*FINDING, "rule"), "names/"),
    _set((*FINDING, "severity"), "fatal"),
    _set((*FINDING, "severity"), "note"),
    _set((*FINDING, "suggestion"), 3),
    _set((*FINDING, "text"), None),
    _set((*FINDING, "message"), None),
    _set((*FINDING, "category"), None),
    _set((*FINDING, "path"), None),
    _set((*FINDING, "extra"), "not in the contract"),
    _delete((*FINDING, "suggestion")),
    _delete((*FINDING, "end_column")),
], ids=lambda mutate: mutate.__name__)
def test_schema_rejects_documents_that_break_the_contract(validator, mutate) -> None:
    document = copy.deepcopy(valid_document())
    mutate(document)
    assert errors_of(validator, document), document


def test_schema_accepts_a_null_suggestion_and_prerelease_version(validator) -> None:
    document = valid_document()
    document["version"] = "0.2.0-rc.1+build.5"
    document["findings"][0]["suggestion"] = None
    assert errors_of(validator, document) == []


# --- the CLI output against the schema ------------------------------------------------------

def test_corpus_json_validates_against_the_schema(report: dict, validator) -> None:
    assert report["findings"], "the sample corpus is expected to produce findings"
    assert errors_of(validator, report) == []


def test_json_is_utf8_without_ascii_escapes(corpus_run) -> None:
    text = corpus_run.stdout.decode("utf-8")
    assert "\\u" not in text  # non-ASCII text (quotes, names) is written as is
    assert any(ord(ch) > 127 for ch in text)


def test_version_is_the_package_version(report: dict) -> None:
    assert report["version"] == tqcheck.__version__


def test_two_runs_give_identical_bytes() -> None:
    first, second = (run_tqcheck("lint", "corpus/", "--format", "json") for _ in range(2))
    assert first.stdout and first.returncode in (0, 1), first.stderr.decode()
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)


def test_findings_are_sorted_by_path_then_position_then_rule(report: dict) -> None:
    findings = report["findings"]
    keys = [(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
            for f in findings]
    assert keys == sorted(keys)


def test_summary_counts_equal_the_findings(report: dict) -> None:
    findings = report["findings"]
    summary = report["summary"]
    severities = Counter(f["severity"] for f in findings)
    assert summary["by_severity"] == {s: severities.get(s, 0) for s in SEVERITIES}
    assert summary["by_rule"] == dict(Counter(f["rule"] for f in findings))
    assert list(summary["by_rule"]) == sorted(summary["by_rule"])
    assert summary["findings"] == len(findings)
    assert sum(summary["by_severity"].values()) == len(findings)


def test_summary_counts_the_articles(report: dict) -> None:
    article_dirs = [p for p in (ROOT / "corpus").iterdir() if p.is_dir()]
    assert report["summary"]["articles"] == len(article_dirs)


def _span(text: str, finding: dict) -> str:
    """The text a finding's line/column span covers, computed from the file's text."""
    starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    start = starts[finding["line"] - 1] + finding["column"] - 1
    end = starts[finding["end_line"] - 1] + finding["end_column"] - 1
    return text[start:end]


def test_positions_point_at_the_reported_text_in_the_corpus(report: dict) -> None:
    for finding in report["findings"]:
        if not finding["text"]:
            continue
        text = (ROOT / finding["path"]).read_text(encoding="utf-8")
        assert _span(text, finding) == finding["text"], finding


def test_positions_are_one_based_code_points_with_exclusive_end(tmp_path: Path) -> None:
    phrase = "Spread the love"
    line1 = "Héllo wörld 😀 says the minister."
    line3_prefix = "😀 Ünïcödé 𝔘 "  # astral characters: 1 code point, 2 UTF-16 units, 4 bytes
    text = f"{line1}\nThe vote is on Sunday.\n{line3_prefix}{phrase}\n"
    (tmp_path / "article.txt").write_text(text, encoding="utf-8", newline="")
    run = run_tqcheck("lint", "article.txt", "--target-lang", "en", "--format", "json",
                      "--select", "boilerplate/site-furniture", cwd=tmp_path)
    assert run.returncode == 1, run.stderr.decode()
    findings = json.loads(run.stdout)["findings"]
    expected_column = len(line3_prefix) + 1
    assert [(f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["text"])
            for f in findings] == [
        ("article.txt", 3, expected_column, 3, expected_column + len(phrase), phrase)]


# --- render() in-process --------------------------------------------------------------------

def _finding(path: str, line: int, rule: str, severity: Severity, **kw: object) -> Finding:
    values = {"column": 1, "end_line": line, "end_column": 5, "category": "Other",
              "message": "m", "text": "abcd", "suggestion": None, **kw}
    return Finding(path=path, line=line, rule=rule, severity=severity, **values)


def test_render_sorts_counts_and_validates(validator) -> None:
    findings = [
        _finding("b.txt", 1, "names/variant", Severity.WARNING, suggestion="Putin"),
        _finding("a.txt", 9, "typography/quotes", Severity.INFO, text="«"),
        _finding("a.txt", 2, "input/unreadable", Severity.ERROR, text=""),
        _finding("a.txt", 2, "boilerplate/furniture", Severity.ERROR),
    ]
    document = json.loads("".join(render(LintResult(findings=findings, rules=[], articles=2))))
    assert errors_of(validator, document) == []
    assert [(f["path"], f["line"], f["rule"]) for f in document["findings"]] == [
        ("a.txt", 2, "boilerplate/furniture"), ("a.txt", 2, "input/unreadable"),
        ("a.txt", 9, "typography/quotes"), ("b.txt", 1, "names/variant")]
    assert document["summary"]["by_severity"] == {"error": 2, "warning": 1, "info": 1}
    assert document["summary"]["by_rule"] == {
        "boilerplate/furniture": 1, "input/unreadable": 1,
        "names/variant": 1, "typography/quotes": 1}
    assert document["summary"]["articles"] == 2
    by_rule = {f["rule"]: f for f in document["findings"]}
    assert by_rule["names/variant"]["suggestion"] == "Putin"
    assert by_rule["typography/quotes"]["suggestion"] is None
    assert by_rule["typography/quotes"]["text"] == "«"


def test_render_of_no_findings_validates(validator) -> None:
    document = json.loads("".join(render(LintResult(findings=[], rules=[], articles=0))))
    assert errors_of(validator, document) == []
    assert document["findings"] == []
    assert document["summary"]["by_severity"] == {"error": 0, "warning": 0, "info": 0}
    assert document["summary"]["by_rule"] == {}


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_json_is_the_text_of_one_dump(count: int) -> None:
    findings = [_finding(f"{n}.txt", n + 1, "names/variant", Severity.WARNING, text="a\nb«")
                for n in range(count)]
    scores = [Score(metric="mqm", name="MQM", score=97.5, signature="mqm|w", level="corpus")]
    result = LintResult(findings=findings, rules=[], articles=count, scores=scores[:count])
    expected = json.dumps(report_dict(result), indent=2, ensure_ascii=False) + "\n"
    assert "".join(render(result)) == expected


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)


@given(st.lists(st.dictionaries(st.text(max_size=4), SCALARS | st.lists(SCALARS, max_size=2),
                                max_size=4), max_size=3))
def test_list_items_are_written_as_json_dumps_writes_them(items: list[dict]) -> None:
    expected = json.dumps(items, indent=2, ensure_ascii=False).replace("\n", "\n  ")
    assert "".join(_array(iter(items))) == expected
