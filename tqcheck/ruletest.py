"""Run each rule's own examples: `bad` texts must be flagged (at the [[marked]] spans), `good`
texts must not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tqcheck.documents import Article, Document
from tqcheck.engine import Rule

MARKER = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class ExampleFailure:
    """One example that did not behave as its rule says."""

    rule: str
    origin: str
    kind: str
    example: str
    problem: str

    def __str__(self) -> str:
        return (f"{self.origin}: rule '{self.rule}': {self.kind} example {self.example!r}: "
                f"{self.problem}")


def strip_markers(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The example text without [[ ]] markers, and the spans they marked."""
    text, spans, last = [], [], 0
    length = 0
    for match in MARKER.finditer(example):
        before = example[last:match.start()]
        text.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(1))))
        text.append(match.group(1))
        length += len(match.group(1))
        last = match.end()
    text.append(example[last:])
    return "".join(text), spans


def example_article(rule: Rule, text: str) -> Article:
    """An article holding an example, in the languages the rule is meant for."""
    target_lang = rule.target_langs[0] if rule.target_langs else None
    source_lang = rule.source_langs[0] if rule.source_langs else None
    source = rule.examples.source
    return Article(id="example", target=Document(path="<example>", text=text, lang=target_lang),
                   source=None if source is None else Document(path="<example source>",
                                                               text=source, lang=source_lang),
                   source_lang=source_lang)


def check_examples(rule: Rule) -> list[ExampleFailure]:
    """Every failure of one rule's examples (empty when they all behave)."""
    failures = []

    def fail(kind: str, example: str, problem: str) -> None:
        failures.append(ExampleFailure(rule.id, rule.origin, kind, example, problem))

    for example in rule.examples.bad:
        text, marked = strip_markers(example)
        spans = sorted((h.start, h.end) for h in rule.check.find(example_article(rule, text)))
        if not spans:
            fail("bad", example, "not flagged")
        elif marked and spans != sorted(marked):
            found = ", ".join(repr(text[s:e]) for s, e in spans)
            fail("bad", example, f"flagged {found} instead of the [[marked]] text")
    for example in rule.examples.good:
        text, _ = strip_markers(example)
        hits = [text[h.start:h.end] for h in rule.check.find(example_article(rule, text))]
        if hits:
            fail("good", example, f"flagged {', '.join(map(repr, hits))}")
    if not rule.examples.bad:
        fail("bad", "", "the rule has no bad example (add examples.bad)")
    return failures
