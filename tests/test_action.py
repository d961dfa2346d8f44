"""The GitHub Action: its lint step run the way the runner runs it, on the sample corpus and
on small repositories, and `action.yml` and the workflow validated against their schemas."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.helpers import ROOT, run_tqcheck
from tests.test_report_github import Command, parse_line

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOW_FILE = ROOT / ".github" / "workflows" / "tqcheck.yml"
SCHEMAS = ROOT / "tests" / "schemas"
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass
class StepRun:
    """What one run of the lint step left behind."""

    returncode: int
    log: str
    summary: str
    outputs: dict[str, str]


def lint_step() -> dict:
    (step,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == "lint"]
    return step


def step_env(inputs: dict[str, str]) -> dict[str, str]:
    """The step's `env:` with `${{ inputs.* }}` evaluated (defaults from action.yml)."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values.update(inputs)
    env = {}
    for key, template in lint_step()["env"].items():
        assert "${{" not in EXPRESSION.sub("", template), f"unexpected expression in {template}"
        env[key] = EXPRESSION.sub(lambda m: values[m.group(1)], template)
    return env


def run_step(tmp_path: Path, workspace: Path, inputs: dict[str, str],
             extra_env: dict[str, str] | None = None) -> StepRun:
    """Run the lint step's `run:` in bash with the runner's variables set to temporary files;
    the venv the install step would make is this interpreter."""
    runner_temp = tmp_path / "runner-temp"
    (runner_temp / "tqcheck-venv" / "bin").mkdir(parents=True)
    python = runner_temp / "tqcheck-venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    summary, outputs = tmp_path / "step-summary.md", tmp_path / "github-output"
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "TQCHECK_"))}
    env = {**inherited, "RUNNER_TEMP": str(runner_temp), "GITHUB_ACTIONS": "true",
           "GITHUB_WORKSPACE": str(workspace), "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_OUTPUT": str(outputs), "GITHUB_SERVER_URL": "https://github.example",
           "GITHUB_REPOSITORY": "news/desk", "GITHUB_SHA": "0123abc",
           **step_env(inputs), **(extra_env or {})}
    done = subprocess.run(["bash", "-e", "-c", lint_step()["run"]], cwd=workspace, env=env,
                          capture_output=True, timeout=120, check=False)
    assert done.stderr == b"", done.stderr
    written = outputs.read_text("utf-8") if outputs.exists() else ""
    summary_text = summary.read_text("utf-8") if summary.exists() else ""
    pairs = [line.split("=", 1) for line in written.splitlines()]
    return StepRun(done.returncode, done.stdout.decode("utf-8"), summary_text, dict(pairs))


def commands(log: str) -> list[Command]:
    """The workflow commands of a log, outside the stop-commands block."""
    found, stopped = [], None
    for line in log.splitlines():
        if stopped:
            stopped = None if line == f"::{stopped}::" else stopped
        elif line.startswith("::stop-commands::"):
            stopped = line.removeprefix("::stop-commands::")
        elif line.startswith("::") and not line.startswith(("::group::", "::endgroup::")):
            found.append(parse_line(line))
    assert stopped is None, "commands were never turned back on"
    return found


@pytest.fixture(scope="module")
def corpus_json() -> dict:
    return json.loads(run_tqcheck("lint", "corpus/", "--format", "json").stdout)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> StepRun:
    tmp = tmp_path_factory.mktemp("action")
    return run_step(tmp, ROOT, {"paths": "corpus/", "sarif-file": str(tmp / "out.sarif")})


def test_corpus_annotations_errors_first_within_limits(corpus_run, corpus_json):
    findings = corpus_json["findings"]
    annotations = [c for c in commands(corpus_run.log) if "file" in c.properties]
    names = [c.name for c in annotations]
    assert names == sorted(names, key=["error", "warning", "notice"].index)
    available = Counter(LEVELS[f["severity"]] for f in findings)
    assert Counter(names) == {level: min(10, n) for level, n in available.items()}
    by_place = {(f["path"], str(f["line"]), str(f["column"]), f["rule"]): f for f in findings}
    for annotation in annotations:
        key = (annotation.properties["file"], annotation.properties["line"],
               annotation.properties["col"], annotation.properties["title"].split()[-1])
        assert annotation.message.startswith(by_place[key]["message"])
    escaped = [line for line in corpus_run.log.splitlines() if "%25" in line]
    assert escaped, "the corpus has a message with a % sign; it must be escaped"


def test_corpus_says_how_many_annotations_are_not_shown(corpus_run, corpus_json):
    shown = [c for c in commands(corpus_run.log) if "file" in c.properties]
    (note,) = [c for c in commands(corpus_run.log) if c.name == "notice" and "file" not in
               c.properties]
    hidden = len(corpus_json["findings"]) - len(shown)
    assert hidden > 0
    assert note.message.startswith(f"{hidden} more findings not shown")
    assert "job summary" in note.message and "out.sarif" in note.message
    group = corpus_run.log.split("::group::All findings\n", 1)[1].split("::endgroup::")[0]
    for finding in corpus_json["findings"]:
        assert f"{finding['path']}:{finding['line']}:{finding['column']}:" in group


def test_corpus_outputs_and_exit_code(corpus_run, corpus_json, tmp_path):
    by_severity = corpus_json["summary"]["by_severity"]
    assert corpus_run.returncode == 1  # the corpus holds error-level boilerplate
    assert corpus_run.outputs["findings"] == str(len(corpus_json["findings"]))
    assert corpus_run.outputs["errors"] == str(by_severity["error"])
    assert corpus_run.outputs["sarif-file"].endswith("out.sarif")
    assert set(corpus_run.outputs) == set(ACTION["outputs"])


def test_corpus_sarif_is_valid_and_complete(corpus_run, corpus_json):
    sarif = json.loads(Path(corpus_run.outputs["sarif-file"]).read_text("utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == len(corpus_json["findings"])


def test_corpus_summary_counts_links_and_first_findings(corpus_run, corpus_json):
    summary = corpus_run.summary
    findings = corpus_json["findings"]
    assert summary.startswith(f"## tqcheck: {len(findings)} findings in 10 articles\n")
    for rule, count in corpus_json["summary"]["by_rule"].items():
        assert f"| {rule} | {count} |" in summary
    per_file = Counter((f["path"], f["severity"]) for f in findings)
    for path in {f["path"] for f in findings}:
        row = [str(per_file[(path, s)]) for s in ("error", "warning", "info")]
        assert f"| {path} | {' | '.join(row)} |" in summary
    first_error = min((f for f in findings if f["severity"] == "error"),
                      key=lambda f: (f["path"], f["line"], f["column"]))
    link = (f"(https://github.example/news/desk/blob/0123abc/{first_error['path']}"
            f"#L{first_error['line']})")
    table = summary.split("### First findings (20 of ")[1]
    assert table.splitlines()[4].startswith("| error | [")
    assert link in table.splitlines()[4]
    scores = summary.split("### Scores\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    names = list(dict.fromkeys(s["name"] for s in corpus_json["scores"]))
    assert scores[0] == "| article | " + " | ".join(names) + " |"
    for score in corpus_json["scores"]:
        where = score["article"] if score["level"] == "article" else "corpus"
        (row,) = [line for line in scores if line.startswith(f"| {where} |")]
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[1 + names.index(score["name"])] == f"{score['score']:.1f}"
    assert any(s["metric"] == "bleu" for s in corpus_json["scores"])  # references exist


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_awkward_file_names_and_messages_are_escaped(tmp_path):
    workspace = tmp_path / "ws"
    name = "100% sure, really: yes.en.txt"
    write(workspace / "news" / name, "Vladimir Poutine spoke.\n\nSpread the love\n")
    run = run_step(tmp_path, workspace, {"paths": "news"})
    annotations = [c for c in commands(run.log) if "file" in c.properties]
    assert {c.properties["file"] for c in annotations} == {f"news/{name}"}
    assert [c.name for c in annotations] == ["error", "warning"]
    assert "news/100% sure, really: yes.en.txt" in run.summary.replace("\\", "")
    assert "(https://github.example/news/desk/blob/0123abc/news/100%25%20sure%2C%20really%3A" \
           "%20yes.en.txt#L" in run.summary


def test_fail_on_and_clean_runs(tmp_path):
    workspace = tmp_path / "ws"
    write(workspace / "ok.en.txt", "The minister spoke on Tuesday about the economy.\n")
    write(workspace / "warn.en.txt", "Vladimir Poutine spoke on Tuesday.\n")
    assert run_step(tmp_path / "a", workspace, {"paths": "ok.en.txt"}).returncode == 0
    assert run_step(tmp_path / "b", workspace, {"paths": "warn.en.txt"}).returncode == 0
    strict = run_step(tmp_path / "c", workspace, {"paths": "warn.en.txt", "fail-on": "warning"})
    assert strict.returncode == 1
    clean = run_step(tmp_path / "d", workspace, {"paths": "ok.en.txt"})
    assert clean.outputs == {"findings": "0", "errors": "0", "sarif-file": ""}
    assert clean.summary.startswith("## tqcheck: 0 findings in 1 article\n")


def test_bad_input_is_one_error_annotation_and_exit_2(tmp_path):
    workspace = tmp_path / "ws"
    write(workspace / "ok.en.txt", "Fine.\n")
    bad = run_step(tmp_path / "a", workspace, {"paths": "ok.en.txt", "fail-on": "sometimes"})
    assert bad.returncode == 2
    assert [c.name for c in commands(bad.log)] == ["error"]
    missing = run_step(tmp_path / "b", workspace, {"paths": "ok.en.txt nope/"})
    assert missing.returncode == 2
    assert "path not found: nope/" in [c.message for c in commands(missing.log)]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                   capture_output=True, timeout=30)


def test_changed_only_reports_findings_on_changed_lines(tmp_path):
    workspace = tmp_path / "ws"
    story = workspace / "story.en.txt"
    write(story, "Vladimir Poutine spoke.\nThe minister agreed.\n")
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "base")
    git(workspace, "update-ref", "refs/remotes/origin/main", "HEAD")
    git(workspace, "checkout", "-q", "-b", "feature")
    write(story, "Vladimir Poutine spoke.\nThe minister met Selenskyj.\n")
    git(workspace, "commit", "-q", "-am", "change")
    inputs = {"paths": "story.en.txt", "changed-only": "true"}
    run = run_step(tmp_path / "pr", workspace, inputs, {"GITHUB_BASE_REF": "main"})
    lines = [c.properties["line"] for c in commands(run.log) if "file" in c.properties]
    assert lines == ["2"]
    assert run.outputs["findings"] == "1"
    everything = run_step(tmp_path / "push", workspace, inputs)
    assert everything.outputs["findings"] == "2"
    assert "every line is checked" in everything.summary


def schema(name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(json.loads((SCHEMAS / name).read_text("utf-8")))


def test_action_metadata_is_valid():
    errors = [e.message for e in schema("github-action.json").iter_errors(ACTION)]
    assert errors == []
    expected = {"paths", "rules", "config", "fail-on", "fail-under", "changed-only",
                "sarif-file", "html-report"}
    assert set(ACTION["inputs"]) == expected
    used = {m.group(1) for v in lint_step()["env"].values() for m in EXPRESSION.finditer(v)}
    assert used == expected
    for name, spec in ACTION["outputs"].items():
        assert spec["value"] == f"${{{{ steps.lint.outputs.{name} }}}}"


def test_workflow_is_valid_and_runs_the_action_on_the_corpus():
    workflow = yaml.safe_load(WORKFLOW_FILE.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the bare key `on` as true
    errors = [e.message for e in schema("github-workflow.json").iter_errors(workflow)]
    assert errors == []
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    (action,) = [s for s in steps if s.get("uses") == "./"]
    assert action["with"]["paths"] == "corpus/"


def test_schemas_reject_broken_files():
    broken = {**ACTION, "runs": {"using": "composite", "steps": [{"run": "true"}]}}
    assert list(schema("github-action.json").iter_errors(broken))  # a run step needs `shell`
    assert list(schema("github-workflow.json").iter_errors({"on": "push", "jobs": {"x": {}}}))


def test_fail_under_gates_on_scores_even_with_changed_only(tmp_path):
    workspace = tmp_path / "ws"
    write(workspace / "story" / "mt.en.txt", "The minister resigned on Monday.\n")
    write(workspace / "story" / "ref.en.txt", "On Monday the minister stepped down.\n")
    git(workspace, "init", "-q", "-b", "main")
    git(workspace, "add", ".")
    git(workspace, "commit", "-q", "-m", "base")
    git(workspace, "update-ref", "refs/remotes/origin/main", "HEAD")
    assert run_step(tmp_path / "a", workspace, {"paths": "story"}).returncode == 0
    gated = run_step(tmp_path / "b", workspace, {"paths": "story", "fail-under": "chrf=99",
                                                 "changed-only": "true"},
                     {"GITHUB_BASE_REF": "main"})
    assert gated.returncode == 1
    (annotation,) = [c for c in commands(gated.log) if "file" in c.properties]
    assert annotation.name == "error" and "chrF" in annotation.message
    assert annotation.properties["file"] == "story/mt.en.txt"
    bad = run_step(tmp_path / "c", workspace, {"paths": "story", "fail-under": "ter=10"})
    assert bad.returncode == 2

