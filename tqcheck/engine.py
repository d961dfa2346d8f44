"""The rule engine: a rule is a configured check; applying it to an article gives findings."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from tqcheck.checks.base import Check, CheckTimeout, Hit, Summary
from tqcheck.documents import Article, Placement
from tqcheck.findings import Finding, Severity


@dataclass(frozen=True)
class Examples:
    """Texts a rule must flag (`bad`, expected spans may be marked [[like this]]) and must not.

    `source`, when given, is the source text every example is checked against.
    """

    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    source: str | None = None


@dataclass
class Rule:
    """One rule loaded from YAML: identity, reporting details and its configured check."""

    id: str
    type: str
    category: str
    severity: Severity
    message: str
    check: Check
    origin: str
    description: str = ""
    examples: Examples = field(default_factory=Examples)
    source_langs: tuple[str, ...] = ()
    target_langs: tuple[str, ...] = ()
    fix: bool = False

    @property
    def family(self) -> str:
        """The part of the id before the last slash (e.g. `names`)."""
        return family_of(self.id)

    def applies(self, article: Article) -> bool:
        """Whether the rule is meant for the article's language pair.

        A restriction on a language the article does not know excludes the article.
        """
        if self.target_langs and article.target_lang not in self.target_langs:
            return False
        return not (self.source_langs and article.source_lang not in self.source_langs)

    def run(self, article: Article, severity: Severity | None = None) -> list[Finding]:
        """Apply the rule to an article's target text and build its findings."""
        document = article.target
        return [self.finding(document, hit, document.text[hit.start:hit.end], severity)
                for hit in self.check.find(article)]

    def run_across(self, summaries: list[Summary],
                   severity: Severity | None = None) -> list[Finding]:
        """Apply the rule to the summaries of a run's articles together (see
        Check.find_across)."""
        return [self.finding(summaries[index].lines, hit, hit.text or "", severity)
                for index, hit in self.check.find_across(summaries)]

    def finding(self, placement: Placement, hit: Hit, text: str,
                severity: Severity | None = None) -> Finding:
        """The finding of one hit, whose text is `text`, in a target text."""
        values = {"text": text, "suggestion": hit.suggestion or "", **hit.fields}
        return Finding.at(
            placement, hit.start, hit.end, text, rule=self.id, category=self.category,
            severity=severity or self.severity,
            message=self.message.format_map(values), suggestion=hit.suggestion,
            fixable=hit.fixable and self.fix)


def family_of(rule_id: str) -> str:
    """The family of a rule id: the part before the last slash (`names/variants` -> `names`)."""
    return rule_id.rsplit("/", 1)[0]


def template_fields(template: str) -> set[str]:
    """The field names a message template uses; raises ValueError on a malformed one."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"use plain fields like {{text}}, not {{{name}}}")
        names.add(name)
    return names


def matches_any(rule_id: str, globs: list[str]) -> bool:
    """Whether a rule id matches one of the ids or globs (`names/*`)."""
    return any(fnmatchcase(rule_id, glob) for glob in globs)


class Engine:
    """Applies the selected rules to articles, with the run's severity and ignore policy."""

    def __init__(self, rules: list[Rule], severity_overrides: dict[str, Severity] | None = None,
                 path_ignores: dict[str, list[str]] | None = None,
                 ignore: list[str] | None = None) -> None:
        self.rules = rules
        self.severity_overrides = severity_overrides or {}
        self.path_ignores = path_ignores or {}
        self.ignore = ignore or []

    def reported(self, findings: list[Finding]) -> list[Finding]:
        """The findings the run reports: all but those of ignored rule ids (input problems
        and rule failures included)."""
        if not self.ignore:
            return findings
        return [f for f in findings if not matches_any(f.rule, self.ignore)]

    def severity_of(self, rule: Rule) -> Severity:
        """The severity a rule reports with in this run (the last matching override wins)."""
        chosen = rule.severity
        for glob, severity in self.severity_overrides.items():
            if fnmatchcase(rule.id, glob):
                chosen = severity
        return chosen

    def ignored_here(self, rule: Rule, article: Article) -> bool:
        """Whether the article or a per-path setting turns the rule off."""
        if not (article.ignore or self.path_ignores):
            return False
        if matches_any(rule.id, article.ignore):
            return True
        return any(fnmatchcase(article.target.path, path_glob) and matches_any(rule.id, ids)
                   for path_glob, ids in self.path_ignores.items())

    def lint(self, article: Article) -> list[Finding]:
        """All findings of all applicable rules in one article, in deterministic order."""
        found: list[Finding] = []
        for rule in self.rules:
            if not rule.applies(article) or self.ignored_here(rule, article):
                continue
            try:
                found.extend(rule.run(article, self.severity_of(rule)))
            except CheckTimeout as timeout:
                found.append(rule_failure(article.target.path, "rule-timeout",
                                          f"rule '{rule.id}' stopped on this article: {timeout}"))
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the run
                found.append(rule_failure(
                    article.target.path, "rule-failed",
                    f"rule '{rule.id}' failed on this article: {type(error).__name__}: {error}"))
        return sorted(found, key=lambda f: f.sort_key)

    def summarise(self, article: Article) -> tuple[dict[str, Summary], list[Finding]]:
        """What each cross-article rule that applies to the article keeps of it, by rule id,
        and a finding for each rule that failed to summarise it."""
        kept, failures = {}, []
        for rule in self.rules:
            if not rule.check.looks_across_articles or not rule.applies(article) \
                    or self.ignored_here(rule, article):
                continue
            try:
                summary = rule.check.summarise(article)
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the run
                failures.append(rule_failure(article.target.path, "rule-failed", f"rule "
                                             f"'{rule.id}' failed on this article: "
                                             f"{type(error).__name__}: {error}"))
                continue
            if summary is not None:
                kept[rule.id] = summary
        return kept, failures

    def lint_across(self, summaries: dict[str, list[Summary]]) -> list[Finding]:
        """Findings that need all the articles of a run at once (one name spelled one way in
        one article and another way in the next), from the summaries of each rule."""
        found: list[Finding] = []
        for rule in self.rules:
            chosen = summaries.get(rule.id, [])
            if len(chosen) < 2:
                continue
            try:
                found.extend(rule.run_across(chosen, self.severity_of(rule)))
            except Exception as error:  # noqa: BLE001 - one broken rule must not stop the run
                found.append(rule_failure(
                    chosen[0].lines.path, "rule-failed",
                    f"rule '{rule.id}' failed across articles: {type(error).__name__}: {error}"))
        return sorted(found, key=lambda f: f.sort_key)


def rule_failure(path: str, kind: str, message: str) -> Finding:
    """An error finding at the start of a file for a rule that could not finish."""
    return Finding(path=path, line=1, column=1, end_line=1, end_column=1,
                   rule=f"tqcheck/{kind}", category="Other", severity=Severity.ERROR,
                   message=message, text="")
