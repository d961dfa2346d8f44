"""Rule type `source-fragment` looks word by word only at sentences, and for runs only at
stretches of them, that may hold a fragment: looking at every word finds the same."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import SOURCE_FRAGMENT_RULE, make_rule
from tqcheck.checks.source_fragment import PairEvidence
from tqcheck.documents import Article, Document

RULE = SOURCE_FRAGMENT_RULE
WORDS = ["the", "mayor", "said", "and", "EU", "la", "de", "des", "le", "et", "mise", "en",
         "demeure", "société", "une", "mesure", "bon", "sens", "publique", "surveillance",
         "documents", "Department", "of", "Homeland", "Security", "die", "Regierung", "hat",
         "gesagt", "Inc", "AWB", "l’État", "status", "quo", "Quai", "d'Orsay"]
GAPS = [" ", " ", " ", " ", ", ", ". ", "\n", " (", ") ", " - ", ": "]
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GAPS)), max_size=40).map(
    lambda pairs: "".join(word + gap for word, gap in pairs))


def found(text: str, target: str, source_lang: str | None) -> list[tuple[int | str, ...]]:
    """Where a fresh rule flags the text, and what its messages say."""
    article = Article(id="a", target=Document(path="a.txt", text=text, lang=target),
                      source_lang=source_lang)
    return [(f.line, f.column, f.end_line, f.end_column, f.message)
            for f in make_rule(RULE).run(article)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([("en", None), ("en", "fr"), ("de", "en"), ("fr", None)]))
def test_looking_at_every_word_finds_the_same(text, languages):
    target, source_lang = languages
    skipping = found(text, target, source_lang)
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(PairEvidence, "may_hold_span", lambda self, written: True)
        patched.setattr(PairEvidence, "stretches",
                        lambda self, written: [range(len(written))])
        assert found(text, target, source_lang) == skipping
