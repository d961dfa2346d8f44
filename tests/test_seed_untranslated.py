"""The real machine-translated article in ../shared/seeds (French source, English target):
the calques, false friends and site furniture it holds are all reported."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b3be838e242535f4.txt"
pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="../shared is not available")


@pytest.fixture(scope="module")
def seed_texts() -> list[tuple[str, str]]:
    result = CliRunner().invoke(app, ["lint", str(SEED), "--source-lang", "fr",
                                      "--format", "json"])
    return [(f["rule"], f["text"]) for f in json.loads(result.stdout)["findings"]]


@pytest.mark.parametrize("family, needle, count", [
    ("boilerplate/", "Spread the love\n", 2),
    ("boilerplate/", "Leave a Comment", 1),
    ("idioms/", "Read also", 1),
    ("idioms/", "multiplied, with the approach of the American presidential election, "
                "the proposals", 1),
    ("idioms/", "multiplying the announcements", 1),
    ("idioms/", "recidivist offender", 1),
    ("idioms/", "qualified as disinformation", 1),
    ("idioms/", "assisting him in the military maneuvers", 1),
])
def test_seed_defect_is_reported(seed_texts, family, needle, count):
    assert sum(rule.startswith(family) and text == needle for rule, text in seed_texts) == count


def test_no_source_fragment_is_reported_on_the_seed(seed_texts):
    assert [text for rule, text in seed_texts if rule.startswith("untranslated/")] == []
