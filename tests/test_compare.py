"""Comparing systems gives the p-values, means and intervals of sacrebleu's --paired-bs and
--paired-ar with the same seed, number of samples and metrics."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.test_scoring import BENCH, FIXTURE, bench_systems, sacrebleu, system_tree, tqcheck_score

KEYS = ("score", "p_value", "mean", "ci")
NUMBER = re.compile(r"\d+\.\d+")


def ours_table(*args: str | Path) -> list[dict]:
    """Per system, per metric name: score, p-value, mean and interval from `tqcheck score`."""
    done = tqcheck_score(*args, "-f", "json")
    assert done.returncode == 0, done.stderr
    comparison = json.loads(done.stdout)["comparison"]
    return [{m: {k: v[k] for k in KEYS} for m, v in row.items() if m != "name"}
            for row in comparison["systems"]]


def theirs_table(*args: str | Path, seed: str | None = None) -> list[dict]:
    """The same from `sacrebleu ... -f json` (its table of Result objects)."""
    env = {**os.environ, "SACREBLEU_SEED": seed} if seed else None
    rows = json.loads(sacrebleu(*args, "-f", "json", env=env))
    return [{m: {k: v[k] for k in KEYS} for m, v in row.items() if m != "system"}
            for row in rows]


def table_numbers(text: str) -> dict[str, list[str]]:
    """The numbers of each metric column of sacrebleu's text table, top to bottom."""
    rows = [line.split("│")[1:-1] for line in text.splitlines() if line.startswith("│")]
    header, body = rows[0], rows[1:]
    return {header[i].split()[0]: [n for row in body for n in NUMBER.findall(row[i])]
            for i in range(1, len(header))}


def our_numbers(table: list[dict], width: int) -> dict[str, list[str]]:
    """The same numbers from `tqcheck score` JSON, printed as sacrebleu prints them."""
    numbers: dict[str, list[str]] = {}
    for row in table:
        for metric, v in row.items():
            printed = [f"{v[k]:.{width}f}" for k in ("score", "mean", "ci") if v[k] is not None]
            if v["p_value"] is not None:
                printed.append(f"{v['p_value']:.4f}")
            numbers.setdefault(metric, []).extend(printed)
    return numbers


@pytest.mark.parametrize(("test", "ours_n", "theirs_n"), [
    ("bs", [], []),
    ("ar", ["--samples", "2000"], ["--paired-ar-n", "2000"]),
])
def test_fixture_p_values_equal_the_command_line(test: str, ours_n: list[str],
                                                 theirs_n: list[str]) -> None:
    a, b, ref = FIXTURE / "sys-a.en.txt", FIXTURE / "sys-b.en.txt", FIXTURE / "ref.en.txt"
    ours = ours_table("--hyp", a, "--hyp", b, "--ref", ref, "-m", "bleu,chrf,ter",
                      "--paired", test, *ours_n)
    cli = (ref, "-i", a, b, f"--paired-{test}", *theirs_n)
    # sacrebleu prints BLEU as JSON; its JSON cannot hold chrF and TER results (float32)
    assert [{"BLEU": row["BLEU"]} for row in ours] == theirs_table(*cli, "-m", "bleu")
    text = sacrebleu(*cli, "-m", "chrf", "ter", "-w", "6", "-f", "text",
                     env={**os.environ, "NO_COLOR": "1"})
    theirs = table_numbers(text)
    assert our_numbers([{m: row[m] for m in ("chrF2", "TER")} for row in ours], 6) == theirs
    assert ours[1]["BLEU"]["p_value"] is not None and len(theirs["TER"]) >= 3


def test_another_seed_gives_the_command_line_p_values_with_that_seed() -> None:
    a, b, ref = FIXTURE / "sys-a.en.txt", FIXTURE / "sys-b.en.txt", FIXTURE / "ref.en.txt"
    ours = ours_table("--hyp", b, "--hyp", a, "--ref", ref, "-m", "bleu", "--seed", "7")
    assert ours == theirs_table(ref, "-i", b, a, "-m", "bleu", "--paired-bs", seed="7")
    assert ours != theirs_table(ref, "-i", b, a, "-m", "bleu", "--paired-bs")


@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_bench_folders_compared_like_the_command_line(tmp_path: Path) -> None:
    systems = bench_systems()
    trees = [system_tree(tmp_path, name, systems[name]) for name in ("ONLINE-A", "ONLINE-Y")]
    ours = ours_table(trees[0][0], trees[1][0], "-m", "bleu", "--paired", "ar")
    theirs = theirs_table(trees[0][2], "-i", trees[0][1], trees[1][1], "-m", "bleu",
                          "--paired-ar")
    assert ours == theirs
    ours = ours_table(trees[0][0], trees[1][0], "-m", "bleu,chrf")
    text = sacrebleu(trees[0][2], "-i", trees[0][1], trees[1][1], "-m", "bleu", "chrf",
                     "--paired-bs", "-w", "6", "-f", "text", env={**os.environ, "NO_COLOR": "1"})
    assert our_numbers(ours, 6) == table_numbers(text)


def test_comparison_table_in_text_and_markdown() -> None:
    a, b, ref = FIXTURE / "sys-a.en.txt", FIXTURE / "sys-b.en.txt", FIXTURE / "ref.en.txt"
    common = ("--hyp", a, "--hyp", b, "--ref", ref, "-m", "bleu", "--samples", "100")
    text = tqcheck_score(*common).stdout.decode()
    markdown = tqcheck_score(*common, "-f", "markdown").stdout.decode()
    p_value = ours_table(*common)[1]["BLEU"]["p_value"]
    assert f"p = {p_value:.4f}" in text and f"p = {p_value:.4f}" in markdown
    assert "(baseline)" in text and "| system | BLEU |" in markdown
