"""Quotation defects: unbalanced, misplaced, foreign and mixed marks, lost quotations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from tqcheck.punctuation.conventions import STYLE_CONSISTENT, Locale
from tqcheck.punctuation.defects import Context, Defect
from tqcheck.punctuation.marks import (
    DOUBLE_MARKS,
    GUILLEMETS,
    SPACES,
    Mark,
    Side,
    quotation_count,
)

OPENING, CLOSING = 0, 1
"""Roles of a mark, as indexes into a style's (opening, closing) pair."""


def paired(marks: list[Mark], locale: Locale) -> tuple[list[tuple[Mark, Mark]], list[Mark]]:
    """Pair double marks in order: (opening, closing) pairs and the marks left unpaired.

    A mark opens when no quotation is open; a second distinct opening mark while one is
    open (“ … “) means the first was never closed.
    """
    openings, closings = locale.openings, locale.closings
    pairs, unpaired, open_mark = [], [], None
    for mark in marks:
        if open_mark is None:
            if mark.side is Side.CLOSING and mark.char not in openings:
                unpaired.append(mark)
            else:
                open_mark = mark
        elif mark.char in openings and mark.char != closings.get(open_mark.char) \
                and mark.side is Side.OPENING:
            unpaired.append(open_mark)
            open_mark = mark
        else:
            pairs.append((open_mark, mark))
            open_mark = None
    if open_mark is not None:
        unpaired.append(open_mark)
    return pairs, unpaired


def opens_paragraph(text: str | None) -> bool:
    """Whether a paragraph begins with a double quotation mark (a continued quotation)."""
    return text is not None and text.lstrip()[:1] in DOUBLE_MARKS


def unbalanced(ctx: Context) -> Iterator[Defect]:
    """Marks left unpaired, except an opening that continues into the next paragraph."""
    unpaired = ctx.unpaired
    for mark in unpaired:
        continues = mark is unpaired[-1] and mark.side is not Side.CLOSING \
            and opens_paragraph(ctx.next_text)
        if not continues:
            yield Defect("unbalanced", mark.offset, mark.offset + 1, fields={"mark": mark.char})


def misplaced(ctx: Context) -> Iterator[Defect]:
    """A closing mark after a space and glued to the next word; an opening mark before a space."""
    text = ctx.paragraph.text
    native = ctx.locale.style_names
    for opening, closing in ctx.pairs:
        i = closing.offset
        if closing.char in native and 0 < i < len(text) - 1 and text[i - 1] in SPACES \
                and text[i + 1].isalpha():
            start = i - 1
            while start > 0 and text[start - 1] in SPACES:
                start -= 1
            yield Defect("misplaced-mark", start, i + 1, closing.char + " ", fixable=True,
                         fields={"mark": closing.char})
        j = opening.offset
        if opening.char in native and opening.char not in GUILLEMETS and j + 1 < len(text) \
                and text[j + 1] in SPACES and (j == 0 or text[j - 1] in SPACES):
            end = j + 1
            while end < len(text) and text[end] in SPACES:
                end += 1
            if end < closing.offset:
                yield Defect("misplaced-mark", j, end, opening.char, fixable=True,
                             fields={"mark": opening.char})


def roles(pairs: list[tuple[Mark, Mark]], unpaired: list[Mark]) -> list[tuple[Mark, int]]:
    """Each double mark with its role, OPENING or CLOSING (as paired, or as it sits), in
    order (marks sort by offset: no two share one)."""
    found = [(o, OPENING) for o, _ in pairs] + [(c, CLOSING) for _, c in pairs]
    found += [(m, CLOSING if m.side is Side.CLOSING else OPENING) for m in unpaired]
    found.sort()
    return found


def foreign(ctx: Context) -> Iterator[Defect]:
    """Double marks no style of the locale uses in that position; single pairs likewise."""
    text = ctx.paragraph.text
    locale = ctx.locale
    allowed = locale.allowed_marks
    replacement = locale.quotes[ctx.article_style or locale.suggest]
    for mark, role in ctx.roles:
        if mark.char in allowed[role]:
            continue
        start, end = _with_inner_space(text, mark.offset, role == OPENING, locale)
        yield Defect("foreign-mark", start, end, replacement[role],
                     fixable=mark not in ctx.unpaired and _certain(mark, role),
                     fields={"mark": mark.char})
    single = locale.single_quotes
    for pair in ctx.single_pairs:
        chars = (pair[0].char, pair[1].char)
        if chars not in single.values():
            preferred = next(iter(single.values()))
            for role, mark in enumerate(pair):
                yield Defect("foreign-mark", mark.offset, mark.offset + 1, preferred[role],
                             fields={"mark": mark.char})


def _certain(mark: Mark, role: int) -> bool:
    """Whether a paired mark's role is clear: its side agrees, or it is not a straight mark."""
    expected = Side.OPENING if role == OPENING else Side.CLOSING
    return mark.side is expected or (mark.side is Side.UNCLEAR and mark.char != "\"")


def _with_inner_space(text: str, offset: int, is_opening: bool, locale: Locale) -> tuple[int, int]:
    """A foreign mark's span, taking the space French puts inside guillemets along."""
    if locale.french_spacing or text[offset] not in GUILLEMETS:
        return offset, offset + 1
    if is_opening:
        end = offset + 1
        while end < len(text) and text[end] in SPACES:
            end += 1
        return offset, end
    start = offset
    while start > 0 and text[start - 1] in SPACES:
        start -= 1
    return start, offset + 1


def style_of(char: str, locale: Locale) -> str | None:
    """The name of the locale style a double mark belongs to, if any."""
    return locale.style_names.get(char)


def article_style(marks: str, locale: Locale) -> str | None:
    """The style most double marks of an article use (the first in the table on a tie);
    `marks`: the article's text, or just its double marks."""
    if locale.style != STYLE_CONSISTENT:
        return None
    counts: Counter[str] = Counter()
    for char in DOUBLE_MARKS:
        if (count := marks.count(char)) and (name := style_of(char, locale)):
            counts[name] += count
    if not counts:
        return None
    return max(locale.quotes, key=lambda name: counts[name])


def mixed(ctx: Context) -> Iterator[Defect]:
    """Marks of a listed style other than the one the article mostly uses."""
    chosen = ctx.article_style
    if chosen is None:
        return
    for mark, role in ctx.roles:
        name = style_of(mark.char, ctx.locale)
        if name is None or name == chosen or ctx.locale.quotes[name][role] != mark.char:
            continue
        yield Defect("mixed-style", mark.offset, mark.offset + 1,
                     ctx.locale.quotes[chosen][role], fields={"mark": mark.char, "style": chosen})


def count_mismatch(ctx: Context) -> Iterator[Defect]:
    """The aligned source line has a different number of quotations than the paragraph."""
    if ctx.source_text is None:
        return
    source, target = quotation_count(ctx.source_text), quotation_count(ctx.paragraph.text)
    if source != target:
        text = ctx.paragraph.text
        yield Defect("count-mismatch", 0, len(text.rstrip()),
                     fields={"source_count": str(source), "target_count": str(target)})
