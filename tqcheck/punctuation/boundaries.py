"""Broken boundaries between words and sentences: glued words, cut sentences, doubled marks,
source-language spacing, spaced hyphens."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import GUILLEMETS, SPACES, offsets
from tqcheck.punctuation.text import is_abbreviation

ONE_LETTER = re.compile(r"[^\W\d_]")
TOKEN = re.compile(r"(?<![\w@#/.])(?=[^\W\d_]*[^\W\d_A-Z][A-Z])[^\W\d_]+(?![\w@])")
CUT = re.compile(r"(?<![.\w])[^\W\d_]{2,}\.[ \u00a0](?P<next>[^\W\d_]+)")
DOUBLED = re.compile(
    r"([.,;])(?<![.…][.,;])(?<![.…][ \u00a0][.,;])[ \u00a0]?([.,;])(?![.…]|[ \u00a0]\.)")
"""Two of . , ; in a row, not after an ellipsis nor in one (searched from the first mark,
which the lookbehinds then take along: a search from a character class is far quicker than
one from a lookbehind, tried at every character)."""
SPACE_BEFORE = re.compile(
    rf"(?<=[^\W\d_]|[»”\"’)\]])[{SPACES}]+(?P<mark>[:;!?])(?=\s|$|[\"“”«»])")
SPACED_HYPHEN = re.compile(r"-(?<=\S[ \u00a0]-)[ \u00a0](?=\S)")
"""The hyphen of ` - ` between two words (searched from the hyphen, a rarer character than
the space before it, which the reported span takes along)."""
SAFE_DOUBLES = {",,": ",", "..": ".", ";;": ";"}
# Cheap searches for what a reported match of the expressions above must hold (the triggers
# of the detectors), so most paragraphs skip the costly expression. Each starts with its
# rarest character and looks around from there; a letter other than A-Z is one outside
# U+0000-U+0060, U+007B-U+00A9 (classes of characters below U+0100 compile quickest).
MAY_GLUE = re.compile(r"[A-Z](?<=[^\x00-\x60\x7b-\xa9][A-Z])")
MAY_CUT = re.compile(r"\.[ \u00a0][^\W\d_A-Z]")
MAY_DOUBLE = {mark: re.compile(rf"\{mark}[ \u00a0]?[.,;]") for mark in ".,;"}
MAY_SPACE_BEFORE = {mark: re.compile(rf"\{mark}(?:(?<=[ \u00a0]\{mark})|(?<=\u202f\{mark}))")
                    for mark in ":;!?"}
MAY_SPACE_HYPHEN = re.compile(r"-(?<=[ \u00a0]-)[ \u00a0]")
BYTE_CLASSES = bytes.maketrans(
    bytes(range(256)),
    bytes(ord("U") if 0x41 <= byte <= 0x5A
          else ord("l") if 0x61 <= byte <= 0x7A or byte >= 0x80 else ord(" ")
          for byte in range(256)))
"""UTF-8 bytes by class: `U` for A-Z, `l` for a-z and every byte of a character above
U+007F (so each character MAY_GLUE looks behind for ends with an `l`), a space otherwise."""


def glue_offsets(text: str) -> list[int]:
    """The offsets of MAY_GLUE's matches in order. A search for a class of characters tries
    each character in turn; so the text's UTF-8 bytes are classed at once (BYTE_CLASSES),
    and each `lU` pair found in them, far rarer than capitals, is checked by MAY_GLUE at its
    character offset."""
    data = text.encode("utf-8", "surrogatepass")
    classes = data.translate(BYTE_CLASSES)
    found: list[int] = []
    done = chars = 0  # `chars` characters are encoded before byte `done`
    pair = classes.find(b"lU")
    while pair >= 0:
        capital = pair + 1
        chars += len(data[done:capital].decode("utf-8", "surrogatepass"))
        done = capital
        if MAY_GLUE.match(text, chars):
            found.append(chars)
        pair = classes.find(b"lU", capital)
    return found


def starts(expressions: dict[str, re.Pattern[str]], text: str) -> list[int]:
    """Where the expressions match the text, each keyed by the mark its matches start with
    (a search per mark is quicker than one for a class of marks as frequent as these, and a
    test for the mark, quicker still, skips the search for one the text lacks)."""
    return [match.start() for mark, expression in expressions.items() if mark in text
            for match in expression.finditer(text)]


def may_space_before(text: str) -> bool:
    """Whether the text holds a space before : ; ! or ?."""
    return any(expression.search(text) for mark, expression in MAY_SPACE_BEFORE.items()
               if mark in text)


def doublings(text: str) -> list[int]:
    """Where the text holds two of . , ; in a row."""
    return starts(MAY_DOUBLE, text)


def misspacings(text: str) -> list[int]:
    """Where the text holds a guillemet or a space before : ; ! or ? (the marks' offsets)."""
    return offsets(text, GUILLEMETS) + starts(MAY_SPACE_BEFORE, text)


def camel_split(token: str) -> int | None:
    """Where a capitalised lower-case word ends a token after a lower-case letter, if it does."""
    split = len(token)
    while split > 0 and token[split - 1].islower():
        split -= 1
    if split == len(token) or split < 2 or not token[split - 1].isupper() \
            or not token[split - 2].islower():
        return None
    return split - 1


def camel_tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches of TOKEN in order. TOKEN matches whole runs of letters only, so it is
    tried at the start of each run that holds a possible glue, not at every character."""
    position = 0
    while (glue := MAY_GLUE.search(text, position)) is not None:
        start = glue.start()
        while start > 0 and ONE_LETTER.match(text, start - 1):
            start -= 1
        match = TOKEN.match(text, start)
        if match is not None:
            yield match
        position = match.end() if match is not None else glue.end()


def glued_words(ctx: Context) -> Iterator[Defect]:
    """`crisisSergey`: a word run into the next at a lost quotation boundary.

    A capital inside a token counts when a lower-case word of two letters or more precedes
    it, or when it starts a word that begins sentences (`warThe`); names and brands listed
    in YAML, names with a listed prefix (McDonald), and tokens the article repeats are kept.
    """
    conventions = ctx.conventions
    for match in camel_tokens(ctx.paragraph.text):
        token = match.group()
        split = camel_split(token)
        if split is None or token in conventions.camel_case or ctx.words.repeated(token):
            continue
        first, second = token[:split], token[split:]
        if first in conventions.name_prefixes:
            continue
        if (first[0].islower() and len(first) >= 2) or second in ctx.locale.sentence_starters:
            yield Defect("glued-words", match.start(), match.end(), f"{first} {second}")


def cut_sentences(ctx: Context) -> Iterator[Defect]:
    """`processes. elections`: a full stop before a lower-case word, after no abbreviation."""
    text = ctx.paragraph.text
    for match in CUT.finditer(text):
        following = match.group("next")
        stop = match.start("next") - 2
        if following[0].islower() and following.islower() \
                and not is_abbreviation(text, stop, ctx.locale.abbreviations):
            yield Defect("cut-sentence", match.start(), match.end())


def doubled_punctuation(ctx: Context) -> Iterator[Defect]:
    """`. .`, `.,`, `,,` outside ellipses and abbreviations (`etc.,` and `U.S.,` are fine)."""
    text = ctx.paragraph.text
    for match in DOUBLED.finditer(text):
        first, second = match.group(1), match.group(2)
        if first == "." and second != "." \
                and is_abbreviation(text, match.start(), ctx.locale.abbreviations):
            continue
        suggestion = SAFE_DOUBLES.get(first + second)
        rest = text[match.end():].lstrip()
        yield Defect("doubled-punctuation", match.start(), match.end(), suggestion,
                     fixable=suggestion is not None
                     and not (suggestion == "." and rest[:1].islower()))


def source_spacing(ctx: Context) -> Iterator[Defect]:
    """French spacing in another language: a space before : ; ! ? or inside guillemets."""
    if ctx.locale.french_spacing:
        return
    text = ctx.paragraph.text
    for match in SPACE_BEFORE.finditer(text) if may_space_before(text) else ():
        yield Defect("source-spacing", match.start(), match.end(), match.group("mark"),
                     fixable=True, fields={"mark": match.group("mark")})
    if not any(mark in text for mark in GUILLEMETS):
        return
    guillemets = [o + c for o, c in ctx.locale.quotes.values() if {o, c} <= set(GUILLEMETS)]
    for pair in guillemets:
        inner = re.escape(pair[0]) + f"([{SPACES}]+)|([{SPACES}]+)" + re.escape(pair[1])
        for match in re.finditer(inner, text):
            group = 1 if match.group(1) else 2
            yield Defect("source-spacing", match.start(group), match.end(group), "",
                         fixable=True, fields={"mark": pair[group - 1]})


def spaced_hyphens(ctx: Context) -> Iterator[Defect]:
    """` - ` used as a dash where the locale writes one."""
    dash = ctx.locale.dash
    if dash is None:
        return
    end = 0
    for match in SPACED_HYPHEN.finditer(ctx.paragraph.text):
        start = match.start() - 1
        if start >= end:  # spans never overlap: `a - - b` has one
            end = match.end()
            yield Defect("spaced-hyphen", start, end, dash, fixable=True)
