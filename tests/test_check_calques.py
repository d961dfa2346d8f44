"""Rule type `calques`: literal renderings with inflections, entries with their own examples."""

import pytest

from tests.helpers import flagged, make_rule
from tqcheck.documents import Article, Document
from tqcheck.errors import RuleError
from tqcheck.ruletest import check_examples

RULE = """\
id: idioms/t
type: calques
category: Style/Unnatural or awkward
severity: warning
message: "'{text}' renders '{source}': {suggestion}{note}"
entries:
  - source: multiplier les propositions
    literal: "multipl(y|ies|ied|ying)(,[^,.]{1,60},)? the (proposals|announcements)"
    suggestion: made one proposal after another
    bad: "He [[multiplied the proposals]]."
    good: "The cells multiplied."
  - source: l'Hexagone
    literal: ["in the Hexagon", "across the Hexagon"]
    suggestion: in France
    note: " (metonym)"
    bad: ["Prices rose [[in the Hexagon]].", "Strikes spread [[across the Hexagon]]."]
    good: "A hexagon has six sides."
  - source: à savoir
    literal: ",\\\\s+to know(?=\\\\s*[:,])"
    suggestion: namely
    bad: "Two towns[[, to know]], Lyon and Nantes."
  - source: faire l'objet de
    literal: "is the object of an? (inquiry|investigation)"
    suggestion: is under investigation
    bad: "The mayor [[is the object of an inquiry]]."
"""


def test_inflections_and_an_inserted_clause():
    rule = make_rule(RULE)
    assert flagged(rule, "She multiplies the announcements and they are multiplying the "
                         "proposals.") == ["multiplies the announcements",
                                           "multiplying the proposals"]
    assert flagged(rule, "Putin has multiplied, with the election near, the proposals.") == [
        "multiplied, with the election near, the proposals"]


def test_message_suggestion_and_fields():
    rule = make_rule(RULE)
    doc = Document(path="a.txt", text="Prices rose IN THE\nHEXAGON.", lang="en")
    [finding] = rule.run(Article(id="a", target=doc))
    assert finding.text == "IN THE\nHEXAGON"
    assert finding.suggestion == "in France"
    assert finding.message == "'IN THE\nHEXAGON' renders 'l'Hexagone': in France (metonym)"
    assert not finding.fixable


def test_whole_words_only_but_edges_that_are_not_letters_may_touch_words():
    rule = make_rule(RULE)
    assert flagged(rule, "Stay within the Hexagonal zone.") == []
    assert flagged(rule, "Two towns, to know, voted.") == [", to know"]


def test_apostrophes_match_each_other():
    rule = make_rule(RULE.replace("in the Hexagon", "in the Hexagon's heart"))
    assert flagged(rule, "It happened in the Hexagon’s heart.") == ["in the Hexagon’s heart"]


def test_entry_examples_are_the_rule_examples_and_are_checked():
    rule = make_rule(RULE)
    assert len(rule.examples.bad) == 5 and len(rule.examples.good) == 2
    assert check_examples(rule) == []
    broken = make_rule(RULE.replace('good: "The cells multiplied."',
                                    'good: "Prices rose in the Hexagon."'))
    assert [f.kind for f in check_examples(broken)] == ["good"]


@pytest.mark.parametrize("change, message", [
    (("    suggestion: in France\n", "    sugestion: in France\n"), "unknown key 'sugestion'"),
    (('    bad: "The mayor [[is the object of an inquiry]]."\n', ""), "entry needs 'bad'"),
    (("(inquiry|investigation)", "(?P<x>inquiry)"), "not named groups"),
    (("(inquiry|investigation)", "(inquiry"), "invalid literal pattern"),
    (("    literal: [\"in the Hexagon\", \"across the Hexagon\"]\n", "    literal: []\n"),
     "at least one literal"),
])
def test_entry_errors(change, message):
    with pytest.raises(RuleError, match=message):
        make_rule(RULE.replace(*change))


def test_entries_must_not_be_empty():
    with pytest.raises(RuleError, match="'entries' must not be empty"):
        make_rule(RULE.split("entries:")[0] + "entries: []\n")
