"""Language identification: the same answers as langdetect's own detector, only sooner."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.lang_detect_exception import LangDetectException

from tests.helpers import ROOT
from tqcheck import langid_detector
from tqcheck.langid import _detector_factory, _new_detector, detect_language

CORPUS_TEXTS = sorted((ROOT / "corpus").glob("*/*.txt"))

# Characters each of which langdetect treats in its own way: capitals, signs between Z and a,
# Latin-1 signs it blanks, Vietnamese letters with combining marks, Latin Extended Additional,
# Romanian comma letters, Farsi yeh, kana, Hangul, ideographs, a general punctuation sign.
ALPHABET = ("aAbBeEnNsStTzZ  \n.,'-0[_`\u00a0\u00ab\u00e9\u00c9\u00df\u0301\u0303\u1ea1\u1e00"
            "\u0219\u021b\u06cc\u0627\u3042\u30a2\u3105\uac00\u4e00\u4e2d\u6587\u2019\u0416\u0436")
URLS_AND_MAILS = st.sampled_from(["http://example.org/a?b=c", "mail@example.org", ""])


def _outcome(detector, text: str) -> tuple:
    """What a detector makes of a text: its cleaned text, n-grams and probabilities (or the
    error it raises)."""
    detector.append(text)
    try:
        ranked = [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException as error:
        ranked = [("error", error.get_code())]
    detector.text = ""
    detector.append(text)
    detector.cleaning_text()
    return detector.text, detector._extract_ngrams(), ranked


def assert_same_as_langdetect(text: str) -> None:
    assert _outcome(_new_detector()(), text) == _outcome(_detector_factory().create(), text)


@pytest.mark.parametrize("path", CORPUS_TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_texts_and_their_beginnings_and_lines_read_as_langdetect_reads_them(path):
    text = path.read_text(encoding="utf-8")
    for part in [text[:5000], text[:1000], text[:300], text[:100], *text.splitlines()[:20]]:
        assert_same_as_langdetect(part)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(ALPHABET, max_size=40), URLS_AND_MAILS), max_size=12))
def test_any_text_reads_as_langdetect_reads_it(parts):
    assert_same_as_langdetect(" ".join(parts))


def test_words_and_characters_read_after_the_memos_start_afresh_read_the_same(monkeypatch):
    library = _detector_factory().create()
    library.append((ROOT / "corpus" / "de-zelensky-berlin-visit" / "source.de.txt").read_text())
    library.cleaning_text()
    monkeypatch.setattr(langid_detector, "MEMO_SIZE", 3)
    reader = langid_detector.NgramReader(_detector_factory().word_lang_prob_map)
    assert reader(library.text) == library._extract_ngrams()
    assert reader(library.text) == library._extract_ngrams()


@pytest.mark.parametrize("path, lang", [
    ("fr-belarus-opposition-vilnius/source.fr.txt", "fr"),
    ("es-khodorkovsky-madrid-forum/source.es.txt", "es"),
    ("de-zelensky-berlin-visit/source.de.txt", "de"),
    ("de-heating-law-bundestag/mt.en.txt", "en")])
def test_the_language_of_a_real_text(path, lang):
    text = (ROOT / "corpus" / path).read_text(encoding="utf-8")
    assert detect_language(text) == lang
    assert detect_language(text[:300]) == lang


def test_chinese_is_named_without_its_region():
    chinese = "国务院总理今天在北京会见了来访的德国总理，双方就经济合作交换了意见。"
    assert detect_language(chinese) == "zh"


NO_WORDS_BUT_A_URL = "http://example.org/abcdefghijklmnopqrstuvwxyz"


@pytest.mark.parametrize("text", ["", "12 345 678", "Too short to tell.", NO_WORDS_BUT_A_URL])
def test_too_little_text_has_no_language(text):
    assert detect_language(text) is None


def test_the_same_text_gets_the_same_answer_whatever_came_before():
    english = (ROOT / "corpus" / "fr-belarus-opposition-vilnius" / "mt.en.txt").read_text()
    french = (ROOT / "corpus" / "fr-belarus-opposition-vilnius" / "source.fr.txt").read_text()
    mixed = english[:400] + french[:400]
    first = detect_language(mixed)
    detect_language(french)
    assert detect_language(mixed) == first
