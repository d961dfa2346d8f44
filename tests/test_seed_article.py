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
    ("punctuation/source-spacing", "Read also :", 1),
    ("names/inconsistent-spelling", "Poutine", 1),
    ("names/inconsistent-spelling", "Poutin,", 1),
    ("names/inconsistent-spelling", "Poutine", 2),
    ("names/inconsistent-spelling", "Prigojine", 1),
    ("names/inconsistent-spelling", "Alexeï", 1),
    ("names/inconsistent-spelling", "Alexeï", 2),
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
    found = matches[0]
    if found["text"].endswith("\n"):  # a whole furniture line, reported with its line break
        assert found["text"] == needle + "\n"
        assert (found["end_line"], found["end_column"]) == (line + 1, 1)
    else:
        assert found["text"] == needle
        assert found["end_column"] == column + len(needle)


def test_seed_suggestions(seed_findings):
    suggestions = {f["text"]: f["suggestion"] for f in seed_findings
                   if f["rule"] == "names/inconsistent-spelling"}
    assert suggestions["Poutine"] == suggestions["Poutin"] == "Putin"
    assert suggestions["Prigojine"] == "Prigozhin"
    assert suggestions["Alexeï"] == "Alexei"


def test_seed_names_spelled_the_english_way_are_left_alone(seed_findings):
    flagged = {f["text"] for f in seed_findings if f["rule"].startswith("names/")}
    assert flagged == {"Poutine", "Poutin", "Prigojine", "Alexeï"}
    for name in ("Putin", "Navalny", "Lavrov", "Trump", "Biden", "Macron", "Merkel",
                 "Lukashenko", "Sergey", "Yevgeny", "Prigozhin"):
        assert not any(name in f["text"] for f in seed_findings if f["rule"].startswith("names/"))
