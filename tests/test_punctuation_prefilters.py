"""The quick paths of the quotation and punctuation scan find exactly what the plain
expressions find: triggers, speech attributions, camel-case tokens, paragraphs, marks."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT
from tqcheck.documents import Article, Document
from tqcheck.loader import load_rules
from tqcheck.punctuation import scan as scan_module
from tqcheck.punctuation.boundaries import TOKEN, camel_tokens
from tqcheck.punctuation.conventions import Locale
from tqcheck.punctuation.marks import DOUBLE_MARKS, SINGLE_MARKS, offsets
from tqcheck.punctuation.patterns import LETTER, SPACE, LocalePatterns, alternation
from tqcheck.punctuation.text import paragraphs, sentences

PACK = ROOT / "rules" / "punctuation" / "quotes.yaml"
CONVENTIONS = next(r for r in load_rules([PACK]) if r.type == "quotes").check.conventions
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Words that make every detector fire somewhere: speech verbs, titles, names, first-person
# words, camel case, marks of every kind, French spacing, doubled stops, line breaks.
PIECES = [
    "said", "SAYS", "sums up", "räumte ein", "so", "sagte", "told", "we", "I", "our", "wir",
    "ich", "Mr.", "Prime Minister", "Präsident", "Anna", "Lee-Berg", "O’Neil", "Merkel",
    "crisisSergey", "warThe", "iPhone", "McDonald", "»Die", "e", "etc.", "U.S.", "the",
    "mayor", "3", "@", "#", "/", ",", ", ", ".", ". ", "!", "?", ".,", ", ,", ". .", ";;",
    " :", " ?", "\u00a0", "\u202f", " - ", "«", "»", "„", "“", "”", '"', "'", "‘", "’", "‚",
    "‹", "›", " ", " ", " ", "\n", "\r\n", "\n\n", "ª", "²",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def reference_attribution(locale: Locale) -> re.Pattern[str]:
    """The attribution as one expression, as it was written before the word-list lookups."""
    verbs = alternation(locale.speech_verbs)
    name_word = rf"[A-Z]{LETTER}*(?:['’-]{LETTER}+)*"
    title = rf"(?:{alternation(locale.titles)}{SPACE}+)?"
    name = rf"{title}{name_word}(?:{SPACE}+{name_word}){{0,3}}"
    return re.compile(rf",{SPACE}+(?:(?i:{verbs}){SPACE}+{name}|{name}{SPACE}+(?i:{verbs}))"
                      rf"{SPACE}*[.!?]?$")


@pytest.mark.parametrize("lang", ["en", "de"])
@SETTINGS
@given(text=TEXTS)
def test_attributions_are_those_of_the_single_expression(lang, text):
    locale = CONVENTIONS.locales[lang]
    patterns, reference = LocalePatterns(locale), reference_attribution(locale)
    for paragraph in paragraphs(text):
        for start, end in sentences(paragraph, locale.abbreviations):
            sentence = paragraph.text[start:end]
            match = reference.search(sentence)
            assert patterns.attribution(sentence) == (match.start() if match else None)
            if match:
                assert patterns.may_attribute(paragraph.text)
                assert patterns.may_attribute(text)


@pytest.mark.parametrize("sentence, lang, comma", [
    ("We will win, said Prime Minister Boris Johnson.", "en", 11),
    ("We go, SAYS Anna Lee-Berg!", "en", 5),
    ("We, sums\u00a0up Anna.", "en", None),
    ("We, Anna Bob Carl Dan Eve said.", "en", None),
    ("Wir, räumte Ministerin Anna Berg ein.", "de", None),
    ("Wir bleiben, räumte ein Kanzlerin Merkel.", "de", 11),
])
def test_attribution_examples(sentence, lang, comma):
    assert LocalePatterns(CONVENTIONS.locales[lang]).attribution(sentence) == comma


@SETTINGS
@given(text=TEXTS)
def test_camel_tokens_are_the_token_expression_matches(text):
    assert [m.span() for m in camel_tokens(text)] == [m.span() for m in TOKEN.finditer(text)]


@SETTINGS
@given(text=TEXTS)
def test_paragraphs_are_the_non_blank_lines(text):
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\r\n]+", text)
             if m.group().strip()]
    assert [(p.start, p.text) for p in paragraphs(text)] == lines


@SETTINGS
@given(text=TEXTS)
def test_mark_offsets_are_those_of_a_class_search(text):
    for marks in (DOUBLE_MARKS, SINGLE_MARKS):
        assert offsets(text, marks) == [m.start() for m in re.finditer(f"[{marks}]", text)]


@pytest.mark.parametrize("lang", ["en", "de"])
@SETTINGS
@given(text=TEXTS, with_source=st.booleans())
def test_triggers_skip_only_what_finds_nothing(lang, text, with_source):
    source = Document(path="s.txt", text=text.upper(), lang="fr") if with_source else None
    article = Article(id="a", target=Document(path=f"a.{lang}.txt", text=text, lang=lang),
                      source=source, source_lang="fr" if with_source else None)
    quick = scan_module.scan(article, CONVENTIONS)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(scan_module, "DETECTORS", tuple(
            (detect, lambda _text, _patterns: True) for detect, _ in scan_module.DETECTORS))
        patched.setattr(scan_module, "present", lambda _text, marks: marks)
        plain = scan_module.scan(article, CONVENTIONS)
    assert sorted(map(repr, quick)) == sorted(map(repr, plain))
