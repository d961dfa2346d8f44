"""Time `tqcheck score` against the sacrebleu command line on the same files (BLEU, chrF, TER).

The files are built from the WMT 2023 en-de bench (../shared/bench/mqm-dev/en-de): one system's
translations and the human reference, articles repeated until there are --lines segments.
Every command is a whole process (start-up and worker processes included): the sacrebleu
command line and `tqcheck score --jobs N` for each N of --jobs, interleaved as in bench.py. The
medians of wall-clock and CPU time (user + system, workers included) are compared with
sacrebleu's, and each output with sacrebleu's. TER takes nearly all the time, about 0.15 s of
CPU per segment, so use a few hundred lines while developing. Processes are timed by GNU time
(package `time`), as in bench.py.

    python benchmarks/score_speed.py                  # 2,000 segments, one run each
    python benchmarks/score_speed.py --lines 200      # quick: a minute or two
    python benchmarks/score_speed.py --lines 500 --runs 3 --jobs 1,2,4
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench_runs import Command, Unavailable, median, printed_lines, rounds

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


def main() -> None:
    """Build the files, run the commands interleaved (the order rotating each run), print
    the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=2000, help="segments (default 2000)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each command (default 1)")
    parser.add_argument("--jobs", default="1,2",
                        help="comma-separated --jobs of the tqcheck runs (default 1,2)")
    args = parser.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"the bench is not at {BENCH}")
    with tempfile.TemporaryDirectory() as tmp:
        work, env = Path(tmp), {**os.environ, "NO_COLOR": "1"}
        hyp, ref = build_files(work, args.lines)
        commands = [Command("sacrebleu", [sys.executable, "-m", "sacrebleu", str(ref), "-i",
                                          str(hyp), "-m", "bleu", "chrf", "ter", "-f", "text"],
                            work / "sacrebleu.out", work, env)]
        for jobs in args.jobs.split(","):
            commands.append(Command(f"tqcheck -j{jobs}", [
                sys.executable, "-m", "tqcheck", "score", "--hyp", str(hyp), "--ref", str(ref),
                "-m", "bleu,chrf,ter", "--jobs", jobs], work / f"tqcheck-{jobs}.out", work, env))
        print(f"{args.lines} segments, {args.runs} run(s) each, {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.2f}", flush=True)
        try:
            samples = rounds(commands, args.runs)
        except Unavailable as reason:
            sys.exit(str(reason))
        outputs = {command.name: printed_lines(command.stdout) for command in commands}
    print(f"load average at the end {os.getloadavg()[0]:.2f}\n")
    first = median(samples["sacrebleu"])
    for name, runs in samples.items():
        middle = median(runs)
        print(f"median {name:12} wall {middle.wall:8.2f} s ({middle.wall / first.wall:.3f})  "
              f"cpu {middle.cpu:8.2f} s ({middle.cpu / first.cpu:.3f})  output as sacrebleu's: "
              f"{outputs[name] == outputs['sacrebleu']}")


if __name__ == "__main__":
    main()
