"""Rule phrases out of a text by its ASCII words, with set operations instead of a search.

The ASCII words of a text are its runs of ASCII letters, digits and underscores once the
text is folded as `re` compares letters ignoring case, as far as ASCII goes; every other
character separates them. The fold is lower case with the dotted capital I, the long s and
the dotless i made i, s and i (`re` matches them with those letters; the Kelvin sign lowers
to k already): every character that `re`, ignoring case, matches with an ASCII letter folds
to that letter, and every other character folds to no ASCII word character, ASCII digits
and underscore aside, which match only themselves (tests/test_phrasewords.py checks every
code point).

So where a whole-word phrase matches (see tqcheck.matching), with or without case, each of
its characters folds as the text character it matches does, as far as ASCII words go (its
spaces and apostrophes match separators), and the characters around the match, not word
characters, separate words: every ASCII word of the phrase is an ASCII word of the text. A
text lacking one cannot hold the phrase. As the fold serves where case matters too, every
phrase list applied to a text shares one set of its words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

# an ASCII letter in lower case, a digit or underscore as it is, every other byte a separator
# (the UTF-8 bytes of other characters too)
_FOLDED_WORD_BYTES = bytes(
    ord(chr(byte).lower()) if chr(byte).isascii() and (chr(byte).isalnum() or byte == 0x5F)
    else 0x20 for byte in range(256))
# the characters, not ASCII, that `re` matches with an ASCII letter ignoring case, and the
# letter (lower case alone would make the dotted capital I an i with a combining dot, and keep
# the long s and the dotless i; no other character lowers to an ASCII one)
_FOLDED_TO_ASCII = (("\u0130", "i"), ("\u212a", "k"), ("\u017f", "s"), ("\u0131", "i"))


def fold(text: str) -> str:
    """A text as `re` compares letters ignoring case, as far as ASCII letters go."""
    return _ascii_letters_made(text).lower()


def ascii_words(text: str) -> frozenset[bytes]:
    """The ASCII words of a text (those of `fold(text)`, found without lowering the whole
    text: only its ASCII letters need it once the other characters folding to one are made
    one)."""
    if not text.isascii():
        text = _ascii_letters_made(text)
    return frozenset(text.encode("utf-8", "surrogatepass").translate(_FOLDED_WORD_BYTES).split())


def _ascii_letters_made(text: str) -> str:
    """The text with each character of _FOLDED_TO_ASCII made its ASCII letter."""
    for character, letter in _FOLDED_TO_ASCII:
        text = text.replace(character, letter)
    return text


@lru_cache(maxsize=4)
def folded(text: str) -> str:
    """A text folded (see `fold`), kept for the few texts last asked about. It has the text's
    length: no character folds to more than one (the dotted capital I, which lowers to two,
    is made i first)."""
    return fold(text)


@lru_cache(maxsize=4)
def text_words(text: str) -> frozenset[bytes]:
    """The ASCII words of a text, kept for the few texts last asked about (the phrase lists
    applied to a text share them)."""
    return ascii_words(text)


class PhraseWords:
    """Tells which of a set of whole-word phrases a text may hold, by their ASCII words.

    Each phrase is filed under its longest word (with its other words, space-separated), so
    that a text is compared only with the phrases whose longest word it holds.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        by_word: dict[bytes, dict[tuple[bytes, ...], set[str]]] = {}
        for phrase in phrases:
            words = sorted(ascii_words(phrase), key=lambda word: (-len(word), word)) or [b""]
            by_word.setdefault(words[0], {}).setdefault(tuple(words[1:]), set()).add(phrase)
        self.by_word = {word: tuple((others, tuple(sorted(phrases)))
                                    for others, phrases in sorted(filed.items()))
                        for word, filed in by_word.items()}
        self.filed = frozenset(self.by_word)  # (a set meets the text's words smaller first)

    def held(self, text: str) -> list[str] | None:
        """The phrases the text may hold (every other phrase it certainly does not), or None
        when it may hold any: a phrase without ASCII words is never ruled out."""
        if b"" in self.filed:
            return None
        words = text_words(text)
        return [phrase for filed in words & self.filed
                for others, phrases in self.by_word[filed]
                if all(map(words.__contains__, others)) for phrase in phrases]
