"""References that cannot be used get a clear message and the rest of the run goes on;
gates on scores; MQM-style scores from findings; sacrebleu is not loaded without references."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_scoring import FIXTURE, tqcheck, tqcheck_score
from tqcheck.config import parse_config
from tqcheck.documents import Document
from tqcheck.errors import ConfigError
from tqcheck.findings import Finding, Severity
from tqcheck.gates import parse_fail_under
from tqcheck.mqm import WORD, MqmSettings, mqm_scores, word_count

GERMAN = ("Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt "
          "beschlossen. Die Opposition kritisierte die Kürzungen beim Nahverkehr.\n")


def article_folder(root: Path, name: str, refs: dict[str, str]) -> Path:
    """An article folder with the fixture's system A as translation and the given references."""
    folder = root / name
    folder.mkdir(parents=True)
    shutil.copy(FIXTURE / "sys-a.en.txt", folder / "mt.en.txt")
    for file, text in refs.items():
        (folder / file).write_text(text, "utf-8")
    return folder


def lint_json(root: Path, *args: str) -> tuple[int, dict]:
    done = tqcheck("lint", root, "--format", "json", "--no-default-rules", *args)
    return done.returncode, json.loads(done.stdout)


def test_problem_references_get_messages_and_the_rest_is_scored(tmp_path: Path) -> None:
    good = (FIXTURE / "ref.en.txt").read_text("utf-8")
    article_folder(tmp_path, "good", {"ref.en.txt": good})
    article_folder(tmp_path, "lines", {"ref.en.txt": good.replace("\n", " ", 2)})
    article_folder(tmp_path, "empty", {"ref.en.txt": " \n"})
    article_folder(tmp_path, "german", {"ref.en.txt": GERMAN * 3})
    code, report = lint_json(tmp_path)
    by_path = {f["path"]: f for f in report["findings"]}
    assert "different numbers of lines (8 target lines, 6 reference lines)" in \
        by_path[(tmp_path / "lines" / "ref.en.txt").as_posix()]["message"]
    assert by_path[(tmp_path / "empty" / "ref.en.txt").as_posix()]["rule"] == "input/empty"
    assert "looks like 'de', not 'en'" in \
        by_path[(tmp_path / "german" / "ref.en.txt").as_posix()]["message"]
    scored = {s["article"]: s.get("alignment") for s in report["scores"]
              if s["level"] == "article" and s["metric"] == "bleu"}
    assert scored == {(tmp_path / "good" / "mt.en.txt").as_posix(): "8 segments",
                      (tmp_path / "lines" / "mt.en.txt").as_posix():
                      "one document: 8 target lines, 6 reference lines"}
    assert code == 0


def test_score_command_goes_on_after_a_missing_or_wrong_reference(tmp_path: Path) -> None:
    german = tmp_path / "ref.de.txt"
    german.write_text(GERMAN * 8, "utf-8")
    short = tmp_path / "short.en.txt"
    short.write_text("".join((FIXTURE / "ref.en.txt").read_text("utf-8").splitlines(True)[:5]))
    done = tqcheck_score("--hyp", FIXTURE / "sys-a.en.txt", "--ref", FIXTURE / "ref.en.txt",
                         "--ref", tmp_path / "missing.txt", "--ref", german)
    stderr = done.stderr.decode()
    assert done.returncode == 2
    assert "missing.txt: reference file not found" in stderr
    assert "looks like 'de'" in stderr and "nrefs:1" in done.stdout.decode()
    done = tqcheck_score("--hyp", FIXTURE / "sys-a.en.txt", "--ref", short, "--paired", "none")
    assert done.returncode == 0 and "scored as one document" in done.stderr.decode()
    empty = tmp_path / "empty.en.txt"
    empty.write_text("")
    done = tqcheck_score("--hyp", FIXTURE / "sys-a.en.txt", "--ref", empty)
    assert done.returncode == 2 and b"empty.en.txt: file is empty" in done.stderr


def test_fail_under_fails_the_run_like_a_finding(tmp_path: Path) -> None:
    article_folder(tmp_path, "a", {"ref.en.txt": (FIXTURE / "ref.en.txt").read_text("utf-8")})
    _, report = lint_json(tmp_path)
    chrf = next(s["score"] for s in report["scores"] if s["metric"] == "chrf")
    code, report = lint_json(tmp_path, "--fail-under", f"chrf={chrf + 0.1},bleu=1")
    gated = [f for f in report["findings"] if f["rule"] == "scores/fail-under"]
    assert code == 1 and len(gated) == 1 and f"chrF2 {chrf}" in gated[0]["message"]
    assert lint_json(tmp_path, "--fail-under", f"chrf={chrf}")[0] == 0
    sarif = tqcheck("lint", tmp_path, "--no-default-rules", "--format", "sarif",
                    "--fail-under", f"chrf={chrf + 0.1}")
    assert sarif.returncode == 1 and b"scores/fail-under" in sarif.stdout
    done = tqcheck_score("--hyp", FIXTURE / "sys-a.en.txt", "--ref", FIXTURE / "ref.en.txt",
                         "--fail-under", "bleu=99")
    assert done.returncode == 1 and b"under the minimum 99" in done.stdout


@pytest.mark.parametrize("bad", ["ter=50", "chrf", "chrf=high", "comet=0.5"])
def test_bad_fail_under_is_a_clear_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="fail-under"):
        parse_fail_under(bad)


def test_mqm_uses_the_wmt_weights_per_100_words() -> None:
    text = " ".join(["word"] * 40)
    document = Document(path="a.txt", text=text, lang="en")
    found = [Finding("a.txt", 1, 1, 1, 5, "x/major", "Accuracy/Mistranslation", Severity.ERROR,
                     "", "word"),
             Finding("a.txt", 1, 6, 1, 10, "x/punct", "Fluency/Punctuation", Severity.WARNING,
                     "", "word"),
             Finding("a.txt", 1, 1, 1, 1, "input/empty", "Other", Severity.WARNING, "", "")]
    article, corpus = mqm_scores({document.path: word_count(text)}, found, MqmSettings())
    assert word_count(text) == 40
    assert article.score == pytest.approx(100 - (5 + 0.1) * 100 / 40)
    assert corpus.level == "corpus" and corpus.score == article.score


def test_mqm_settings_from_config_and_in_lint(tmp_path: Path) -> None:
    config = parse_config({"mqm": {"severity-map": {"warning": "major"},
                                   "penalties": {"major": 10}},
                           "fail-under": {"mqm": 90, "chrf": 40}}, tmp_path / "tqcheck.toml")
    warning = Finding("a", 1, 1, 1, 2, "x/y", "Style/Awkward", Severity.WARNING, "", "")
    assert config.mqm.penalty(warning) == 10 and config.fail_under == {"mqm": 90, "chrf": 40}
    for bad in ({"mqm": {"severity-map": {"warning": "huge"}}}, {"mqm": {"weights": {}}},
                {"mqm": {"penalties": {"minor": -1}}}, {"fail-under": {"ter": 3}}):
        with pytest.raises(ConfigError):
            parse_config(bad, tmp_path / "tqcheck.toml")
    story = tmp_path / "story.en.txt"
    story.write_text("Read also : the mayor said « no » to the plan on Tuesday evening.\n")
    code, report = lint_json(story, "--rules", str(Path(__file__).parent.parent / "rules"),
                             "--fail-under", "mqm=99.9")
    mqm = [s for s in report["scores"] if s["metric"] == "mqm"]
    assert mqm and mqm[0]["score"] < 99.9 and code == 1


def test_lint_without_references_does_not_load_sacrebleu(tmp_path: Path) -> None:
    story = tmp_path / "story.en.txt"
    story.write_text("The mayor said no to the plan on Tuesday evening, officials said.\n")
    probe = (f"import sys, runpy; sys.argv = ['tqcheck', 'lint', {str(story)!r}]\n"
             "try: runpy.run_module('tqcheck', run_name='__main__')\n"
             "except SystemExit: pass\n"
             "print('sacrebleu' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().endswith("False")


@given(st.text(alphabet="aZé9²_ -'’.,\t\u00a0\u2003\u0301\u064e日本カ\u00aaß\u0410\u2163\ua7cb\n",
               max_size=60))
def test_word_count_takes_the_plain_path_only_where_it_finds_the_same_words(text: str) -> None:
    assert word_count(text) == len(WORD.findall(text))


@given(st.text(alphabet="aZ9_ -'’.,;\t\n\"“”—…\u2003\u2060\x7f", max_size=60))
def test_word_count_of_ascii_and_general_punctuation_is_that_of_the_word_pattern(
        text: str) -> None:
    assert word_count(text) == len(WORD.findall(text))


@pytest.mark.parametrize(("text", "words"), [
    ("l'État et la société", 4), ("e\u0301te\u0301 chaud", 2), ("日本語 text", 4),
    ("well-known_name 42", 3), ("it’s a “state-run” fund—at 10-12%", 6)])
def test_word_count_counts_cjk_characters_and_keeps_joining_marks_in_words(
        text: str, words: int) -> None:
    assert word_count(text) == words
