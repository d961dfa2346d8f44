"""Keys of name spellings: what KeyMaker gives (with its shortcuts) is their definition."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_names_gate import CHECK, any_source_keys
from tqcheck.names.keys import KeyMaker, Replacer, fold

LANGUAGE = CHECK.languages["en"]


def applied(replacer: Replacer, text: str) -> str:
    """A table's reading of a text, by its definition: the ending replaced, then every
    replacement made, longest first."""
    def alternation(strings: dict[str, str]) -> str:
        return "|".join(map(re.escape, sorted(strings, key=lambda s: (-len(s), s))))

    if replacer.endings:
        text = re.sub(f"(?:{alternation(replacer.endings)})$",
                      lambda m: replacer.endings[m.group()], text, count=1)
    if replacer.replace:
        text = re.sub(alternation(replacer.replace), lambda m: replacer.replace[m.group()],
                      text)
    return text


def defined_keys(maker: KeyMaker, text: str) -> frozenset[str]:
    """The skeleton of the spelling as written and as read through each table."""
    def skeleton(spelling: str) -> str:
        return re.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", applied(maker.skeleton, fold(spelling)))

    return frozenset({skeleton(text), *(skeleton(applied(table, text.casefold()))
                                        for table in maker.tables)})


# Letters the tables and skeletons replace, in both cases, with diacritics and joiners.
spellings = st.text(st.sampled_from(list("aeiouyjwvzsctchkgdnrlmpbfq") + list("AEJWSCTZ")
                                    + list("éèëïöüçñßİıŠšŽž-'’ ")), min_size=1, max_size=14)


@settings(max_examples=500, deadline=None)
@given(spellings)
def test_keys_are_the_skeletons_of_the_spelling_and_of_each_tables_reading(text: str) -> None:
    maker = any_source_keys(LANGUAGE)
    fresh = KeyMaker(maker.skeleton, maker.tables)
    assert fresh.keys(text) == defined_keys(maker, text)
    assert maker.keys(text) == defined_keys(maker, text)  # remembered from earlier texts


def test_a_table_reads_french_and_german_spellings_as_english_ones() -> None:
    maker = any_source_keys(LANGUAGE)
    assert maker.keys("Poutine") & maker.keys("Putin")
    assert maker.keys("Gorbatschow") & maker.keys("Gorbachov")
