"""Rule type `source-fragment`: spans of the target that are not in the target language.

Four kinds of evidence, cheapest first: letters of another script; runs of words that lean
to the source language and hold one of its function words; single words copied from the
source text where the source uses them as common (lower-case) words; whole sentences,
confirmed by langdetect. A span that a reference translation also keeps, a loanword of the
allow-list, and a run that ends in a company designator are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import chain, compress
from typing import NamedTuple

import regex

from tqcheck.checks.base import Check, Hit, Params, folder_param
from tqcheck.documents import Article
from tqcheck.langevidence import MEMO_SIZE, Language, SourceEstimator, WordScores, languages_in
from tqcheck.langid import detect_language
from tqcheck.latinwords import LATIN_WORD, WORD, common_latin
from tqcheck.matching import normalize

NAME_BEFORE = regex.compile(r"(?r)\p{Lu}\p{L}*[ \t]+$")  # searched backwards from a run
ACRONYM = regex.compile(r"\s*[(,]\s*(\p{Lu}{2,})\b")
SENTENCE = re.compile(r"[^.!?;:\n]+")
WordPattern = re.Pattern[str] | regex.Pattern[str]
FOREIGN_SCRIPT = regex.compile(r"[\p{L}--\p{Latin}]+(?:[ \t]+[\p{L}--\p{Latin}]+)*",
                               regex.VERSION1)


class Evidence(NamedTuple):
    """What the evidence of a language pair says about a word as written: its key (lower
    case, straight apostrophes), whether it is a source function word (and not a target
    one), whether it is a target function word, its lean to the source, whether it leans to
    the source (is more likely a source-language word than a target one) and whether it may
    stand inside a run (it leans to the source, or not much away)."""

    key: str
    source_function: bool
    target_function: bool
    lean: float
    leans_source: bool
    joins: bool


class PairEvidence:
    """What the evidence of a language pair says about words as written, worked out once a
    word, and which of the words seen so far, being in lower case and of strong lean (but
    not source function words), may form a lower-case phrase (phrasal), or are phrasal or
    source function words (marked: the words that call for a closer look at a sentence)."""

    def __init__(self, source: Language, target: Language, scores: WordScores,
                 strong_lean: float, bridge: float) -> None:
        self.source = source
        self.target = target
        self.scores = scores
        self.strong_lean = strong_lean
        self.bridge = bridge
        self.phrasal: set[str] = set()
        self.marked: set[str] = set()
        self._memo: dict[str, Evidence] = {}

    def __call__(self, word: str) -> Evidence:
        """The evidence about a word (learn it first)."""
        return self._memo[word]

    def learn(self, words: set[str]) -> None:
        """Work out the evidence about the words not seen yet."""
        new = words.difference(self._memo)
        if len(self._memo) + len(new) > MEMO_SIZE:
            self._memo.clear()
            self.phrasal.clear()
            self.marked.clear()
            new = words
        for word in new:
            known = self._memo[word] = self._worked_out(word)
            if known.lean > self.strong_lean and word.islower() and not known.source_function:
                self.phrasal.add(word)
            if known.source_function or word in self.phrasal:
                self.marked.add(word)

    def may_hold_span(self, written: list[str]) -> bool:
        """Whether a sentence's words (as written, in order; learn them first) may hold a
        lower-case phrase (a word that may form one next to another or to a source function
        word), a run (a source function word between two words that may join one) or a
        source-language sentence (two distinct source function words). Words next to each
        other here may stand apart in the text, so the answer errs on the side of yes."""
        marked, phrasal, known = self.marked, self.phrasal, self._memo
        keys: set[str] = set()
        last = len(written) - 1
        for at in compress(range(len(written)), map(marked.__contains__, written)):
            word = written[at]
            after = written[at + 1] if at < last else ""
            if after in marked and (word in phrasal or after in phrasal):
                return True
            if word in phrasal:
                continue
            keys.add(known[word].key)
            if len(keys) >= 2 or (0 < at < last and known[written[at - 1]].joins
                                  and known[after].joins):
                return True
        return False

    def stretches(self, written: list[str]) -> list[range]:
        """Where in a sentence's words (as written, in order; learn them first) a run may be:
        the longest stretches of words that may stand inside one and hold a marked word (a
        run holds a source function word or, being a lower-case phrase, only marked words)."""
        found, begin, marked = [], 0, False
        for at, word in enumerate(written):
            if not self(word).joins:
                if marked:
                    found.append(range(begin, at))
                begin, marked = at + 1, False
            elif word in self.marked:
                marked = True
        if marked:
            found.append(range(begin, len(written)))
        return found

    def _worked_out(self, word: str) -> Evidence:
        """The evidence about a word, from the function words and trigram scores."""
        source, target = self.source, self.target
        key = word.lower().replace("’", "'")
        target_function = key in target.function_words
        source_function = key in source.function_words and not target_function
        score = self.scores(key)
        lean = score[source.code] - score[target.code]
        leans_source = source_function or (not target_function and lean > 0)
        joins = leans_source or (not target_function and lean > -self.bridge)
        return Evidence(key, source_function, target_function, lean, leans_source, joins)


class Word(NamedTuple):
    """A word of the target, where it stands, and what the evidence says about it."""

    start: int
    end: int
    text: str
    evidence: Evidence


class SourceFragmentCheck(Check):
    """Finds source-language words, phrases and sentences left in the translation."""

    type_name = "source-fragment"
    message_fields = frozenset({"text", "suggestion", "language", "evidence"})

    def __init__(self, params: Params) -> None:
        self.languages = languages_in(folder_param(params, "languages"))
        self.allow = frozenset(normalize(p, False) for p in params.str_list("allow", []))
        self.name_suffixes = frozenset(
            normalize(p, False) for p in params.str_list("name_suffixes", []))
        self.content_lean = params.get("content_lean", float, 1.0)
        self.strong_lean = params.get("strong_lean", float, 3.0)
        self.bridge = params.get("bridge", float, 2.0)
        self.word_lean = params.get("word_lean", float, 7.0)
        self.min_word_length = params.get("min_word_length", int, 5)
        self.sentence_words = params.get("sentence_words", int, 5)
        self.sentence_share = params.get("sentence_share", float, 0.6)
        self._estimators: dict[str, SourceEstimator] = {}
        self._evidence: dict[tuple[str, str], PairEvidence] = {}

    @cached_property
    def scores(self) -> WordScores:
        """Word scores under every language of the folder, shared by all articles (worked out
        when first needed, so that the rule cache keeps the profiles once, not their table)."""
        return WordScores(self.languages.values())

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield one hit per foreign-script run, source-language run, word or sentence."""
        text = article.target.checkable
        languages = self.languages
        target = languages.get(article.target_lang or "")
        if target is None:
            return
        latin = common_latin(text)
        if target.script == "Latin" and not latin:
            yield from self._foreign_script(text)
        word = LATIN_WORD if latin else WORD
        sentences = [(*m.span(), word.findall(text, *m.span())) for m in SENTENCE.finditer(text)]
        distinct = set(chain.from_iterable(words for _, _, words in sentences))
        source, estimated = self._source_language(article, target, languages, distinct)
        if source is None:
            return
        kept = _KeptSpans(article)
        fields = {"language": source.name,
                  "evidence": " (source language estimated from the text)" if estimated else ""}
        for start, end in self._spans(text, word, sentences, distinct, source, target,
                                      article):
            if not kept.covers(text[start:end]) and normalize(text[start:end], False) \
                    not in self.allow:
                yield Hit(start, end, None, fields)

    def _source_language(self, article: Article, target: Language,
                         languages: dict[str, Language],
                         words: set[str]) -> tuple[Language | None, bool]:
        """The source language's evidence, estimated from the (distinct) words when not
        given."""
        if article.source_lang is not None:
            source = languages.get(article.source_lang)
            return (source if source is not target else None), False
        estimator = self._estimators.get(target.code)
        if estimator is None:
            others = [lang for code, lang in languages.items() if code != target.code]
            estimator = self._estimators[target.code] = SourceEstimator(target, others,
                                                                        self.scores)
        return estimator.estimate(words), True

    def _spans(self, text: str, word: WordPattern, sentences: list[tuple[int, int, list[str]]],
               distinct: set[str], source: Language, target: Language, article: Article
               ) -> Iterator[tuple[int, int]]:
        """Spans of sentences, runs and copied words (found with the word pattern), without
        overlaps, in text order.

        Only sentences that may hold one (see PairEvidence.may_hold_span) or that hold a
        copied word are looked at word by word, and only stretches of them that may hold a
        run (see PairEvidence.stretches) are looked for runs.
        """
        evidence = self._evidence.get((source.code, target.code))
        if evidence is None:
            evidence = self._evidence[(source.code, target.code)] = PairEvidence(
                source, target, self.scores, self.strong_lean, self.bridge)
        evidence.learn(distinct)
        copied = self._copied_words(distinct, evidence, article)
        worth_a_look = distinct.intersection(evidence.marked).union(copied)
        taken: list[tuple[int, int]] = []
        copies: list[tuple[int, int]] = []
        for start, end, written in sentences:
            if worth_a_look.isdisjoint(written) or (
                    copied.isdisjoint(written) and not evidence.may_hold_span(written)):
                continue
            spans = [m.span() for m in word.finditer(text, start, end)]
            copies += [span for span, w in zip(spans, written, strict=True) if w in copied]
            whole = self._sentence(written, spans, evidence, source)
            if whole:
                taken.append(whole)
                continue
            for stretch in evidence.stretches(written):
                words = [Word(*spans[at], written[at], evidence(written[at])) for at in stretch]
                taken += self._runs(text, words, target)
        taken += [(s, e) for s, e in copies if not any(ts <= s < te for ts, te in taken)]
        yield from sorted(taken)

    def _sentence(self, written: list[str], spans: list[tuple[int, int]],
                  evidence: PairEvidence, source: Language) -> tuple[int, int] | None:
        """The span of a sentence (its words as written and their spans) written in the
        source language, if it is one."""
        if len(written) < self.sentence_words:
            return None
        known = list(map(evidence, written))
        share = sum(k.leans_source for k in known) / len(known)
        functions = {k.key for k in known if k.source_function}
        if share < self.sentence_share or len(functions) < 2:
            return None
        sample = " ".join(written)
        return (spans[0][0], spans[-1][1]) if detect_language(sample) == source.code else None

    def _runs(self, text: str, words: list[Word], target: Language) -> list[tuple[int, int]]:
        """Runs of source-leaning words (a weak target lean is bridged) holding an inner
        source function word."""
        found, run = [], []
        for word in [*words, None]:
            joined = word is not None and (
                word.evidence.leans_source if not run
                else word.evidence.joins and not text[run[-1].end:word.start].strip())
            if joined:
                run.append(word)
                continue
            while run and not run[-1].evidence.leans_source:
                run.pop()
            if self._is_fragment(text, run, target):
                found.append((run[0].start, run[-1].end))
            run = [word] if word is not None and word.evidence.leans_source else []
        return found

    def _is_fragment(self, text: str, run: list[Word], target: Language) -> bool:
        """Whether a run of source-leaning words is a fragment rather than a name.

        A fragment surrounds a source function word with two words of clear source lean,
        or holds two function words, or is a lower-case phrase whose words (but function
        words) all lean strongly to the source. A name ends in a company designator, is
        followed by its acronym, or (where the target capitalizes names only) begins (or
        follows a word that begins) and ends with a capital and capitalizes every word but
        function words.
        """
        if len(run) < 2:
            return False
        functions = [w for w in run if w.evidence.source_function]
        content = [w for w in run if not w.evidence.source_function]
        leaning = sum(w.evidence.lean > self.content_lean for w in content)
        inner = len(run) >= 3 and any(w.evidence.source_function for w in run[1:-1])
        lower_phrase = (bool(content) and all(w.text.islower() for w in content)
                        and all(w.evidence.lean > self.strong_lean for w in content))
        if not ((inner and (leaning >= 2 or len(functions) >= 2)) or lower_phrase):
            return False
        if run[-1].evidence.key in self.name_suffixes or _introduces_acronym(text, run):
            return False
        starts_name = run[0].text[:1].isupper() or NAME_BEFORE.search(text, 0, run[0].start)
        capitalized = (starts_name and run[-1].text[:1].isupper()
                       and all(w.text[:1].isupper() for w in content))
        return target.capitalizes_nouns or not capitalized

    def _copied_words(self, distinct: set[str], evidence: PairEvidence,
                      article: Article) -> set[str]:
        """Words (as written) copied from the source, where the source uses them as common
        words."""
        if article.source is None:
            return set()
        common = _common_words(article.source.checkable)
        found = set()
        for word in distinct:
            known = evidence(word)
            if (known.key in common and len(known.key) >= self.min_word_length
                    and not known.target_function and known.lean >= self.word_lean):
                found.add(word)
        return found

    @staticmethod
    def _foreign_script(text: str) -> Iterator[Hit]:
        """Runs of letters of a non-Latin script in a Latin-script target."""
        for match in FOREIGN_SCRIPT.finditer(text):
            yield Hit(match.start(), match.end(), None,
                      {"language": "another script", "evidence": ""})


@lru_cache(maxsize=16)
def _common_words(source: str) -> frozenset[str]:
    """The words a source text writes in lower case (common words, not names)."""
    word = LATIN_WORD if common_latin(source) else WORD
    return frozenset(found for found in word.findall(source) if found.islower())


def _introduces_acronym(text: str, run: list[Word]) -> bool:
    """Whether the run is followed by its acronym, "(AWB" or ", AWB", made of its initials."""
    match = ACRONYM.match(text, run[-1].end)
    if not match:
        return False
    initials = "".join(w.text[0] for w in run if w.text[:1].isupper())
    return match.group(1) == initials


class _KeptSpans:
    """What the reference translations keep: a span they also hold is not a fragment."""

    def __init__(self, article: Article) -> None:
        self.article = article

    @cached_property
    def texts(self) -> list[str]:
        """The references, normalized once, when a span is first looked up."""
        return [normalize(ref.checkable, False) for ref in self.article.refs]

    def covers(self, span: str) -> bool:
        """Whether a reference holds the span as whole words."""
        if not self.texts:
            return False
        key = normalize(span, False)
        pattern = regex.compile(rf"(?<!\w){regex.escape(key)}(?!\w)")
        return any(pattern.search(text) for text in self.texts)
