"""Articles and documents: exact text, a line index, and the text that checks may read."""

from __future__ import annotations

import bisect
import hashlib
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import AnyStr, Literal, Protocol

from tqcheck.records import pickled_by_fields

Markup = Literal["text", "markdown", "html"]

LINE_BREAK = re.compile(r"\r\n|\r|\n")
MARKUP_BY_SUFFIX: dict[str, Markup] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def content_digest(data: bytes) -> str:
    """Fingerprint of a file's bytes."""
    return hashlib.sha256(data).hexdigest()


def markup_of(filename: str) -> Markup:
    """Return the markup of a file from its suffix (plain text when unknown)."""
    lowered = filename.lower()
    for suffix, markup in MARKUP_BY_SUFFIX.items():
        if lowered.endswith(suffix):
            return markup
    return "text"


@dataclass
class Document:
    """One text (a translation, a source or a reference) and where it came from.

    `text` is the exact content (a UTF-8 byte-order mark is not part of it);
    offsets everywhere are code-point offsets into it. `digest` fingerprints the bytes of
    a document read from a file (None otherwise), so a fix can tell if the file changed.
    """

    path: str
    text: str
    lang: str | None = None
    markup: Markup = "text"
    has_bom: bool = False
    digest: str | None = None

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets at which each line begins (CRLF, CR and LF all end a line)."""
        if "\r" not in self.text:
            return newline_starts(self.text)
        return [0, *(m.end() for m in LINE_BREAK.finditer(self.text))]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a code-point offset."""
        return position_in(self.line_starts, offset)

    def offset(self, line: int, column: int) -> int:
        """Return the code-point offset of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def lines(self) -> Lines:
        """The document's path and line index, without its text."""
        return Lines(self.path, array("q", self.line_starts))

    @cached_property
    def checkable(self) -> str:
        """The text with markup, code and URLs blanked out: same length, same offsets."""
        from tqcheck import markup

        if self.markup == "markdown":
            return markup.mask_markdown(self.text)
        if self.markup == "html":
            from tqcheck.markup_html import mask_html

            return mask_html(self.text)
        return markup.mask_urls(self.text)


def occurrences(text: AnyStr, part: AnyStr) -> Iterator[int]:
    """The offsets where `part` occurs in a text (or bytes), in order, overlapping ones too
    (one `find` each, several times quicker than a search by pattern)."""
    found = text.find(part)
    while found >= 0:
        yield found
        found = text.find(part, found + 1)


def newline_starts(text: str) -> list[int]:
    """0 and the offset after each LF of a text: where its lines start when LF alone ends
    one."""
    return [0, *(found + 1 for found in occurrences(text, "\n"))]


def position_in(line_starts: Sequence[int], offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of a code-point offset, given where each line starts."""
    line = bisect.bisect_right(line_starts, offset) - 1
    return line + 1, offset - line_starts[line] + 1


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Lines:
    """A document's path and where its lines start: enough to place findings in it once
    its text is let go."""

    path: str
    starts: array[int]

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based (line, column) of a code-point offset."""
        return position_in(self.starts, offset)


class Placement(Protocol):
    """Where findings can be placed: a document, or the lines of one."""

    path: str

    def position(self, offset: int) -> tuple[int, int]: ...


@dataclass
class Article:
    """A machine translation to check, with its optional source and references."""

    id: str
    target: Document
    source: Document | None = None
    refs: list[Document] = field(default_factory=list)
    source_lang: str | None = None
    meta: dict[str, object] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)

    @property
    def target_lang(self) -> str | None:
        """Language of the translation, when known."""
        return self.target.lang
