"""A progress line on a terminal, for runs that take more than a moment.

It goes to standard error, only when that is a terminal, and only after `delay` seconds,
so quick runs, pipes and machine-readable reports never see it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress


class Progress:
    """Counts finished inputs; shows the count, rate and time once the run is slow."""

    def __init__(self, delay: float = 2.0, enabled: bool | None = None) -> None:
        self.delay = delay
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._bar: RichProgress | None = None
        self._task = 0

    def __call__(self, done: int) -> None:
        """Note that `done` inputs are finished."""
        if self._bar is None:
            if not self.enabled or time.monotonic() - self.started < self.delay:
                return
            self._bar = self._open()
        rate = done / max(time.monotonic() - self.started, 1e-9)
        self._bar.update(self._task, description=f"linted {done} inputs ({rate:.0f}/s)")

    def _open(self) -> RichProgress:
        """Start the rich progress display (imported only when it is shown)."""
        from rich.console import Console
        from rich.progress import Progress as RichProgress
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        bar = RichProgress(SpinnerColumn(), TextColumn("{task.description}"),
                           TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self._task = bar.add_task("linting", total=None)
        bar.start()
        return bar

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
