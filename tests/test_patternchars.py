"""The characters a pattern needs: every match `regex` finds holds one of them."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import expressions
from tqcheck.patternchars import required_chars

V0 = regex.VERSION0
TEXT = st.text("abcxyzABC 1{}:[]é", max_size=30)
ATOMS = st.sampled_from(["a", "b", "c", "x", "é", r"\{", "[ab]", "[^a]", "[a-c]", "[x-z]", r"\d",
                         r"\w", r"\s", ".", "^", "$", r"\b", "[[:alpha:]]", "[{]"])
QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "{0,2}", "{1,2}", "{2}", "*?", "+?"])


EXPRESSIONS = expressions(ATOMS, QUANTIFIERS, ["(?:", "(", "(?=", "(?!", "(?i:"],
                          prefixes=["(?<=a)", "(?<!b)", ""])
# fuzzy matching (allowing one error) of a few atoms, which `re` reads otherwise
FUZZY = st.tuples(st.lists(ATOMS, min_size=1, max_size=3).map("".join),
                  st.sampled_from(["{e<=1}", "{s<=1}", "{i<=1}"])).map("(?:{0[0]}){0[1]}".format)


@settings(max_examples=1000, deadline=None)
@given(source=st.one_of(EXPRESSIONS, FUZZY), text=TEXT, ignorecase=st.booleans())
def test_every_match_holds_one_of_the_characters_a_pattern_needs(source, text, ignorecase):
    flags = regex.IGNORECASE if ignorecase else 0
    try:
        compiled = regex.compile(source, flags | V0)
    except regex.error:
        return
    required = required_chars(source, flags)
    match = compiled.search(text)
    if required is not None and match is not None:
        assert any(char in match.group() for char in required), (required, match)


def test_a_listed_mark_is_needed_and_so_is_the_rarer_part_of_a_sequence():
    assert required_chars(r"(?<![^\W\d_])[¿¡]", 0) == {"¿", "¡"}
    assert required_chars(r"\d+,\d(?=%)", 0) == {","}
    assert required_chars(r"(?:ab|cd)+x?", 0) == {"a", "c"}


def test_patterns_read_otherwise_by_regex_or_ignoring_case_need_nothing_named():
    assert required_chars(r"(?:ab){e<=1}", 0) is None  # fuzzy: may match "xb"
    assert required_chars(r"[[:punct:]]", 0) is None
    assert required_chars(r"\p{Lu}", 0) is None
    assert required_chars("tweet", regex.IGNORECASE) is None
    assert required_chars("(?i)tweet", 0) is None
    assert required_chars("(?x) [ ¿]", 0) is None
    assert required_chars("[ ¿]", regex.VERBOSE) is None
    assert required_chars(r"a*|\d", 0) is None
