"""Tests for tqcheck.markup: masking keeps prose checkable at its original offsets."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.markup import _URL_RE, _blank_url, mask_markdown, mask_urls
from tqcheck.markup_html import mask_html

MASKERS = [mask_markdown, mask_html, mask_urls]


def assert_well_formed(text: str, masked: str) -> None:
    """Same length, line breaks kept, every other character kept or blanked."""
    assert len(masked) == len(text)
    for position, (original, new) in enumerate(zip(text, masked, strict=True)):
        if original in "\r\n":
            assert new == original, f"line break changed at {position}"
        else:
            assert new in (original, " "), f"{new!r} invented at {position}"


def blank(text: str, *parts: str) -> str:
    """``text`` with each of ``parts``, found left to right, blanked (line breaks kept)."""
    position = 0
    for part in parts:
        start = text.index(part, position)
        blanked = "".join(char if char in "\r\n" else " " for char in part)
        text = text[:start] + blanked + text[start + len(part) :]
        position = start + len(part)
    return text


def check(masker, text: str, want: str) -> None:
    """``masker(text)`` is well formed and equals ``want``."""
    masked = masker(text)
    assert_well_formed(text, masked)
    assert masked == want


def test_blank_helper():
    assert blank("a `b` c `b`", "`b`") == "a     c `b`"
    assert blank("x\r\ny", "x\r\ny") == " \r\n "
    with pytest.raises(ValueError):
        blank("abc", "c", "a")  # parts must be in order


# ------------------------------------------------------------------- Markdown


def test_markdown_front_matter_is_masked():
    text = "---\ntitle: Flood warning\nauthor: Jane Roe\n---\nRivers rose overnight.\n"
    check(mask_markdown, text, blank(text, "---\ntitle: Flood warning\nauthor: Jane Roe\n---"))


def test_markdown_dashes_not_at_top_are_no_front_matter():
    text = "Intro line.\n\n---\ntitle: kept\n---\n"
    # A thematic break, then "title: kept" as a setext heading underlined by "---".
    check(mask_markdown, text, blank(text, "---", "---"))


def test_markdown_heading_markers_are_masked():
    text = "# Storm hits coast #\n\n## Aftermath\n\nSetext title\n============\n"
    check(mask_markdown, text, blank(text, "#", "#", "##", "============"))


def test_markdown_list_and_quote_markers_are_masked():
    text = "- Talks resumed\n* 2 sides met\n\n1. 1 vote short\n2) Recount\n\n> Quote here\n"
    check(mask_markdown, text, blank(text, "-", "*", "1.", "2)", ">"))


def test_markdown_list_marker_equal_to_item_text():
    # The item text "10" also starts the marker "10."; the marker must stay masked.
    text = "Seats won:\n\n10. 10\n11. 9\n"
    check(mask_markdown, text, blank(text, "10.", "11."))


def test_markdown_nested_containers():
    text = "> - Quoted [item](http://a.example)\n>   continues here\n"
    check(mask_markdown, text, blank(text, "> -", "[", "](http://a.example)", ">"))


def test_markdown_emphasis_delimiters_are_masked():
    text = "**Breaking:** the *vote* was __close__ and ~~cancelled~~ _today_."
    masked = blank(text, "**", "**", "*", "*", "__", "__", "~~", "~~", "_", "_")
    check(mask_markdown, text, masked)


def test_markdown_unmatched_delimiter_after_emphasis_stays_checkable():
    # "*revised*" is emphasis; the third asterisk is a literal footnote mark.
    text = "Growth was *revised**"
    check(mask_markdown, text, "Growth was  revised *")


def test_markdown_literal_asterisks_stay_checkable():
    text = "Prices rose 5 * 3 times * today."
    check(mask_markdown, text, text)


def test_markdown_fenced_code_is_masked_with_fences_and_info():
    text = "Intro.\n\n```python\nprint('Intro.')\n```\n\n~~~\nmore code\n~~~\nOutro.\n"
    want = blank(text, "```python\nprint('Intro.')\n```", "~~~\nmore code\n~~~")
    check(mask_markdown, text, want)


def test_markdown_unbalanced_fence_masks_the_rest():
    text = "Intro.\n\n```\ncode\n\nStill code.\n"
    check(mask_markdown, text, blank(text, "```\ncode\n\nStill code."))


def test_markdown_indented_code_is_masked():
    text = "Run this:\n\n    make install\n\nDone.\n"
    check(mask_markdown, text, blank(text, "make install"))


def test_markdown_html_block_is_masked():
    text = '<div class="ad">\nBuy now\n</div>\n\nThe end.\n'
    check(mask_markdown, text, blank(text, '<div class="ad">\nBuy now\n</div>'))


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Run `make all` and ``a ` b`` then wait.", ["`make all`", "``a ` b``"]),
        # Prose after the span also occurs inside it: it must stay masked there.
        ("The `a b` b", ["`a b`"]),
        # A longer backtick run inside does not close the span.
        ("Type `a `` b` b", ["`a `` b`"]),
    ],
)
def test_markdown_code_span_is_masked_including_backticks(text, spans):
    check(mask_markdown, text, blank(text, *spans))


def test_markdown_multiline_code_span_in_blockquote():
    text = "> Use `git\n> log` log files.\n"
    check(mask_markdown, text, blank(text, ">", "`git\n> log`"))


def test_markdown_inline_html_tags_are_masked():
    # "EU" also occurs in the attribute: only the element text stays checkable.
    text = 'The <abbr title="EU">EU</abbr> summit agreed.<br/>'
    check(mask_markdown, text, blank(text, '<abbr title="EU">', "</abbr>", "<br/>"))


def test_markdown_link_url_and_title_masked_text_kept():
    # "report" occurs in the URL and the title; only the link text and the last word stay.
    text = '[the report](https://example.org/report "Full report") said report'
    check(mask_markdown, text, blank(text, "[", '](https://example.org/report "Full report")'))


def test_markdown_link_title_on_quoted_continuation_line():
    text = '> [a](http://x.example\n> "title b") b'
    check(mask_markdown, text, blank(text, ">", "[", "](http://x.example", '> "title b")'))


def test_markdown_link_with_angle_destination_and_parens():
    text = "[Vote](<a b.html> 'x') and [poll](http://p.example/a_(b)) end"
    want = blank(text, "[", "](<a b.html> 'x')", "[", "](http://p.example/a_(b))")
    check(mask_markdown, text, want)


def test_markdown_image_alt_kept_source_masked():
    text = '![Flooded street](img/flood.jpg "Flood in Leeds") in Leeds'
    check(mask_markdown, text, blank(text, "![", '](img/flood.jpg "Flood in Leeds")'))


def test_markdown_image_inside_link():
    text = "[![Map of Leeds](map.png)](https://maps.example) below"
    check(mask_markdown, text, blank(text, "[![", "](map.png)](https://maps.example)"))


def test_markdown_reference_links_and_definitions():
    text = (
        "See [the ruling][1], [court] and [appeal][].\n"
        "\n"
        '[1]: https://x.example/r "Ruling"\n'
        "[court]: <https://court.example>\n"
        "[appeal]:\n"
        "  https://appeal.example\n"
    )
    definitions = text[text.index("[1]:") : -1]
    want = blank(text, "[", "][1]", "[", "]", "[", "][]", definitions)
    check(mask_markdown, text, want)


def test_markdown_text_after_reference_link_is_not_found_in_its_label():
    text = "Read [the report][un report] report\n\n[un report]: https://un.example\n"
    want = blank(text, "[", "][un report]", "[un report]: https://un.example")
    check(mask_markdown, text, want)


def test_markdown_brackets_that_are_no_link_stay_checkable():
    text = "The [sic] remark and [undefined][ref] label."
    check(mask_markdown, text, text)


def test_markdown_autolinks_are_masked():
    text = "Source: <https://news.example/a> and <desk@news.example>."
    check(mask_markdown, text, blank(text, "<https://news.example/a>", "<desk@news.example>"))


def test_markdown_autolink_without_url_shape_is_masked():
    text = "Call <tel:+49301234> now."
    check(mask_markdown, text, blank(text, "<tel:+49301234>"))


def test_markdown_bare_urls_and_emails_in_prose_are_masked():
    text = "Read https://example.com/story, www.example.com or ask desk@example.org."
    want = blank(text, "https://example.com/story", "www.example.com", "desk@example.org")
    check(mask_markdown, text, want)


def test_markdown_url_as_link_text_is_masked():
    text = "[www.example.com](https://www.example.com) says"
    check(mask_markdown, text, blank(text, text[: -len(" says")]))


def test_markdown_table_pipes_are_masked():
    text = "| City | Deaths |\n|------|-------:|\n| Bonn | 3 `x` |\n"
    want = blank(text, "|", "|", "|", "|------|-------:|", "|", "|", "`x` |")
    check(mask_markdown, text, want)


def test_markdown_table_cells_with_equal_text():
    text = "| a | a |\n|---|---|\n| b | b |\n"
    check(mask_markdown, text, "  a   a  \n         \n  b   b  \n")


def test_markdown_entities_and_escapes_are_masked():
    text = r"Smith &amp; Co paid 5 \* 3 caf&eacute; C:\path"
    check(mask_markdown, text, blank(text, "&amp;", r"\*", "&eacute;"))


def test_markdown_hard_break_backslash_is_masked():
    text = "First line\\\nsecond line  \nthird"
    check(mask_markdown, text, blank(text, "\\"))


def test_markdown_crlf_keeps_offsets():
    text = "# Title\r\n\r\nSome `code` here,\r\nthen [a link](http://x.example).\r\n"
    check(mask_markdown, text, blank(text, "#", "`code`", "[", "](http://x.example)"))


def test_markdown_lone_carriage_returns_are_line_breaks():
    text = "# Head\r\rBody `x` text.\r"
    check(mask_markdown, text, blank(text, "#", "`x`"))


def test_markdown_nul_character_keeps_offsets():
    text = "Bad\0byte `x` here."
    check(mask_markdown, text, blank(text, "`x`"))


def test_markdown_prose_offsets_after_link_and_code_are_unchanged():
    text = (
        '# The [minister](https://gov.example/m "Minister") said `sudo` that\n\n'
        "prices will fall.\n\nLater, ministers disagreed."
    )
    masked = mask_markdown(text)
    for phrase in ("minister", "said", "that", "prices will fall.", "Later, ministers disagreed."):
        start = text.index(phrase)
        assert masked[start : start + len(phrase)] == phrase
    start = text.index("`sudo`")
    assert masked[start : start + len("`sudo`")] == " " * len("`sudo`")


# ----------------------------------------------------------------------- HTML


def test_html_tags_and_attributes_are_masked():
    text = '<p class="lead">Rain <a href="https://x.example" title="More rain">fell</a>.</p>'
    tags = ['<p class="lead">', '<a href="https://x.example" title="More rain">', "</a>", "</p>"]
    check(mask_html, text, blank(text, *tags))


def test_html_comment_doctype_and_processing_instruction_are_masked():
    text = "<!DOCTYPE html><!-- byline --><?php echo 1 ?><p>Text</p><![CDATA[x]]>"
    check(mask_html, text, blank(text, text[: text.index("Text")], text[text.index("</p>") :]))


@pytest.mark.parametrize("tag", ["script", "style", "code", "pre", "template", "noscript"])
def test_html_content_of_non_prose_elements_is_masked(tag):
    text = f"<p>Before <{tag} id=x>hidden <b>words</b></{tag}> after.</p>"
    element = text[text.index(f"<{tag}") : text.index(" after")]
    check(mask_html, text, blank(text, "<p>", element, "</p>"))


def test_html_nested_masked_elements():
    text = "<pre><code>a</code> still pre</pre> prose"
    check(mask_html, text, blank(text, "<pre><code>a</code> still pre</pre>"))


def test_html_head_is_masked_except_title():
    text = (
        "<html><head><meta name=x content=y><title>Storm &amp; rain</title>"
        "<style>p{}</style>head text</head><body><p>Body</p></body></html>"
    )
    masked = mask_html(text)
    assert_well_formed(text, masked)
    assert masked.split() == ["Storm", "rain", "Body"]
    assert masked.index("Storm") == text.index("Storm")


def test_html_body_ends_head_without_closing_tag():
    text = "<head><title>T</title><meta charset=utf-8><body>Story text"
    masked = mask_html(text)
    assert_well_formed(text, masked)
    assert masked.split() == ["T", "Story", "text"]


def test_html_character_references_are_masked():
    text = "Caf&eacute; &amp; bar &#233; &#x41; AT&T and R&D; done"
    check(mask_html, text, blank(text, "&eacute;", "&amp;", "&#233;", "&#x41;"))


def test_html_urls_and_emails_in_text_are_masked():
    text = "<p>See www.example.com/a?b=1 or write to desk@example.org.</p>"
    check(mask_html, text, blank(text, "<p>", "www.example.com/a?b=1", "desk@example.org", "</p>"))


def test_html_crlf_keeps_offsets():
    text = '<p class="a">\r\nFirst line\r\n<b\r\nid="x">bold</b> end</p>\r\n'
    check(mask_html, text, blank(text, '<p class="a">', '<b\r\nid="x">', "</b>", "</p>"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("<p>Unclosed <b>bold and <i>italic", ["Unclosed", "bold", "and", "italic"]),
        ("<p>3 < 5 is true</p>", ["3", "<", "5", "is", "true"]),
        ("<p>Text<!-- unterminated comment\nwith more", ["Text"]),
        ("<p>Text <div class='x\n more", ["Text"]),
        ("<p>Text <![foo]> after</p>", ["Text", "after"]),
        ("<p>Text <![ x]> after</p>", ["Text", "after"]),
        ("Open <code>never closed", ["Open"]),
        ("Stray </code></p></x> end", ["Stray", "end"]),
        ("<script>unterminated script", []),
        ("Tail &amp", ["Tail"]),
    ],
)
def test_html_malformed_input_is_masked_conservatively(text, words):
    masked = mask_html(text)
    assert_well_formed(text, masked)
    assert masked.split() == words


# ----------------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("See https://a.example/x.", ["https://a.example/x"]),
        ("(see http://a.example/b)", ["http://a.example/b"]),
        ("Wiki https://w.example/A_(b) x", ["https://w.example/A_(b)"]),
        ("Go to WWW.Example.com, now", ["WWW.Example.com"]),
        ("ftp://files.example/a.zip!", ["ftp://files.example/a.zip"]),
        ('Quote "https://q.example/".', ["https://q.example/"]),
        ("Mail desk@news.example.", ["desk@news.example"]),
        ("Write mailto:a.b+c@x.example", ["mailto:a.b+c@x.example"]),
        ("e.g. Mr.Smith @handle 3.5 a@b www", []),
        ("line\r\nhttps://x.example\r\nnext", ["https://x.example"]),
    ],
)
def test_mask_urls(text, urls):
    check(mask_urls, text, blank(text, *urls))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "x.y", "ab://c", "Www.", "://", "@", "d@e.f", "mailto:", "-",
                                 "(", ")", ",", "é", "\u0130", "\u212a", " ", "\t", "\u00a0",
                                 "\n"]), max_size=30).map("".join))
def test_mask_urls_searches_only_around_anchors_and_finds_what_a_full_search_finds(text):
    assert mask_urls(text) == _URL_RE.sub(_blank_url, text)


# --------------------------------------------------------- robustness, all maskers

TRICKY = [
    "",
    "\r",
    "\n",
    "\r\n",
    "\r\r\n\n",
    "\0",
    "a\0b\0",
    "```",
    "```\n",
    "~~~python\ncode",
    "---",
    "---\n",
    "---\ntitle: x\n",
    "<",
    "<!--",
    "<![",
    "<![CDATA[",
    "&",
    "&#",
    "&#x;",
    "[",
    "[a](",
    "[a]: ",
    "![",
    "`",
    "``a`",
    "*",
    "\\",
    "> ",
    "- ",
    "1.",
    "|a|\n|-|",
    "\ufeffBOM text",
    "\u2028\u2029\x0b\x0c\x1c",
    "\t- a\n\t\t- b",
    "http://",
    "www.",
    "@",
    "<script>",
    "<head><title>",
    "a" * 5000,
    "\r\n".join(["# T", "", "* [x](y) `z` <b>w</b>", "", "    code"]),
]


@pytest.mark.parametrize("masker", MASKERS)
@pytest.mark.parametrize("text", TRICKY)
def test_tricky_input_keeps_length_and_line_breaks(masker, text):
    assert_well_formed(text, masker(text))


MARKUP_PIECES = st.sampled_from(
    list("ab \n\r\t\0<>/![]()`*_~#-=|:&;\"'\\.@")
    + ["http://", "www.", "<!--", "-->", "<![", "```", "    ", "&amp;", "<script>", "</b>"]
    + ["<head>", "<title>", "---\n", "> ", "- ", "1. ", "[a]: ", "é", "\u2028"]
)


@pytest.mark.parametrize("masker", MASKERS)
@settings(max_examples=300, deadline=None)
@given(text=st.text())
def test_property_any_text(masker, text):
    assert_well_formed(text, masker(text))


@pytest.mark.parametrize("masker", MASKERS)
@settings(max_examples=300, deadline=None)
@given(text=st.lists(MARKUP_PIECES, max_size=40).map("".join))
def test_property_markup_like_text(masker, text):
    assert_well_formed(text, masker(text))


PROSE = st.lists(
    st.tuples(st.from_regex(r"[A-Za-z',?]{1,9}", fullmatch=True), st.sampled_from([" ", "\n"])),
    max_size=40,
).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@pytest.mark.parametrize("masker", MASKERS)
@settings(max_examples=300, deadline=None)
@given(text=PROSE)
def test_property_plain_prose_is_untouched(masker, text):
    assert masker(text) == text
