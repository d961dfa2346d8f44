"""Per-language evidence for short spans: function words and character-trigram profiles.

The data lives in `rules/languages/<lang>.yaml` (hand-written: script, function words) and
`<lang>.trigrams.yaml` (derived from langdetect's profiles: one `trigram log-probability`
pair a line, a space written `_`). It is read once per folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from tqcheck.errors import TqcheckError

UNSEEN_PENALTY = 1.0  # an unseen trigram is this much (natural log) rarer than the rarest seen


class EvidenceError(TqcheckError):
    """A language evidence file is missing or malformed."""


@dataclass(frozen=True)
class Language:
    """What tells one language's words apart (function words, trigram profile), and the
    words it writes small numbers with."""

    code: str
    name: str
    script: str
    capitalizes_nouns: bool
    function_words: frozenset[str]
    trigrams: dict[str, float]
    unseen: float
    number_words: dict[str, float]

    def log_prob(self, word: str) -> float:
        """Log-probability of a (lower-case) word under the trigram profile."""
        padded = f" {word} "
        get, unseen = self.trigrams.get, self.unseen
        return sum(get(padded[i:i + 3], unseen) for i in range(len(padded) - 2))


def _read(path: Path) -> dict:
    """A YAML mapping from a file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvidenceError(f"{path}: cannot read language evidence: {error}") from None
    if not isinstance(data, dict):
        raise EvidenceError(f"{path}: language evidence must be a mapping")
    return data


def load_language(folder: Path, code: str) -> Language:
    """Read one language's evidence from a folder."""
    info = _read(folder / f"{code}.yaml")
    table = str(_read(folder / f"{code}.trigrams.yaml").get("trigrams", ""))
    trigrams = {gram.replace("_", " "): float(value)
                for gram, value in (line.split() for line in table.splitlines() if line.strip())}
    if not trigrams:
        raise EvidenceError(f"{folder / f'{code}.trigrams.yaml'}: no trigrams")
    words = info.get("function_words", "")
    words = words.split() if isinstance(words, str) else list(words)
    return Language(code=code, name=str(info.get("name", code)),
                    script=str(info.get("script", "Latin")),
                    capitalizes_nouns=bool(info.get("capitalizes_nouns", False)),
                    function_words=frozenset(w.lower().replace("’", "'") for w in words),
                    trigrams=trigrams, unseen=min(trigrams.values()) - UNSEEN_PENALTY,
                    number_words={str(k).lower(): float(v)
                                  for k, v in (info.get("number_words") or {}).items()})


@cache
def languages_in(folder: Path) -> dict[str, Language]:
    """Every language with evidence in a folder, by code."""
    codes = sorted(p.name.removesuffix(".trigrams.yaml") for p in folder.glob("*.trigrams.yaml"))
    return {code: load_language(folder, code) for code in codes}


def estimate_source(words: list[str], target: Language, candidates: list[Language],
                    min_votes: int = 2, min_lean: float = 2.0) -> Language | None:
    """The language the non-target words of a text come from, or None without enough evidence.

    Each distinct word that is not a target function word votes for every candidate it is a
    function word of; any other word votes for the candidate whose profile likes it best, if
    that candidate likes it `min_lean` (natural log) better than the target does. The winner
    needs `min_votes` votes and more than any other candidate.
    """
    if not candidates:
        return None
    votes = dict.fromkeys((lang.code for lang in candidates), 0)
    for word in set(words) - target.function_words:
        owners = [lang for lang in candidates if word in lang.function_words]
        if not owners:
            best = max(candidates, key=lambda lang: lang.log_prob(word))
            owners = [best] if best.log_prob(word) - target.log_prob(word) >= min_lean else []
        for lang in owners:
            votes[lang.code] += 1
    ranked = sorted(candidates, key=lambda lang: -votes[lang.code])
    if votes[ranked[0].code] < min_votes:
        return None
    if len(ranked) > 1 and votes[ranked[1].code] == votes[ranked[0].code]:
        return None
    return ranked[0]
