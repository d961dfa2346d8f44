"""Time `tqcheck score` against the sacrebleu command line on the same files (BLEU, chrF, TER).

The files are built from the WMT 2023 en-de bench (../shared/bench/mqm-dev/en-de): one system's
translations and the human reference, articles repeated until there are --lines segments.
Every command is a whole process (start-up and worker processes included): the sacrebleu
command line, then `tqcheck score --jobs N` for each N of --jobs, in turn in every run. The
medians of wall-clock and CPU time (user + system, workers included) are compared with
sacrebleu's, and each output with sacrebleu's. TER takes nearly all the time, about 0.15 s of
CPU per segment, so use a few hundred lines while developing.

    python benchmarks/score_speed.py                  # 2,000 segments, one run each
    python benchmarks/score_speed.py --lines 200      # quick: a minute or two
    python benchmarks/score_speed.py --lines 500 --runs 3 --jobs 1,2,4
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


def median_times(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall-clock and CPU seconds of a command's runs."""
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def stripped(output: str) -> list[str]:
    """The lines of an output without sacrebleu's alignment padding."""
    return [line.strip() for line in output.splitlines()]


def main() -> None:
    """Build the files, run the commands in turn, print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000, help="segments (default 2000)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (default 1)")
    parser.add_argument("--jobs", default="1,2",
                        help="comma-separated --jobs of the tqcheck runs (default 1,2)")
    args = parser.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"the bench is not at {BENCH}")
    with tempfile.TemporaryDirectory() as tmp:
        hyp, ref = build_files(Path(tmp), args.lines)
        commands = {"sacrebleu": [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp),
                                  "-m", "bleu", "chrf", "ter", "-f", "text"]}
        for jobs in args.jobs.split(","):
            commands[f"tqcheck -j{jobs}"] = [sys.executable, "-m", "tqcheck", "score", "--hyp",
                                             str(hyp), "--ref", str(ref), "-m", "bleu,chrf,ter",
                                             "--jobs", jobs]
        print(f"{args.lines} segments, {args.runs} run(s) each, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        outputs: dict[str, str] = {}
        for run in range(1, args.runs + 1):
            for name, command in commands.items():
                wall, cpu, outputs[name] = timed(command)
                times[name].append((wall, cpu))
                print(f"run {run} {name:12} wall {wall:8.2f} s  cpu {cpu:8.2f} s", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}\n")
    wall_0, cpu_0 = median_times(times["sacrebleu"])
    for name, runs in times.items():
        wall, cpu = median_times(runs)
        print(f"median {name:12} wall {wall:8.2f} s ({wall / wall_0:.3f})  cpu {cpu:8.2f} s "
              f"({cpu / cpu_0:.3f})  output as sacrebleu's: "
              f"{stripped(outputs[name]) == stripped(outputs['sacrebleu'])}")


if __name__ == "__main__":
    main()
