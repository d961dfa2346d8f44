"""Derive the character-trigram profiles of rules/languages from langdetect's bundled profiles.

    python tools/derive_trigram_profiles.py en de fr es it

langdetect ships n-gram counts per language computed from Wikipedia text. This keeps the
trigrams made of letters and spaces (upper and lower case merged) and writes their natural
log-probabilities to rules/languages/<lang>.trigrams.yaml, one `trigram log-probability`
pair a line in a block of text, a space written as `_`.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

import langdetect

PROFILES = Path(langdetect.__file__).parent / "profiles"
OUT = Path(__file__).resolve().parent.parent / "rules" / "languages"
HEADER = """\
# Character trigrams of {lang} with their natural log-probabilities (words padded with one
# space each side, written `_`). Derived by tools/derive_trigram_profiles.py from the {lang}
# profile bundled with langdetect (n-gram counts over Wikipedia text); regenerate, do not
# edit.
"""


def trigram_log_probs(lang: str) -> dict[str, float]:
    """Letter/space trigrams of one langdetect profile and their log-probabilities."""
    data = json.loads((PROFILES / lang).read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for gram, count in data["freq"].items():
        if len(gram) == 3 and all(c.isalpha() or c == " " for c in gram):
            counts[gram.lower()] += count
    total = data["n_words"][2]
    return {gram: round(math.log(count / total), 2) for gram, count in counts.most_common()}


def main() -> None:
    """Write one trigram file per language named on the command line."""
    for lang in sys.argv[1:]:
        lines = [HEADER.format(lang=lang), "data: language-trigrams", f"language: {lang}",
                 "trigrams: |"]
        lines += [f"  {g.replace(' ', '_')} {p}" for g, p in trigram_log_probs(lang).items()]
        (OUT / f"{lang}.trigrams.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
