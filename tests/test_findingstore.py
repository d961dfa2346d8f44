"""The findings store: report order, ties in insertion order, whether or not it spilled."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck.findings import Finding, Severity
from tqcheck.findingstore import FindingStore


def finding(path: str, line: int, message: str) -> Finding:
    return Finding(path=path, line=line, column=1, end_line=line, end_column=2, rule="x/y",
                   category="Other", severity=Severity.INFO, message=message, text="a")


drawn = st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "c/d.txt"]),
                           st.integers(1, 4)), max_size=40)


@settings(max_examples=100, deadline=None)
@given(drawn, st.integers(1, 7))
def test_iteration_is_a_stable_sort_of_what_was_added(items, spill_at):
    findings = [finding(path, line, f"#{n}") for n, (path, line) in enumerate(items)]
    store = FindingStore(spill_at=spill_at)
    for start in range(0, len(findings), 3):
        store += findings[start:start + 3]
    expected = sorted(findings, key=lambda f: f.sort_key)
    assert len(store) == len(findings)
    assert list(store) == expected
    assert list(store) == expected  # iterating again reads the spilled runs again


def test_spilled_findings_leave_memory():
    store = FindingStore((finding("a.txt", n, "m") for n in range(25)), spill_at=10)
    assert len(store._held) == 5 and len(store._runs) == 2


def test_runs_of_several_slices_read_back_whole_and_counts_are_kept():
    findings = [finding(f"{n % 7}.txt", n, "m") for n in range(2_500)]
    findings[3] = replace(finding("z.txt", 1, "e"), rule="q/r", severity=Severity.ERROR)
    store = FindingStore(findings, spill_at=2_100)
    assert len(store._runs) == 1
    assert list(store) == sorted(findings, key=lambda f: f.sort_key)
    assert store.counts == {("info", "x/y"): 2_499, ("error", "q/r"): 1}
