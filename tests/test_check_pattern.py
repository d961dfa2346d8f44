"""Rule type `pattern`."""

import pytest

from tests.helpers import flagged, make_rule
from tqcheck.checks.base import CheckTimeout
from tqcheck.documents import Article, Document
from tqcheck.engine import Engine
from tqcheck.errors import RuleError

RULE = """\
id: typography/t
type: pattern
category: Fluency/Punctuation
severity: warning
message: "space before '{mark}'"
pattern: '(?<=\\w)[ ]+(?P<mark>[:;!?])'
suggest: '\\g<mark>'
"""


def test_match_suggestion_and_named_group_in_message():
    rule = make_rule(RULE)
    found = rule.run(Article(id="a", target=Document(path="a", text="Read also : now", lang="en")))
    [finding] = found
    assert (finding.text, finding.suggestion, finding.message) == (" :", ":", "space before ':'")
    assert (finding.line, finding.column, finding.end_column) == (1, 10, 12)


def test_group_highlights_part_of_the_match():
    rule = make_rule(RULE.replace("suggest: '\\g<mark>'", "group: mark"))
    assert flagged(rule, "really ?") == ["?"]


def test_several_patterns_and_flags():
    rule = make_rule(RULE.replace("pattern: '(?<=\\w)[ ]+(?P<mark>[:;!?])'",
                                  "patterns: ['(?P<mark>foo)', '(?P<mark>bar)']\n"
                                  "flags: [ignorecase]"))
    assert flagged(rule, "FOO and Bar") == ["FOO", "Bar"]


@pytest.mark.parametrize("change, error", [
    (("pattern: '(?<=\\w)[ ]+(?P<mark>[:;!?])'", "pattern: '(?P<mark>['"),
     "invalid regular expression"),
    (("suggest: '\\g<mark>'", "group: 3"), "has no group 3"),
    (("suggest: '\\g<mark>'", "suggest: '\\2'"), "'suggest' refers to group 2"),
    (("suggest: '\\g<mark>'", "flags: [sometimes]"), "unknown flag 'sometimes'"),
    (("message: \"space before '{mark}'\"", "message: '{nope}'"), "unknown field {nope}"),
])
def test_invalid_settings_are_rule_errors(change, error):
    with pytest.raises(RuleError, match=error.replace("{", r"\{").replace("(", r"\(")):
        make_rule(RULE.replace(*change))


def test_pattern_and_patterns_together_is_an_error():
    with pytest.raises(RuleError, match="exactly one of"):
        make_rule(RULE + "patterns: [x]\n")


def test_empty_matches_are_not_reported():
    rule = make_rule(RULE.replace("pattern: '(?<=\\w)[ ]+(?P<mark>[:;!?])'",
                                  "pattern: '(?P<mark>x*)'"))
    assert flagged(rule, "abc xx") == ["xx"]


def test_a_pattern_of_whole_lines_is_searched_at_line_starts_alike():
    rule = make_rule(RULE.replace("pattern: '(?<=\\w)[ ]+(?P<mark>[:;!?])'",
                                  "pattern: '^[ \\t]*(?P<mark>tweet|\\|[ ]*\\|)[ \\t]*$'\n"
                                  "flags: [multiline, ignorecase]\ngroup: mark"))
    assert rule.check.anchors != [None]
    text = "Tweet\nDo tweet\n  TWEET \n| |\nTweet it\n\u212a\n|\n|"
    assert flagged(rule, text) == ["Tweet", "TWEET", "| |"]


CATASTROPHIC = """\
id: user/slow
type: pattern
category: Other
severity: warning
message: slow
pattern: '(a|aa)+$'
timeout: 0.2
"""


def test_catastrophic_backtracking_is_stopped_and_reported():
    rule = make_rule(CATASTROPHIC)
    article = Article(id="a", target=Document(path="slow.txt", text="a" * 40 + "!", lang="en"))
    with pytest.raises(CheckTimeout):
        list(rule.check.find(article))
    [finding] = Engine([rule, make_rule(RULE)]).lint(article)
    assert finding.rule == "tqcheck/rule-timeout" and "user/slow" in finding.message


def test_a_rule_that_crashes_is_reported_and_the_others_still_run():
    rule, other = make_rule(CATASTROPHIC), make_rule(RULE)

    def broken(article):
        raise ValueError("boom")

    rule.check.find = broken
    article = Article(id="a", target=Document(path="x.txt", text="Really ?", lang="en"))
    found = Engine([rule, other]).lint(article)
    assert [(f.rule, f.text) for f in found] == [
        ("tqcheck/rule-failed", ""), ("typography/t", " ?")]
    assert "user/slow" in found[0].message and "boom" in found[0].message
