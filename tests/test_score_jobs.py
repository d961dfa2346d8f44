"""Scoring in worker processes (`--jobs`) gives the same numbers, byte for byte, as scoring in
one process: any number of jobs, more jobs than segments, one segment, several articles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics import BLEU, CHRF, TER

from tests.test_scoring import FIXTURE, tqcheck_score
from tqcheck.scoring import METRICS, Aligned, Scoring, align, make_metric
from tqcheck.segment_stats import Task, segment_statistics

HYP, REFS = FIXTURE / "sys-b.en.txt", [FIXTURE / "ref.en.txt", FIXTURE / "ref-2.en.txt"]


def fixture_article(name: str, lang: str, hyp: Path = HYP, refs: list[Path] = REFS) -> Aligned:
    """A fixture system output aligned with its references, as one article."""
    return align(name, lang, hyp.read_text("utf-8"), [ref.read_text("utf-8") for ref in refs])


def articles() -> list[Aligned]:
    """Articles of every kind: by lines, one reference or two, as one document, in a language
    with another BLEU tokenizer, and one of a single segment."""
    single = fixture_article("single", "en")
    return [fixture_article("a", "en"), fixture_article("b", "en", FIXTURE / "sys-a.en.txt",
                                                         REFS[:1]),
            fixture_article("c", "zh", refs=REFS[1:]),
            align("d", "en", HYP.read_text("utf-8"), ["one line only"]),
            Aligned("single", "en", single.hyps[:1], [lines[:1] for lines in single.refs], True)]


def all_scores(items: list[Aligned], jobs: int) -> list[dict[str, object]]:
    """Every score of every level and metric, as dictionaries with unrounded numbers."""
    scoring = Scoring(METRICS, article_level=True, segment_level=True, jobs=jobs)
    return [{**score.to_dict(width=17), "score": score.score}
            for score in scoring.score(items)]


@pytest.mark.parametrize("jobs", [2, 3, 64])
def test_scores_of_any_number_of_jobs_equal_the_sequential_ones(jobs: int) -> None:
    items = articles()
    assert [item.by_lines for item in items] == [True, True, True, False, True]
    sequential = all_scores(items, 1)
    assert {s["level"] for s in sequential} == {"segment", "article", "corpus"}
    assert all_scores(items, jobs) == sequential


@pytest.mark.parametrize("jobs", [1, 4])
def test_one_segment_with_more_jobs_than_segments(jobs: int) -> None:
    item = articles()[-1]
    assert len(item.hyps) == 1
    theirs = {name: metric.corpus_score(item.hyps, item.refs).score
              for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER()))}
    ours = {s["metric"]: s["score"] for s in all_scores([item], jobs)
            if s["level"] == "corpus" and s["metric"] != "chrf++"}
    assert ours == theirs


def test_segment_scores_equal_sacrebleu_sentence_scores() -> None:
    item = articles()[0]
    ours = [(s["metric"], s["score"]) for s in all_scores([item], 2) if s["level"] == "segment"]
    theirs = [(name, make_metric(name, "13a", sentence=True).sentence_score(hyp, refs).score)
              for hyp, *refs in zip(item.hyps, *item.refs, strict=True) for name in METRICS]
    assert len(ours) == 4 * len(item.hyps) and ours == theirs


def worker_ids(name: str, tokenizer: str) -> object:
    """A stand-in metric whose statistics are the process that computed them."""
    class Recorder:
        def _extract_corpus_statistics(self, hyps: list[str], _: object) -> list[list[int]]:
            return [[os.getpid()] for _ in hyps]
    return Recorder()


def test_statistics_are_computed_by_worker_processes() -> None:
    tasks = [Task("ter", "13a", [str(n) for n in range(100)], [[""] * 100])]
    ids = {stats[0] for stats in segment_statistics(tasks, worker_ids, 2)[0]}
    assert ids and os.getpid() not in ids
    assert {stats[0] for stats in segment_statistics(tasks, worker_ids, 1)[0]} == {os.getpid()}


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=6), st.integers(1, 20))
def test_pieces_keep_every_segment_in_order(lengths: list[int], size: int) -> None:
    for length in lengths:
        task = Task("bleu", "13a", [f"h{n}" for n in range(length)],
                    [[f"r{n}" for n in range(length)], [f"s{n}" for n in range(length)]])
        pieces = task.pieces(size)
        assert all(0 < len(piece.hyps) <= size for piece in pieces)
        assert [h for piece in pieces for h in piece.hyps] == task.hyps
        assert [[r for piece in pieces for r in piece.refs[k]] for k in (0, 1)] == task.refs


def test_command_output_is_byte_identical_for_any_jobs(tmp_path: Path) -> None:
    third = tmp_path / "sys-c.en.txt"  # three systems: two paired tests, run in parallel too
    third.write_bytes(REFS[1].read_bytes())
    args = ("--hyp", HYP, "--hyp", FIXTURE / "sys-a.en.txt", "--hyp", third, "--ref", REFS[0],
            "-m", ",".join(METRICS), "--segments", "-f", "json", "-w", "6", "--samples", "50")
    outputs = [tqcheck_score(*args, "--jobs", jobs) for jobs in ("1", "2", "40")]
    assert all(done.returncode == 0 for done in outputs), outputs[0].stderr
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    report = json.loads(outputs[0].stdout)
    assert len(report["systems"]) == 3 and report["comparison"]
    assert any(s["level"] == "segment" for s in report["systems"][2]["scores"])
