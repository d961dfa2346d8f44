"""Property tests over the whole pipeline: any text, every rule type, every report format."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.invariants import DEFAULT_RULES, article_of, lint_bytes, lint_text
from tqcheck.documents import Document
from tqcheck.engine import Engine
from tqcheck.fixes import apply_to_text

# Pieces that make rules fire and that stress offsets: names, boilerplate, typography,
# line endings, BOM, NUL, combining marks, right-to-left text, emoji, markup.
FRAGMENTS = [
    "Poutine", "Putin", "Alexeï", "Spread the love", "Leave a Comment", " :", " ?", "« ", " »",
    "„", "¿", "3,5 percent", "12 000", ". .", ",,", "\r\n", "\r", "\n", "\n\n", "\ufeff",
    "\x00", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "😀",
    "<b>", "</p>", "`code`", "[link](http://x.example/Poutine)", "---\n", "```\n", "&amp;",
    "https://example.org/a", " ", "\t", "tenant of the Elysée", "Tweet",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                 max_size=40).map("".join)
MARKUPS = st.sampled_from(["text", "markdown", "html"])
SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=TEXTS, markup=MARKUPS)
def test_any_text_lints_in_place_deterministically_with_parsable_reports(text, markup):
    lint_text(text, markup)


@SETTINGS
@given(data=st.binary(max_size=300), markup=MARKUPS)
def test_any_bytes_are_read_or_reported(data, markup):
    assert lint_bytes(data, markup) is not None


@SETTINGS
@given(text=TEXTS)
def test_fixing_creates_no_new_finding_and_keeps_the_rest_of_the_text(text):
    engine = Engine(DEFAULT_RULES)
    document = Document(path="story.en.txt", text=text)
    before = engine.lint(article_of(document))
    fixed, applied = apply_to_text(document, [f for f in before if f.fixable])
    after = engine.lint(article_of(Document(path="story.en.txt", text=fixed)))
    # a fix may change a remaining finding's span, but never adds findings of any rule
    assert Counter(f.rule for f in after) <= Counter(f.rule for f in before)
    # outside the fixed spans, the text is the same character for character
    pieces, cursor = [], 0
    for start, end, replacement in applied:
        pieces += [text[cursor:start], replacement]
        cursor = end
    assert fixed == "".join(pieces) + text[cursor:]
    assert all(text[s:e] != r for s, e, r in applied)
