"""Word scores worked out once for all languages agree with each language's own profile."""

import pytest

from tests.helpers import ROOT, log_prob
from tqcheck.langevidence import SourceEstimator, WordScores, languages_in

LANGUAGES = languages_in(ROOT / "rules" / "languages")
WORDS = ["through", "schlecht", "aujourd'hui", "muchachos", "gnocchi", "x", "é", "straße",
         "naïve", "北京", "l'élysée", ""]


@pytest.mark.parametrize("word", WORDS)
def test_scores_equal_each_profile_exactly(word):
    scores = WordScores(LANGUAGES.values())
    for code, language in LANGUAGES.items():
        assert scores(word)[code] == log_prob(language, word)



def english_estimator() -> SourceEstimator:
    """Estimates the source language of English translations from the other languages."""
    others = [LANGUAGES[c] for c in ("de", "es", "fr", "it")]
    return SourceEstimator(LANGUAGES["en"], others, WordScores(LANGUAGES.values()))

def test_a_word_votes_once_and_the_same_way_every_time():
    estimator = english_estimator()
    french = {"la", "mise", "en", "demeure", "de", "société", "the", "mayor"}
    assert estimator.estimate(french).code == "fr"
    assert estimator.estimate(french).code == "fr"
    assert estimator.estimate({"the", "mayor", "said"}) is None


def test_a_word_votes_once_whatever_its_case():
    estimator = english_estimator()
    assert estimator.estimate(["Société", "société", "SOCIÉTÉ", "the"]) is None
    assert estimator.estimate(["Société", "Demeure", "The"]).code == "fr"
