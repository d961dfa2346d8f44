"""Lines added or changed since a base commit, from `git diff` (for checking a pull request)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tqcheck.errors import TqcheckError

HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_diff(diff: str) -> dict[str, set[int]]:
    """The new-side line numbers of each file in a `git diff --unified=0` patch."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else changed.setdefault(name, set())
        elif (match := HUNK.match(line)) and current is not None:
            start, count = int(match.group(1)), int(match.group(2) or 1)
            current.update(range(start, start + count))
    return changed


def changed_lines(base: str, cwd: Path) -> dict[str, set[int]]:
    """Lines changed between the merge base of `base` and HEAD, paths relative to `cwd`."""
    command = ["git", "-c", "core.quotePath=false", "diff", "--relative", "--no-prefix",
               "--no-color", "--no-ext-diff", "--unified=0", f"{base}...HEAD"]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                              encoding="utf-8", errors="surrogateescape")
    except OSError as error:
        raise TqcheckError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        raise TqcheckError(f"git diff against '{base}' failed: {done.stderr.strip()} "
                           "(check out the history, e.g. fetch-depth: 0)")
    return parse_diff(done.stdout)
