"""The GitHub Action's step: lint, annotate (within GitHub's limits), summarise, write SARIF.

Run by `action.yml` as `python -m tqcheck.action`; it reads its inputs from `TQCHECK_*`
variables and the runner's `GITHUB_*` variables, and exits as `tqcheck lint` does.
"""

from __future__ import annotations

import os
import secrets
import shlex
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from tqcheck.changed import changed_lines
from tqcheck.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, run_config
from tqcheck.config import FAIL_LEVELS
from tqcheck.errors import TqcheckError
from tqcheck.findings import Finding
from tqcheck.gates import GATE_RULE, parse_fail_under
from tqcheck.pipeline import keep_for
from tqcheck.report import rendered
from tqcheck.report.github_format import command, escape_data, worst_first
from tqcheck.report.summary_format import render as render_summary
from tqcheck.run import LintResult, StreamOptions, lint, load_options

PER_LEVEL = 10  # annotations GitHub shows per level (error, warning, notice) and step
PER_JOB = 50  # annotations GitHub shows per job
WHOLE_ARTICLE = ("input/", "tqcheck/", GATE_RULE)  # findings kept by changed-only


@dataclass
class Inputs:
    """The action's inputs, as the composite step passes them."""

    paths: list[str]
    rules: list[Path]
    config: Path | None
    fail_on: str | None
    fail_under: str
    changed_only: bool
    sarif_file: str
    html_report: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str]) -> Inputs:
        """Read the inputs from `TQCHECK_*` variables (lists are split like a shell would)."""
        fail_on = env.get("TQCHECK_FAIL_ON", "").strip() or None
        if fail_on is not None and fail_on not in FAIL_LEVELS:
            raise TqcheckError(f"fail-on must be one of {', '.join(FAIL_LEVELS)}, not "
                               f"'{fail_on}'")
        config = env.get("TQCHECK_CONFIG", "").strip()
        return cls(paths=shlex.split(env.get("TQCHECK_PATHS", "")) or ["."],
                   rules=[Path(p) for p in shlex.split(env.get("TQCHECK_RULES", ""))],
                   config=Path(config) if config else None, fail_on=fail_on,
                   fail_under=env.get("TQCHECK_FAIL_UNDER", "").strip(),
                   changed_only=env.get("TQCHECK_CHANGED_ONLY", "").strip().lower() == "true",
                   sarif_file=env.get("TQCHECK_SARIF_FILE", "").strip(),
                   html_report=env.get("TQCHECK_HTML_REPORT", "").strip().lower() == "true")


def on_changed_lines(result: LintResult, changed: dict[str, set[int]]) -> LintResult:
    """The result keeping only findings that touch a changed line, and those about whole
    articles (unreadable inputs, rules that could not finish, scores under their minimum)."""
    def touches(finding: Finding) -> bool:
        if finding.rule.startswith(WHOLE_ARTICLE):
            return True
        lines = changed.get(os.path.normpath(finding.path).replace(os.sep, "/"), set())
        return any(line in lines for line in range(finding.line, finding.end_line + 1))

    return replace(result, findings=[f for f in result.findings if touches(f)])


def annotations(findings: list[Finding]) -> tuple[list[str], int]:
    """The workflow commands GitHub will show (worst first, at most PER_LEVEL per level and
    PER_JOB in all) and how many findings are left out."""
    shown: list[str] = []
    per_level: Counter[str] = Counter()
    for finding in worst_first(findings):
        if per_level[finding.severity] < PER_LEVEL and len(shown) < PER_JOB:
            per_level[finding.severity] += 1
            shown.append(command(finding))
    return shown, len(findings) - len(shown)


def not_shown_note(hidden: int, sarif_file: str) -> str:
    """Where to find the findings that have no annotation."""
    where = "the job summary, the 'All findings' group of this step's log"
    where += f" and the SARIF file {sarif_file}" if sarif_file else ""
    return (f"{hidden} more finding{'s' if hidden != 1 else ''} not shown as annotations "
            f"(GitHub shows {PER_LEVEL} per level in a step and {PER_JOB} in a job): see {where}.")


def emit(text: str) -> None:
    """Write to the step log (UTF-8; undecodable file names kept as they were)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.flush()


def append(path: str | None, text: str) -> None:
    """Append text to a runner file (GITHUB_STEP_SUMMARY, GITHUB_OUTPUT) when it is set."""
    if path:
        with open(path, "a", encoding="utf-8", errors="replace") as file:
            file.write(text)


def log_report(result: LintResult) -> None:
    """The full text report in a collapsed group, with workflow commands turned off in it."""
    token = secrets.token_hex(16)
    emit(f"::group::All findings\n::stop-commands::{token}\n{rendered('text', result)}"
         f"::{token}::\n::endgroup::\n")


def link_base(env: dict[str, str]) -> str | None:
    """The URL of the repository's files at the checked commit, ending in /."""
    repository, sha = env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA")
    if not repository or not sha:
        return None
    return f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{repository}/blob/{sha}/"


def run(env: dict[str, str]) -> int:
    """The whole step; returns the exit code."""
    inputs = Inputs.from_env(env)
    workspace = Path(env.get("GITHUB_WORKSPACE") or ".")
    os.chdir(workspace)
    config = run_config(inputs.config, inputs.rules, no_default_rules=False)
    if inputs.fail_under:
        config.fail_under = parse_fail_under(inputs.fail_under)
    result = lint(inputs.paths, [], config, load_options(config),
                  StreamOptions(keep=keep_for(inputs.html_report, fix=False)))
    note = ""
    if inputs.changed_only and env.get("GITHUB_BASE_REF"):
        result = on_changed_lines(result, changed_lines(f"origin/{env['GITHUB_BASE_REF']}",
                                                        workspace))
        note = f"Only lines changed against `origin/{env['GITHUB_BASE_REF']}` are checked."
    elif inputs.changed_only:
        note = "Not a pull request: every line is checked."
    log_report(result)
    shown, hidden = annotations(result.findings)
    emit("".join(line + "\n" for line in shown))
    if hidden:
        emit(f"::notice title=tqcheck::{not_shown_note(hidden, inputs.sarif_file)}\n")
    if inputs.sarif_file:
        Path(inputs.sarif_file).write_bytes(
            rendered("sarif", result).encode("utf-8", "surrogateescape"))
    if inputs.html_report:
        html_file = Path(env.get("RUNNER_TEMP") or ".") / "tqcheck-report.html"
        html_file.write_bytes(rendered("html", result).encode("utf-8", "surrogateescape"))
    append(env.get("GITHUB_STEP_SUMMARY"),
           render_summary(result, link_base=link_base(env), note=note))
    errors = result.count_by_severity()["error"]
    append(env.get("GITHUB_OUTPUT"), f"findings={len(result.findings)}\nerrors={errors}\n"
                                     f"sarif-file={inputs.sarif_file}\n")
    for missing in result.missing:
        emit(f"::error title=tqcheck::{escape_data(missing)}\n")
    if result.missing:
        return EXIT_ERROR
    return EXIT_FINDINGS if result.fails(inputs.fail_on or config.fail_on) else EXIT_OK


def main() -> None:
    """Entry point: run the step, turning tqcheck's own errors into one error annotation."""
    try:
        code = run(dict(os.environ))
    except TqcheckError as error:
        emit(f"::error title=tqcheck::{escape_data(str(error))}\n")
        code = EXIT_ERROR
    sys.exit(code)


if __name__ == "__main__":
    main()
