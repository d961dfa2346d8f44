"""The pre-commit hooks: `pre-commit try-repo` on a temporary repository, offline."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
GOOD = "The minister resigned on Monday after a vote in parliament.\n"
BAD = "The minister resigned on Monday.\n\nSpread the love\n"


def run(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run a command with the test interpreter's scripts (pre-commit, tqcheck) first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_COMMITTER_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with one good and one bad article, a README and an article folder."""
    repo = tmp_path / "newsroom"
    (repo / "story").mkdir(parents=True)
    (repo / "good.en.txt").write_text(GOOD, encoding="utf-8")
    (repo / "bad.en.md").write_text(BAD, encoding="utf-8")
    (repo / "README.md").write_text("Spread the love\n", encoding="utf-8")  # not an article
    (repo / "story" / "mt.en.txt").write_text(GOOD, encoding="utf-8")
    (repo / "story" / "ref.en.txt").write_text(BAD, encoding="utf-8")  # read, not checked
    (repo / "notes.py").write_text("# Spread the love\n", encoding="utf-8")
    assert run("git", "init", "-q", cwd=repo, home=tmp_path).returncode == 0
    return repo


def hook_repo(tmp_path: Path) -> Path:
    """A git repository holding this project's hook manifest, committed (the offline hook
    needs nothing else, and the manifest is tried even before it is committed here)."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / ".pre-commit-hooks.yaml").write_bytes((ROOT / ".pre-commit-hooks.yaml").read_bytes())
    for command in (("init", "-q"), ("add", "."), ("commit", "-q", "-m", "hooks")):
        assert run("git", *command, cwd=hooks, home=tmp_path).returncode == 0
    return hooks


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` of the offline hook on the staged files of `repo`."""
    assert run("git", "reset", "-q", cwd=repo, home=repo.parent).returncode == 0
    assert run("git", "add", *files, cwd=repo, home=repo.parent).returncode == 0
    return run(sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo(repo.parent)),
               "tqcheck-system", cwd=repo, home=repo.parent / "pre-commit-home")


def test_good_article_passes(repo):
    result = try_repo(repo, "good.en.txt", "README.md", "notes.py", "story")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_bad_article_is_blocked(repo):
    result = try_repo(repo, "good.en.txt", "bad.en.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "bad.en.md:3:1: error boilerplate/site-furniture" in result.stdout
    assert "good.en.txt" not in result.stdout


def test_hooks_share_everything_but_the_installation():
    by_id = {hook["id"]: hook for hook in HOOKS}
    assert set(by_id) == {"tqcheck", "tqcheck-system"}
    python, system = by_id["tqcheck"], by_id["tqcheck-system"]
    assert python["language"] == "python" and system["language"] == "unsupported"
    same = ("entry", "types_or", "exclude", "require_serial")
    assert [python[key] for key in same] == [system[key] for key in same]
    assert python["require_serial"] is True


def test_manifest_is_valid():
    done = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                           str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
