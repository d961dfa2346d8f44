"""The progress line: only on a terminal, only for slow runs, never in the report."""

from __future__ import annotations

from tests.helpers import ROOT, run_tqcheck
from tqcheck.progress import Progress


def test_nothing_is_shown_before_the_delay_or_off_a_terminal(capsys) -> None:
    with Progress(delay=60, enabled=True) as slow_to_show, Progress(delay=0,
                                                                     enabled=False) as off:
        for done in range(1, 4):
            slow_to_show(done)
            off(done)
        assert slow_to_show._bar is None and off._bar is None
    assert capsys.readouterr().err == ""


def test_a_slow_run_on_a_terminal_shows_its_count() -> None:
    with Progress(delay=0, enabled=True) as progress:
        progress(7)
        assert progress._bar is not None
        [task] = progress._bar.tasks
        assert task.description.startswith("linted 7 inputs")


def test_a_piped_run_prints_only_the_report() -> None:
    run = run_tqcheck("lint", "corpus", "--format", "json", "--jobs", "2", cwd=ROOT)
    assert run.stderr == b"" and run.stdout.startswith(b"{")
