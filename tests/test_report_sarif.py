"""`--format sarif`: SARIF 2.1.0 logs, validated against the vendored OASIS schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from jsonschema.validators import Draft4Validator, validator_for

from tests.helpers import run_tqcheck
from tqcheck.findings import Finding, Severity
from tqcheck.loader import default_rules_dir, load_rules
from tqcheck.report.sarif_format import render
from tqcheck.run import LintResult

ROOT = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
RULES_DIR = ROOT / "rules"
EXPECTED_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "tqcheck/v1"


def lint_output(*args: str, cwd: Path = ROOT) -> dict:
    run = run_tqcheck("lint", *args, cwd=cwd)
    assert run.returncode in (0, 1), run.stderr.decode()
    return json.loads(run.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    assert cls is Draft4Validator  # the OASIS schema is draft-04
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def sarif() -> dict:
    return lint_output("corpus/", "--format", "sarif")


@pytest.fixture(scope="module")
def findings() -> list[dict]:
    return lint_output("corpus/", "--format", "json")["findings"]


@pytest.fixture(scope="module")
def yaml_rules() -> dict[str, dict]:
    """Every rule of the shipped packs, read straight from the YAML files."""
    rules: dict[str, dict] = {}
    for file in sorted(RULES_DIR.rglob("*.y*ml")):
        document = yaml.safe_load(file.read_text(encoding="utf-8"))
        if isinstance(document, dict) and "data" in document:
            continue  # a data file (language evidence, name lists), not rules
        for entry in document if isinstance(document, list) else [document]:
            rules[entry["id"]] = entry
    assert rules
    return rules


def the_run(log: dict) -> dict:
    assert len(log["runs"]) == 1
    return log["runs"][0]


def schema_errors(validator, log: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def location_of(result: dict) -> tuple[str, dict]:
    physical = result["locations"][0]["physicalLocation"]
    return physical["artifactLocation"]["uri"], physical["region"]


# --- schema ---------------------------------------------------------------------------------

def test_corpus_sarif_validates_against_the_oasis_schema(sarif: dict, validator) -> None:
    assert the_run(sarif)["results"], "the sample corpus is expected to produce results"
    assert schema_errors(validator, sarif) == []


@pytest.mark.parametrize("mutate", [
    lambda log: log.update(version="2.0.0"),
    lambda log: the_run(log)["results"][0].update(level="info"),
    lambda log: location_of(the_run(log)["results"][0])[1].update(startLine=0),
    lambda log: the_run(log)["tool"]["driver"].pop("name"),
], ids=["version", "level", "start-line", "driver-name"])
def test_the_schema_check_can_fail(sarif: dict, validator, mutate) -> None:
    broken = copy.deepcopy(sarif)
    mutate(broken)
    assert schema_errors(validator, broken)


def test_log_header(sarif: dict) -> None:
    import tqcheck

    assert sarif["version"] == "2.1.0"
    run = the_run(sarif)
    assert run["tool"]["driver"]["name"] == "tqcheck"
    assert run["tool"]["driver"]["version"] == tqcheck.__version__
    assert run["columnKind"] == "unicodeCodePoints"


# --- rules and results ----------------------------------------------------------------------

def test_rule_index_points_at_the_rule_with_the_same_id(sarif: dict) -> None:
    run = the_run(sarif)
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)), "rule ids must be unique in the driver"
    for result in run["results"]:
        assert 0 <= result["ruleIndex"] < len(rules)
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_levels_and_regions_match_the_json_findings(sarif: dict, findings: list[dict]) -> None:
    results = the_run(sarif)["results"]
    assert len(results) == len(findings)
    for result, finding in zip(results, findings, strict=True):
        uri, region = location_of(result)
        assert result["ruleId"] == finding["rule"]
        assert unquote(uri) == finding["path"]
        assert result["level"] == EXPECTED_LEVEL[finding["severity"]]
        assert (region["startLine"], region["startColumn"], region["endLine"],
                region["endColumn"]) == (finding["line"], finding["column"],
                                         finding["end_line"], finding["end_column"])
        assert result["message"]["text"] == finding["message"]


def test_fixes_replace_the_region_with_the_suggestion(sarif: dict, findings: list[dict]) -> None:
    results = the_run(sarif)["results"]
    assert any(f["suggestion"] is not None for f in findings)
    for result, finding in zip(results, findings, strict=True):
        if finding["suggestion"] is None:
            assert "fixes" not in result
            continue
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        (replacement,) = change["replacements"]
        assert replacement["insertedContent"]["text"] == finding["suggestion"]
        assert replacement["deletedRegion"] == location_of(result)[1]
        assert change["artifactLocation"]["uri"] == location_of(result)[0]


def test_fingerprints_are_unique_per_result(sarif: dict) -> None:
    prints = [r["partialFingerprints"][FINGERPRINT] for r in the_run(sarif)["results"]]
    assert len(prints) == len(set(prints))


def test_fingerprints_are_stable_across_runs() -> None:
    first, second = (the_run(lint_output("corpus/", "--format", "sarif"))["results"]
                     for _ in range(2))
    assert [r["partialFingerprints"] for r in second] == [r["partialFingerprints"] for r in first]


def test_fingerprints_survive_an_unrelated_edit_above(tmp_path: Path) -> None:
    body = "Spread the love\nThe vote is on Sunday.\nSpread the love\n"
    article = tmp_path / "article.txt"
    args = ("article.txt", "--target-lang", "en", "--format", "sarif",
            "--select", "boilerplate/site-furniture")
    article.write_text(body, encoding="utf-8")
    before = the_run(lint_output(*args, cwd=tmp_path))["results"]
    article.write_text("A new first paragraph.\n\n" + body, encoding="utf-8")
    after = the_run(lint_output(*args, cwd=tmp_path))["results"]
    assert len(before) == len(after) == 2
    assert [location_of(r)[1]["startLine"] for r in before] == [1, 3]
    assert [location_of(r)[1]["startLine"] for r in after] == [3, 5]
    prints = [r["partialFingerprints"][FINGERPRINT] for r in before]
    assert len(set(prints)) == 2  # same rule, file and text: told apart by occurrence
    assert [r["partialFingerprints"][FINGERPRINT] for r in after] == prints


def test_rule_help_comes_from_the_yaml_description(sarif: dict, yaml_rules: dict) -> None:
    descriptors = {d["id"]: d for d in the_run(sarif)["tool"]["driver"]["rules"]}
    assert set(yaml_rules) <= set(descriptors)
    described = [rule_id for rule_id, rule in yaml_rules.items() if rule.get("description")]
    assert described, "the shipped rules are expected to have descriptions"
    for rule_id in described:
        expected = yaml_rules[rule_id]["description"].strip()
        assert descriptors[rule_id]["help"]["text"] == expected
        assert descriptors[rule_id]["fullDescription"]["text"] == expected
        assert descriptors[rule_id]["shortDescription"]["text"]


def test_rule_default_level_comes_from_the_yaml_severity(sarif: dict, yaml_rules: dict) -> None:
    descriptors = {d["id"]: d for d in the_run(sarif)["tool"]["driver"]["rules"]}
    for rule_id, rule in yaml_rules.items():
        level = descriptors[rule_id]["defaultConfiguration"]["level"]
        assert level == EXPECTED_LEVEL[rule["severity"]], rule_id
        assert descriptors[rule_id]["properties"]["category"] == rule["category"]


# --- render() in-process --------------------------------------------------------------------

def _finding(path: str, line: int, rule: str, severity: Severity, text: str = "abc",
             suggestion: str | None = None) -> Finding:
    return Finding(path=path, line=line, column=2, end_line=line, end_column=2 + len(text),
                   rule=rule, category="Other", severity=severity, message=f"{rule} here",
                   text=text, suggestion=suggestion)


def test_findings_of_unknown_rules_get_their_own_descriptor(validator) -> None:
    rules = load_rules([default_rules_dir()])
    known = rules[0].id
    findings = [
        _finding("dir with space/100% sure.txt", 1, "input/unreadable", Severity.ERROR),
        _finding("a.txt", 3, known, Severity.INFO, suggestion=""),
        _finding("a.txt", 1, "tqcheck/rule-timeout", Severity.WARNING, text=""),
        _finding("a.txt", 5, "input/unreadable", Severity.ERROR),
    ]
    log = json.loads(render(LintResult(findings=findings, rules=rules, articles=2)))
    assert schema_errors(validator, log) == []
    run = the_run(log)
    descriptors = run["tool"]["driver"]["rules"]
    assert [d["id"] for d in descriptors[:len(rules)]] == [r.id for r in rules]
    ids = [d["id"] for d in descriptors]
    assert ids.count("input/unreadable") == 1 and ids.count("tqcheck/rule-timeout") == 1
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "tqcheck/rule-timeout", known, "input/unreadable", "input/unreadable"]
    for result in results:
        assert descriptors[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["level"] for r in results] == ["warning", "note", "error", "error"]
    # An empty suggestion (delete the text) is still a fix.
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0][
        "insertedContent"]["text"] == ""
    # A path with spaces and % becomes a relative URI reference that decodes back to the path.
    uri = location_of(results[3])[0]
    assert " " not in uri and not urlsplit(uri).scheme
    assert unquote(uri) == "dir with space/100% sure.txt"
    prints = [r["partialFingerprints"][FINGERPRINT] for r in results]
    assert len(set(prints)) == len(prints)


def test_absolute_paths_become_file_uris() -> None:
    path = "/tmp/some dir/article.txt"
    log = json.loads(render(LintResult(
        findings=[_finding(path, 1, "input/unreadable", Severity.ERROR)], rules=[], articles=1)))
    uri = location_of(the_run(log)["results"][0])[0]
    parts = urlsplit(uri)
    assert parts.scheme == "file"
    assert unquote(parts.path) == path
