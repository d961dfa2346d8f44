"""Inputs beyond reason, runaway user rules, unsafe YAML and --fix on the whole corpus."""

import json
import os
import shutil
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Vladimir Poutine spoke on Tuesday.\n"


def lint(*args, stdin=None):
    return CliRunner().invoke(app, ["lint", *args], input=stdin)


def rules_of(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


SLOW_RULE = """\
id: house/slow
type: pattern
category: Other
severity: warning
message: slow
pattern: '(a|aa)+$'
timeout: 0.5
"""


def test_catastrophic_regex_is_stopped_and_the_run_goes_on(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "slow.yaml").write_text(SLOW_RULE, encoding="utf-8")
    (tmp_path / "a-slow.en.txt").write_text("a" * 5000 + "!", encoding="utf-8")
    (tmp_path / "b-good.en.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    result = lint(str(tmp_path), "--rules", str(tmp_path / "rules"), "--format", "json")
    elapsed = time.perf_counter() - started
    findings = json.loads(result.stdout)["findings"]
    [stopped] = [f for f in findings if f["rule"] == "tqcheck/rule-timeout"]
    assert stopped["path"].endswith("a-slow.en.txt") and "house/slow" in stopped["message"]
    assert "budget" in stopped["message"]
    assert any(f["path"].endswith("b-good.en.txt") and f["text"] == "Poutine" for f in findings)
    assert elapsed < 10


def test_huge_file_is_reported_without_being_read(tmp_path):
    big = tmp_path / "huge.en.txt"
    with big.open("wb") as out:
        out.truncate(50 * 1024 * 1024)  # a sparse 50 MB file
    result = lint(str(big), "--format", "json")
    assert rules_of(result) == ["input/too-large"]


def test_one_megabyte_line(tmp_path):
    line = tmp_path / "line.en.txt"
    line.write_text(("Poutine said : yes. " * 52_000)[:1_000_000], encoding="utf-8")
    started = time.perf_counter()
    result = lint(str(line), "--format", "json")
    assert time.perf_counter() - started < 30
    found = json.loads(result.stdout)["findings"]
    assert len(found) > 50_000 and {f["line"] for f in found} == {1}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.en.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    assert rules_of(lint(str(path), "--format", "json")) == ["input/unreadable"]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "secret.en.txt"
    path.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def refuse(self):
        if self.name == "secret.en.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = lint(str(path), "--format", "json")
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "input/unreadable" and "Permission denied" in finding["message"]


def test_symlink_loop_and_directory_named_like_an_article_file(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "mt.en.txt").mkdir()
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "story.en.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "real" / "cycle").symlink_to(tmp_path / "real")
    result = lint(str(tmp_path), "--format", "json")
    assert result.exit_code in (0, 1)
    assert rules_of(result) == ["names/inconsistent-spelling"]
    looped = lint(str(tmp_path / "loop"))
    assert looped.exit_code == 2 and "symbolic link that loops" in looped.stderr


def test_many_tiny_files(tmp_path):
    for index in range(2000):
        (tmp_path / f"{index:05}.en.txt").write_text(GOOD, encoding="utf-8")
    result = lint(str(tmp_path), "--format", "json")
    assert len(rules_of(result)) == 2000


UNSAFE = """\
id: house/unsafe
type: phrases
category: Other
severity: info
message: !!python/object/apply:os.system ["echo pwned > {marker}"]
phrases: [x]
"""


def test_yaml_cannot_run_code(tmp_path):
    marker = tmp_path / "marker"
    (tmp_path / "r.yaml").write_text(UNSAFE.format(marker=marker), encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 2 and "r.yaml" in result.stderr
    assert not marker.exists()


def test_config_cannot_load_yaml_tags_or_code(tmp_path, monkeypatch):
    (tmp_path / "tqcheck.toml").write_text('rules = ["!!python/object:os.system"]\n', "utf-8")
    (tmp_path / "a.en.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = lint("a.en.txt")
    assert result.exit_code == 2 and "rules path not found" in result.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_fix_on_the_corpus_is_idempotent_and_exact_outside_fixed_spans(tmp_path, newline):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for path in corpus.rglob("*.txt"):
        path.write_bytes(path.read_bytes().replace(b"\n", newline.encode()))
    before = {p: p.read_bytes() for p in corpus.rglob("mt.*.txt")}
    first = lint(str(corpus), "--format", "json")
    fixable = [f for f in json.loads(first.stdout)["findings"]
               if f["suggestion"] is not None]
    fixed_run = lint(str(corpus), "--fix", "--format", "json")
    assert "fixed" in fixed_run.stderr
    after = {p: p.read_bytes() for p in before}
    changed = [p for p in before if before[p] != after[p]]
    assert changed
    for path in changed:
        old, new = before[path].decode(), after[path].decode()
        # whole furniture lines are removed with their line break; no other line is
        removed = {f["line"] for f in fixable
                   if f["path"] == path.as_posix() and f["text"].endswith("\n")}
        assert old.count(newline) - len(removed) == new.count(newline)
        # every line that differs differs only where a fixable finding was reported
        lines_with_fixes = {f["line"] for f in fixable if f["path"] == path.as_posix()}
        kept = [(n, line) for n, line in enumerate(old.split(newline), 1) if n not in removed]
        for (number, a), b in zip(kept, new.split(newline), strict=True):
            assert a == b or number in lines_with_fixes
    again = lint(str(corpus), "--fix", "--format", "json")
    assert "fixed" not in again.stderr
    assert {p: p.read_bytes() for p in before} == after


def test_rule_files_are_yaml_only_no_includes(tmp_path):
    rule = textwrap.dedent("""\
        id: house/include
        type: phrases
        category: Other
        severity: info
        message: x
        phrases: !include /etc/passwd
        """)
    (tmp_path / "r.yaml").write_text(rule, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "list", "--rules", str(tmp_path)])
    assert result.exit_code == 2 and "r.yaml:6" in result.stderr
