"""Per-segment sufficient statistics of sacrebleu metrics, in worker processes when more than
one job is asked for. A segment's statistics do not depend on the other segments, so any split
of the segments gives the same statistics, in the same order, as one sequential pass."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric

MetricMaker = Callable[[str, str], "Metric"]
Statistics = list[Any]  # one segment's statistics (counts for BLEU and chrF, edits for TER)
# Pieces per worker: small enough that no worker waits long for the last one (many short
# articles are sent a few pieces at a time).
PIECES_PER_WORKER = 32


@dataclass(frozen=True)
class Task:
    """One metric (with its BLEU tokenizer) on some segments: hypotheses and reference
    streams as sacrebleu takes them."""

    metric: str
    tokenizer: str
    hyps: list[str]
    refs: list[list[str]]

    def pieces(self, size: int) -> list[Task]:
        """The task cut into consecutive tasks of at most `size` segments."""
        return [Task(self.metric, self.tokenizer, self.hyps[start:start + size],
                     [stream[start:start + size] for stream in self.refs])
                for start in range(0, len(self.hyps), size)]


@cache
def shared_metric(make: MetricMaker, name: str, tokenizer: str) -> Metric:
    """One metric object per process for each metric and tokenizer (shared by the
    statistics and the scores computed from them)."""
    return make(name, tokenizer)


def extract(make: MetricMaker, task: Task) -> list[Statistics]:
    """The statistics of each segment of a task, as sacrebleu extracts them."""
    metric = shared_metric(make, task.metric, task.tokenizer)
    return metric._extract_corpus_statistics(task.hyps, task.refs)


def segment_statistics(tasks: list[Task], make: MetricMaker, jobs: int) -> list[list[Statistics]]:
    """Each task's per-segment statistics, computed by `jobs` worker processes (1: in this
    process); `make` builds a metric from its name and tokenizer."""
    total = sum(len(task.hyps) for task in tasks)
    if jobs <= 1 or total <= 1:
        return [extract(make, task) for task in tasks]
    from concurrent.futures import ProcessPoolExecutor  # only when workers are used

    size = math.ceil(total / (jobs * PIECES_PER_WORKER))
    pieces = [(number, piece) for number, task in enumerate(tasks) for piece in task.pieces(size)]
    found: list[list[Statistics]] = [[] for _ in tasks]
    with ProcessPoolExecutor(min(jobs, len(pieces))) as pool:
        done = pool.map(partial(extract, make), [piece for _, piece in pieces],
                        chunksize=max(1, len(pieces) // (jobs * PIECES_PER_WORKER)))
        for (number, _), stats in zip(pieces, done, strict=True):
            found[number] += stats
    return found
