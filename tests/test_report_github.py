"""`--format github`: workflow commands, escaped so that every value survives the round trip."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import run_tqcheck
from tqcheck.findings import Finding, Severity
from tqcheck.report.github_format import render
from tqcheck.run import LintResult

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {"error": Severity.ERROR, "warning": Severity.WARNING, "notice": Severity.INFO}
ORDER = ["error", "warning", "notice"]
# The escapes of the GitHub Actions toolkit (`@actions/core`, command.ts): data escapes % CR LF,
# property values also : and ,.
UNESCAPES = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
ESCAPE = re.compile("|".join(UNESCAPES))


@dataclass
class Command:
    name: str
    properties: dict[str, str]
    message: str


def unescape(value: str) -> str:
    """Undo the workflow-command escapes in one pass (so `%250A` gives back `%0A`)."""
    return ESCAPE.sub(lambda m: UNESCAPES[m.group(0)], value)


def parse_line(line: str) -> Command:
    """Parse `::name key=value,key=value::message` as the Actions runner does."""
    assert line.startswith("::"), line
    head, sep, message = line[2:].partition("::")
    assert sep, f"no '::' after the properties: {line!r}"
    name, _, props = head.partition(" ")
    properties: dict[str, str] = {}
    for prop in filter(None, props.split(",")):
        key, eq, value = prop.partition("=")
        assert eq, f"property without '=': {prop!r} in {line!r}"
        assert key not in properties, f"duplicate property {key!r} in {line!r}"
        properties[key] = unescape(value)
    return Command(name, properties, unescape(message))


def parse(output: str) -> list[Command]:
    assert "\r" not in output
    assert output.endswith("\n")
    return [parse_line(line) for line in output[:-1].split("\n")]


def make(path: str, message: str, severity: Severity = Severity.WARNING, *, line: int = 1,
         column: int = 1, rule: str = "names/variant", suggestion: str | None = None) -> Finding:
    return Finding(path=path, line=line, column=column, end_line=line + 1, end_column=column + 3,
                   rule=rule, category="Fluency/Inconsistency", severity=severity,
                   message=message, text="abc", suggestion=suggestion)


def render_findings(findings: list[Finding]) -> str:
    return render(LintResult(findings=findings, rules=[], articles=1))


NASTY_PATHS = [
    "corpus/plain/mt.en.txt",
    "dir,with,commas/a:b.txt",
    "100% sure/%0A literal/%25.txt",
    "line\nbreak/carriage\rreturn\r\n.txt",
    "key=value/a=b,c=d::e.txt",
    "C:\\Users\\me\\article.txt",
    "ünïcödé/ — «Poutine».txt",
]
NASTY_MESSAGES = [
    "plain message",
    "50% of 'Poutine', 30%: see 'Putin'",
    "first line\nsecond line\r\nthird\rfourth",
    "literal escapes %25 %0A %0D %3A %2C stay literal",
    "colons :: and commas, and equals = signs",
    "ends with a percent %",
    "",
]


@pytest.mark.parametrize("path", NASTY_PATHS)
def test_paths_round_trip(path: str) -> None:
    (command,) = parse(render_findings([make(path, "message", line=4, column=7)]))
    assert command.properties["file"] == path
    assert command.properties["line"] == "4"
    assert command.properties["col"] == "7"
    assert command.properties["endLine"] == "5"
    assert command.properties["endColumn"] == "10"
    assert command.message == "message"


@pytest.mark.parametrize("message", NASTY_MESSAGES)
def test_messages_round_trip(message: str) -> None:
    (command,) = parse(render_findings([make("a.txt", message)]))
    assert command.message == message
    assert command.properties["file"] == "a.txt"


@pytest.mark.parametrize("message", NASTY_MESSAGES)
@pytest.mark.parametrize("path", NASTY_PATHS)
def test_every_combination_is_one_line_and_round_trips(path: str, message: str) -> None:
    output = render_findings([make(path, message)])
    assert output.count("\n") == 1
    (command,) = parse(output)
    assert (command.properties["file"], command.message) == (path, message)


def test_suggestion_is_appended_to_the_message() -> None:
    message, suggestion = "'Poutine, V.' is a variant", "Putin\n100%"
    (command,) = parse(render_findings([make("a.txt", message, suggestion=suggestion)]))
    assert command.message.startswith(message)
    assert suggestion in command.message[len(message):]


def test_title_names_the_rule() -> None:
    (command,) = parse(render_findings([make("a.txt", "m", rule="typography/german-quotes")]))
    assert "typography/german-quotes" in command.properties["title"]
    assert set(command.properties) == {"file", "line", "col", "endLine", "endColumn", "title"}


def test_severities_map_to_commands_errors_first() -> None:
    findings = [
        make("a.txt", "info a", Severity.INFO, line=1),
        make("a.txt", "warning a", Severity.WARNING, line=2),
        make("b.txt", "error b", Severity.ERROR, line=1),
        make("a.txt", "error a", Severity.ERROR, line=9),
        make("c.txt", "warning c", Severity.WARNING, line=1),
        make("a.txt", "info a2", Severity.INFO, line=3),
    ]
    commands = parse(render_findings(findings))
    assert len(commands) == len(findings)
    names = [c.name for c in commands]
    assert names == sorted(names, key=ORDER.index)
    assert names == ["error", "error", "warning", "warning", "notice", "notice"]
    by_message = {f.message: f for f in findings}
    for command in commands:
        finding = by_message[command.message]
        assert COMMANDS[command.name] is finding.severity
    # Within a severity, by file then position.
    assert [c.message for c in commands] == [
        "error a", "error b", "warning a", "warning c", "info a", "info a2"]


def test_no_findings_no_output() -> None:
    assert render_findings([]) == ""


def test_corpus_output_is_one_command_per_finding() -> None:
    github = run_tqcheck("lint", "corpus/", "--format", "github")
    as_json = run_tqcheck("lint", "corpus/", "--format", "json")
    assert github.returncode == as_json.returncode == 1, github.stderr
    findings = json.loads(as_json.stdout)["findings"]
    commands = parse(github.stdout.decode("utf-8"))
    assert len(commands) == len(findings) > 0
    names = [c.name for c in commands]
    assert names == sorted(names, key=ORDER.index)
    expected = sorted((f["path"], str(f["line"]), str(f["column"]), ORDER[
        ["error", "warning", "info"].index(f["severity"])]) for f in findings)
    got = sorted((c.properties["file"], c.properties["line"], c.properties["col"], c.name)
                 for c in commands)
    assert got == expected
