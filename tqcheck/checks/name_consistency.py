"""Rule type `name-consistency`: one name spelled more than one way, in an article or a corpus.

Name words are found in the text (`tqcheck.names.mentions`), given keys (case, diacritics
and transliteration folded, `tqcheck.names.keys`), clustered (`tqcheck.names.clusters`),
and every spelling but the canonical one (`tqcheck.names.canonical`) is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.checks.base import Check, Hit, Params, Summary
from tqcheck.checks.name_data import load_house_list, load_table
from tqcheck.documents import Article, content_digest
from tqcheck.lazyregex import LazyPattern
from tqcheck.matching import PhraseMatcher, normalize
from tqcheck.names.across import divergences, pack
from tqcheck.names.canonical import choose
from tqcheck.names.clusters import (
    Cluster,
    Similarity,
    cluster,
    mentions_that_may_vary,
    spellings_of,
    words_that_may_vary,
)
from tqcheck.names.house import HouseList
from tqcheck.names.keys import KeyMaker, Replacer
from tqcheck.names.mentions import (
    Mention,
    MentionRules,
    find_mentions,
    mentions_of,
    remembered_mentions,
)
from tqcheck.records import pickled_by_fields
from tqcheck.yamlfile import LineMap

if TYPE_CHECKING:  # the names table alone needs these: imported when it is built
    from tqcheck.names.corpus import CorpusClusters
    from tqcheck.names.entities import Entity

REASONS = {
    "house": "in the house name list",
    "convention": "the spelling that fits the target language",
    "frequency": "the most frequent spelling in this article",
    "first": "the spelling the article uses first",
}


@dataclass
class Language:
    """How names are written in one target language (the rule's `languages:` entry)."""

    mentions: MentionRules
    skeleton: Replacer
    similarity: Similarity
    unconventional: tuple[re.Pattern[str], ...]
    house: HouseList
    qualifiers: frozenset[str]
    house_words: dict[str, str] = field(init=False)
    house_since: dict[str, str] = field(init=False)
    house_matcher: PhraseMatcher = field(init=False)
    house_spelling_of: dict[str, str] = field(init=False)
    key_makers: dict[tuple[str, ...], KeyMaker] = field(default_factory=dict)

    def __post_init__(self) -> None:
        spellings = self.house.canonical_of()
        self.house_words = self.house.words()
        self.house_since = self.house.since()
        self.house_matcher = PhraseMatcher(spellings, case_sensitive=True, whole_word=True)
        self.house_spelling_of = {
            key: house for spelling, house in spellings.items()
            if (key := normalize(spelling, True)) != normalize(house, True)}

    def house_variants(self, text: str) -> Iterator[tuple[int, int, str]]:
        """The spans of the house list's variant spellings in a text, with the house spelling.
        The house spellings are matched too: a match of one may hold a variant, which is then
        no variant in the text."""
        for start, end, key in self.house_matcher.finditer(text):
            house = self.house_spelling_of.get(key)
            if house is not None:
                yield start, end, house


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FullNames:
    """What the cross-article check keeps of one article: its languages, a fingerprint of
    its source text (None without one) and the words of its full names (see names.across)."""

    target_lang: str
    source_lang: str | None
    source: str | None
    words: bytes


class NameConsistencyCheck(Check):
    """Finds variant spellings of one name and suggests the canonical one."""

    type_name = "name-consistency"
    message_fields = frozenset({"text", "suggestion", "reason"})
    looks_across_articles = True

    def __init__(self, params: Params) -> None:
        base = Path(params.path).parent
        self.tables = dict(load_table(base / name, params.rule_id)
                           for name in params.str_list("transliteration", []))
        self.majority = params.get("majority", float, 2.0)
        threshold = params.get("similarity", float, 85.0)
        min_length = params.get("min_length", int, 5)
        extra = [load_house_list(Path(p), params.rule_id) for p in params.extra_data("names")]
        languages: LineMap = params.get("languages", dict)
        self.languages = {code: self._language(params, code, languages[code], base, extra,
                                               Similarity(threshold, min_length))
                          for code in languages}

    @staticmethod
    def _language(params: Params, code: str, mapping: object, base: Path,
                  extra: list[tuple[str, HouseList]], similarity: Similarity) -> Language:
        """Read one entry of `languages:`."""
        params.expect(mapping, dict, f"languages: {code}")
        sub = Params(mapping, params.path, params.rule_id)  # type: ignore[arg-type]
        house = HouseList()
        house_file = sub.get("house_list", str, None)
        if house_file is not None:
            house = load_house_list(base / house_file, params.rule_id)[1]
        for language, more in extra:
            if language == code:
                house = house.extended(more)
        mentions = MentionRules(
            titles=frozenset(sub.str_list("titles", [])),
            particles=frozenset(sub.str_list("particles", [])),
            common_words=frozenset(sub.str_list("common_words", [])),
            capitalised_nouns=sub.get("capitalised_nouns", bool, False),
            headline_share=sub.get("headline_share", float, 0.8),
            headline_length=sub.get("headline_length", int, 160))
        skeleton = Replacer(dict(sub.get("skeleton", dict, {})))
        inflections = frozenset(sub.str_list("inflections", [])) | {""}
        qualifiers = frozenset(sub.str_list("qualifiers", []))
        patterns = []
        for pattern in sub.str_list("unconventional", []):
            try:
                patterns.append(LazyPattern(pattern))
            except re.error as error:
                raise sub.error(f"invalid regular expression {pattern!r}: {error}",
                                "unconventional") from None
        sub.finish()
        return Language(mentions, skeleton, Similarity(similarity.threshold,
                                                       similarity.min_length, inflections),
                        tuple(patterns), house, qualifiers)

    def keys_for(self, sources: frozenset[str | None], language: Language) -> KeyMaker:
        """Keys read through the tables of the source languages (every table when one is
        unknown; none for a source language without a table)."""
        names = tuple(sorted(self.tables)) if None in sources else tuple(
            sorted(s for s in sources if s in self.tables))
        maker = language.key_makers.get(names)
        if maker is None:
            tables = tuple(self.tables[name] for name in names)
            maker = language.key_makers[names] = KeyMaker(language.skeleton, tables)
        return maker

    def clusters(self, article: Article) -> list[Cluster]:
        """The clusters of two spellings or more of an article's name words. Only the
        mentions of the words that could be linked to another, which are quick to tell (none
        in most texts), are clustered: no other word is in such a cluster. They are looked
        for in the text, unless summarising the article for the check across articles has
        found all its mentions already."""
        language = self.languages.get(article.target_lang or "")
        if language is None:
            return []
        keys = self.keys_for(frozenset({article.source_lang}), language)
        text = article.target.checkable
        mentions = remembered_mentions(text, language.mentions)
        if mentions is None:
            words = words_that_may_vary(text, language.mentions, keys, language.similarity)
            mentions = mentions_of(text, language.mentions, words) if words else []
        else:
            mentions = mentions_that_may_vary(mentions, keys, language.similarity)
        if not mentions:
            return []
        found = cluster(spellings_of(mentions, keys), keys, language.similarity)
        return [group for group in found if len(group.spellings) > 1]

    def _corpus(self, articles: list[Article]) -> Iterator[tuple[Language, list[Article],
                                                                 list[list[Mention]],
                                                                 CorpusClusters]]:
        """Per target language: its articles, their mentions and the clusters across them."""
        from tqcheck.names.corpus import CorpusClusters

        for code, language in self.languages.items():
            chosen = [a for a in articles if a.target_lang == code]
            if not chosen:
                continue
            keys = self.keys_for(frozenset(a.source_lang for a in chosen), language)
            mentions = [find_mentions(a.target.checkable, language.mentions) for a in chosen]
            corpus = CorpusClusters.build([spellings_of(m, keys) for m in mentions], keys,
                                          language.similarity)
            yield language, chosen, mentions, corpus

    def summarise(self, article: Article) -> Summary | None:
        """The full names of an article (two name words or more), for `find_across`; an
        article without any, or in another language, is kept only for the fingerprint of its
        source (and not at all without a source)."""
        language = self.languages.get(article.target_lang or "")
        compared = language is not None and not language.mentions.capitalised_nouns
        found = find_mentions(article.target.checkable, language.mentions) \
            if language is not None and compared else []
        source = (content_digest(article.source.text.encode("utf-8", "surrogatepass"))
                  if article.source is not None else None)
        full = [m for m in found if sum(not t.common for t in m.tokens) > 1]
        if not full and article.source is None:
            return None
        return Summary(article.target.lines(), FullNames(
            article.target_lang or "", article.source_lang, source, pack(full)))

    def find_across(self, summaries: list[Summary]) -> Iterator[tuple[int, Hit]]:
        """Every occurrence of a name in an article that spells it, consistently, otherwise
        than the run's other articles do.

        Across articles only firm evidence counts: words of full names, linked by a shared
        key; not in languages that capitalise every noun. Articles translated from one source
        text are versions of one story, not a series: they are left to the per-article check.
        """
        seen: list[FullNames] = [summary.data for summary in summaries]
        sources = Counter(names.source for names in seen if names.source is not None)
        stories = [i for i, names in enumerate(seen)
                   if names.source is None or sources[names.source] == 1]
        for code, language in self.languages.items():
            chosen = [i for i in stories if seen[i].target_lang == code]
            if not chosen or language.mentions.capitalised_nouns:
                continue
            keys = self.keys_for(frozenset(seen[i].source_lang for i in chosen), language)
            for found in divergences([seen[i].words for i in chosen], keys,
                                     language.house_words, language.unconventional,
                                     self.majority):
                reason = (f"as in {found.agreeing} other article"
                          f"{'s' if found.agreeing != 1 else ''} of this run")
                for start, end in zip(found.spans[::2], found.spans[1::2], strict=True):
                    yield chosen[found.article], Hit(start, end, found.canonical,
                                                     {"reason": reason}, text=found.text)

    def entities(self, articles: list[Article]) -> list[Entity]:
        """The people and places the articles name, with each spelling counted per article."""
        from tqcheck.names import entities as table_of

        table = []
        for language, chosen, mentions, corpus in self._corpus(articles):
            named = [(a.target.path, m) for a, m in zip(chosen, mentions, strict=True)]
            table += table_of.entities(named, corpus, language.qualifiers)
        return sorted(table, key=lambda e: (-e.total, e.name))

    def find(self, article: Article) -> Iterator[Hit]:
        """House-list variants anywhere, and every non-canonical spelling of a cluster."""
        language = self.languages.get(article.target_lang or "")
        if language is None:
            return
        flagged: list[tuple[int, int]] = []
        for start, end, spelling in language.house_variants(article.target.checkable):
            flagged.append((start, end))
            since = language.house_since.get(spelling)
            reason = f"the house spelling since {since}" if since else REASONS["house"]
            yield Hit(start, end, spelling, {"reason": reason}, fixable=True)
        words = language.house_words
        for group in self.clusters(article):
            choice = choose(group, words, language.unconventional, self.majority)
            for spelling in group.spellings:
                if spelling.text == choice.spelling or words.get(spelling.text) == spelling.text:
                    continue
                certain = choice.certain and (choice.reason == "house" or group.shares_key(
                    spelling.text, choice.spelling))
                for token in spelling.tokens:
                    if not any(s < token.end and token.start < e for s, e in flagged):
                        yield Hit(token.start, token.end, choice.spelling,
                                  {"reason": REASONS[choice.reason]}, fixable=certain)
