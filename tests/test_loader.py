"""Strict rule loading: every mistake is one error line naming file, line and rule."""

import textwrap

import pytest

from tests.helpers import VARIANTS_RULE as VALID
from tqcheck.loader import RuleLoadErrors, load_rules


def write(tmp_path, text, name="rule.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path, text) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RuleLoadErrors) as caught:
        load_rules([path])
    assert len(caught.value.errors) == 1
    return str(caught.value.errors[0])


def test_valid_rule_loads(tmp_path):
    [rule] = load_rules([write(tmp_path, VALID)])
    assert rule.id == "names/test-variants"
    assert rule.origin.endswith("rule.yaml:1")


def test_a_list_of_rules_loads_in_order(tmp_path):
    second = VALID.replace("names/test-variants", "names/second")
    text = "- " + VALID.replace("\n", "\n  ").rstrip() + "\n- " + second.replace("\n", "\n  ")
    rules = load_rules([write(tmp_path, text)])
    assert [r.id for r in rules] == ["names/test-variants", "names/second"]


def test_bad_yaml_names_file_and_line(tmp_path):
    message = load_error(tmp_path, VALID + "entries: [unclosed\n")
    assert "rule.yaml:9" in message and "invalid YAML" in message


def test_unknown_key_names_line_rule_and_key(tmp_path):
    message = load_error(tmp_path, VALID + "entriez: {}\n")
    assert "rule.yaml:8:" in message
    assert "names/test-variants" in message and "unknown key 'entriez'" in message


def test_invalid_regex_names_its_line(tmp_path):
    text = VALID.replace("type: variants", "type: pattern").replace(
        "entries:\n  Putin: [Poutine]\n", "patterns:\n  - 'fine'\n  - '(unclosed'\n")
    message = load_error(tmp_path, text.replace("'{text}' should be '{suggestion}'", "x"))
    assert "rule.yaml:8:" in message and "invalid regular expression" in message


def test_unknown_category(tmp_path):
    message = load_error(tmp_path, VALID.replace("Fluency/Inconsistency", "Fluency/Typos"))
    assert "rule.yaml:3:" in message and "unknown MQM category 'Fluency/Typos'" in message


def test_unknown_type(tmp_path):
    message = load_error(tmp_path, VALID.replace("type: variants", "type: spellcheck"))
    assert "rule.yaml:2:" in message and "unknown type 'spellcheck'" in message


def test_missing_field(tmp_path):
    message = load_error(tmp_path, VALID.replace("severity: warning\n", ""))
    assert "missing required key 'severity'" in message and "names/test-variants" in message


def test_wrong_type_explains_yaml_booleans(tmp_path):
    text = VALID + "applies_to: {target: [no]}\n"
    message = load_error(tmp_path, text)
    assert "rule.yaml:8:" in message and "quote it" in message


def test_unknown_message_field(tmp_path):
    message = load_error(tmp_path, VALID.replace("{suggestion}", "{canonical}"))
    assert "rule.yaml:5:" in message and "{canonical}" in message


def test_duplicate_id_across_files_names_both(tmp_path):
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    with pytest.raises(RuleLoadErrors) as caught:
        load_rules([tmp_path])
    [error] = caught.value.errors
    assert "b.yaml:1" in str(error) and "a.yaml:1" in str(error) and "duplicate" in str(error)


def test_duplicate_yaml_key_is_an_error(tmp_path):
    message = load_error(tmp_path, VALID + "severity: error\n")
    assert "duplicate key 'severity'" in message


def test_every_bad_file_is_reported_not_just_the_first(tmp_path):
    write(tmp_path, VALID.replace("variants", "nope"), "a.yaml")
    write(tmp_path, VALID.replace("warning", "fatal"), "b.yaml")
    with pytest.raises(RuleLoadErrors) as caught:
        load_rules([tmp_path])
    assert len(caught.value.errors) == 2


def test_invalid_id(tmp_path):
    message = load_error(tmp_path, VALID.replace("names/test-variants", "Names Test"))
    assert "invalid id" in message


def test_missing_rules_path(tmp_path):
    with pytest.raises(RuleLoadErrors, match="rules path not found"):
        load_rules([tmp_path / "nowhere"])
