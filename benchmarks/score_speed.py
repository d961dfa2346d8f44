"""Time `tqcheck score` against the sacrebleu command line on the same files (BLEU, chrF, TER).

The files are built from the WMT 2023 en-de bench (../shared/bench/mqm-dev/en-de): one system's
translations and the human reference, articles repeated until there are --lines segments.
Each run is a whole process (start-up included); the two commands alternate, and the medians
of wall-clock and CPU time are compared.

    python benchmarks/score_speed.py                  # 2,000 segments, 3 runs each
    python benchmarks/score_speed.py --lines 200 --runs 5
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "mqm-dev" / "en-de"
SYSTEM = "ONLINE-A"


def build_files(folder: Path, lines: int) -> tuple[Path, Path]:
    """A hypothesis and a reference file of `lines` aligned segments from the bench."""
    hyp_lines: list[str] = []
    ref_lines: list[str] = []
    articles = sorted(BENCH.glob(f"*__{SYSTEM}"))
    while len(hyp_lines) < lines:
        for article in articles:
            hyp_lines += (article / "mt.de.txt").read_text("utf-8").splitlines()
            ref_lines += (article / "ref.de.txt").read_text("utf-8").splitlines()
    hyp, ref = folder / "hyp.de.txt", folder / "ref.de.txt"
    hyp.write_text("\n".join(hyp_lines[:lines]) + "\n", "utf-8")
    ref.write_text("\n".join(ref_lines[:lines]) + "\n", "utf-8")
    return hyp, ref


def timed(command: list[str]) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds (user + system) and output of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True,
                          env={**os.environ, "NO_COLOR": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main() -> None:
    """Build the files, run both commands in turn, print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000, help="segments (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (default 3)")
    args = parser.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"the bench is not at {BENCH}")
    with tempfile.TemporaryDirectory() as tmp:
        hyp, ref = build_files(Path(tmp), args.lines)
        commands = {
            "sacrebleu": [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp),
                          "-m", "bleu", "chrf", "ter", "-f", "text"],
            "tqcheck": [sys.executable, "-m", "tqcheck", "score", "--hyp", str(hyp),
                        "--ref", str(ref), "-m", "bleu,chrf,ter"],
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        outputs: dict[str, str] = {}
        for run in range(1, args.runs + 1):
            for name, command in commands.items():
                wall, cpu, outputs[name] = timed(command)
                times[name].append((wall, cpu))
                print(f"run {run} {name:9} wall {wall:8.2f} s  cpu {cpu:8.2f} s", flush=True)
    same = ([line.strip() for line in outputs["sacrebleu"].splitlines()]
            == [line.strip() for line in outputs["tqcheck"].splitlines()])
    print(f"\n{args.lines} segments, {args.runs} runs each; outputs identical: {same}")
    medians = {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
               for name, runs in times.items()}
    for name, (wall, cpu) in medians.items():
        print(f"median {name:9} wall {wall:8.2f} s  cpu {cpu:8.2f} s")
    print(f"ratio tqcheck/sacrebleu: wall {medians['tqcheck'][0] / medians['sacrebleu'][0]:.3f}"
          f"  cpu {medians['tqcheck'][1] / medians['sacrebleu'][1]:.3f}")


if __name__ == "__main__":
    main()
