"""Articles through the rules as a stream: each load job is read and linted on its own, in
this process or spread over worker processes, and its outcome comes back in input order.

Only what later steps need is kept of an article once it is linted: its findings, the
summaries of cross-article rules, its word count, and the article itself when asked for
(references to score, fixes to apply, a report that shows every article).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import reduce
from itertools import chain, islice
from typing import Literal, TypeVar

from tqcheck.checks.base import Summary
from tqcheck.documents import Article
from tqcheck.engine import Engine
from tqcheck.findings import Finding
from tqcheck.findingstore import FindingStore
from tqcheck.inputs import Job
from tqcheck.mqm import word_count

Keep = Literal["referenced", "fixable", "all"]
"""Which whole articles an outcome keeps: those with references (always, for scoring),
also those with a fixable finding, or all of them."""


def keep_for(report_shows_articles: bool, fix: bool) -> Keep:
    """What a run keeps: every article for a report that shows them (which covers `--fix`),
    the fixable ones to fix them, else only what scoring needs."""
    return "all" if report_shows_articles else "fixable" if fix else "referenced"


PARALLEL_FROM = 16  # fewer jobs than this are linted in process: workers would cost more
CHUNK = 8  # jobs in a worker's first chunk (and in each Dask partition)
LARGEST_CHUNK = 64  # ... doubling up to this: fewer, larger results cost the run less
IN_FLIGHT = 4  # chunks per worker sent ahead of the results read


@dataclass
class Outcome:
    """What linting load jobs left: how many jobs and articles, findings (input problems
    included), summaries for cross-article rules (by rule id), the words of each target path
    (summed when two articles share one, as JSONL lines with one id do), and the articles
    kept whole."""

    inputs: int = 0
    articles: int = 0
    findings: list[Finding] | FindingStore = field(default_factory=list)
    summaries: dict[str, list[Summary]] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    kept: list[Article] = field(default_factory=list)

    def extend(self, other: Outcome) -> Outcome:
        """Add a later outcome to this one (summaries stay in article order); returns self."""
        self.inputs += other.inputs
        self.articles += other.articles
        self.findings += other.findings
        for rule_id, more in other.summaries.items():
            self.summaries.setdefault(rule_id, []).extend(more)
        for path, words in other.words.items():
            self.words[path] = self.words.get(path, 0) + words
        self.kept += other.kept
        return self


@dataclass(frozen=True)
class Linter:
    """Lints the articles of one job with an engine, keeping what `keep` asks for, and
    summarising them for cross-article rules unless `across` is off (a run of one article
    has nothing to compare)."""

    engine: Engine
    keep: Keep = "referenced"
    across: bool = True

    def __call__(self, job: Job) -> Outcome:
        loaded = job()
        outcome = Outcome(inputs=1, articles=len(loaded.articles))
        found_in_job = list(loaded.problems)
        for article in loaded.articles:
            # summarised first: a rule may then reuse in its check what summarising found
            summaries, failures = self.engine.summarise(article) if self.across else ({}, [])
            found = self.engine.lint(article)
            found_in_job += found + failures
            for rule_id, summary in summaries.items():
                outcome.summaries.setdefault(rule_id, []).append(summary)
            path = article.target.path
            outcome.words[path] = outcome.words.get(path, 0) + word_count(article.target.checkable)
            if self._keeps(article, found):
                outcome.kept.append(article)
        outcome.findings = self.engine.reported(found_in_job)
        return outcome

    def _keeps(self, article: Article, found: list[Finding]) -> bool:
        """Whether a later step needs the whole article."""
        return (bool(article.refs) or self.keep == "all"
                or (self.keep == "fixable" and any(f.fixable for f in found)))


def default_jobs() -> int:
    """Worker processes when none are asked for: one per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1


def outcomes(jobs: Iterable[Job], linter: Linter, processes: int) -> Iterator[Outcome]:
    """The outcomes of all jobs, in the order of the jobs, linted by `processes` workers
    (in this process when 1, or when there are only a few jobs). Workers lint `CHUNK` jobs
    at a time at first, then twice as many each time up to `LARGEST_CHUNK` (so that a few
    dozen jobs are still spread over the workers), and only a few chunks per worker are in
    flight, so memory stays bounded however many jobs there are."""
    jobs = iter(jobs)
    first = list(islice(jobs, PARALLEL_FROM))
    if processes <= 1 or len(first) < PARALLEL_FROM:
        yield from map(linter, chain(first, jobs))
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # Fork where the platform has it (workers inherit the loaded rules), else spawn.
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context,
                             initializer=_start_worker, initargs=(linter,)) as pool:
        pending: deque[Future[Outcome]] = deque()
        for chunk in chunks(chain(first, jobs), CHUNK, LARGEST_CHUNK):
            pending.append(pool.submit(_lint_in_worker, chunk))
            if len(pending) >= IN_FLIGHT * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


Item = TypeVar("Item")


def chunks(items: Iterable[Item], size: int, largest: int) -> Iterator[list[Item]]:
    """Consecutive lists of items: `size` items, then twice as many each time up to
    `largest` (the last list shorter)."""
    items = iter(items)
    while chunk := list(islice(items, size)):
        yield chunk
        size = min(2 * size, largest)


_worker_linter: Linter | None = None


def _start_worker(linter: Linter) -> None:
    """Set up a worker process with the run's linter."""
    global _worker_linter
    _worker_linter = linter


def _lint_in_worker(jobs: list[Job]) -> Outcome:
    """Lint consecutive jobs in a worker process, as one outcome."""
    assert _worker_linter is not None, "worker started without a linter"
    return gather(map(_worker_linter, jobs))


def gather(outcomes: Iterable[Outcome]) -> Outcome:
    """Outcomes, in order, as one."""
    return reduce(Outcome.extend, outcomes, Outcome())
