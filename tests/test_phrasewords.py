"""Ruling phrases out by ASCII words never rules out a text the whole expression matches."""

from __future__ import annotations

import _sre
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_matching import whole_expression_matches
from tqcheck.matching import PhraseMatcher, normalize
from tqcheck.phrasewords import PhraseWords, ascii_words, fold

ASCII_WORD = re.compile(r"[A-Za-z0-9_]")
ASCII_WORDS = re.compile(r"[A-Za-z0-9_]+")
# letters `re` takes for ASCII ones ignoring case (K, ſ, İ, ı), letters whose case folding
# or decomposition is special (ß, ẞ, ǰ, ŉ, ﬁ, ͅ, Σ), other letters, marks and spaces
ALPHABET = "abkisfAKSIF\u212a\u017f\u0130\u0131ß\u1e9e\u01f0\u0149\ufb01\u0345Σσςéü'’%-. \n"
# a phrase with ASCII words (one without any is never ruled out, nor are its companions)
PHRASE = st.text(ALPHABET, min_size=1, max_size=8).filter(ascii_words)
PHRASES = st.lists(PHRASE, min_size=1, max_size=12)
# what `re` matches with a letter ignoring case
SPELLINGS = {"s": "sS\u017f", "i": "iI\u0130\u0131", "k": "kK\u212a", "a": "aA", "f": "fF"}


@st.composite
def texts_holding(draw: st.DrawFn, phrases: list[str]) -> str:
    """Random text around a phrase of the list, its letters spelt in any case."""
    phrase = draw(st.sampled_from(phrases))
    spelt = "".join(draw(st.sampled_from(SPELLINGS.get(char.lower(), char))) for char in phrase)
    before, after = draw(st.text(ALPHABET, max_size=20)), draw(st.text(ALPHABET, max_size=20))
    return before + spelt + after


def ignorecase_class(char: str) -> int:
    """The class of characters `re` matches with `char` ignoring case: characters whose simple
    lower case is the same, or one of the extra equivalences `re` adds (ſ with s, ı with i)."""
    lower = _sre.unicode_tolower(ord(char))
    return min((lower, *re._casefix._EXTRA_CASES.get(lower, ())))


@pytest.fixture(scope="module")
def classes() -> dict[int, str]:
    """Every code point, by its class ignoring case (see ignorecase_class)."""
    by_class: dict[int, list[str]] = {}
    for point in range(sys.maxunicode + 1):
        by_class.setdefault(ignorecase_class(chr(point)), []).append(chr(point))
    return {key: "".join(members) for key, members in by_class.items()}


def test_re_matches_a_letter_of_an_ascii_class_with_exactly_the_letters_of_the_class(classes):
    every = "".join(classes.values())
    for letter in "abcdefghijklmnopqrstuvwxyz":
        members = classes[ord(letter)]
        for char in members:
            matched = re.findall(re.escape(char), every, re.IGNORECASE)
            assert sorted(matched) == sorted(members), char


def test_every_code_point_folds_to_its_ascii_class_or_to_no_ascii_word_character(classes):
    every = "".join(classes.values())
    assert len(fold(every)) == len(every)  # one character each: folding goes char by char
    for key, members in classes.items():
        if chr(key).isascii() and chr(key).isalpha():
            assert fold(members) == chr(key) * len(members), members
        else:
            assert not ASCII_WORD.search(fold(ASCII_WORD.sub("", members))), members


def words_of_the_folded_text(text: str) -> frozenset[bytes]:
    return frozenset(word.encode() for word in ASCII_WORDS.findall(fold(text)))


def test_the_ascii_words_are_those_of_the_folded_text_for_every_character_case_changes():
    changed = [chr(point) for point in range(sys.maxunicode + 1)
               if chr(point).lower() != chr(point) or fold(chr(point)) != chr(point)]
    for char in changed:
        text = f"x{char}y {char}"
        assert ascii_words(text) == words_of_the_folded_text(text), hex(ord(char))


@given(st.text(ALPHABET, max_size=40))
def test_the_ascii_words_are_those_of_the_folded_text(text):
    assert ascii_words(text) == words_of_the_folded_text(text)


def test_a_text_lacking_a_phrase_word_is_ruled_out_and_a_folded_one_is_not():
    words = PhraseWords([normalize("Share on Facebook", False)])
    assert words.held("Shared on Facebook's page") == []
    assert words.held("\u017fHARE on\nFACEBOOK") == ["share on facebook"]
    assert ascii_words("Déjà\u00a0abonné ? L’auteur") == {b"d", b"j", b"abonn", b"l", b"auteur"}
    assert ascii_words("a\ud800b") == {b"a", b"b"}  # a lone surrogate separates words too


def test_a_phrase_without_ascii_words_is_never_ruled_out():
    assert PhraseWords(["ü", "share"]).held("nothing here") is None


@settings(max_examples=300, deadline=None)
@given(phrases=PHRASES, data=st.data(), case_sensitive=st.booleans())
def test_ruling_out_by_words_never_loses_a_match_of_the_whole_expression(phrases, data,
                                                                         case_sensitive):
    text = data.draw(st.one_of(st.text(ALPHABET, max_size=60), texts_holding(phrases)))
    matcher = PhraseMatcher(phrases, case_sensitive=case_sensitive, whole_word=True)
    assert list(matcher.finditer(text)) == whole_expression_matches(matcher, text)


@settings(max_examples=500, deadline=None)
@given(phrase=PHRASE, data=st.data(), case_sensitive=st.booleans())
def test_a_text_the_expression_of_a_phrase_matches_is_never_ruled_out(phrase, data,
                                                                      case_sensitive):
    matcher = PhraseMatcher([phrase], case_sensitive=case_sensitive, whole_word=True)
    text = data.draw(texts_holding([phrase]))
    if matcher.regex.search(text):
        assert matcher.words is not None
        held = matcher.words.held(text)
        assert held is None or normalize(phrase, case_sensitive) in held
