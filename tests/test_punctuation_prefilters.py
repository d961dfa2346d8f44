"""The quick paths of the quotation and punctuation scan find exactly what the plain
expressions find: triggers, speech attributions, camel-case tokens, paragraphs, marks, the
locale tables, and the whole scan against one that runs every detector on every paragraph."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT
from tqcheck.documents import Article, Document
from tqcheck.loader import load_rules
from tqcheck.punctuation import quotations
from tqcheck.punctuation import scan as scan_module
from tqcheck.punctuation.boundaries import (
    DOUBLED,
    MAY_GLUE,
    TOKEN,
    camel_tokens,
    glue_offsets,
    spaced_hyphens,
)
from tqcheck.punctuation.conventions import STYLE_ANY, STYLE_CONSISTENT, Locale
from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    double_marks,
    offsets,
    single_pairs,
)
from tqcheck.punctuation.patterns import LETTER, SPACE, LocalePatterns, alternation
from tqcheck.punctuation.text import Paragraph, WordCounts, by_paragraph, paragraphs, sentences

PACK = ROOT / "rules" / "punctuation" / "quotes.yaml"
CONVENTIONS = next(r for r in load_rules([PACK]) if r.type == "quotes").check.conventions
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Words that make every detector fire somewhere: speech verbs, titles, names, first-person
# words, camel case, marks of every kind, single marks around words, French spacing, doubled
# stops, line breaks and other spaces.
PIECES = [
    "said", "SAYS", "sums up", "räumte ein", "so", "sagte", "told", "we", "I", "our", "wir",
    "ich", "Mr.", "Prime Minister", "Präsident", "Anna", "Lee-Berg", "O’Neil", "Merkel",
    "crisisSergey", "warThe", "iPhone", "McDonald", "»Die", "e", "etc.", "U.S.", "the",
    "mayor", "3", "@", "#", "/", ",", ", ", ".", ". ", "!", "?", ".,", ", ,", ". .", ";;",
    " :", " ?", "\u00a0", "\u202f", " - ", "«", "»", "„", "“", "”", '"', "'", "‘", "’", "‚",
    "‹", "›", " ‚Anna‘ ", " ‹wir› ", " 'our' ", " ", " ", " ", "\n", "\r\n", "\n\n", "\r",
    "\t", "\x0c", "\u2028", "ª", "²",
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
    found = paragraphs(text)
    triggered = by_paragraph(patterns.attributions(text), [p.start for p in found])
    for index, paragraph in enumerate(found):
        for start, end in sentences(paragraph, locale.abbreviations):
            sentence = paragraph.text[start:end]
            match = reference.search(sentence)
            assert patterns.attribution(sentence) == (match.start() if match else None)
            if match:
                assert index in triggered


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
@given(text=st.text(alphabet="a- \u00a0\n", max_size=30))
@example(text="a - - b")
def test_spaced_hyphens_are_the_matches_of_the_plain_expression(text):
    plain = re.compile(r"(?<=\S)[ \u00a0]-[ \u00a0](?=\S)")
    locale = CONVENTIONS.locales["de"]
    ctx = Context(Paragraph(0, text), locale, CONVENTIONS, LocalePatterns(locale))
    assert [(d.start, d.end) for d in spaced_hyphens(ctx)] == \
        [match.span() for match in plain.finditer(text)]


@SETTINGS
@given(text=st.text(alphabet=".,;… \u00a0a", max_size=30))
@example(text="a.. b., c. ; …, d .;. e")
def test_doubled_marks_are_the_matches_of_the_plain_expression(text):
    plain = re.compile(r"(?<![.…])(?<![.…][ \u00a0])([.,;])[ \u00a0]?([.,;])(?![.…]|[ \u00a0]\.)")
    assert [(m.span(), m.groups()) for m in DOUBLED.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


# Characters on each side of the classes MAY_GLUE tells apart, in one to four UTF-8 bytes,
# lone surrogates (which texts read with `surrogateescape` hold) among them.
GLUE_TEXTS = st.text(alphabet="aZ`{@[ \n\u0080\u00a9\u00aa\u00e4\u00c4\u201c\u0100\u4e00"
                              "\U0001f600\udc80\ud83d", max_size=40)


@SETTINGS
@given(text=GLUE_TEXTS)
@example(text="crisis“Sergey ©X \u00a0Y \udc80Z 😀A")
def test_glue_offsets_are_the_matches_of_the_plain_search(text):
    assert glue_offsets(text) == [match.start() for match in MAY_GLUE.finditer(text)]


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
@given(text=TEXTS)
def test_triggers_hold_in_the_paragraphs_they_hold_in_alone(lang, text):
    patterns = LocalePatterns(CONVENTIONS.locales[lang])
    found = paragraphs(text)
    for _detect, trigger in scan_module.DETECTORS:
        alone = {i for i, p in enumerate(found) if any(True for _ in trigger(p.text, patterns))}
        assert by_paragraph(trigger(text, patterns), [p.start for p in found]).keys() == alone


@SETTINGS
@given(text=TEXTS)
def test_marks_grouped_by_paragraph_are_those_of_each_paragraph(text):
    found = paragraphs(text)
    for marks in (DOUBLE_MARKS, SINGLE_MARKS):
        alone = {i: offsets(p.text, marks) for i, p in enumerate(found) if offsets(p.text, marks)}
        assert by_paragraph(offsets(text, marks), [p.start for p in found]) == alone


MARKS = st.sampled_from(DOUBLE_MARKS)
LOCALES = st.dictionaries(st.sampled_from(["a", "b", "c"]), st.tuples(MARKS, MARKS),
                          min_size=1).flatmap(lambda quotes: st.builds(
    Locale, quotes=st.just(quotes), single_quotes=st.just({"a": ("‘", "’")}),
    style=st.sampled_from([*quotes, STYLE_ANY, STYLE_CONSISTENT]),
    suggest=st.sampled_from(list(quotes)), dash=st.none(), french_spacing=st.just(False),
    abbreviations=st.just(frozenset()), speech_verbs=st.just(frozenset()),
    first_person=st.just(frozenset()), titles=st.just(frozenset()),
    sentence_starters=st.just(frozenset())))


@SETTINGS
@given(locale=LOCALES)
def test_locale_tables_are_those_of_its_quote_styles(locale):
    styles = locale.quotes.items()
    for char in DOUBLE_MARKS:
        assert locale.style_names.get(char) == next(
            (name for name, marks in styles if char in marks), None)
        assert locale.closings.get(char) == next(
            (c for o, c in locale.quotes.values() if o == char), None)
    assert locale.openings == {o for _, (o, _) in styles if o != "\""}
    assert locale.allowed_marks == tuple({style[role] for style in locale.allowed_styles().values()}
                                         for role in (0, 1))


def plain_scan(article: Article) -> list[Defect]:
    """The scan as plainly as it can be written: every detector on every paragraph, marks
    found paragraph by paragraph, roles sorted by offset."""
    locale = CONVENTIONS.locales[article.target_lang]
    patterns = LocalePatterns(locale)
    text = article.target.checkable
    found = paragraphs(text)
    sources = scan_module.aligned_sources(article, len(found))
    detectors = [detect for detect, _ in scan_module.DETECTORS]
    detectors += [*scan_module.MARK_DETECTORS, *scan_module.SOURCE_DETECTORS]
    defects: list[Defect] = []
    for index, paragraph in enumerate(found):
        marks = double_marks(paragraph.text, offsets(paragraph.text, DOUBLE_MARKS))
        pairs, unpaired = quotations.paired(marks, locale)
        roles = sorted(quotations.roles(pairs, unpaired), key=lambda item: item[0].offset)
        quoted = single_pairs(paragraph.text, CONVENTIONS.elisions,
                              offsets(paragraph.text, SINGLE_MARKS))
        following = found[index + 1].text if index + 1 < len(found) else None
        ctx = Context(paragraph, locale, CONVENTIONS, patterns, pairs, unpaired, following,
                      quotations.article_style(text, locale), WordCounts(text),
                      sources[index] if sources else None, quoted, roles)
        own = [d for detect in detectors for d in detect(ctx)]
        defects += [d.shifted(paragraph.start) for d in own if not scan_module._subsumed(d, own)]
    return defects


@pytest.mark.parametrize("lang", ["en", "de"])
@SETTINGS
@given(text=TEXTS, with_source=st.booleans())
@example(text="Er sagte ‚nein‘ dazu.\n\nAnna „kam“.", with_source=False)
def test_the_scan_finds_what_every_detector_finds_everywhere(lang, text, with_source):
    source = Document(path="s.txt", text=text.upper(), lang="fr") if with_source else None
    article = Article(id="a", target=Document(path=f"a.{lang}.txt", text=text, lang=lang),
                      source=source, source_lang="fr" if with_source else None)
    assert scan_module.scan(article, CONVENTIONS) == plain_scan(article)
