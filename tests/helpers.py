"""Shared test helpers: build rules from YAML text and run them on a text."""

import socket
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tqcheck.documents import Article, Document
from tqcheck.engine import Rule
from tqcheck.findings import Finding
from tqcheck.langevidence import Language, SourceEstimator, WordScores, languages_in, trigrams_of
from tqcheck.loader import build_rule
from tqcheck.yamlfile import parse_yaml

ROOT = Path(__file__).resolve().parent.parent

# A one-entry house list, for tests that need one predictable name rule.
HOUSE_NAME_RULE = """\
id: names/house
type: variants
category: Fluency/Inconsistency
severity: warning
message: "'{text}' is spelled '{suggestion}'"
entries:
  Putin: [Poutine]
"""

# A small valid rule file, for tests of loading rules.
VARIANTS_RULE = """\
id: names/test-variants
type: variants
category: Fluency/Inconsistency
severity: warning
message: "'{text}' should be '{suggestion}'"
entries:
  Putin: [Poutine]
"""


LANGUAGES = languages_in(ROOT / "rules" / "languages")


def english_estimator() -> SourceEstimator:
    """Estimates the source language of English translations from the other shipped
    languages."""
    others = [LANGUAGES[c] for c in ("de", "es", "fr", "it")]
    return SourceEstimator(LANGUAGES["en"], others, WordScores(LANGUAGES.values()))


def log_prob(language: Language, word: str) -> float:
    """A word's log-probability under a language's trigram profile, term by term: the
    reference the fast word scores must equal."""
    return sum(language.trigrams.get(gram, language.unseen) for gram in trigrams_of(word))


def finding_in(document: Document, start: int, end: int, **details: Any) -> Finding:
    """A finding at the span [start, end) of a document (keywords as for Finding.at)."""
    return Finding.at(document, start, end, document.text[start:end], **details)


SOURCE_FRAGMENT_RULE = f"""\
id: untranslated/t
type: source-fragment
category: Accuracy/Source language fragment
severity: warning
message: "'{{text}}' looks {{language}}{{evidence}}"
languages: {ROOT / "rules" / "languages"}
allow: [coup d'état, raison d'être, status quo, Realpolitik]
name_suffixes: [Inc, GmbH]
"""


def free_port() -> int:
    """A loopback port nothing listens on (as the system hands one out)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_rule(yaml_text: str) -> Rule:
    """A rule from YAML text (dedented), loaded as a rule file would be."""
    return build_rule(parse_yaml(textwrap.dedent(yaml_text), "test.yaml"), "test.yaml")


def flagged(rule: Rule, text: str, lang: str | None = "en") -> list[str]:
    """The texts the rule flags in a target text."""
    article = Article(id="t", target=Document(path="t.txt", text=text, lang=lang))
    return [f.text for f in rule.run(article)]


def run_tqcheck(*args: str, cwd: Path = ROOT,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run tqcheck in a process of its own (the running interpreter's copy), bytes out."""
    return subprocess.run([sys.executable, "-m", "tqcheck", *args], cwd=cwd, capture_output=True,
                          timeout=120, check=False, env=env)


def expressions(atoms: st.SearchStrategy[str], quantifiers: st.SearchStrategy[str],
                groups: list[str], prefixes: list[str] | None = None,
                max_leaves: int = 6) -> st.SearchStrategy[str]:
    """Regular expressions made of atoms, each maybe repeated: groups (opened by one of
    `groups`) maybe repeated, alternations and sequences of smaller expressions, and, given
    `prefixes`, smaller expressions after one of those."""
    def wrapped(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        made = [st.tuples(st.sampled_from(groups), inner, quantifiers).map(
                    lambda t: f"{t[0]}{t[1]}){t[2]}"),
                st.tuples(inner, inner).map("|".join),
                st.lists(inner, min_size=2, max_size=3).map("".join)]
        if prefixes:
            made.append(st.tuples(st.sampled_from(prefixes), inner).map("".join))
        return st.one_of(*made)

    return st.recursive(st.tuples(atoms, quantifiers).map("".join), wrapped,
                        max_leaves=max_leaves)
