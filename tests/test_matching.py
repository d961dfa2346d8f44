"""PhraseMatcher: searching for the phrases a text may hold, and matching by the groups of the
leads, find what the whole expression finds."""

from __future__ import annotations

import math
import pickle
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.matching import FEW_HELD, LEAD_BUDGET, PhraseMatcher, _pattern, normalize

# letters that fold to ASCII ignoring case (K, ſ, İ, ı), others that do not, marks, spaces
ALPHABET = "abkisAKSI\u212a\u017f\u0130\u0131éàüÜ'’%-–. \n"
PHRASES = st.lists(st.text(ALPHABET, min_size=1, max_size=8), min_size=1, max_size=12)


# a phrase without ASCII words: no text is ruled out, so a whole-word matcher holding it
# matches by lead while its whole expression is uncompiled
NO_ASCII_WORD = "ü"


def uncompiled(phrases: list[str], **options: bool) -> PhraseMatcher:
    """A matcher as the rule cache gives it: nothing compiled, so it matches by lead where it
    cannot tell the few phrases a text may hold."""
    return pickle.loads(pickle.dumps(PhraseMatcher(phrases, **options)))


def whole_expression_matches(matcher: PhraseMatcher, text: str) -> list[tuple[int, int, str]]:
    """What one search of the whole expression finds (how phrases were matched before)."""
    return [(m.start(), m.end(), normalize(m.group(), matcher.case_sensitive))
            for m in matcher.regex.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(phrases=PHRASES, text=st.text(ALPHABET, max_size=60), case_sensitive=st.booleans())
def test_matching_by_lead_finds_what_the_whole_expression_finds(phrases, text, case_sensitive):
    matcher = uncompiled([*phrases, NO_ASCII_WORD], case_sensitive=case_sensitive,
                         whole_word=True)
    found = list(matcher.finditer(text))
    assert found == whole_expression_matches(matcher, text)


def test_phrases_are_grouped_by_lead_and_unused_groups_stay_uncompiled():
    matcher = uncompiled(["Abe Shinzo", "Abe", "Addis Ababa", "%d bloggers", NO_ASCII_WORD],
                         case_sensitive=True, whole_word=True)
    assert sorted(matcher.groups) == ["%", "Abe", "Addis", NO_ASCII_WORD]
    text = "Mr Abe Shinzo met Abe in Addis."
    assert [key for _, _, key in matcher.finditer(text)] == ["Abe Shinzo", "Abe"]
    assert matcher.regex._compiled is None


def test_ignoring_case_a_lead_beyond_ascii_is_searched_with_the_other_phrases():
    matcher = uncompiled(["über den Autor", "about the author", NO_ASCII_WORD],
                         case_sensitive=False, whole_word=True)
    assert sorted(matcher.groups) == ["about"]
    text = "ÜBER DEN AUTOR\nAbout the\nauthor"
    assert [key for _, _, key in matcher.finditer(text)] == ["über den autor",
                                                           "about the author"]


def test_a_word_folding_to_an_ascii_lead_is_matched():
    matcher = uncompiled(["kilo", NO_ASCII_WORD], case_sensitive=False, whole_word=True)
    assert [key for _, _, key in matcher.finditer("5 \u212aILO")] == ["\u212ailo".lower()]


def test_where_a_grouped_and_another_phrase_both_match_the_longer_is_taken():
    matcher = uncompiled(["ab", "ab–cd", NO_ASCII_WORD], case_sensitive=False, whole_word=True)
    assert matcher.others is not None
    assert [key for _, _, key in matcher.finditer("x AB–CD ab")] == ["ab–cd", "ab"]


def test_past_its_budget_a_matcher_searches_the_whole_expression_with_the_same_matches():
    matcher = PhraseMatcher(["Abe Shinzo", "Addis Ababa", NO_ASCII_WORD], case_sensitive=True,
                            whole_word=True)
    text = "Abe Shinzo flew to Addis Ababa. " * 20
    expected = whole_expression_matches(matcher, text)
    matcher.regex = pickle.loads(pickle.dumps(matcher.regex))  # uncompiled again
    matches = []
    while matcher.regex._compiled is None:
        matches.append(list(matcher.finditer(text)))
    by_lead = math.ceil(LEAD_BUDGET * len(matcher.regex.pattern) / len(text))
    assert len(matches) == by_lead + 1
    assert matches[-1] == expected and list(matcher.finditer(text)) == expected


@settings(max_examples=400, deadline=None)
@given(phrases=PHRASES, text=st.text(ALPHABET, max_size=60))
def test_testing_for_a_word_start_after_the_first_character_finds_the_same(phrases, text):
    matcher = PhraseMatcher(phrases, case_sensitive=True, whole_word=True)
    keys = {normalize(phrase, True) for phrase in phrases}
    start_first = re.compile(_pattern(keys, True))
    assert ("(?<!\\w[\\s\\S])" in matcher.regex.pattern) == ("" not in keys)
    assert [m.span() for m in matcher.regex.finditer(text)] == \
        [m.span() for m in start_first.finditer(text)]


def test_a_text_that_may_hold_few_phrases_is_searched_for_them_alone():
    matcher = uncompiled(["Abe Shinzo", "Addis Ababa", "Abe"], case_sensitive=True,
                         whole_word=True)
    text = "Mr Abe Shinzo met Abe. Ababa, Addis and Abe Shinzo."
    assert matcher.words is not None
    assert sorted(matcher.words.held(text)) == ["Abe", "Abe Shinzo", "Addis Ababa"]
    assert [key for _, _, key in matcher.finditer(text)] == ["Abe Shinzo", "Abe", "Abe Shinzo"]
    assert matcher.regex._compiled is None and matcher.by_lead_left == \
        LEAD_BUDGET * len(matcher.regex.pattern)  # neither the whole expression nor the leads


def test_a_text_that_may_hold_many_phrases_is_matched_as_before():
    phrases = [f"word{number}" for number in range(FEW_HELD + 1)]
    matcher = uncompiled(phrases, case_sensitive=False, whole_word=True)
    text = " ".join(reversed(phrases)) + " WORD3x word3"
    assert len(matcher.words.held(text)) > FEW_HELD
    found = list(matcher.finditer(text))
    assert matcher.by_lead_left < LEAD_BUDGET * len(matcher.regex.pattern)  # matched by lead
    assert found == whole_expression_matches(matcher, text)
    assert [key for _, _, key in found][-2:] == ["word0", "word3"]
