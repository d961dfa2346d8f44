"""Peak memory and time of `tqcheck lint` over many tiny files, whole process.

    python benchmarks/many_files.py                      # 10,000 and 100,000 files
    python benchmarks/many_files.py --files 1000,20000 --jobs 2

Each count gets a fresh folder of one-sentence articles; the peak resident memory of the
lint process (and its workers) is read from the operating system after it ends. Memory that
stays flat as the count grows tenfold shows that the files stream through the run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "The council met on Tuesday and approved the budget for article {n}.\n"


def make_files(folder: Path, count: int) -> None:
    """Write `count` tiny English articles into a folder."""
    for number in range(count):
        (folder / f"{number:06d}.en.txt").write_text(SENTENCE.format(n=number),
                                                     encoding="utf-8")


def measure(folder: Path, jobs: int) -> tuple[float, float, int]:
    """Wall seconds, peak resident megabytes (of the lint process, or of its largest worker
    when larger) and the exit code."""
    command = [sys.executable, "-m", "tqcheck", "lint", str(folder), "--jobs", str(jobs),
               "--format", "json", "--output", os.devnull, "--exit-zero"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", default="10000,100000",
                        help="comma-separated file counts (default: 10000,100000)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    args = parser.parse_args()
    print(f"{'files':>8} {'seconds':>8} {'files/s':>8} {'peak MB':>8}")
    for count in (int(n) for n in args.files.split(",")):
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary)
            make_files(folder, count)
            wall, peak, code = measure(folder, args.jobs)
            if code != 0:
                sys.exit(f"tqcheck exited with {code} on {count} files")
            print(f"{count:>8} {wall:>8.1f} {count / wall:>8.0f} {peak:>8.1f}")


if __name__ == "__main__":
    main()
