"""Words (runs of letters joined by an apostrophe or a hyphen) of Latin-script text, fast.

`regex`'s `\\p{L}` knows the letters of every script but is slow; Python's `re` with the
letters spelt out finds words about twice as fast. Most Latin-script news writes no letter
but ASCII ones and the Latin ones of U+0080-U+024F (accents, ß, ø, ł ...): for such a text
`LATIN_WORD` finds exactly the words `WORD` finds, and the text holds no letter of another
script.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

WORD = regex.compile(r"\p{L}+(?:['’-]\p{L}+)*")
_LATIN_LETTER = regex.compile(r"[\p{L}&&\p{Latin}]", regex.VERSION1)
_LATIN = "".join(c for c in map(chr, range(0x80, 0x250)) if _LATIN_LETTER.fullmatch(c))
LATIN_WORD = re.compile(rf"[A-Za-z{_LATIN}]+(?:['’-][A-Za-z{_LATIN}]+)*")
_OTHER_CHARACTER = re.compile(rf"[^\x00-\x7f{_LATIN}]")


def common_latin(text: str) -> bool:
    """Whether every letter of the text is an ASCII letter or a Latin one of U+0080-U+024F
    (so `LATIN_WORD` finds its words)."""
    return text.isascii() or not any(map(_is_letter, set(_OTHER_CHARACTER.findall(text))))


@lru_cache(maxsize=1024)
def _is_letter(character: str) -> bool:
    """Whether a character is a letter (of any script)."""
    return WORD.match(character) is not None
