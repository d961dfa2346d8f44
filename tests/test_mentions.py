"""Name mentions: which words of a text count as capitalised words."""

from __future__ import annotations

import pytest

from tqcheck.names.mentions import MentionRules, find_mentions


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
