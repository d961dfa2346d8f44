"""Reference scores equal the sacrebleu command line's, digit for digit, with the same signature,
on a small fixture and on the WMT 2023 en-de bench (when ../shared is there)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema.validators import Draft202012Validator
from typer.testing import CliRunner

from tests.helpers import ROOT
from tqcheck.cli import app
from tqcheck.scoring import ScoringError, align, check_tokenizer, tokenizer_for

FIXTURE = ROOT / "tests" / "fixtures" / "scoring"
SCHEMA = ROOT / "tests" / "schemas" / "findings.schema.json"
BENCH = ROOT.parent / "shared" / "bench" / "mqm-dev" / "en-de"


def sacrebleu(*args: str | Path, env: dict[str, str] | None = None) -> str:
    """Run the sacrebleu command line of this interpreter and return its output."""
    done = subprocess.run([sys.executable, "-m", "sacrebleu", *map(str, args)],
                          capture_output=True, text=True, check=True, timeout=300, env=env)
    return done.stdout


def sacrebleu_json(*args: str | Path) -> list[dict]:
    """(name, score, signature) of each score the sacrebleu command line prints as JSON."""
    printed = json.loads(sacrebleu(*args, "-f", "json"))
    return [{k: s[k] for k in ("name", "score", "signature")}
            for s in (printed if isinstance(printed, list) else [printed])]


def tqcheck(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run tqcheck in this process (faster than a process of its own): exit code, bytes out."""
    result = CliRunner().invoke(app, list(map(str, args)))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes,
                                       result.stderr_bytes)


def tqcheck_score(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run `tqcheck score`."""
    return tqcheck("score", *args)


def text_lines(output: str | bytes) -> list[str]:
    """Non-empty output lines without sacrebleu's alignment padding."""
    text = output.decode() if isinstance(output, bytes) else output
    return [line.strip() for line in text.splitlines() if line.strip()]


def corpus_json(output: bytes) -> list[dict]:
    """(name, score, signature) of the corpus scores in a `tqcheck score` JSON report."""
    report = json.loads(output)
    return [{k: s[k] for k in ("name", "score", "signature")}
            for s in report["systems"][0]["scores"] if s["level"] == "corpus"]


@pytest.mark.parametrize("width", ["1", "4"])
def test_fixture_corpus_scores_equal_the_command_line(width: str) -> None:
    hyp, ref = FIXTURE / "sys-b.en.txt", FIXTURE / "ref.en.txt"
    ours = tqcheck_score("--hyp", hyp, "--ref", ref, "-m", "bleu,chrf,ter", "-w", width)
    assert ours.returncode == 0, ours.stderr
    theirs = sacrebleu(ref, "-i", hyp, "-m", "bleu", "chrf", "ter", "-w", width, "-f", "text")
    assert text_lines(ours.stdout) == text_lines(theirs)


def test_fixture_json_and_chrf_plus_plus_with_two_references() -> None:
    hyp, refs = FIXTURE / "sys-a.en.txt", [FIXTURE / "ref.en.txt", FIXTURE / "ref-2.en.txt"]
    ours = tqcheck_score("--hyp", hyp, "--ref", refs[0], "--ref", refs[1], "-m", "chrf++,bleu",
                         "-f", "json", "-w", "3")
    theirs = (sacrebleu_json(*refs, "-i", hyp, "-m", "bleu", "-w", "3")
              + sacrebleu_json(*refs, "-i", hyp, "-m", "chrf", "--chrf-word-order", "2", "-w",
                               "3"))
    assert corpus_json(ours.stdout) == theirs
    assert "nrefs:2" in theirs[0]["signature"]


def test_segment_scores_equal_sentence_level_command_line() -> None:
    hyp, ref = FIXTURE / "sys-b.en.txt", FIXTURE / "ref.en.txt"
    report = json.loads(tqcheck_score("--hyp", hyp, "--ref", ref, "-m", "bleu", "--segments",
                                      "-f", "json", "-w", "2").stdout)
    ours = [(f"{s['name']}|{s['signature']}", s["score"])
            for s in report["systems"][0]["scores"] if s["level"] == "segment"]
    lines = sacrebleu(ref, "-i", hyp, "-m", "bleu", "-sl", "-w", "2").splitlines()
    theirs = [(left, float(right.split()[0]))
              for left, right in (line.split(" = ", 1) for line in lines)]
    assert len(ours) == 8 and ours == theirs


def test_lint_scores_each_article_like_the_command_line(tmp_path: Path) -> None:
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(FIXTURE / f"sys-{name}.en.txt", folder / "mt.en.txt")
        shutil.copy(FIXTURE / "ref.en.txt", folder / "ref.en.txt")
    done = tqcheck("lint", tmp_path, "--format", "json", "--no-default-rules")
    report = json.loads(done.stdout)
    validator = Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
    validator.validate(report)
    scores = report["scores"]
    assert not validator.is_valid({**report, "scores": [{**scores[0], "level": "paragraph"}]})
    for name in ("a", "b"):
        article = (tmp_path / name / "mt.en.txt").as_posix()
        ours = {s["name"]: (s["score"], s["signature"]) for s in scores
                if s["article"] == article and s["metric"] != "mqm"}
        theirs = {s["name"]: (s["score"], s["signature"]) for s in sacrebleu_json(
            FIXTURE / "ref.en.txt", "-i", FIXTURE / f"sys-{name}.en.txt", "-m", "bleu", "chrf",
            "ter")}
        assert ours == theirs
    assert {s["level"] for s in scores} == {"article", "corpus"}


def test_alignment_by_lines_or_as_one_document() -> None:
    assert align("x", "en", "a\n\nb\n", ["A\nB"]).by_lines
    whole = align("x", "en", "a\nb\nc", ["A\nB"])
    assert not whole.by_lines and whole.hyps == ["a b c"] and whole.refs == [["A B"]]
    assert "3 target lines, 2 reference lines" in whole.alignment


def test_tokenizer_follows_the_target_language() -> None:
    assert tokenizer_for("de") == "13a" and tokenizer_for(None) == "13a"
    assert tokenizer_for("zh") == "zh" and tokenizer_for("zh-TW") == "zh"
    ja = tokenizer_for("ja")
    assert ja == "ja-mecab" or ja == "char"


def test_a_tokenizer_that_needs_a_download_is_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sacrebleu.utils

    monkeypatch.setattr(sacrebleu.utils, "SACREBLEU_DIR", str(tmp_path))
    with pytest.raises(ScoringError, match="never downloads"):
        check_tokenizer("flores200")
    done = tqcheck_score("--hyp", FIXTURE / "sys-a.en.txt", "--ref", FIXTURE / "ref.en.txt",
                         "--tokenize", "flores101")
    assert done.returncode == 2 and b"never downloads" in done.stderr


# --- real data: WMT 2023 en-de, system outputs against refA ---------------------------------

def bench_systems() -> dict[str, list[Path]]:
    """The article folders of each system of the en-de dev bench, sorted."""
    systems: dict[str, list[Path]] = {}
    for folder in sorted(BENCH.iterdir()):
        if (folder / "ref.de.txt").is_file() and not folder.name.endswith("__refA"):
            systems.setdefault(folder.name.split("__", 1)[1], []).append(folder)
    return systems


def system_tree(tmp_path: Path, system: str, folders: list[Path]) -> tuple[Path, Path, Path]:
    """A folder tree of one system's articles (links to the bench), with the concatenated
    hypothesis and reference files the command line reads."""
    root = tmp_path / system
    root.mkdir()
    hyp, ref = tmp_path / f"{system}.hyp", tmp_path / f"{system}.ref"
    with hyp.open("w", encoding="utf-8") as h, ref.open("w", encoding="utf-8") as r:
        for folder in folders:
            (root / folder.name.split("__")[0]).symlink_to(folder)
            h.write((folder / "mt.de.txt").read_text("utf-8"))
            r.write((folder / "ref.de.txt").read_text("utf-8"))
    return root, hyp, ref


needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")


@needs_bench
def test_bench_corpus_scores_of_every_system_equal_the_command_line(tmp_path: Path) -> None:
    trees = {system: system_tree(tmp_path, system, folders)
             for system, folders in bench_systems().items()}
    assert len(trees) == 9
    ours = tqcheck_score(*(root for root, _, _ in trees.values()), "--paired", "none",
                         "-m", "bleu,chrf,chrf++", "-f", "json", "-w", "2")
    assert ours.returncode == 0, ours.stderr
    report = json.loads(ours.stdout)
    hyps = [hyp for _, hyp, _ in trees.values()]
    ref = next(iter(trees.values()))[2]
    assert all(r.read_bytes() == ref.read_bytes() for _, _, r in trees.values())
    table = json.loads(sacrebleu(ref, "-i", *hyps, "-m", "bleu", "chrf", "-w", "2", "-f", "json"))
    table_pp = json.loads(sacrebleu(ref, "-i", *hyps, "-m", "chrf", "--chrf-word-order", "2",
                                    "-w", "2", "-f", "json"))
    for system, row, row_pp in zip(report["systems"], table, table_pp, strict=True):
        corpus = {s["name"]: s for s in system["scores"] if s["level"] == "corpus"}
        assert {name: s["score"] for name, s in corpus.items()} == {
            "BLEU": float(row["BLEU"]), "chrF2": float(row["chrF2"]),
            "chrF2++": float(row_pp["chrF2++"])}, system["name"]
    first = {s["name"]: s["signature"] for s in report["systems"][0]["scores"]}
    theirs = (sacrebleu_json(ref, "-i", hyps[0], "-m", "bleu", "chrf")
              + sacrebleu_json(ref, "-i", hyps[0], "-m", "chrf", "--chrf-word-order", "2"))
    assert first == {s["name"]: s["signature"] for s in theirs}


@needs_bench
def test_bench_ter_of_one_system_equals_the_command_line(tmp_path: Path) -> None:
    shortest = min(bench_systems()["ONLINE-W"], key=lambda f: (f / "mt.de.txt").stat().st_size)
    root, hyp, ref = system_tree(tmp_path, "ONLINE-W", [shortest])
    ours = tqcheck_score(root, "-m", "ter", "-f", "text", "-w", "3")
    theirs = sacrebleu(ref, "-i", hyp, "-m", "ter", "-f", "text", "-w", "3")
    assert text_lines(ours.stdout) == text_lines(theirs)
