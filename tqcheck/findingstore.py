"""The findings of a run in bounded memory: up to a limit in memory, the rest written to
temporary files in sorted runs, and read back merged, in report order, when iterated."""

from __future__ import annotations

import heapq
import pickle
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tqcheck.findings import Finding

SPILL_AT = 10_000  # findings held in memory before they are written out
SLICE = 1_000  # findings pickled together in a run file


def _sort_key(finding: Finding) -> tuple:
    return finding.sort_key


class FindingStore:
    """Findings, iterated in sorted order (ties keep the order they were added in), counted
    by severity and rule as they are added (so that counting never reads spilled runs)."""

    def __init__(self, findings: Iterable[Finding] = (), spill_at: int = SPILL_AT) -> None:
        self.spill_at = spill_at
        self._held: list[Finding] = []
        self._runs: list[Path] = []
        self._count = 0
        self.counts: Counter[tuple[str, str]] = Counter()  # by (severity, rule id)
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.extend(findings)

    def extend(self, findings: Iterable[Finding]) -> None:
        """Add findings."""
        for finding in findings:
            self._held.append(finding)
            self._count += 1
            self.counts[finding.severity.value, finding.rule] += 1
            if len(self._held) >= self.spill_at:
                self._spill()

    def __iadd__(self, findings: Iterable[Finding]) -> FindingStore:
        self.extend(findings)
        return self

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Finding]:
        self._held.sort(key=_sort_key)
        return heapq.merge(*map(_read_run, self._runs), list(self._held), key=_sort_key)

    def _spill(self) -> None:
        """Write the held findings out as one sorted run."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="tqcheck-findings-")
            weakref.finalize(self, self._folder.cleanup)
        path = Path(self._folder.name) / f"run-{len(self._runs)}.pickle"
        self._held.sort(key=_sort_key)
        with path.open("wb") as stream:
            for start in range(0, len(self._held), SLICE):
                pickle.dump(self._held[start:start + SLICE], stream,
                            protocol=pickle.HIGHEST_PROTOCOL)
        self._runs.append(path)
        self._held = []


def _read_run(path: Path) -> Iterator[Finding]:
    """The findings of one run file, in order (pickled a slice at a time)."""
    with path.open("rb") as stream:
        while True:
            try:
                yield from pickle.load(stream)  # noqa: S301 - a file this run wrote itself
            except EOFError:
                return
