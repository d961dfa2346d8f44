"""Name mentions: which words of a text count as capitalised words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.names.mentions import (
    _LOWER_CASE,
    _PREFIXED,
    _UNPREFIXED,
    _UPPER,
    MentionRules,
    _capitalised,
    find_mentions,
)


@pytest.mark.parametrize("capital", [c for c in map(chr, range(0x2000)) if c.isupper()][::7])
def test_every_capital_letter_starts_a_name(capital: str) -> None:
    text = f"the envoy met {capital}arlo Benz today."
    names = [m.text for m in find_mentions(text, MentionRules())]
    assert names == [f"{capital}arlo Benz"]


@pytest.mark.parametrize("other", ["ǅ", "ʰ", "ª", "ⅷ", "Ⓐ", "日", "1"])
def test_no_other_character_starts_one(other: str) -> None:
    text = f"the envoy met {other}arlo Benz today."
    assert [m.text for m in find_mentions(text, MentionRules())] == ["Benz"]


@pytest.mark.parametrize(("prefix", "name"), [("éa", "Bashar éa-Costa"), ("ʰa", "Bashar ʰa-Costa"),
                                             ("ǅa", "Bashar"), ("7a", "Bashar")])
def test_a_lower_case_prefix_joined_by_a_hyphen_belongs_to_the_name(prefix: str,
                                                                    name: str) -> None:
    text = f"the envoy met Bashar {prefix}-Costa today."
    assert [m.text for m in find_mentions(text, MentionRules())] == [name]


# Letters of every kind (capitals, lower case, neither, above U+2000), digits, joiners and
# the punctuation around words.
CHARACTERS = st.sampled_from(list("AbcDéÉßẞǅʰªĲĳΣσςİıⅧⓐ日1_-'’ .\n\u00a0«") + ["\U0001D400"])


@settings(max_examples=500, deadline=None)
@given(st.text(CHARACTERS, max_size=40))
def test_the_plainer_patterns_agree_with_the_full_one(text: str) -> None:
    full = [(m.start(), m.group()) for m in _capitalised().finditer(text)]
    prefixed = [(start, word) for start, word in full if not word[0].isupper()]
    assert bool(_PREFIXED.search(text)) == bool(re.search(f"{_LOWER_CASE}-{_UPPER}", text))
    if prefixed:
        assert _PREFIXED.search(text)
    else:
        assert [(m.start(), m.group()) for m in _UNPREFIXED.finditer(text)] == full
