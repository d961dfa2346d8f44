"""Rule type `phrases`."""

import pytest

from tests.helpers import flagged, make_rule
from tqcheck.documents import Article, Document
from tqcheck.errors import RuleError

RULE = """\
id: boilerplate/p
type: phrases
category: Accuracy/Addition
severity: error
message: "'{text}': {note}"
phrases:
  - Spread the love
  - phrase: Read also
    suggestion: See also
    note: a calque
  - "%d bloggers like this:"
  - Let's talk
"""


def test_plain_and_detailed_entries():
    rule = make_rule(RULE)
    doc = Document(path="a.txt", text="Read also the news. Spread the love", lang="en")
    found = rule.run(Article(id="a", target=doc))
    assert [(f.text, f.suggestion, f.message) for f in found] == [
        ("Read also", "See also", "'Read also': a calque"),
        ("Spread the love", None, "'Spread the love': "),
    ]


def test_case_insensitive_by_default():
    assert flagged(make_rule(RULE), "SPREAD THE LOVE") == ["SPREAD THE LOVE"]


def test_case_sensitive_option():
    assert flagged(make_rule(RULE + "case_sensitive: true\n"), "spread the love") == []


def test_whole_word_boundaries_and_option():
    assert flagged(make_rule(RULE), "Spread the lovely news") == []
    assert flagged(make_rule(RULE + "whole_word: false\n"), "Spread the lovely news") == [
        "Spread the love"]


def test_spaces_match_any_whitespace_and_apostrophes_match_each_other():
    assert flagged(make_rule(RULE), "Spread  the\nlove") == ["Spread  the\nlove"]
    assert flagged(make_rule(RULE), "Let’s talk") == ["Let’s talk"]


def test_non_word_edges():
    assert flagged(make_rule(RULE), "12 %d bloggers like this: x") == ["%d bloggers like this:"]


def test_longest_phrase_wins():
    rule = make_rule(RULE.replace("  - Spread the love\n",
                                  "  - Spread the love\n  - Spread the love now\n"))
    assert flagged(rule, "Spread the love now!") == ["Spread the love now"]
    assert flagged(rule, "Spread the love!") == ["Spread the love"]


def test_many_phrases_match_like_few():
    phrases = "".join(f"  - phrase number {i}\n" for i in range(1000))
    rule = make_rule(RULE.replace("phrases:\n", "phrases:\n" + phrases))
    assert flagged(rule, "as phrase number 999 and phrase number 5, Read also") == [
        "phrase number 999", "phrase number 5", "Read also"]


def test_duplicate_phrase_is_an_error():
    with pytest.raises(RuleError, match="listed twice"):
        make_rule(RULE + "  - spread  the LOVE\n")


def test_unknown_entry_key_is_an_error():
    with pytest.raises(RuleError, match="unknown key 'sugestion'"):
        make_rule(RULE + "  - phrase: x\n    sugestion: y\n")


def test_unquoted_colon_entry_gets_a_clear_error():
    with pytest.raises(RuleError, match="unknown key 'Like this'"):
        make_rule(RULE + "  - Like this:\n")
