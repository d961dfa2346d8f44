"""Rule type `numbers`: numbers of a source segment missing from (or changed in) its
translation, allowing for locale formats (3.000 = 3,000 = 3 000; 1,5 = 1.5) and for small
numbers written as words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from tqcheck.alignment import aligned_segments
from tqcheck.checks.base import Check, Hit, Params, folder_param
from tqcheck.documents import Article
from tqcheck.langevidence import languages_in

NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d+)?(?![\w])"
                    r"|(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")
WORD = re.compile(r"\w+")
GROUP_SPACES = re.compile(r"[\u00a0\u202f ]")


def readings(token: str) -> set[Decimal]:
    """The values a written number may stand for, in any locale's format."""
    plain = GROUP_SPACES.sub("", token)
    separators = [c for c in plain if c in ".,"]
    if not separators:
        candidates = [plain]
    elif len(set(separators)) == 2:
        decimal = separators[-1]
        candidates = [plain.replace("," if decimal == "." else ".", "").replace(",", ".")]
    elif len(separators) > 1:
        candidates = [plain.replace(separators[0], "")]
    else:
        whole, fraction = re.split(r"[.,]", plain)
        candidates = [f"{whole}.{fraction}"]
        if len(fraction) == 3:
            candidates.append(whole + fraction)
    values = set()
    for candidate in candidates:
        try:
            values.add(Decimal(candidate).normalize())
        except InvalidOperation:
            continue
    return values


class NumbersCheck(Check):
    """Flags a target segment that lacks a number its source segment has."""

    type_name = "numbers"
    message_fields = frozenset({"text", "suggestion", "numbers"})

    def __init__(self, params: Params) -> None:
        self.languages = languages_in(folder_param(params, "languages"))

    def find(self, article: Article) -> Iterator[Hit]:
        """Yield one hit per aligned target segment missing source numbers."""
        segments = aligned_segments(article)
        if not segments:
            return
        language = self.languages.get(article.target_lang or "")
        words = language.number_words if language else {}
        for segment in segments:
            present = {value for m in NUMBER.finditer(segment.text)
                       for value in readings(m.group())}
            present |= {Decimal(str(words[w])).normalize()
                        for w in WORD.findall(segment.text.lower()) if w in words}
            missing = [m.group() for m in NUMBER.finditer(segment.source)
                       if not readings(m.group()) & present]
            if missing:
                yield Hit(segment.start, segment.end, None,
                          {"numbers": ", ".join(dict.fromkeys(missing))})
