"""The quick test of which words a text might spell two ways (`names.clusters.words_that_may_vary`):
it names every spelling of a cluster of two or more that clustering the text's mentions finds,
so the mentions that hold those words (`names.mentions.mentions_of`) are enough."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import make_rule
from tests.test_check_name_consistency import RULE
from tqcheck.checks.base import Hit
from tqcheck.checks.name_consistency import Language, NameConsistencyCheck
from tqcheck.documents import Article, Document
from tqcheck.names.clusters import (
    cluster,
    mentions_that_may_vary,
    spellings_of,
    words_that_may_vary,
)
from tqcheck.names.keys import KeyMaker
from tqcheck.names.mentions import (
    Mention,
    MentionRules,
    find_mentions,
    mentions_of,
    remembered_mentions,
    word_candidates,
)

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
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)),
                 max_size=30).map(lambda pairs: "".join(w + s for w, s in pairs))


def any_source_keys(language: Language) -> KeyMaker:
    """The keys of a language's names read through every transliteration table."""
    return CHECK.keys_for(frozenset({None}), language)


def name_words(text: str, rules: MentionRules) -> set[str]:
    """The words of the text's mentions that are not common words."""
    return {token.text for mention in find_mentions(text, rules) for token in mention.tokens
            if not token.common}


def clusters_of_several(mentions: list[Mention], code: str) -> list[list[tuple[object, ...]]]:
    """The clusters of more than one spelling that clustering the mentions finds: each
    spelling with its tokens and the names that follow it."""
    language = CHECK.languages[code]
    keys = any_source_keys(language)
    found = cluster(spellings_of(mentions, keys), keys, language.similarity)
    return [[(s.text, s.tokens, s.followers, s.followed) for s in group.spellings]
            for group in found if len(group.spellings) > 1]


def may_vary(text: str, code: str) -> set[str]:
    language = CHECK.languages[code]
    return words_that_may_vary(text, language.mentions,
                               any_source_keys(language), language.similarity)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["en", "de"]))
def test_the_candidates_hold_every_name_word_of_the_mentions(drawn: str, code: str) -> None:
    rules = CHECK.languages[code].mentions
    assert name_words(drawn, rules) <= word_candidates(drawn, rules)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["en", "de"]))
def test_no_name_spelled_two_ways_is_missed(drawn: str, code: str) -> None:
    found = clusters_of_several(find_mentions(drawn, CHECK.languages[code].mentions), code)
    assert {spelling[0] for group in found for spelling in group} <= may_vary(drawn, code)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["en", "de"]))
def test_the_lines_of_the_words_that_may_vary_make_the_same_clusters(drawn: str,
                                                                     code: str) -> None:
    rules = CHECK.languages[code].mentions
    some = mentions_of(drawn, rules, may_vary(drawn, code))
    assert clusters_of_several(some, code) == clusters_of_several(find_mentions(drawn, rules),
                                                                 code)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(["en", "de"]))
def test_the_mentions_that_may_vary_make_the_same_clusters_as_all(drawn: str,
                                                                  code: str) -> None:
    language = CHECK.languages[code]
    every = find_mentions(drawn, language.mentions)
    some = mentions_that_may_vary(every, any_source_keys(language), language.similarity)
    assert clusters_of_several(some, code) == clusters_of_several(every, code)
    assert all(mention in every for mention in some)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sets(st.sampled_from(PIECES)), st.sampled_from(["en", "de"]))
def test_the_mentions_of_some_words_are_those_of_the_whole_text_that_hold_them(
        drawn: str, words: set[str], code: str) -> None:
    rules = CHECK.languages[code].mentions
    holding = [m for m in find_mentions(drawn, rules) if any(t.text in words for t in m.tokens)]
    assert mentions_of(drawn, rules, words) == holding


def hits(text: str, code: str) -> list[Hit]:
    return list(CHECK.find(Article(id="t", target=Document(path="t.txt", text=text,
                                                           lang=code))))


@pytest.mark.parametrize(("sample", "code"), [
    # Macao is a name, not a sentence's first word, only as the third line shows.
    ("Macao reopened.\nFlights to Macau resumed.\nCasinos in Macao are busy.\n", "en"),
    # Wiśniewska is the more frequent spelling only counting every line.
    ("They met Wisniewska.\nThey cheered Wiśniewska.\nThey thanked Wiśniewska.\n", "en"),
    # Dorota and Dorotha are given names of other people unless one name follows both, as
    # only the third line shows.
    ("Dorota Wisniewska spoke.\nDorotha Kowal left.\nDorotha Wisniewska stayed.\n", "en"),
    # Where every noun is capitalised, Macau on its own counts only as the third line writes
    # it in a longer name.
    ("Wir flogen nach Macau.\nDer Flughafen Macao ist neu.\nDas Casino Macau Palace.\n",
     "de"),
])
def test_a_text_seen_in_part_gets_the_hits_of_every_mention(sample: str, code: str) -> None:
    rules = CHECK.languages[code].mentions
    assert remembered_mentions(sample, rules) is None  # so only some lines are looked at
    seen_in_part = hits(sample, code)
    assert remembered_mentions(sample, rules) is None  # a part is never taken for the whole
    find_mentions(sample, rules)  # remembered: every mention is clustered now
    assert seen_in_part == hits(sample, code)
    assert seen_in_part


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
    assert bool(may_vary(sample, "en")) is expected


def test_a_particle_in_capitals_is_a_candidate() -> None:
    rules = MentionRules(particles=frozenset({"AL", "bin"}))
    sample = "Envoys met Bashar AL Assad and Omar bin Laden."
    words = name_words(sample, rules)
    assert "AL" in words and words <= word_candidates(sample, rules)
