"""Shared by the report tests: one lint of the sample corpus, and where a JSON finding lies
in its file's text."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from tests.helpers import ROOT
from tqcheck.config import Config
from tqcheck.report import rendered
from tqcheck.run import LintResult, StreamOptions, lint, load_options

LINE_BREAK = re.compile(r"\r\n|\r|\n")


@cache
def corpus_result() -> LintResult:
    """The sample corpus linted with the default rules (once per test session)."""
    config = Config()
    return lint([str(ROOT / "corpus")], [], config, load_options(config),
                StreamOptions(keep="all"))


def corpus_json() -> dict:
    """The JSON report of that run, parsed."""
    return json.loads(rendered("json", corpus_result()))


def file_text(path: str | Path) -> str:
    """A file's text exactly as checked: line endings kept, a byte-order mark dropped."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return handle.read()


def finding_span(text: str, finding: dict) -> tuple[int, int]:
    """The code-point span [start, end) of a JSON finding (1-based lines and columns)."""
    starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    return (starts[finding["line"] - 1] + finding["column"] - 1,
            starts[finding["end_line"] - 1] + finding["end_column"] - 1)


def joined_spans(pieces: dict[int, list[tuple[int, str]]]) -> dict[int, tuple[int, int]]:
    """Each highlight's span from its pieces (offset, text), which must follow one another
    without gaps."""
    spans = {}
    for key, found in pieces.items():
        ordered = sorted(found)
        for (start, text), (following, _) in zip(ordered, ordered[1:], strict=False):
            assert start + len(text) == following, f"highlight {key} has a gap"
        spans[key] = (ordered[0][0], ordered[-1][0] + len(ordered[-1][1]))
    return spans
