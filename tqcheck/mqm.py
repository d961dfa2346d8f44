"""An MQM-style score from findings: penalty points per 100 words, the WMT weights by default."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import filterfalse

import regex

from tqcheck.documents import occurrences
from tqcheck.errors import ConfigError
from tqcheck.findings import Finding
from tqcheck.scoring import Score

MQM_SEVERITIES = ("neutral", "minor", "major", "critical")
# Findings of tqcheck itself, not defects of the translation.
NOT_DEFECTS = ("input/", "tqcheck/", "scores/")
# A word: one CJK character, or a run of letters, digits and joining marks.
CJK = r"[\p{Han}\p{Hiragana}\p{Katakana}]"
WORD = regex.compile(rf"{CJK}|[[\p{{L}}\p{{N}}\p{{M}}]--{CJK}]+(?:['’-][\p{{L}}\p{{N}}]+)*",
                     regex.VERSION1)
# In a text of characters below U+0300, general punctuation and currency signs alone, the
# same words are runs of `re`'s letters and digits (the two modules agree on every one of
# these characters, whatever Unicode version each follows), which `re` finds several times
# faster. (tqcheck.latinwords has the like fast path for words of letters alone.)
OUTSIDE_PLAIN = re.compile(r"[^\x00-\u02ff\u2000-\u206f\u20a0-\u20cf]")
PLAIN_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# In a text of ASCII and general punctuation (U+2000-U+206F: quotation marks, dashes, spaces,
# none of them in a word) alone, as most English news is, the words are runs of ASCII letters
# and digits joined by an apostrophe or a hyphen: counted on the text's bytes, with every
# other character made a space.
OUTSIDE_ASCII = re.compile(r"[^\x00-\x7f\u2000-\u206f]")
_ALNUM = bytes(code for code in range(0x80) if chr(code).isalnum())
_RUNS_AND_JOINERS = bytes(code if code in _ALNUM or code in b"'-" else 0x20
                          for code in range(0x100))
_RUNS = bytes(code if code in _ALNUM else 0x20 for code in range(0x100))


def _default_category_penalties() -> dict[str, dict[str, float]]:
    """The WMT exceptions: minor punctuation weighs 0.1, non-translation always 25."""
    return {"Fluency/Punctuation": {"minor": 0.1},
            "Non-translation!": {severity: 25.0 for severity in MQM_SEVERITIES}}


@dataclass
class MqmSettings:
    """How findings become penalties: tqcheck severity -> MQM severity -> weight."""

    severity_map: dict[str, str] = field(default_factory=lambda: {
        "error": "major", "warning": "minor", "info": "neutral"})
    penalties: dict[str, float] = field(default_factory=lambda: {
        "neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0})
    category_penalties: dict[str, dict[str, float]] = field(
        default_factory=_default_category_penalties)

    def penalty(self, finding: Finding) -> float:
        """The penalty points of one finding."""
        severity = self.severity_map[finding.severity.value]
        return self.category_penalties.get(finding.category, {}).get(
            severity, self.penalties[severity])

    def signature(self) -> str:
        """The settings in one line, so an MQM score can be reproduced."""
        mapping = ",".join(f"{k}={v}" for k, v in self.severity_map.items())
        weights = ",".join(f"{k}={v:g}" for k, v in self.penalties.items())
        special = ",".join(f"{cat}:{sev}={w:g}" for cat, table in self.category_penalties.items()
                           for sev, w in table.items())
        return f"map:{mapping}|weights:{weights}|categories:{special}|per:100words"


def parse_mqm(data: dict[str, object], where: str) -> MqmSettings:
    """MQM settings from a config table (keys severity-map, penalties, category-penalties)."""
    settings = MqmSettings()
    known = {"severity-map", "penalties", "category-penalties"}
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}: unknown key '{key}' "
                              f"(known keys: {', '.join(sorted(known))})")
    for tq, mqm in _table(data, "severity-map", where).items():
        if tq not in settings.severity_map or mqm not in MQM_SEVERITIES:
            raise ConfigError(f"{where}: severity-map maps tqcheck severities (error, warning, "
                              f"info) to {', '.join(MQM_SEVERITIES)}; got {tq} = {mqm!r}")
        settings.severity_map[tq] = mqm
    settings.penalties.update(_weights(_table(data, "penalties", where), f"{where}: penalties"))
    for category, table in _table(data, "category-penalties", where).items():
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: category-penalties.'{category}' must be a table")
        settings.category_penalties[category] = _weights(
            table, f"{where}: category-penalties.'{category}'")
    return settings


def _table(data: dict[str, object], key: str, where: str) -> dict:
    """A sub-table of the MQM settings (absent means empty)."""
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table")
    return value


def _weights(table: dict, where: str) -> dict[str, float]:
    """MQM severity -> non-negative number."""
    for severity, weight in table.items():
        if severity not in MQM_SEVERITIES or isinstance(weight, bool) \
                or not isinstance(weight, int | float) or weight < 0:
            raise ConfigError(f"{where}: give {', '.join(MQM_SEVERITIES)} = a number >= 0; "
                              f"got {severity} = {weight!r}")
    return {severity: float(weight) for severity, weight in table.items()}


def word_count(text: str) -> int:
    """Words of a text (each CJK character counts as one)."""
    if not OUTSIDE_ASCII.search(text):
        return _ascii_words(text)
    # No word spans white space, so the words of a text are those of its tokens; and an
    # ASCII token's words are plain ones.
    tokens = text.split()
    if not OUTSIDE_PLAIN.search(text):
        return _plain_words(tokens)
    return _plain_words(list(filter(str.isascii, tokens))) + len(
        WORD.findall(" ".join(filterfalse(str.isascii, tokens))))


def _ascii_words(text: str) -> int:
    """The words of a text of ASCII and general punctuation: its runs of letters and digits,
    less one for each joiner with a letter or digit on both sides (which makes two runs
    one word)."""
    kept = text.replace("’", "'").encode("utf-8").translate(_RUNS_AND_JOINERS)
    last = len(kept) - 1
    links = sum(1 for joiner in (b"'", b"-") for at in occurrences(kept, joiner)
                if 0 < at < last and kept[at - 1] in _ALNUM and kept[at + 1] in _ALNUM)
    return len(kept.translate(_RUNS).split()) - links


def _plain_words(tokens: list[str]) -> int:
    """The words of tokens of plain text: a token of letters and digits alone (`str.isalnum`,
    the same test as `re`'s \\w without _) is one, the others are counted by the pattern."""
    return sum(map(str.isalnum, tokens)) + len(
        PLAIN_WORD.findall(" ".join(filterfalse(str.isalnum, tokens))))


def mqm_scores(words_by_path: dict[str, int], findings: list[Finding],
               settings: MqmSettings) -> list[Score]:
    """The MQM-style score of each article (given as its path and the word count of its
    translation, in run order) and of the corpus: 100 minus penalty points per 100 words
    of the translation (higher is better, 100 is no defect found)."""
    points: dict[str, float] = {}
    counts: dict[str, int] = {}
    for finding in findings:
        if not finding.rule.startswith(NOT_DEFECTS):
            points[finding.path] = points.get(finding.path, 0.0) + settings.penalty(finding)
            counts[finding.path] = counts.get(finding.path, 0) + 1
    signature = settings.signature()
    scores = []
    total_points, total_words = 0.0, 0
    for path, words in words_by_path.items():
        if not words:
            continue
        penalty = points.get(path, 0.0)
        total_points, total_words = total_points + penalty, total_words + words
        scores.append(_score(penalty, words, counts.get(path, 0), signature, path))
    if scores:
        scores.append(_score(total_points, total_words, sum(counts.values()), signature, None))
    return scores


def _score(penalty: float, words: int, findings: int, signature: str,
           article: str | None) -> Score:
    """One MQM score entry."""
    per_100 = 100 * penalty / words
    detail = (f"{penalty:g} penalty points per {words} words = {per_100:.2f} per 100 words, "
              f"{findings} finding{'s' if findings != 1 else ''}")
    return Score("mqm", "MQM", 100 - per_100, signature, "article" if article else "corpus",
                 article, detail=detail)
