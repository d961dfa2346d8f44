"""Whole-process benchmark of tqcheck, side by side with proselint and sacrebleu.

    python benchmarks/bench.py ../shared/bench/mqm-dev [--articles 1000,10000] [--runs N]
                               [--segments N] [--skip-proselint] [--skip-score] [--json FILE]

From a folder of real articles it builds corpora of bare translation files (the articles
repeat as needed), then measures, running the tools' repetitions interleaved so that changes
in the machine's load fall on all alike, and prints the medians and their ratios:

- lint: articles per second of `tqcheck lint` on one core and with --jobs 2, and of
  `proselint check` on the same files of the first corpus; peak memory, and how it grows
  with the corpus;
- the CPU cost per article of each rule type, in-process (rule_cost.py), on the first corpus;
- cold start: one ~800-word article, a fresh process each time (file and rule caches warm);
- score: `tqcheck score` (BLEU, chrF, TER) against the sacrebleu command line on the same
  files, checking that the numbers are identical;
- the machine's own bound on --jobs 2: a fixed pure-Python loop run alone, then two copies
  at once (twice the first time over the second: 2.0 on two idle cores of their own).

Both linters' modules are compiled to bytecode first, as installing them does. proselint is
installed (once) in benchmarks/.venv-proselint; without it, its columns are skipped.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench_inputs import build_corpus, load_articles, long_article, score_files
from bench_proselint import proselint_python
from bench_report import Results, Row, table, write_json
from bench_runs import (
    Command,
    Sample,
    Unavailable,
    article_counts,
    compile_bytecode,
    median,
    printed_lines,
    rounds,
    run,
    run_together,
)
from rule_cost import measure

import tqcheck
from tqcheck.documents import Article

TQCHECK = [sys.executable, "-m", "tqcheck"]
LOOP = "n = 0\nfor i in range(10_000_000):\n    n += i"  # about a second of one core's work
METRICS = ["bleu", "chrf", "ter"]
TOKENIZER = "13a"  # given to both scorers, whatever the language of the files


@dataclass(frozen=True)
class Setup:
    """What every measurement shares: the working folder (inputs, outputs, and the processes'
    working folder), their environment, the number of runs, and proselint's interpreter."""

    work: Path
    env: dict[str, str]
    runs: int
    proselint: Path | None

    def command(self, name: str, argv: list[str], ok_codes: tuple[int, ...] = (0,)) -> Command:
        """A command run in the working folder, its output kept under a name made from `name`."""
        slug = "".join(c if c.isalnum() else "-" for c in name)
        return Command(name, argv, self.work / f"{slug}.out", self.work, self.env, ok_codes)


def tqcheck_lint(setup: Setup, path: Path, jobs: int | None) -> Command:
    """`tqcheck lint PATH` with all default rules, the JSON report written to a file."""
    report = setup.work / f"report-{path.name}-{jobs}.json"
    argv = [*TQCHECK, "lint", str(path), "--format", "json", "-o", str(report), "--exit-zero"]
    if jobs is None:
        return setup.command("tqcheck", argv)
    return setup.command(f"tqcheck --jobs {jobs}", [*argv, "--jobs", str(jobs)])


def proselint_check(setup: Setup, python: Path, path: Path) -> Command:
    """`proselint check PATH`, JSON out; it exits 1 when it finds something, as it should."""
    return setup.command("proselint", [str(python), "-m", "proselint", "check",
                                       "--output-format", "json", str(path)], ok_codes=(0, 1))


def record(results: Results, task: str, items: int, samples: dict[str, list[Sample]]) -> None:
    """Add the medians of each tool's runs as rows of the task."""
    results.rows += [Row(task, tool, items, median(runs)) for tool, runs in samples.items()]


def time_ratio(results: Results, label: str, task: str, top: str, bottom: str) -> None:
    """Add `label`: the top tool's median time over the bottom tool's, wall-clock and CPU."""
    over, under = results.row(task, top).median, results.row(task, bottom).median
    results.ratios[f"{task}: {label} (wall)"] = over.wall / under.wall
    results.ratios[f"{task}: {label} (CPU)"] = over.cpu / under.cpu


def cold_start(results: Results, setup: Setup, articles: list[Article], words: int,
               runs: int) -> None:
    """One long article, linted by a fresh process each time, after a first untimed run of
    each tool (which fills the file cache and tqcheck's rule cache)."""
    text, lang = long_article(articles, words)
    path = setup.work / f"article.{lang}.txt" if lang else setup.work / "article.txt"
    path.write_text(text, encoding="utf-8")
    commands = [tqcheck_lint(setup, path, None)]
    if setup.proselint:
        commands.append(proselint_check(setup, setup.proselint, path))
    for command in commands:
        run(command)
    task = f"cold start, {len(text.split())} words"
    record(results, task, 1, rounds(commands, runs))
    if setup.proselint:
        time_ratio(results, "time tqcheck / proselint", task, "tqcheck", "proselint")


def lint(results: Results, setup: Setup, corpora: dict[int, Path]) -> None:
    """Articles per second and peak memory of each tool on each corpus (proselint on the
    smallest alone: it takes ten times as long as the rest of a round)."""
    one_core = "tqcheck --jobs 1"
    smallest, largest = min(corpora), max(corpora)
    for size, corpus in corpora.items():
        commands = [tqcheck_lint(setup, corpus, 1), tqcheck_lint(setup, corpus, 2)]
        compared = setup.proselint is not None and size == smallest
        if compared:
            commands.append(proselint_check(setup, setup.proselint, corpus))
        task = f"lint {size} articles"
        print(f"{task} ...", file=sys.stderr, flush=True)
        record(results, task, size, rounds(commands, setup.runs))
        time_ratio(results, "speed-up of --jobs 2", task, one_core, "tqcheck --jobs 2")
        if compared:
            time_ratio(results, "articles/s tqcheck / proselint", task, "proselint", one_core)
    if largest > smallest:
        results.ratios[f"max RSS {largest} / {smallest} articles ({one_core})"] = (
            results.row(f"lint {largest} articles", one_core).median.max_rss_mib
            / results.row(f"lint {smallest} articles", one_core).median.max_rss_mib)


def parallel_bound(results: Results, setup: Setup, runs: int) -> None:
    """How much sooner two processes finish two equal CPU-bound jobs than one does them in
    turn, here: the most any --jobs 2 speed-up can be on this machine."""
    print("parallel bound ...", file=sys.stderr, flush=True)
    loops = [setup.command(f"python loop {n}", [sys.executable, "-c", LOOP]) for n in (1, 2)]
    alone, together = [], []
    for _ in range(runs):
        alone.append(run_together(loops[:1]))
        together.append(run_together(loops))
    results.ratios["machine: speed-up of two processes at once (a Python loop)"] = (
        2 * statistics.median(alone) / statistics.median(together))


def rule_cost(results: Results, corpus: Path, repeat: int) -> None:
    """CPU milliseconds per article of each rule type, measured in this process."""
    print(f"rule cost on {corpus.name} ...", file=sys.stderr, flush=True)
    results.ms_per_article_by_rule_type = measure(corpus, repeat)["ms_per_article_by_type"]


def score(results: Results, setup: Setup, articles: list[Article], segments: int) -> None:
    """`tqcheck score` against `sacrebleu` on the same files; their numbers must agree."""
    hyp, ref = score_files(articles, segments, setup.work)
    commands = [setup.command("sacrebleu", [sys.executable, "-m", "sacrebleu", str(ref),
                                            "-i", str(hyp), "-m", *METRICS, "-tok", TOKENIZER,
                                            "-f", "text"])]
    argv = [*TQCHECK, "score", "--hyp", str(hyp), "--ref", str(ref), "-m", ",".join(METRICS),
            "--tokenize", TOKENIZER]
    commands += [setup.command(f"tqcheck score --jobs {n}", [*argv, "--jobs", str(n)])
                 for n in (1, 2)]
    task = f"score {segments} segments"
    print(f"{task} ...", file=sys.stderr, flush=True)
    record(results, task, segments, rounds(commands, setup.runs))
    expected = printed_lines(commands[0].stdout)
    for command in commands[1:]:
        results.checks[f"{task}: {command.name} prints sacrebleu's numbers"] = (
            printed_lines(command.stdout) == expected)
        time_ratio(results, f"time {command.name} / sacrebleu", task, command.name, "sacrebleu")


def find_proselint(results: Results, skip: bool) -> Path | None:
    """proselint's interpreter, or None (and a note why) when it is skipped or cannot be had."""
    if skip:
        results.skipped.append("proselint: --skip-proselint")
        return None
    try:
        return proselint_python()
    except Unavailable as reason:
        results.skipped.append(str(reason))
        return None


def load_average() -> str:
    """The machine's load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder of real articles, e.g. the MQM bench")
    parser.add_argument("--articles", type=article_counts, default=[1000, 10000],
                        help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each tool per measurement (default 3)")
    parser.add_argument("--cold-runs", type=int, default=5,
                        help="runs of each tool on the single article (default 5)")
    parser.add_argument("--words", type=int, default=800,
                        help="words of the single article (default 800)")
    parser.add_argument("--segments", type=int, default=30,
                        help="segments scored (default 30; TER makes long ones slow)")
    parser.add_argument("--skip-proselint", action="store_true", help="measure tqcheck alone")
    parser.add_argument("--skip-score", action="store_true", help="do not time scoring")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    return parser.parse_args(argv)


def attempt(results: Results, name: str, stage: Callable[[], None]) -> None:
    """Run one stage; when it fails, note why and go on with the others (the run then fails)."""
    try:
        stage()
    except Exception as error:  # one failing stage must not cost the figures of the others
        results.failed.append(f"{name}: {type(error).__name__}: {error}")


def main(argv: list[str] | None = None) -> int:
    """Measure, print the table (and write the JSON); 1 when a stage or a check fails."""
    args = parse_args(argv)
    articles = load_articles(args.folder)
    results = Results(machine={"cpus": os.cpu_count(), "load average before": load_average(),
                               "python": platform.python_version(),
                               "tqcheck": tqcheck.__version__, "runs": args.runs})
    proselint = find_proselint(results, args.skip_proselint)
    compile_bytecode(sys.executable, "tqcheck")
    if proselint:
        compile_bytecode(proselint, "proselint")
    with tempfile.TemporaryDirectory(prefix="tqcheck-bench-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "NO_COLOR": "1", "XDG_CACHE_HOME": str(work / "cache")}
        setup = Setup(work, env, args.runs, proselint)
        corpora = {size: build_corpus(articles, size, work / f"corpus-{size}")
                   for size in args.articles}
        stages = [("cold start", partial(cold_start, results, setup, articles, args.words,
                                         args.cold_runs)),
                  ("rule cost", partial(rule_cost, results, corpora[min(corpora)], args.runs)),
                  ("lint", partial(lint, results, setup, corpora)),
                  ("parallel bound", partial(parallel_bound, results, setup, args.cold_runs))]
        if args.skip_score:
            results.skipped.append("score: --skip-score")
        else:
            stages.append(("score", partial(score, results, setup, articles, args.segments)))
        for name, stage in stages:
            attempt(results, name, stage)
    results.machine["load average after"] = load_average()
    print(table(results))
    if args.json:
        write_json(results, args.json)
    return 0 if all(results.checks.values()) and not results.failed else 1


if __name__ == "__main__":
    sys.exit(main())
