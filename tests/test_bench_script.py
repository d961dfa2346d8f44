"""benchmarks/bench.py on tiny inputs: its corpus, article and score files, its process runner
and its table and JSON (no timing figures are checked)."""

import argparse
import json
import resource
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from bench import time_ratio  # noqa: E402
from bench_inputs import build_corpus, load_articles, long_article, score_files  # noqa: E402
from bench_report import Results, Row, table, to_json, write_json  # noqa: E402
from bench_runs import Command, Sample, article_counts, rounds, run, run_together  # noqa: E402

from tqcheck.inputs import LoadOptions, load_paths  # noqa: E402

GERMAN = ["Der Präsident sprach am Montag.", "Er sagte nichts Neues.", "Die Börse fiel."]
REFERENCE = ["Der Präsident redete am Montag.", "Er sagte nichts.", "Die Börse sank."]
ENGLISH = ["The minister spoke on Monday about the budget.", "Nobody listened."]


@pytest.fixture()
def bench_folder(tmp_path: Path) -> Path:
    """Three article folders: German with an aligned reference, English without one, and
    German with a reference one line short."""
    files = {"a/mt.de.txt": GERMAN, "a/ref.de.txt": REFERENCE, "b/mt.en.txt": ENGLISH,
             "c/mt.de.txt": GERMAN[:2], "c/ref.de.txt": REFERENCE}
    for name, lines in files.items():
        (tmp_path / "bench" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "bench" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "bench"


def test_corpus_goes_round_the_articles_as_bare_files(bench_folder: Path, tmp_path: Path) -> None:
    corpus = build_corpus(load_articles(bench_folder), 5, tmp_path / "corpus")
    names = sorted(path.name for path in corpus.iterdir())
    assert names == ["a00001.de.txt", "a00002.en.txt", "a00003.de.txt", "a00004.de.txt",
                     "a00005.en.txt"]
    texts = [(corpus / name).read_text(encoding="utf-8").splitlines() for name in names]
    assert texts == [GERMAN, ENGLISH, GERMAN[:2], GERMAN, ENGLISH]
    reread = load_paths([str(corpus)], LoadOptions()).articles
    assert [article.target_lang for article in reread] == ["de", "en", "de", "de", "en"]


def test_long_article_is_whole_paragraphs_of_the_main_language(bench_folder: Path) -> None:
    text, lang = long_article(load_articles(bench_folder), 15)
    paragraphs = text.splitlines()
    assert lang == "de"
    assert paragraphs == (GERMAN + GERMAN[:2])[:len(paragraphs)]
    assert len(" ".join(paragraphs).split()) >= 15 > len(" ".join(paragraphs[:-1]).split())


def test_score_files_keep_only_aligned_references(bench_folder: Path, tmp_path: Path) -> None:
    hyp, ref = score_files(load_articles(bench_folder), 5, tmp_path)
    assert hyp.read_text(encoding="utf-8").splitlines() == GERMAN + GERMAN[:2]
    assert ref.read_text(encoding="utf-8").splitlines() == REFERENCE + REFERENCE[:2]


def python_command(tmp_path: Path, name: str, code: str,
                   ok_codes: tuple[int, ...] = (0,)) -> Command:
    """A command running Python code in tmp_path."""
    return Command(name, [sys.executable, "-c", code], tmp_path / f"{name}.out", tmp_path,
                   {"PATH": "/usr/bin:/bin"}, ok_codes)


def test_run_keeps_the_output_and_checks_the_exit_code(tmp_path: Path) -> None:
    sample = run(python_command(tmp_path, "hello", "print('hello')"))
    assert (tmp_path / "hello.out").read_text(encoding="utf-8") == "hello\n"
    assert sample.wall > 0 and sample.cpu > 0
    own_peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert 1 < sample.max_rss_mib < own_peak_mib  # the child's own memory, not this process's
    large = run(python_command(tmp_path, "large", "data = b'x' * (64 << 20)"))
    assert 64 < large.max_rss_mib < 64 + own_peak_mib
    run(python_command(tmp_path, "finds", "raise SystemExit(1)", ok_codes=(0, 1)))
    with pytest.raises(RuntimeError, match="broken exited with 2: oops"):
        run(python_command(tmp_path, "broken",
                           "import sys; print('oops', file=sys.stderr); sys.exit(2)"))


def test_rounds_interleave_the_tools_in_turn(tmp_path: Path) -> None:
    log = tmp_path / "order"
    commands = [python_command(tmp_path, name, f"open({str(log)!r}, 'a').write({name!r})")
                for name in ("A", "B")]
    samples = rounds(commands, 3)
    assert log.read_text() == "ABBAAB"
    assert [len(samples["A"]), len(samples["B"])] == [3, 3]


def test_table_and_json_give_rates_ratios_and_checks(tmp_path: Path) -> None:
    results = Results(rows=[Row("lint 10 articles", "fast", 10, Sample(2.0, 4.0, 50.0)),
                            Row("lint 10 articles", "slow", 10, Sample(8.0, 6.0, 30.0))],
                      checks={"same numbers": False}, skipped=["proselint: not installed"],
                      failed=["score: RuntimeError: sacrebleu exited with 1"])
    time_ratio(results, "articles/s fast / slow", "lint 10 articles", "slow", "fast")
    assert results.ratios == {"lint 10 articles: articles/s fast / slow (wall)": 4.0,
                              "lint 10 articles: articles/s fast / slow (CPU)": 1.5}
    printed = table(results)
    assert "lint 10 articles" in printed and "same numbers" in printed and "NO" in printed
    assert "proselint: not installed" in printed and "sacrebleu exited with 1" in printed
    fast = next(line for line in printed.splitlines() if " fast " in line).split()
    assert fast[-5:] == ["2.00", "4.00", "5.0", "2.5", "50.0"]
    write_json(results, tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(to_json(results)))
    assert data["rows"][1]["per_wall_second"] == 1.25
    assert data["ratios"]["lint 10 articles: articles/s fast / slow (CPU)"] == 1.5


def test_article_counts_are_sorted_distinct_and_positive() -> None:
    assert article_counts("10000,1000,1000") == [1000, 10000]
    with pytest.raises(argparse.ArgumentTypeError):
        article_counts("0,10")


def test_run_together_starts_the_commands_at_once(tmp_path: Path) -> None:
    sleepers = [python_command(tmp_path, f"sleeper{n}", "import time; time.sleep(1)")
                for n in (1, 2)]
    assert 1 <= run_together(sleepers) < 1.9  # at once, not one after the other
    with pytest.raises(RuntimeError, match="fails exited with 3"):
        run_together([python_command(tmp_path, "fails", "raise SystemExit(3)")])
