"""Words of Latin-script text found with `re` are the words `regex`'s letter class finds."""

from hypothesis import given
from hypothesis import strategies as st

from tqcheck.latinwords import LATIN_WORD, WORD, common_latin

PIECES = ["a", "Z", "é", "ß", "Ł", "ǅ", "ª", "µ", "×", "÷", "’", "'", "-", " ", "\t", "\n",
          ".", "3", "²", "α", "Ж", "北", "\u0301", "İ", "ệ", "ʼ"]


@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES), max_size=30).map("".join)))
def test_latin_words_are_the_words_wherever_every_letter_is_a_common_latin_one(text):
    if common_latin(text):
        assert LATIN_WORD.findall(text) == WORD.findall(text)


def test_ascii_and_accented_latin_text_is_common_latin():
    assert common_latin("The mayor’s co-op said: “Straße, naïve café, Łódź” × 2.")
    assert LATIN_WORD.findall("l’Élysée, Łódź-born") == ["l’Élysée", "Łódź-born"]


def test_a_letter_of_another_script_or_beyond_u024f_is_not():
    for letters in ("μ", "Жук", "北京", "ệ", "µ"):  # µ: the micro sign, a letter of no script
        assert not common_latin(f"Paris {letters}")
