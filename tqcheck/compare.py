"""Comparing systems on the same segments with sacrebleu's paired significance tests
(paired bootstrap resampling, approximate randomization)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from tqcheck.scoring import Aligned, make_metric

Test = Literal["bs", "ar"]
DEFAULT_SAMPLES = {"bs": 1000, "ar": 10000}
DEFAULT_SEED = 12345


@dataclass(frozen=True)
class Outcome:
    """One system's result on one metric: its score and, against the baseline, the p-value;
    with bootstrap, the estimated true mean and the half-width of its 95% interval."""

    score: float
    p_value: float | None
    mean: float | None
    ci: float | None


@dataclass
class Comparison:
    """A paired test of systems against the first one (the baseline)."""

    test: Test
    samples: int
    seed: int
    systems: list[str]
    signatures: dict[str, str]
    outcomes: dict[str, list[Outcome]]  # by metric name (BLEU, chrF2...), in system order


@contextmanager
def sacrebleu_seed(seed: int) -> Iterator[None]:
    """Set the seed sacrebleu's tests read (SACREBLEU_SEED) for the duration of a test."""
    saved = os.environ.get("SACREBLEU_SEED")
    os.environ["SACREBLEU_SEED"] = str(seed)
    try:
        yield
    finally:
        if saved is None:
            del os.environ["SACREBLEU_SEED"]
        else:
            os.environ["SACREBLEU_SEED"] = saved


def streams(items: list[Aligned]) -> tuple[list[str], list[list[str | None]]]:
    """Hypothesis lines and reference streams of aligned articles, concatenated (articles with
    fewer references get None, sacrebleu's placeholder)."""
    nrefs = max(len(item.refs) for item in items)
    hyps: list[str] = []
    refs: list[list[str | None]] = [[] for _ in range(nrefs)]
    for item in items:
        hyps += item.hyps
        for number, stream in enumerate(refs):
            stream += item.refs[number] if number < len(item.refs) else [None] * len(item.hyps)
    return hyps, refs


def compare(systems: list[tuple[str, list[Aligned]]], metrics: tuple[str, ...], tokenizer: str,
            test: Test = "bs", samples: int = 0, seed: int = DEFAULT_SEED,
            jobs: int = 1) -> Comparison:
    """Run sacrebleu's paired test of each system against the first, on the first system's
    references (every system must have the same segments), with up to `jobs` processes
    (sacrebleu's, one system each)."""
    from sacrebleu.significance import PairedTest

    _, refs = streams(systems[0][1])
    named = [(name, streams(items)[0]) for name, items in systems]
    chosen = {name: make_metric(name, tokenizer) for name in metrics}
    with sacrebleu_seed(seed):
        paired = PairedTest(named, chosen, references=refs, test_type=test,
                            n_samples=samples or DEFAULT_SAMPLES[test],
                            n_jobs=max(1, min(jobs, len(systems) - 1)))
        signatures, results = paired()
    outcomes = {metric: [Outcome(*(None if v is None else float(v)  # numpy scalars to float
                                   for v in (r.score, r.p_value, r.mean, r.ci)))
                         for r in column]
                for metric, column in results.items() if metric != "System"}
    return Comparison(test, paired.n_samples, seed, [name for name, _ in systems],
                      {metric: sig.format() for metric, sig in signatures.items()}, outcomes)
