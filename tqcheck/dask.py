"""Lint on a Dask cluster: the load jobs of a run become a bag, each partition is read and
linted on the worker that holds it, and the outcomes are gathered in input order for what
needs the whole corpus (names compared across articles, scores, the sorted findings).

Paths may be fsspec URLs (`s3://bucket/news`, `file:///data`); the workers must reach them
and have tqcheck installed. Needs the `dask` extra: `pip install 'tqcheck[dask]'`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import dask
import dask.bag as db
from dask.bag import Bag
from dask.delayed import Delayed
from distributed import Client
from fsspec import get_filesystem_class
from fsspec.core import split_protocol
from upath import UPath

from tqcheck.config import Config
from tqcheck.documents import Article
from tqcheck.engine import Rule
from tqcheck.errors import TqcheckError
from tqcheck.inputs import InputWalk, Job, Loaded, LoadOptions, Preloaded
from tqcheck.pipeline import CHUNK, Keep, Linter, Outcome, gather
from tqcheck.run import LintResult, configured_rules, finish, run_engine

CONNECT_SECONDS = 5


def connect(address: str) -> Client:
    """A client of the Dask scheduler at an address (the default scheduler while it is open);
    a TqcheckError when no scheduler answers there within a few seconds."""
    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except Exception as error:  # noqa: BLE001 - a bad address or a server that is no scheduler
        raise TqcheckError(f"cannot reach the Dask scheduler at {address}: "
                           f"{type(error).__name__}: {error}") from None


def lint_on_cluster(address: str, paths: list[str], jsonl: list[Path], config: Config,
                    options: LoadOptions, keep: Keep = "referenced") -> LintResult:
    """`lint_paths` on the Dask cluster of the scheduler at an address."""
    with connect(address):
        return lint_paths(paths, jsonl, config, options, keep)


def fs_path(raw: str) -> Path:
    """A command-line path: of its fsspec file system for a URL, else a local one; a
    TqcheckError for a file system that is unknown or whose package is not installed."""
    protocol, _ = split_protocol(raw)
    if not protocol:
        return Path(raw)
    try:
        get_filesystem_class(protocol)
    except (ImportError, ValueError) as error:
        raise TqcheckError(f"cannot read {raw}: {error}") from None
    return UPath(raw)


def lint_paths(paths: list[str], jsonl: list[Path], config: Config, options: LoadOptions,
               keep: Keep = "referenced") -> LintResult:
    """The result of run.lint, with the articles read and linted by the Dask scheduler in use
    (the folders are listed here, the files read on the workers)."""
    walk = InputWalk(paths, options, jsonl, path_of=fs_path)
    jobs = db.from_sequence(list(walk), partition_size=CHUNK)
    result: LintResult = lint_job_bag(jobs, configured_rules(config), config, keep).compute()
    result.missing, result.empty_dirs = walk.missing, walk.empty_dirs
    return result


def lint_bag(articles: Bag, rules: list[Rule], config: Config) -> Bag:
    """The findings of a bag of articles, ordered as a local run orders them (in one
    partition): each article linted on a worker, names compared across the whole bag."""
    return db.from_delayed([lint_job_bag(articles.map(article_job), rules, config).findings])


def lint_job_bag(jobs: Bag, rules: list[Rule], config: Config,
                 keep: Keep = "referenced") -> Delayed:
    """The LintResult of a bag of load jobs, lazily: each partition linted on a worker into
    one outcome, the outcomes gathered in order, then finished like a local run."""
    linter = dask.delayed(Linter(run_engine(rules, config), keep))
    gathered = jobs.map_partitions(lint_partition, linter).reduction(gather, gather)
    return dask.delayed(finish)(gathered, linter.engine, config)


def article_job(article: Article) -> Job:
    """The load job of an article already read."""
    return Preloaded(Loaded(articles=[article]))


def lint_partition(jobs: Iterable[Job], linter: Linter) -> list[Outcome]:
    """The outcome of the jobs of one partition, as a partition of one."""
    return [gather(map(linter, jobs))]
