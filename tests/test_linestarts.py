"""Expressions matching only at line starts, searched only there: the same matches as
`finditer`."""

from __future__ import annotations

import re
import time

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers import expressions
from tqcheck.linestarts import line_anchor

V0 = regex.VERSION0
# ASCII letters of both cases, the Kelvin sign and long s (matching k and s ignoring case),
# line ends of all kinds, blanks and marks
CHARS = "abckKsS\u212a\u017fé| \t\n\r\x0b\x0c\x85\u2028."
TEXT = st.one_of(st.text(CHARS, max_size=40),
                 st.lists(st.text(CHARS[:8] + "| \t", max_size=3), max_size=8).map("\n".join))
PLAIN_ATOMS = ["a", "b", "k", "S", "é", "\u212a", "|", " ", "\\n", "\\r", "[ \\t]", "[ab]", "[^a]",
               "[a-c]", "[|k]", r"\d", r"\w", r"\s", "."]
ATOMS = st.sampled_from([*PLAIN_ATOMS, "^", "$", r"\b", r"\A", r"\Z", "(?=a)", "(?<!b)"])
QUANTIFIERS = st.sampled_from(["", "", "", "*", "+", "?", "{0,2}", "{1,2}", "{0}", "{3}", "{2,}",
                               "*?", "+?"])
FLAGS = st.sampled_from([0, regex.MULTILINE, regex.IGNORECASE, regex.DOTALL,
                         regex.MULTILINE | regex.IGNORECASE,
                         regex.MULTILINE | regex.IGNORECASE | regex.DOTALL])
GROUPS = ["(?:", "(", "(?i:", "(?m:", "(?-i:"]
BODIES = expressions(ATOMS, QUANTIFIERS, GROUPS)
# bodies without anchors or lookarounds, which match more often
PLAIN = expressions(st.sampled_from(PLAIN_ATOMS), QUANTIFIERS, GROUPS, max_leaves=4)
ANCHORED = st.one_of(
    st.tuples(st.sampled_from(["^", r"\A", "(?m)^"]), BODIES | PLAIN).map("".join),
    st.tuples(st.sampled_from(["^", r"\A"]), PLAIN, BODIES | PLAIN).map(
        "^{0[1]}|{0[0]}{0[2]}".format),
    st.tuples(st.sampled_from(["(", "(?:", "(?:^|^"]), PLAIN).map("{0[0]}^{0[1]})".format),
)
FURNITURE = r"^[ \t]*((?:Tweet|Share|E-?mail|\|[ \t]*\|))[ \t]*\r?$"


def _found(matches) -> list[tuple]:
    """What a check reads of each match: its span, its groups' spans and their names."""
    return [(m.span(), [m.span(i) for i in range(m.re.groups + 1)], m.groupdict())
            for m in matches]


@settings(max_examples=1500, deadline=None)
@given(source=st.one_of(ANCHORED, BODIES), texts=st.lists(TEXT, min_size=1, max_size=3),
       flags=FLAGS, data=st.data())
@example(source=FURNITURE, texts=["Tweet\n \u212aTweet\nshare \r\n| |\n\u017fhare\n"], flags=0,
         data=None)
@example(source=FURNITURE, texts=["x\n\tE-MAIL \nTweet\n"],
         flags=regex.MULTILINE | regex.IGNORECASE, data=None)
@example(source="^a|^b", texts=["b\na\nb"], flags=regex.MULTILINE, data=None)
@example(source="^\\n", texts=["\n\n\na"], flags=regex.MULTILINE, data=None)
@example(source="^k", texts=["a\n\u212a"], flags=regex.MULTILINE | regex.IGNORECASE, data=None)
@example(source="(?:^|^a)a", texts=["a\naa"], flags=regex.MULTILINE, data=None)
@example(source="^a\\na", texts=["a\na\na"], flags=regex.MULTILINE, data=None)
@example(source="^[a-c]", texts=["c"], flags=0, data=None)
@example(source="^(?:a|bc){3,}", texts=["aaa\nbcabc\naa"], flags=regex.MULTILINE, data=None)
def test_matches_at_line_starts_are_those_finditer_finds(source, texts, flags, data):
    try:
        compiled = regex.compile(source, flags | V0)
    except regex.error:
        return
    anchor = line_anchor(source, flags)
    if anchor is None:
        return
    if data is not None:  # with lines that match, where `re` can tell which
        texts += _matching(source, flags, data)
    text = data.draw(st.sampled_from(["\n", "", "\r\n", " "])).join(texts) if data else texts[0]
    assert _found(anchor.finditer(compiled, text, 5.0)) == _found(compiled.finditer(text))


def _matching(source: str, flags: int, data: st.DataObject) -> list[str]:
    """A few texts in which an expression matches, or none if `re` reads it otherwise."""
    try:
        pattern = re.compile(source, flags & (regex.IGNORECASE | regex.MULTILINE | regex.DOTALL))
    except re.error:
        return []
    return data.draw(st.lists(st.from_regex(pattern), max_size=3))


def test_expressions_anchored_at_line_starts_and_never_empty_are_searched_there():
    flags = regex.MULTILINE | regex.IGNORECASE
    assert line_anchor(FURNITURE, flags) is not None
    assert line_anchor(r"\A\d+", 0) is not None
    assert line_anchor("(?:^a|^b)c", flags) is not None
    for source in ["a^", "^a|b", "^a*", "(?=^)a", "(?:^a)?b", "^[[:alpha:]]", "(?x)^ a"]:
        assert line_anchor(source, flags) is None, source
    assert line_anchor("^a", regex.VERBOSE) is None


def test_line_starts_are_passed_over_by_their_first_characters():
    compiled = regex.compile(r"^(?i:tw)eet|^\|[ ]*\||^ab?", regex.MULTILINE | V0)
    anchor = line_anchor(compiled.pattern, regex.MULTILINE)
    text = "tweet\nto\nTWo\n\u212aw\nt\u0131\nt\n| |\n|x\na\n\n"
    starts = [text.index(line) for line in ["tweet", "TWo", "\u212aw", "t\u0131", "| |", "a\n"]]
    assert list(anchor._starts(text)) == starts
    repeated = line_anchor("^(?:ab){2}", regex.MULTILINE)
    assert list(repeated._starts("x\nab\na\n")) == [2]


def test_a_search_past_its_budget_times_out_though_each_line_is_within_it():
    compiled = regex.compile("^(a|aa)+$", regex.MULTILINE | V0)
    anchor = line_anchor(compiled.pattern, regex.MULTILINE)
    with pytest.raises(TimeoutError):
        list(anchor.finditer(compiled, ("a" * 20 + "!\n") * 200, 0.1))


def test_the_budget_is_for_the_whole_search():
    compiled = regex.compile("^a", regex.MULTILINE | V0)
    matches = line_anchor(compiled.pattern, regex.MULTILINE).finditer(compiled, "a\n" * 9, 0.05)
    next(matches)
    time.sleep(0.06)
    with pytest.raises(TimeoutError):
        next(matches)
