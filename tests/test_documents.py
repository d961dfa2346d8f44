"""Documents: the line index maps offsets to 1-based line/column (code points) and back."""

import pytest

from tqcheck.documents import Document, markup_of


def positions_by_hand(text: str) -> list[tuple[int, int]]:
    """Line/column of every offset, computed by walking the text one character at a time."""
    result, line, column, index = [], 1, 1, 0
    while index <= len(text):
        result.append((line, column))
        if index == len(text):
            break
        char = text[index]
        if char == "\r" and text[index + 1:index + 2] == "\n":
            result.append((line, column + 1))
            index += 2
            line, column = line + 1, 1
        elif char in "\r\n":
            index += 1
            line, column = line + 1, 1
        else:
            index += 1
            column += 1
    return result


@pytest.mark.parametrize("text", [
    "", "one line", "a\nb\nc", "a\r\nb\r\n", "lone\rcarriage\rreturns",
    "mixed\r\nends\nand\rmore", "émoji 😀 here\nnext", "\n\n\n", "trailing\n",
])
def test_position_matches_a_walk_over_the_text(text):
    doc = Document(path="x", text=text)
    for offset, expected in enumerate(positions_by_hand(text)):
        assert doc.position(offset) == expected, offset


@pytest.mark.parametrize("text", ["a\nbc\r\ndef\rg", "😀😀\n😀"])
def test_offset_is_the_inverse_of_position(text):
    doc = Document(path="x", text=text)
    for offset in range(len(text) + 1):
        if text[offset - 1:offset + 1] == "\r\n":
            continue  # the point between CR and LF has no column of its own
        assert doc.offset(*doc.position(offset)) == offset


def test_columns_count_code_points_not_utf16_units():
    doc = Document(path="x", text="😀 Poutine")
    assert doc.position(doc.text.index("Poutine")) == (1, 3)


def test_crlf_does_not_shift_columns():
    lf = Document(path="x", text="first line\nVladimir Poutine said")
    crlf = Document(path="x", text="first line\r\nVladimir Poutine said")
    assert lf.position(lf.text.index("Poutine")) == crlf.position(crlf.text.index("Poutine"))
    assert crlf.position(crlf.text.index("Poutine")) == (2, 10)


@pytest.mark.parametrize("name, markup", [
    ("a.md", "markdown"), ("A.MARKDOWN", "markdown"), ("x.html", "html"), ("x.htm", "html"),
    ("mt.en.txt", "text"), ("noext", "text"),
])
def test_markup_follows_the_suffix(name, markup):
    assert markup_of(name) == markup


def test_checkable_text_keeps_offsets_and_hides_urls():
    doc = Document(path="x", text="See https://example.org/a?b=c for Poutine.")
    assert len(doc.checkable) == len(doc.text)
    assert "example.org" not in doc.checkable
    assert doc.checkable.index("Poutine") == doc.text.index("Poutine")
