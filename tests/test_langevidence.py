"""Language evidence: trigram profiles, function words, estimating the source language."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers import LANGUAGES, english_estimator, log_prob
from tqcheck.langevidence import EvidenceError, load_language, trigrams_of


def test_the_shipped_languages_load_with_their_function_words_and_profiles():
    assert set(LANGUAGES) >= {"de", "en", "es", "fr", "it"}
    for code, language in LANGUAGES.items():
        assert language.code == code and language.script == "Latin"
        assert len(language.function_words) > 80 and len(language.trigrams) > 1000
    assert LANGUAGES["de"].capitalizes_nouns and not LANGUAGES["en"].capitalizes_nouns


@pytest.mark.parametrize("word, lang, other", [
    ("through", "en", "de"), ("schlecht", "de", "en"), ("aujourd'hui", "fr", "en"),
    ("muchachos", "es", "it"), ("gnocchi", "it", "en")])
def test_a_profile_prefers_its_own_words(word, lang, other):
    assert log_prob(LANGUAGES[lang], word) > log_prob(LANGUAGES[other], word)


def test_estimate_source_from_leaked_words():
    estimate = english_estimator().estimate
    words = ["the", "mayor", "said", "la", "mise", "en", "demeure", "de", "la", "société",
             "was", "final"]
    assert estimate(words).code == "fr"
    words = ["the", "mayor", "said", "the", "decision", "was", "final"]
    assert estimate(words) is None


@given(st.text())
def test_a_words_trigrams_are_each_character_of_it_padded_with_the_next_two(word):
    padded = [" ", *word, " "]
    assert trigrams_of(word) == [padded[at] + padded[at + 1] + padded[at + 2]
                                 for at in range(len(padded) - 2)]


def test_a_missing_trigram_file_is_an_error(tmp_path):
    (tmp_path / "xx.yaml").write_text("data: language\nfunction_words: a b\n", encoding="utf-8")
    with pytest.raises(EvidenceError, match="xx.trigrams.yaml"):
        load_language(tmp_path, "xx")
