"""Rule type `variants`."""

import pytest

from tests.helpers import flagged, make_rule
from tqcheck.errors import RuleError

RULE = """\
id: names/v
type: variants
category: Fluency/Inconsistency
severity: warning
message: "'{text}' -> '{suggestion}'"
entries:
  Putin: [Poutine, Poutin]
  bin Salman: [ben Salmane]
  Zelensky: Selenskyj
"""


def test_each_variant_is_flagged_with_its_canonical_form():
    rule = make_rule(RULE)
    from tqcheck.documents import Article, Document
    doc = Document(path="a.txt", text="Poutine met Selenskyj; Poutin left.", lang="en")
    found = rule.run(Article(id="a", target=doc))
    assert [(f.text, f.suggestion) for f in found] == [
        ("Poutine", "Putin"), ("Selenskyj", "Zelensky"), ("Poutin", "Putin")]
    assert found[1].message == "'Selenskyj' -> 'Zelensky'"


def test_whole_words_only():
    rule = make_rule(RULE)
    assert flagged(rule, "Poutines and Poutinesque prose") == []
    assert flagged(rule, "Poutine's plan") == ["Poutine"]


def test_case_sensitive_by_default_and_optionally_not():
    assert flagged(make_rule(RULE), "poutine with gravy") == []
    insensitive = make_rule(RULE + "case_sensitive: false\n")
    assert flagged(insensitive, "POUTINE said") == ["POUTINE"]


def test_multi_word_variant_across_a_line_break():
    assert flagged(make_rule(RULE), "Mohammed ben\nSalmane arrived") == ["ben\nSalmane"]


def test_variant_equal_to_its_canonical_form_is_an_error():
    with pytest.raises(RuleError, match="canonical form itself"):
        make_rule(RULE + "  Lavrov: [Lavrov]\n")


def test_variant_listed_twice_is_an_error_at_its_line():
    with pytest.raises(RuleError, match="listed twice") as caught:
        make_rule(RULE + "  Pootin: [Poutine]\n")
    assert caught.value.line == 10


def test_non_string_variant_is_an_error():
    with pytest.raises(RuleError, match="must be a string"):
        make_rule(RULE + "  Shoigu: [3]\n")
