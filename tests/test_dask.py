"""Linting on a Dask cluster gives the findings of a local run, in the same order."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, run_tqcheck
from tqcheck.config import Config
from tqcheck.errors import TqcheckError
from tqcheck.inputs import LoadOptions
from tqcheck.run import LintResult, configured_rules, lint, load_inputs

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
tqcheck_dask = pytest.importorskip("tqcheck.dask")

# A series of reports on one person, whose name one of them spells another way.
STORY = ("Coach Tomasz Zielinski named the team for match {n}. \u201cWe are ready,\u201d he said.\n"
         "Tomasz Zielinski trains the side in Gdansk.\n")
ODD_ONE = "Coach Tomasz Zieli\u0144ski praised the fans.\nTomasz Zieli\u0144ski smiled.\n"


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports on one coach (one with a reference), an empty file, and last a letter that
    spells his name another way."""
    root = tmp_path_factory.mktemp("news")
    (root / "matches").mkdir()
    for n in range(4):
        (root / "matches" / f"match{n}.en.txt").write_text(STORY.format(n=n), encoding="utf-8")
    (root / "empty.en.txt").write_text("", encoding="utf-8")
    (root / "final").mkdir()
    (root / "final" / "mt.en.txt").write_text(STORY.format(n=9), encoding="utf-8")
    (root / "final" / "ref.en.txt").write_text(STORY.format(n=10), encoding="utf-8")
    (root / "z-letters").mkdir()
    (root / "z-letters" / "fans.en.txt").write_text(ODD_ONE, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def paths(news: Path) -> list[str]:
    return [str(ROOT / "corpus"), str(news)]


@pytest.fixture(scope="module")
def config() -> Config:
    config = Config()
    config.cache = False
    return config


@pytest.fixture(scope="module")
def local(paths: list[str], config: Config) -> LintResult:
    """The findings of a run in this process."""
    result = lint(paths, [], config, LoadOptions(target_lang="en"))
    assert any(f.rule == "names/inconsistent-spelling" and f.path.endswith("fans.en.txt")
               for f in result.findings)
    assert any(f.rule == "input/empty" for f in result.findings)
    return result


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture
def client(cluster: distributed.LocalCluster) -> Iterator[distributed.Client]:
    with distributed.Client(cluster) as client:
        yield client


def test_a_bag_of_articles_gives_the_local_findings(paths: list[str], news: Path,
                                                    config: Config, local: LintResult,
                                                    client: distributed.Client) -> None:
    articles = load_inputs(paths, [], LoadOptions(target_lang="en")).articles
    bag = dask_bag.from_sequence(articles, partition_size=5)
    last = bag.to_delayed()[-1].compute()
    assert [a.id for a in last] == [str(news / "z-letters" / "fans.en.txt")]  # on its own
    found = tqcheck_dask.lint_bag(bag, configured_rules(config), config).compute()
    # A bag holds only the articles that could be read: no findings about unreadable inputs.
    assert found == [f for f in local.findings if not f.rule.startswith("input/")]


def test_paths_read_on_the_workers_give_the_local_result(paths: list[str], config: Config,
                                                         local: LintResult,
                                                         client: distributed.Client) -> None:
    remote = tqcheck_dask.lint_paths(paths, [], config, LoadOptions(target_lang="en"))
    assert list(remote.findings) == list(local.findings)
    assert remote.scores == local.scores and remote.articles == local.articles


def test_urls_are_read_with_fsspec(news: Path, config: Config,
                                   client: distributed.Client) -> None:
    here = lint([str(news)], [], config, LoadOptions(target_lang="en")).findings
    remote = tqcheck_dask.lint_paths([news.as_uri()], [], config, LoadOptions(target_lang="en"))
    assert all(f.path.startswith("file://") for f in remote.findings)
    assert [replace(f, path=f.path.removeprefix("file://")) for f in remote.findings] == list(here)


def test_the_command_line_lints_on_a_scheduler(paths: list[str], local: LintResult,
                                               cluster: distributed.LocalCluster,
                                               tmp_path: Path) -> None:
    done = run_tqcheck("lint", "--dask-scheduler", cluster.scheduler_address, "--no-cache",
                       "--target-lang", "en", "--format", "json", *paths, cwd=tmp_path)
    assert done.returncode == (1 if local.fails("error") else 0), done.stderr
    assert json.loads(done.stdout)["findings"] == [f.to_dict() for f in local.findings]


def test_an_unreachable_scheduler_is_one_error_line(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"
    done = run_tqcheck("lint", "--dask-scheduler", address, str(tmp_path), cwd=tmp_path)
    assert done.returncode == 2
    [line] = done.stderr.decode().splitlines()
    assert line.startswith(f"tqcheck: error: cannot reach the Dask scheduler at {address}: ")


def test_without_the_extra_the_option_says_what_to_install(tmp_path: Path) -> None:
    hide_dask = ("import sys; sys.modules['distributed'] = None; from tqcheck.cli import main; "
                 "sys.argv[1:] = ['lint', '--dask-scheduler', 'tcp://127.0.0.1:8786', '.']; "
                 "main()")
    done = subprocess.run([sys.executable, "-c", hide_dask], cwd=tmp_path, capture_output=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(
        "tqcheck: error: --dask-scheduler needs the dask extra: pip install 'tqcheck[dask]'")


def test_a_url_of_an_unknown_file_system_is_an_error() -> None:
    with pytest.raises(TqcheckError, match="^cannot read nosuch://news/: "):
        tqcheck_dask.fs_path("nosuch://news/")
