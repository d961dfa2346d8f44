"""Shared test helpers: build rules from YAML text and run them on a text."""

import textwrap

from tqcheck.documents import Article, Document
from tqcheck.engine import Rule
from tqcheck.loader import build_rule
from tqcheck.yamlfile import parse_yaml


def make_rule(yaml_text: str) -> Rule:
    """A rule from YAML text (dedented), loaded as a rule file would be."""
    return build_rule(parse_yaml(textwrap.dedent(yaml_text), "test.yaml"), "test.yaml")


def flagged(rule: Rule, text: str, lang: str | None = "en") -> list[str]:
    """The texts the rule flags in a target text."""
    article = Article(id="t", target=Document(path="t.txt", text=text, lang=lang))
    return [f.text for f in rule.run(article)]
