"""Mask markup so that only prose is checked, keeping every offset intact.

Each ``mask_*`` function returns a string of exactly the same length as its input in
which every character that must not be checked is replaced by a space.  Line breaks
(``"\\n"`` and ``"\\r"``) are always kept, so a finding at offset ``i`` of the masked
text is at offset ``i`` (and the same line and column) of the original file.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from tqcheck.documents import occurrences

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_LINE_BREAKS = "\r\n"

# --------------------------------------------------------------------------- URLs

_URL_RE = re.compile(
    r"(?<![\w.+-])(?:[a-z][a-z0-9+.-]{0,31}://|www\.)\S+"
    r"|(?<![\w.+-])(?:mailto:)?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = frozenset(".,;:!?'\">")
_BRACKETS = {")": "(", "]": "[", "}": "{"}
_WWW = re.compile(r"www\.", re.IGNORECASE)
_NOT_SPACE = re.compile(r"\S*")


def mask_urls(text: str) -> str:
    """Blank out bare URLs (``scheme://``, ``www.``) and e-mail addresses.

    Sentence punctuation and unbalanced closing brackets that follow a URL, as in
    ``(see https://example.com/a).``, stay checkable.
    """
    pieces: list[str] = []
    done = 0
    for start, end in _anchored_tokens(text):
        for match in _URL_RE.finditer(text, start, end):
            pieces += (text[done:match.start()], _blank_url(match))
            done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def _anchored_tokens(text: str) -> list[tuple[int, int]]:
    """The spans, in order, of the runs of non-space characters that hold ``://``, ``@`` or
    ``www.``: every URL and address holds one, and none holds a space, so the costly search
    looks only there."""
    anchors = [match.start() for match in _WWW.finditer(text)] if "www." in text.lower() else []
    anchors += [*occurrences(text, "://"), *occurrences(text, "@")]
    spans: list[tuple[int, int]] = []
    end = 0
    for found in sorted(anchors):
        if found < end:
            continue  # in the run already taken
        start = found
        while start > end and not text[start - 1].isspace():
            start -= 1
        end = _NOT_SPACE.match(text, found).end()
        spans.append((start, end))
    return spans


def _blank_url(match: re.Match[str]) -> str:
    """Replace the URL part of ``match`` by spaces, keeping trailing punctuation."""
    found = match.group()
    end = _url_end(found)
    return " " * end + found[end:]


def _url_end(url: str) -> int:
    """Length of ``url`` once trailing punctuation and unbalanced closers are dropped."""
    surplus = {close: url.count(close) - url.count(open_) for close, open_ in _BRACKETS.items()}
    end = len(url)
    while end:
        last = url[end - 1]
        if surplus.get(last, 0) > 0:
            surplus[last] -= 1
        elif last not in _TRAILING_PUNCTUATION:
            break
        end -= 1
    return end


def compose(text: str, keep: bytearray) -> str:
    """Blank every character of ``text`` not flagged in ``keep``, except line breaks."""
    return "".join(
        char if flag or char in _LINE_BREAKS else " " for char, flag in zip(text, keep, strict=True)
    )


def flag(keep: bytearray, start: int, end: int) -> None:
    """Mark ``keep[start:end]`` as checkable."""
    keep[start:end] = b"\x01" * (end - start)


# ---------------------------------------------------------------------- Markdown


@cache
def _markdown() -> MarkdownIt:
    """The Markdown parser (markdown-it is imported only when a Markdown text is masked)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .enable(["table", "strikethrough"])
        # Keep escapes and entities as separate ``text_special`` tokens so that their
        # source form (\*, &amp;) can be located and masked.
        .disable("text_join")
    )


_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
_DELIMITERS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_CELL_OPENERS = frozenset({"th_open", "td_open"})
_LINK_SPACE = " \t\r\n"


def mask_markdown(text: str) -> str:
    """Keep only the prose of a Markdown document checkable.

    Everything starts masked; only the text runs that markdown-it reports inside
    paragraphs, headings, list items, block quotes and table cells are unmasked,
    including link text and image alt text.  Hence front matter, fenced and indented
    code, HTML blocks, reference definitions, thematic breaks, code spans, inline HTML
    tags, autolinks, link destinations and titles, entities (``&amp;``), backslash
    escapes (``\\*``, escaped character included) and all syntax markers (``#``,
    bullets, ``>``, ``*``/``_``/``~~``, table pipes, setext underlines) stay masked.
    Bare URLs and e-mail addresses in the prose are masked by :func:`mask_urls`.
    Limitation: text between inline HTML tags (``<code>x</code>``) stays checkable.
    """
    source = text.replace("\0", "\ufffd")  # markdown-it replaces NUL the same way
    lines = _line_spans(source)
    scanner = _InlineScanner(source)
    previous: Token | None = None
    for token in _markdown().parse(text):
        if token.type == "inline" and token.map:
            in_cell = previous is not None and previous.type in _CELL_OPENERS
            scanner.start_block(token, lines[token.map[0]], lines[token.map[1] - 1][1], in_cell)
            scanner.scan(token.children or [])
        previous = token
    return mask_urls(compose(text, scanner.keep))


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offset (line break excluded) of every line, as markdown-it counts."""
    spans = []
    start = 0
    for match in _LINE_BREAK_RE.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


class _InlineScanner:
    """Locate inline tokens in the source with a cursor that only moves forward."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.keep = bytearray(len(source))
        self.pos = 0
        self.limit = 0

    def start_block(
        self, token: Token, first_line: tuple[int, int], end: int, in_cell: bool
    ) -> None:
        """Position the cursor at the start of an inline token's content."""
        line_start, line_end = first_line
        self.pos = max(self.pos, line_start)
        self.limit = end
        if not in_cell:
            # The content's first line ends its source line; searching from the right
            # skips a list marker that looks like the text ("10. 10").
            first = token.content.split("\n", 1)[0]
            found = self.source.rfind(first, self.pos, line_end)
            self.pos = found if found >= 0 else self.pos

    def scan(self, tokens: list[Token]) -> None:
        """Unmask the text of ``tokens`` and move past everything else."""
        in_autolink = False
        for token in tokens:
            if token.markup == "autolink":
                in_autolink = token.nesting == 1
                if in_autolink:
                    self._skip_autolink()
            elif not in_autolink:
                self._scan_token(token)

    def _scan_token(self, token: Token) -> None:
        """Unmask a text token, or move past the source of any other token."""
        kind = token.type
        if kind == "text":
            self._keep_text(token.content)
        elif kind == "text_special" and token.content == token.markup:
            self._keep_text(token.content)  # in C:\path the backslash is literal
        elif kind == "text_special":
            self._skip(token.markup)
        elif kind == "code_inline":
            self._skip_code_span(token.markup)
        elif kind == "html_inline":
            for part in token.content.split("\n"):
                self._skip(part)
        elif kind == "link_open":
            self._skip("[")
        elif kind == "image":
            self._skip("![")
            self.scan(token.children or [])
            self._skip_link_tail()
        elif kind == "link_close":
            self._skip_link_tail()
        elif kind in _DELIMITERS:
            self._skip(token.markup)

    def _find(self, needle: str) -> int:
        return self.source.find(needle, self.pos, self.limit)

    def _skip(self, needle: str) -> int:
        """Move past the next ``needle``; return where it starts, or -1."""
        start = self._find(needle)
        if start >= 0:
            self.pos = start + len(needle)
        return start

    def _keep_text(self, content: str) -> None:
        """Unmask the next occurrence of ``content`` and move past it."""
        start = self._skip(content)
        if start >= 0:
            flag(self.keep, start, self.pos)

    def _skip_code_span(self, fence: str) -> None:
        """Move past a code span: the opening backtick run up to a run of equal length."""
        if self._skip(fence) < 0:
            return
        while (start := self._find(fence)) >= 0:
            end = start
            while end < self.limit and self.source[end] == "`":
                end += 1
            self.pos = end
            if end - start == len(fence):
                return

    def _skip_autolink(self) -> None:
        """Move past ``<scheme:...>`` or ``<user@host>``."""
        if self._skip("<") >= 0:
            self._skip(">")

    def _skip_link_tail(self) -> None:
        """Move past ``]`` and an inline ``(url "title")`` or reference ``[label]``."""
        if self._skip("]") < 0:
            return
        end = _inline_link_end(self.source, self.pos, self.limit)
        if end is None:
            end = _reference_label_end(self.source, self.pos, self.limit)
        if end is not None:
            self.pos = end
        elif self.source.startswith("(", self.pos):
            # A destination or title continued after a container prefix ("> ") on the
            # next line: the source does not parse as it stands, so skip to the ")".
            self._skip(")")


def _skip_link_space(source: str, pos: int, limit: int) -> int:
    """First position at or after ``pos`` that is not link whitespace."""
    while pos < limit and source[pos] in _LINK_SPACE:
        pos += 1
    return pos


def _inline_link_end(source: str, pos: int, limit: int) -> int | None:
    """End of ``(destination "title")`` starting at ``pos``, as markdown-it parses it."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    if pos >= limit or source[pos] != "(":
        return None
    pos = _skip_link_space(source, pos + 1, limit)
    destination = parseLinkDestination(source, pos, limit)
    if destination.ok:
        pos = _skip_link_space(source, destination.pos, limit)
        title = parseLinkTitle(source, pos, limit)
        if title.ok:
            pos = _skip_link_space(source, title.pos, limit)
    return pos + 1 if pos < limit and source[pos] == ")" else None


def _reference_label_end(source: str, pos: int, limit: int) -> int | None:
    """End of a ``[label]`` starting at ``pos`` (labels hold no unescaped brackets)."""
    if not source.startswith("[", pos, limit):
        return None
    close = source.find("]", pos, limit)
    return close + 1 if close >= 0 else None
