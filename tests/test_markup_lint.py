"""Markdown and HTML articles: markup is not checked; findings point into the original file."""

import json

from typer.testing import CliRunner

from tqcheck.cli import app

MARKDOWN = """\
---
title: Poutine in the front matter
---
# Talks in Moscou

Vladimir Poutine met the press, see [the Poutine interview](https://example.org/Poutine).

```
Poutine in a code block
```

Inline `Poutine` code and <span title="Poutine">Poutine</span> in a tag.
"""

HTML = """\
<!doctype html>
<html><head><title>Poutine</title><script>var Poutine = 1;</script></head>
<body><p class="Poutine">Vladimir Poutine spoke.</p>
<a href="https://example.org/Poutine">Poutine</a> <code>Poutine</code></body></html>
"""


def lint_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["lint", str(path), "--format", "json",
                                      "--select", "names/*"])
    return [(f["line"], f["column"], f["text"]) for f in json.loads(result.stdout)["findings"]]


def expected(text, wanted_lines_and_needles):
    """Line and column of the nth occurrence of a word on a line, counted in the raw text."""
    lines = text.split("\n")
    out = []
    for line, needle, nth in wanted_lines_and_needles:
        column = -1
        for _ in range(nth):
            column = lines[line - 1].index(needle, column + 1)
        out.append((line, column + 1, needle))
    return out


def test_markdown_prose_and_link_text_are_checked_markup_is_not(tmp_path):
    found = lint_file(tmp_path, "story.en.md", MARKDOWN)
    assert found == expected(MARKDOWN, [
        (4, "Moscou", 1), (6, "Poutine", 1), (6, "Poutine", 2), (12, "Poutine", 3)])


def test_html_text_is_checked_tags_scripts_and_code_are_not(tmp_path):
    found = lint_file(tmp_path, "story.en.html", HTML)
    assert found == expected(HTML, [(2, "Poutine", 1), (3, "Poutine", 2), (4, "Poutine", 2)])
