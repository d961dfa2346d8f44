"""The quick test of whether a text might spell a name two ways (`names.clusters.may_vary`):
it never says no where clustering the text's mentions finds a name spelled two ways."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import make_rule
from tests.test_check_name_consistency import RULE
from tqcheck.checks.name_consistency import NameConsistencyCheck
from tqcheck.names.clusters import cluster, may_vary, spellings_of
from tqcheck.names.mentions import MentionRules, find_mentions, word_candidates

CHECK = make_rule(RULE).check
assert isinstance(CHECK, NameConsistencyCheck)

# Words that make mentions of every kind: spellings of one name (by a key, by likeness),
# possessives, capitals, prefixes, particles in both cases, titles, common words written in
# lower case too, and the punctuation that starts sentences and lines.
PIECES = ["Ivantchenko", "Ivanchenko", "Ivanchenko's", "IVANCHENKO", "pro-Ivanchenko",
          "Wisniewska", "Wiśniewska", "Wiszniewska", "Dorota", "Dorotha", "Koval", "Kowal",
          "Kovalenko", "Macao", "Macau", "Minister", "Ministry", "ministry", "The", "the",
          "In", "bin", "Bin", "von", "Von", "der", "Mr.", "President", "Jean-Marc",
          "jean-marc", "Straße", "Strasse", "Regierung", "Regierungen", "Berlin", "Berliner",
          "said", "met", "a", "I", "O'Hara", "d'Alembert", "anti-Macau", "Ivan-style",
          "groß-Ivanchenko"]
SEPARATORS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", ": ", " \u201c", "\u201d ", "-"]
text = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                max_size=30).map(lambda pairs: "".join(w + s for w, s in pairs))


def clusters_of_several(text: str, code: str) -> list[list[str]]:
    """The clusters of more than one spelling that clustering every mention finds."""
    language = CHECK.languages[code]
    keys = CHECK.keys_for(frozenset({None}), language)
    found = cluster(spellings_of(find_mentions(text, language.mentions), keys), keys,
                    language.similarity)
    return [[s.text for s in group.spellings] for group in found if len(group.spellings) > 1]


def varies(text: str, code: str) -> bool:
    language = CHECK.languages[code]
    return may_vary(text, language.mentions, CHECK.keys_for(frozenset({None}), language),
                    language.similarity)


@settings(max_examples=400, deadline=None)
@given(text, st.sampled_from(["en", "de"]))
def test_the_candidates_hold_every_name_word_of_the_mentions(drawn: str, code: str) -> None:
    rules = CHECK.languages[code].mentions
    words = {token.text for mention in find_mentions(drawn, rules) for token in mention.tokens
             if not token.common}
    assert words <= word_candidates(drawn, rules)


@settings(max_examples=400, deadline=None)
@given(text, st.sampled_from(["en", "de"]))
def test_no_name_spelled_two_ways_is_missed(drawn: str, code: str) -> None:
    if clusters_of_several(drawn, code):
        assert varies(drawn, code)


@pytest.mark.parametrize(("sample", "expected"), [
    ("Vassili Ivantchenko won. Later Ivanchenko spoke.", True),
    ("Dorota Wisniewska met Dorota Wiśniewska.", True),
    ("Flights to Macao resumed. In Macau the casinos reopened.", True),  # by likeness alone
    ("Vassili Ivanchenko won. Later Dorota Wisniewska spoke.", False),
    # Both spellings are common words here: the text writes them in lower case too.
    ("The Ministry said so. The minister and the ministry agreed. Minister Koval left.",
     False),
    # Titles are cut off mentions, so a title is never a spelling of a name.
    ("Minister Anna Koval spoke. The Ministry of Finance agreed.", False),
])
def test_texts_with_and_without_a_name_spelled_two_ways(sample: str, expected: bool) -> None:
    assert varies(sample, "en") is expected


def test_a_particle_in_capitals_is_a_candidate() -> None:
    rules = MentionRules(particles=frozenset({"AL", "bin"}))
    sample = "Envoys met Bashar AL Assad and Omar bin Laden."
    words = {token.text for mention in find_mentions(sample, rules) for token in mention.tokens
             if not token.common}
    assert "AL" in words and words <= word_candidates(sample, rules)
