"""The real machine-translated article in ../shared/seeds: the defects the shipped packs cover."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b3be838e242535f4.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared is not available")


@pytest.fixture(scope="module")
def seed_findings():
    result = CliRunner().invoke(app, ["lint", str(SEED), "--format", "json"])
    assert result.exit_code == 1
    return json.loads(result.stdout)["findings"]


def where(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of needle, found in the raw text."""
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("rule, needle, nth", [
    ("boilerplate/site-furniture", "Spread the love", 1),
    ("boilerplate/site-furniture", "Spread the love", 2),
    ("boilerplate/site-furniture", "Leave a Comment", 1),
    ("typography/space-before-punctuation", "Read also :", 1),
    ("names/transliteration-variant", "Poutine", 1),
    ("names/transliteration-variant", "Poutin,", 1),
    ("names/transliteration-variant", "Poutine", 2),
    ("names/transliteration-variant", "Prigojine", 1),
])
def test_seed_defect_is_found_at_its_place(seed_findings, rule, needle, nth):
    text = SEED.read_text(encoding="utf-8")
    line, column = where(text, needle, nth)
    if needle == "Read also :":
        column += len("Read also")  # the finding covers the space and the colon
        needle = " :"
    needle = needle.rstrip(",")
    matches = [f for f in seed_findings if f["rule"] == rule and f["line"] == line
               and f["column"] == column]
    assert matches, f"{rule} not reported at {line}:{column}"
    assert matches[0]["text"] == needle
    assert matches[0]["end_column"] == column + len(needle)


def test_seed_suggestions(seed_findings):
    suggestions = {f["text"]: f["suggestion"] for f in seed_findings
                   if f["rule"] == "names/transliteration-variant"}
    assert suggestions["Poutine"] == suggestions["Poutin"] == "Putin"
    assert suggestions["Prigojine"] == "Prigozhin"
