"""Peak memory and time of `tqcheck lint` over many tiny files, whole process.

    python benchmarks/many_files.py                      # 10,000 and 100,000 files
    python benchmarks/many_files.py --files 1000,20000 --jobs 2

Each count gets a fresh folder of one-sentence articles; the peak resident memory of the
lint process (or of its largest worker) is read by GNU time, as in bench.py. Memory that
stays flat as the count grows tenfold shows that the files stream through the run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench_runs import Command, Sample, article_counts, run

SENTENCE = "The council met on Tuesday and approved the budget for article {n}.\n"


def make_files(folder: Path, count: int) -> None:
    """Write `count` tiny English articles into a folder."""
    for number in range(count):
        (folder / f"{number:06d}.en.txt").write_text(SENTENCE.format(n=number),
                                                     encoding="utf-8")


def measure(folder: Path, jobs: int) -> Sample:
    """Wall and CPU seconds and peak resident memory (of the lint process, or of its largest
    worker when larger) of one run, which must succeed."""
    command = [sys.executable, "-m", "tqcheck", "lint", str(folder), "--jobs", str(jobs),
               "--format", "json", "--output", os.devnull, "--exit-zero"]
    return run(Command(f"tqcheck on {folder.name}", command, folder.parent / "lint.out",
                       Path.cwd(), dict(os.environ)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=article_counts, default=[10000, 100000],
                        help="comma-separated file counts (default: 10000,100000)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    args = parser.parse_args()
    print(f"{'files':>8} {'seconds':>8} {'files/s':>8} {'peak MiB':>8}")
    for count in args.files:
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary, "articles")
            folder.mkdir()
            make_files(folder, count)
            sample = measure(folder, args.jobs)
            print(f"{count:>8} {sample.wall:>8.1f} {count / sample.wall:>8.0f} "
                  f"{sample.max_rss_mib:>8.1f}")


if __name__ == "__main__":
    main()
