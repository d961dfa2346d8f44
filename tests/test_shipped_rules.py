"""The rule packs shipped in rules/: they load, document themselves and pass their examples."""

from pathlib import Path

import pytest

from tqcheck.loader import default_rules_dir, load_rules
from tqcheck.ruletest import check_examples

RULES = load_rules([default_rules_dir()])


def test_the_default_rules_are_the_repository_rules():
    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml")}

    assert files(default_rules_dir()) == files(Path(__file__).parent.parent / "rules")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples_pass(rule):
    assert check_examples(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_documented_with_good_and_bad_examples(rule):
    assert rule.description
    assert rule.examples.bad and rule.examples.good


def test_every_generic_type_is_used():
    # `variants` is for a newsroom's own packs; the shipped names use `name-consistency`
    assert {r.type for r in RULES} >= {"pattern", "phrases", "name-consistency"}
