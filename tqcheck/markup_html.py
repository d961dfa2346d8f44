"""Mask HTML so that only its text data is checked, keeping every offset intact (see
`tqcheck.markup`; kept apart so that plain text and Markdown never import the HTML parser)."""

from __future__ import annotations

from collections import Counter
from html.entities import html5
from html.parser import HTMLParser

from tqcheck.documents import newline_starts
from tqcheck.markup import compose, flag, mask_urls

_MASKED_ELEMENTS = frozenset({"script", "style", "code", "pre", "template", "noscript", "head"})


def mask_html(text: str) -> str:
    """Keep only the text data of an HTML document checkable.

    Masked: tags with their attributes, comments, doctype, processing instructions,
    marked sections, character references (``&amp;``, ``&#233;``; a bare ``&`` as in
    ``AT&T`` that is no known reference stays checkable) and the whole content of
    ``script``, ``style``, ``code``, ``pre``, ``template``, ``noscript`` and ``head``,
    where only ``title`` text stays checkable.  A ``<body>`` tag ends ``head`` even
    without ``</head>``.  Anything the parser can only resolve at the end of the input
    (an unterminated comment or tag and all that follows it) is masked.  Bare URLs and
    e-mail addresses in the text are masked by :func:`mask_urls`.
    """
    parser = _ProseParser(text)
    # html.parser raises AssertionError on malformed marked sections such as "<![x";
    # the same-length "<!-" makes it read them as bogus comments, masked all the same.
    parser.feed(text.replace("<![", "<!-"))
    parser.closing = True
    parser.close()
    return mask_urls(compose(text, parser.keep))


class _ProseParser(HTMLParser):
    """Flag the offsets of checkable text data while parsing."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.keep = bytearray(len(text))
        self.closing = False
        self.open_elements: Counter[str] = Counter()
        # html.parser counts lines by "\n" only.
        self.line_starts = newline_starts(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count open elements; ``<body>`` implies ``</head>``."""
        if tag == "body":
            self.open_elements["head"] = 0
        self.open_elements[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.open_elements[tag] > 0:
            self.open_elements[tag] -= 1

    def handle_data(self, data: str) -> None:
        self._keep(len(data))

    def handle_entityref(self, name: str) -> None:
        """Keep ``&name`` checkable when it is no character reference (``AT&T``)."""
        end = self._offset() + 1 + len(name)
        reference = name + ";" if self.text.startswith(";", end) else name
        if reference not in html5:
            self._keep(1 + len(reference))

    def _offset(self) -> int:
        """Offset in the text of the construct being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _keep(self, length: int) -> None:
        """Unmask ``length`` characters from the current position if they are prose."""
        if not self.closing and self._in_prose():
            start = self._offset()
            flag(self.keep, start, start + length)

    def _in_prose(self) -> bool:
        masked = sum(self.open_elements[tag] for tag in _MASKED_ELEMENTS)
        if self.open_elements["title"]:
            masked -= self.open_elements["head"]
        return masked == 0
