"""What must hold for any input: used by the property tests, the fuzz run and its regressions."""

from __future__ import annotations

import json

from tqcheck.config import Config
from tqcheck.documents import Article, Document
from tqcheck.engine import Engine, Rule
from tqcheck.errors import RuleError
from tqcheck.findings import Finding
from tqcheck.inputs import DEFAULT_MAX_BYTES, Loaded, Preloaded, decode
from tqcheck.loader import default_rules_dir, load_rule_text, load_rules
from tqcheck.report import FORMATS, rendered
from tqcheck.run import LintResult, StreamOptions, lint_jobs
from tqcheck.yamlfile import YamlError

DEFAULT_RULES = load_rules([default_rules_dir()])
SAMPLE = "Vladimir Poutine said : « no ».\r\nSpread the love\n¿Why? 3,5 percent. .\r"
NAMES = {"text": "story.en.txt", "markdown": "story.en.md", "html": "story.en.html"}


def article_of(document: Document) -> Article:
    """A target-only article in English from French, so that every default rule applies."""
    document.lang = "en"
    return Article(id=document.path, target=document, source_lang="fr")


def assert_in_place(document: Document, findings: list[Finding]) -> None:
    """Every finding lies inside the document and slices exactly its reported text."""
    for finding in findings:
        start = document.offset(finding.line, finding.column)
        end = document.offset(finding.end_line, finding.end_column)
        assert 0 <= start <= end <= len(document.text), finding
        assert document.position(start) == (finding.line, finding.column), finding
        assert document.position(end) == (finding.end_line, finding.end_column), finding
        assert document.text[start:end] == finding.text, finding


def assert_reports_parse(findings: list[Finding], rules: list[Rule]) -> None:
    """Every output format renders, and the machine-readable ones parse back."""
    result = LintResult(findings=findings, rules=rules, articles=1)
    outputs = {name: rendered(name, result) for name in FORMATS}
    assert len(json.loads(outputs["json"])["findings"]) == len(findings)
    assert len(json.loads(outputs["sarif"])["runs"][0]["results"]) == len(findings)
    commands = outputs["github"].split("\n")[:-1]  # the runner splits on LF only
    assert len(commands) == len(findings)
    assert all(line.startswith("::") and "\r" not in line for line in commands)


def lint_text(text: str, markup: str, rules: list[Rule] = DEFAULT_RULES) -> list[Finding]:
    """Lint a text as an article, checking placement, determinism and the reports."""
    document = Document(path=NAMES[markup], text=text, markup=markup)  # type: ignore[arg-type]
    findings = Engine(rules).lint(article_of(document))
    assert_in_place(document, findings)
    again = Document(path=NAMES[markup], text=text, markup=markup)  # type: ignore[arg-type]
    assert Engine(rules).lint(article_of(again)) == findings
    assert_pipeline_agrees(document, rules, findings)
    assert_reports_parse(findings, rules)
    return findings


def assert_pipeline_agrees(document: Document, rules: list[Rule],
                           findings: list[Finding]) -> None:
    """A whole run over the article and a copy of it under another name (loading, summaries
    for the check across articles, the findings store, scores) reports, for the article,
    exactly the engine's findings; the copy spells every name as the article does, so
    nothing is found across them."""
    twin = Document(path=f"twin-{document.path}", text=document.text, markup=document.markup)
    job = Preloaded(Loaded(articles=[article_of(document), article_of(twin)]))
    result = lint_jobs([job], rules, Config(), StreamOptions())
    assert [f for f in result.findings if f.path == document.path] == findings


def lint_bytes(data: bytes, markup: str) -> list[Finding]:
    """Read bytes as a file would be read, then lint them; bad bytes give one input finding."""
    document, problem = decode(data, NAMES[markup], DEFAULT_MAX_BYTES)
    if document is None:
        assert problem is not None and problem.rule.startswith("input/")
        return [problem]
    document.markup = markup  # type: ignore[assignment]
    return lint_text(document.text, markup)


def load_rule_bytes(data: bytes) -> list[Rule]:
    """Load a rule file's bytes: only rules or clear rule errors may come out, and the rules
    that load must run safely."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    loaded = load_rule_text(text, "fuzz.yaml")
    assert all(isinstance(item, Rule | RuleError | YamlError) for item in loaded)
    rules = [item for item in loaded if isinstance(item, Rule)]
    if rules:
        lint_text(SAMPLE, "text", rules)
    return rules
