"""The streaming pipeline: lazy input walks, worker processes, and what is kept of articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_tqcheck
from tqcheck import inputs
from tqcheck.config import Config
from tqcheck.inputs import InputWalk, LoadOptions, Preloaded, load_paths
from tqcheck.pipeline import PARALLEL_FROM, Linter, chunks
from tqcheck.run import StreamOptions, configured_rules, holds_one_article, lint, run_engine

# Articles of one series: the mayor's name is spelled one way in most, another in one.
SERIES = ("Mayor Dorota Wisniewska opened bridge number {n}. \u201cIt is ours,\u201d she said.\n"
          "Dorota Wisniewska thanked the workers.\n")
ODD_ONE = "Mayor Dorota Wi\u015bniewska opened the new market.\nDorota Wi\u015bniewska spoke.\n"


@pytest.fixture
def series(tmp_path: Path) -> Path:
    """More articles than the pipeline lints in process, in nested folders, one of them with
    a reference, one with a name spelled against the others, one empty."""
    root = tmp_path / "series"
    for n in range(PARALLEL_FROM + 4):
        folder = root / f"part{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{n:02d}.en.txt").write_text(SERIES.format(n=n), encoding="utf-8")
    (root / "odd.en.txt").write_text(ODD_ONE, encoding="utf-8")
    (root / "empty.en.txt").write_text("", encoding="utf-8")
    article = root / "with-ref"
    article.mkdir()
    (article / "mt.en.txt").write_text(SERIES.format(n=99), encoding="utf-8")
    (article / "ref.en.txt").write_text(SERIES.format(n=98), encoding="utf-8")
    return root


def run(root: Path, jobs: int, keep: str = "referenced"):
    config = Config()
    config.cache = False
    return lint([str(root)], [], config, LoadOptions(target_lang="en"),
                StreamOptions(jobs=jobs, keep=keep))  # type: ignore[arg-type]


def test_workers_give_the_same_findings_in_the_same_order(series: Path) -> None:
    one, two = run(series, 1), run(series, 2)
    assert list(one.findings) == list(two.findings)
    assert one.scores == two.scores and one.articles == two.articles == PARALLEL_FROM + 6
    rules = {f.rule for f in one.findings}
    assert {"names/inconsistent-spelling", "input/empty"} <= rules
    assert any(f.path.endswith("odd.en.txt") and f.suggestion == "Wisniewska"
               for f in two.findings)


def test_chunks_double_up_to_the_largest_and_keep_every_job_in_order() -> None:
    made = list(chunks(iter(range(200)), 8, 64))
    assert [len(chunk) for chunk in made] == [8, 16, 32, 64, 64, 16]
    assert [job for chunk in made for job in chunk] == list(range(200))
    assert [len(chunk) for chunk in chunks(iter(range(20)), 8, 64)] == [8, 12]


def test_only_articles_with_references_are_kept_by_default(series: Path) -> None:
    kept = run(series, 2).targets
    assert [Path(p).parent.name for p in kept] == ["with-ref"]
    assert len(run(series, 2, keep="all").targets) == PARALLEL_FROM + 6


def test_the_walk_reads_no_file_until_its_job_runs(series: Path, monkeypatch) -> None:
    read: list[Path] = []
    real = inputs.read_document
    monkeypatch.setattr(inputs, "read_document",
                        lambda path, *rest: read.append(path) or real(path, *rest))
    jobs = iter(InputWalk([str(series)], LoadOptions(target_lang="en")))
    first = next(jobs)
    assert read == []
    loaded = first()
    assert read == [series / "empty.en.txt"] and loaded.problems and not loaded.articles


def test_cli_output_is_identical_for_any_number_of_jobs(series: Path) -> None:
    outputs = [run_tqcheck("lint", str(series), "--format", "json", "--jobs", jobs,
                           "--target-lang", "en", "--no-cache", "--fail-on", "warning", cwd=ROOT)
               for jobs in ("1", "2", "3")]
    assert {o.returncode for o in outputs} == {1}
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert json.loads(outputs[0].stdout)["summary"]["articles"] == PARALLEL_FROM + 6


def test_a_linter_told_not_to_compare_across_summarises_nothing(series: Path) -> None:
    config = Config()
    engine = run_engine(configured_rules(config), config)
    job = Preloaded(load_paths([str(series)], LoadOptions(target_lang="en")))
    assert Linter(engine)(job).summaries["names/inconsistent-spelling"]
    assert Linter(engine, across=False)(job).summaries == {}


def test_stdin_or_one_file_is_one_article_and_nothing_else_is(tmp_path: Path) -> None:
    article = ROOT / "corpus" / "fr-belarus-opposition-vilnius"
    bare = tmp_path / "note.en.txt"
    bare.write_text("Minister Anna Koval spoke.\n", encoding="utf-8")
    assert holds_one_article(["-"], [])
    assert holds_one_article([str(bare)], [])
    assert holds_one_article([str(article / "mt.en.txt")], [])
    assert not holds_one_article([str(article)], [])
    assert not holds_one_article([str(bare), str(bare)], [])
    assert not holds_one_article(["-"], [bare])
    assert not holds_one_article([str(tmp_path / "missing.txt")], [])
