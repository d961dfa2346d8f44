"""Names across articles from packed words: the same verdicts as clustering every article's
spellings together (the straightforward way, kept here as the reference)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.names.across import divergences, pack, run_spelling, unpack
from tqcheck.names.clusters import spellings_of
from tqcheck.names.corpus import CorpusClusters
from tqcheck.names.keys import KeyMaker, Replacer
from tqcheck.names.mentions import Mention, Token

# Spellings of a few names, some linked by folding (diacritics, case), some not.
WORDS = ["Dorota", "Wisniewska", "Wiśniewska", "WISNIEWSKA", "Wisniewski", "Anna", "Nowak",
         "Nowák", "Kowalski", "Kowalsky"]
KEYS = KeyMaker(Replacer({}))
UNCONVENTIONAL = (re.compile("ky$"),)


def article_mentions(draw_words: list[list[tuple[int, bool, bool]]]) -> list[Mention]:
    """Mentions laid out one after another: each word is (index in WORDS, common, weak)."""
    mentions, offset = [], 0
    for words in draw_words:
        tokens = []
        for index, common, weak in words:
            text = WORDS[index]
            tokens.append(Token(offset, offset + len(text), text, common, weak))
            offset += len(text) + 1
        mentions.append(Mention(tuple(tokens)))
    return mentions


def reference(articles: list[list[Mention]], house: set[str],
              majority: float) -> list[tuple]:
    """Divergences found by clustering every article's spellings together."""
    corpus = CorpusClusters.build([spellings_of(m, KEYS) for m in articles], KEYS, None)
    found = []
    for group in corpus.clusters:
        if any(s.text in house for s in group.spellings):
            continue
        by_article: dict[int, list] = {}
        for spelling in group.spellings:
            by_article.setdefault(corpus.article_of[id(spelling)], []).append(spelling)
        uniform = {article: spellings[0]
                   for article, spellings in by_article.items() if len(spellings) == 1}
        used = Counter(s.text for s in uniform.values())
        canonical = run_spelling(used, UNCONVENTIONAL, majority) if len(used) > 1 else None
        for article, spelling in uniform.items():
            if canonical is not None and spelling.text != canonical:
                spans = tuple(x for t in spelling.tokens for x in (t.start, t.end))
                found.append((article, spelling.text, spans, canonical, used[canonical]))
    return sorted(found)


word = st.tuples(st.integers(0, len(WORDS) - 1), st.booleans(), st.booleans())
article = st.lists(st.lists(word, min_size=2, max_size=3), max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.lists(article, min_size=2, max_size=6), st.sets(st.sampled_from(WORDS), max_size=2),
       st.sampled_from([1.0, 2.0]))
def test_packed_articles_give_the_verdicts_of_whole_clustering(drawn, house, majority):
    articles = [article_mentions(a) for a in drawn]
    packed = [pack(m) for m in articles]
    found = sorted((d.article, d.text, d.spans, d.canonical, d.agreeing)
                   for d in divergences(packed, KEYS, dict.fromkeys(house), UNCONVENTIONAL,
                                        majority))
    assert found == reference(articles, house, majority)


def test_a_name_spelled_against_the_run_is_found():
    one = [[(0, False, False), (1, False, False)]]
    odd = [[(0, False, False), (2, False, False)]]
    packed = [pack(article_mentions(a)) for a in (one, one, odd)]
    [divergence] = divergences(packed, KEYS, {}, (), 2.0)
    assert (divergence.article, divergence.text, divergence.canonical,
            divergence.agreeing) == (2, "Wiśniewska", "Wisniewska", 2)


def test_packing_keeps_name_words_and_their_spans_only():
    mentions = article_mentions([[(5, False, True), (6, True, False), (6, False, False)]])
    assert unpack(pack(mentions)) == (("Anna", True, (0, 4)), ("Nowak", False, (11, 16)))
