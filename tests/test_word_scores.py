"""Word scores worked out once for all languages agree with each language's own profile."""

import pytest

from tests.helpers import LANGUAGES, english_estimator, log_prob
from tqcheck.langevidence import WordScores

WORDS = ["through", "schlecht", "aujourd'hui", "muchachos", "gnocchi", "x", "é", "straße",
         "naïve", "北京", "l'élysée", ""]


@pytest.mark.parametrize("word", WORDS)
def test_scores_equal_each_profile_exactly(word):
    scores = WordScores(LANGUAGES.values())
    for code, language in LANGUAGES.items():
        assert scores(word)[code] == log_prob(language, word)


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
