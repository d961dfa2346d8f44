"""The command line: exit codes, one-line errors, config, selection, stdin, rules commands."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Vladimir Poutine spoke on Tuesday about the economy and the war.\n\nSpread the love\n"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working folder (no config above it can leak in: a tqcheck.toml stops the search)."""
    (tmp_path / "tqcheck.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args, stdin=None):
    return CliRunner().invoke(app, list(args), input=stdin)


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


def write_article(folder: Path, text=ARTICLE, name="story.en.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes(workdir):
    path = write_article(workdir)
    assert invoke("lint", str(path)).exit_code == 1  # boilerplate is an error
    assert invoke("lint", str(path), "--exit-zero").exit_code == 0
    assert invoke("lint", str(path), "--fail-on", "never").exit_code == 0
    clean = write_article(workdir, "The minister spoke on Tuesday about the economy.\n",
                          "ok.en.txt")
    assert invoke("lint", str(clean)).exit_code == 0
    assert invoke("lint", str(path), "--ignore", "boilerplate/*").exit_code == 0
    assert invoke("lint", str(path), "--ignore", "boilerplate/*", "--fail-on", "warning"
                  ).exit_code == 1


def test_usage_errors_exit_2(workdir):
    path = write_article(workdir)
    assert invoke("lint", str(path), "--format", "xml").exit_code == 2
    assert invoke("lint", str(path), "--fail-on", "sometimes").exit_code == 2
    assert invoke("lint").exit_code == 2
    result = invoke("lint", str(path), str(workdir / "missing.txt"))
    assert result.exit_code == 2
    assert "path not found" in result.stderr
    assert "Poutine" in result.stdout  # the other file was still checked


MALFORMED = {
    "bad YAML": ("pattern: '(fine)'\nflags: [ignorecase\nnote: more\n", 8),
    "unknown key": ("pattern: '(fine)'\npaterns: [x]\n", 7),
    "invalid regex": ("pattern: '(unclosed'\n", 6),
    "unknown category": ("pattern: '(fine)'\n", 3),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_rule_exits_2_with_one_line(workdir, case):
    tail, line = MALFORMED[case]
    category = "Fluency/Typos" if case == "unknown category" else "Fluency/Punctuation"
    rules = workdir / "my-rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text(textwrap.dedent(f"""\
        id: house/bad
        type: pattern
        category: {category}
        severity: warning
        message: x
        """) + tail, encoding="utf-8")
    result = invoke("lint", str(write_article(workdir)), "--rules", str(rules))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"my-rules/bad.yaml:{line}:" in lines[0] and "rule 'house/bad'" in lines[0]
    assert "Traceback" not in result.output


def test_select_and_ignore_globs(workdir):
    path = write_article(workdir)
    result = invoke("lint", str(path), "--format", "json", "--select", "names/*")
    assert {f["rule"] for f in findings(result)} == {"names/inconsistent-spelling"}
    result = invoke("lint", str(path), "--format", "json", "--ignore", "names/*")
    assert "names/inconsistent-spelling" not in {f["rule"] for f in findings(result)}


def test_config_file_settings(workdir):
    (workdir / "tqcheck.toml").write_text(textwrap.dedent("""\
        ignore = ["boilerplate/*"]
        fail-on = "warning"
        [severity]
        "names/*" = "error"
        """), encoding="utf-8")
    result = invoke("lint", str(write_article(workdir)), "--format", "json")
    assert result.exit_code == 1
    assert {(f["rule"], f["severity"]) for f in findings(result)} == {
        ("names/inconsistent-spelling", "error")}


def test_config_in_pyproject_found_upward(workdir, monkeypatch):
    (workdir / "tqcheck.toml").unlink()
    (workdir / "pyproject.toml").write_text('[tool.tqcheck]\nselect = ["boilerplate/*"]\n',
                                            encoding="utf-8")
    sub = workdir / "articles" / "deep"
    sub.mkdir(parents=True)
    path = write_article(sub)
    monkeypatch.chdir(sub)
    result = invoke("lint", str(path), "--format", "json")
    assert {f["rule"] for f in findings(result)} == {"boilerplate/site-furniture"}


def test_per_path_ignores_and_article_ignore(workdir):
    (workdir / "tqcheck.toml").write_text(
        '[per-path-ignores]\n"*/legacy/*" = ["names/*"]\n', encoding="utf-8")
    legacy = workdir / "legacy"
    legacy.mkdir()
    result = invoke("lint", str(write_article(legacy)), "--format", "json")
    assert "names/inconsistent-spelling" not in {f["rule"] for f in findings(result)}
    folder = workdir / "art"
    folder.mkdir()
    write_article(folder, name="mt.en.txt")
    (folder / "article.yaml").write_text("ignore: [boilerplate/site-furniture]\n", "utf-8")
    result = invoke("lint", str(folder), "--format", "json")
    assert {f["rule"] for f in findings(result)} == {"names/inconsistent-spelling"}


def test_bad_config_exits_2(workdir):
    (workdir / "tqcheck.toml").write_text('ignores = ["x"]\n', encoding="utf-8")
    result = invoke("lint", str(write_article(workdir)))
    assert result.exit_code == 2 and "unknown config key 'ignores'" in result.stderr


def test_stdin_with_filename(workdir):
    result = invoke("lint", "-", "--stdin-filename", "draft.en.txt", "--format", "json",
                    stdin=ARTICLE)
    assert {f["path"] for f in findings(result)} == {"draft.en.txt"}
    poutine = next(f for f in findings(result) if f["text"] == "Poutine")
    assert (poutine["line"], poutine["column"], poutine["end_column"]) == (1, 10, 17)


def test_jsonl_option(workdir):
    batch = workdir / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a1", "mt": ARTICLE, "target_lang": "en"}) + "\n",
                     encoding="utf-8")
    result = invoke("lint", "--jsonl", str(batch), "--format", "json")
    assert {f["path"] for f in findings(result)} == {f"{batch.as_posix()}#a1"}


def test_jsonl_lines_with_one_id_are_two_articles_and_all_their_words(workdir):
    batch = workdir / "batch.jsonl"
    lines = [{"id": "a1", "mt": "One two three.", "target_lang": "en"},
             {"id": "a1", "mt": "Four five six seven.", "target_lang": "en"}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = json.loads(invoke("lint", "--jsonl", str(batch), "--format", "json").stdout)
    assert report["summary"]["articles"] == 2
    corpus = next(s for s in report["scores"] if s["metric"] == "mqm" and s["level"] == "corpus")
    assert "7 words" in corpus["detail"]


def test_rules_list_show_and_test():
    listed = invoke("rules", "list")
    assert listed.exit_code == 0 and "names/inconsistent-spelling" in listed.stdout
    shown = invoke("rules", "show", "quotes/foreign-mark")
    assert shown.exit_code == 0 and "Quotation marks of another language" in shown.stdout
    assert "Flags:" in shown.stdout
    assert invoke("rules", "show", "no/such-rule").exit_code == 2
    tested = invoke("rules", "test", str(ROOT / "rules"))
    assert tested.exit_code == 0, tested.output


def test_rules_test_reports_a_failing_example(tmp_path):
    (tmp_path / "r.yaml").write_text(textwrap.dedent("""\
        id: house/wrong
        type: phrases
        category: Other
        severity: info
        message: x
        phrases: [alpha]
        examples:
          bad: ["[[beta]]"]
          good: ["alpha"]
        """), encoding="utf-8")
    result = invoke("rules", "test", str(tmp_path))
    assert result.exit_code == 1
    assert "bad example '[[beta]]': not flagged" in result.stderr
    assert "good example 'alpha': flagged 'alpha'" in result.stderr


def test_python_m_and_version():
    result = subprocess.run([sys.executable, "-m", "tqcheck", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("tqcheck ")
