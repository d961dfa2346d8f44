"""langdetect's detector, reading its text a word at a time and weighing its draws by fives.

langdetect turns a text into the n-grams (1 to 3 characters) of its words, one character at a
time, then draws n-grams from that list at random (fixed seed), multiplying each language's
probability by the n-gram's, one draw and one language at a time, until the probabilities
converge. Here the same list is built a word at a time (characters normalized through a table
filled as they are met, each word's n-grams worked out once a spelling), and the five draws
between two normalizations multiply each probability in one pass. The random draws and every
floating-point operation are langdetect's, in its order, so the answers are the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain

from langdetect.detector import Detector
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

MEMO_SIZE = 20_000  # words (or characters) a reader remembers before it starts afresh
SPACE_RUNS = re.compile(" {2,}")
LATIN_LETTERS = re.compile("[A-z]")  # langdetect's range, with the six signs between Z and a
FIRST_NON_LATIN = "\u0300"  # langdetect counts every character from here on as non-Latin
# (it means to spare Latin Extended Additional, but compares a block number with a block name)
NORMALIZE_EVERY = 5  # draws between two normalizations of the probabilities (after the first)


class _NormalizedChars(dict[int, str]):
    """langdetect's normalized character by code point (a `str.translate` table), each worked
    out when first met; it starts afresh past MEMO_SIZE characters."""

    def __missing__(self, code: int) -> str:
        if len(self) >= MEMO_SIZE:
            self.clear()
        found = self[code] = NGram.normalize(chr(code))
        return found


class NgramReader:
    """The n-grams langdetect finds in a text (those its profiles know), in its order."""

    def __init__(self, known: Iterable[str]) -> None:
        self._known = {gram: gram for gram in known}  # one object a gram, however often read
        self._chars = _NormalizedChars()
        self._memo: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        """The known n-grams of a text: those of each word with a space on either side (only
        the leading one for the text's last word, which no space ends)."""
        *closed, last = text.translate(self._chars).split(" ")
        found = list(chain.from_iterable(map(self._word_and_space, closed)))
        found += self._grams(f" {last}") if last else ()
        return found

    def _word_and_space(self, word: str) -> tuple[str, ...]:
        """The known n-grams of a (normalized) word between spaces, worked out once a word."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[word] = self._grams(f" {word} ") if word else ()
        return found

    def _grams(self, padded: str) -> tuple[str, ...]:
        """The known n-grams ending at each character after the leading space, except the
        trailing space alone; none end at a capital that follows a capital."""
        known = self._known
        found = []
        for end in range(1, len(padded)):
            if padded[end].isupper() and padded[end - 1].isupper():
                continue
            for start in range(end, max(end - 3, -1), -1):
                gram = known.get(padded[start:end + 1])
                if gram is not None and gram != " ":
                    found.append(gram)
        return tuple(found)


class WordDetector(Detector):
    """langdetect's detector, faster, with the same answers and probabilities."""

    def __init__(self, factory: DetectorFactory, reader: NgramReader) -> None:
        super().__init__(factory)
        self._reader = reader

    def append(self, text: str) -> None:
        """Append text (URLs and e-mail addresses blanked, Vietnamese marks combined, runs
        of spaces made one), up to the detector's length limit."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += SPACE_RUNS.sub(" ", text[:self.max_text_length])

    def cleaning_text(self) -> None:
        """Drop the Latin letters of a text that has more than twice as many non-Latin ones."""
        counts = Counter(self.text)
        latin = sum(n for char, n in counts.items() if "A" <= char <= "z")
        non_latin = sum(n for char, n in counts.items() if char >= FIRST_NON_LATIN)
        if latin * 2 < non_latin:
            self.text = LATIN_LETTERS.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        """The known n-grams of the text, in order."""
        return self._reader(self.text)

    def _detect_block(self) -> None:
        """langdetect's detection: trials of random n-gram draws (fixed seed), each until the
        language probabilities converge, averaged. The draws between two normalizations
        multiply each probability in one pass, by the same factors in the same order."""
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.langprob = [0.0] * len(self.langlist)
        self.random.seed(self.seed)
        for _ in range(self.n_trial):
            self.langprob = [total + p / self.n_trial
                             for total, p in zip(self.langprob, self._trial(ngrams), strict=True)]

    def _trial(self, ngrams: list[str]) -> list[float]:
        """One trial's language probabilities: a draw, then draws by fives, normalizing after
        each step, until one language passes the threshold or the draws reach the limit."""
        alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
        weight = alpha / self.BASE_FREQ
        prob = self._init_probability()
        draws = 0
        while True:
            step = 1 if draws == 0 else NORMALIZE_EVERY
            rows = [self.word_lang_prob_map[self.random.choice(ngrams)] for _ in range(step)]
            prob = _multiplied(prob, weight, rows)
            draws += step
            total = sum(prob)
            prob = [p / total for p in prob]
            if max(prob) > self.CONV_THRESHOLD or draws > self.ITERATION_LIMIT:
                return prob


def _multiplied(prob: list[float], weight: float, rows: list[list[float]]) -> list[float]:
    """Each language's probability multiplied, row after row, by the row's probability of the
    language plus the smoothing weight."""
    if len(rows) == NORMALIZE_EVERY:
        return [p * (weight + a) * (weight + b) * (weight + c) * (weight + d) * (weight + e)
                for p, a, b, c, d, e in zip(prob, *rows, strict=True)]
    for row in rows:
        prob = [p * (weight + r) for p, r in zip(prob, row, strict=True)]
    return prob
