"""Every input the fuzz run ever crashed on (tests/fuzz/crashes/) stays fixed."""

from pathlib import Path

import pytest

from tests.invariants import lint_bytes, load_rule_bytes

CRASHES = sorted((Path(__file__).parent / "fuzz" / "crashes").glob("*-*"))
MARKUPS = ("text", "markdown", "html")


@pytest.mark.parametrize("path", CRASHES, ids=lambda p: p.name)
def test_crash_input_is_handled(path):
    data = path.read_bytes()
    if path.name.startswith("rules-"):
        load_rule_bytes(data)
    elif data:
        lint_bytes(data[1:], MARKUPS[data[0] % len(MARKUPS)])
