"""Whole processes, measured: wall-clock and CPU time (user + system) and peak memory
(max RSS)."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


class Unavailable(Exception):
    """A tool or option that cannot be used here: the measurements needing it are skipped."""


@dataclass(frozen=True)
class Sample:
    """One process (or the medians of several): seconds of wall-clock and CPU, peak RSS."""

    wall: float
    cpu: float
    max_rss_mib: float


@dataclass(frozen=True)
class Command:
    """A process to time, run in `cwd` with exactly `env`; standard output goes to `stdout`,
    standard error next to it; `ok_codes` are the exit codes of a good run."""

    name: str
    argv: list[str]
    stdout: Path
    cwd: Path
    env: dict[str, str]
    ok_codes: tuple[int, ...] = (0,)

    @property
    def stderr(self) -> Path:
        """Where standard error goes."""
        return self.stdout.with_name(self.stdout.name + ".err")


def gnu_time() -> str:
    """GNU time, which reports the peak memory of the command itself (os.wait4 would report
    at least the peak of this process: the kernel carries it over into the child's exec)."""
    path = shutil.which("time")
    if path is None:
        raise Unavailable("GNU time (package `time`) is needed to measure peak memory")
    return path


def run(command: Command) -> Sample:
    """Run the command once, timed from its resource usage (os.wait4), under GNU time."""
    peak = command.stdout.with_name(command.stdout.name + ".rss")
    argv = [gnu_time(), "--format", "%M", "--output", str(peak), *command.argv]
    start = time.perf_counter()
    process = _start(command, argv)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    _check_exit(command, os.waitstatus_to_exitcode(status))
    kib = int(peak.read_text("utf-8").split()[-1])  # after a note on a non-zero exit status
    return Sample(wall, usage.ru_utime + usage.ru_stime, kib / 1024)


def run_together(commands: list[Command]) -> float:
    """Start the commands at once; the wall-clock seconds until the last one has finished."""
    start = time.perf_counter()
    started = [_start(command, command.argv) for command in commands]
    codes = [process.wait() for process in started]
    wall = time.perf_counter() - start
    for command, code in zip(commands, codes, strict=True):
        _check_exit(command, code)
    return wall


def _start(command: Command, argv: list[str]) -> subprocess.Popen[bytes]:
    """Start `argv` as the command: its folder, environment and output files."""
    with command.stdout.open("wb") as out, command.stderr.open("wb") as err:
        return subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                cwd=command.cwd, env=command.env)


def _check_exit(command: Command, code: int) -> None:
    """RuntimeError, with the last line of its error output, for a bad exit code."""
    if code not in command.ok_codes:
        error = command.stderr.read_text("utf-8", errors="replace").strip().splitlines()
        raise RuntimeError(f"{command.name} exited with {code}: "
                           f"{error[-1] if error else 'no message'}")


def rounds(commands: list[Command], runs: int) -> dict[str, list[Sample]]:
    """Run every command `runs` times, interleaved (the order rotating from round to round)
    so that changes in the machine's load fall on all of them alike."""
    samples: dict[str, list[Sample]] = {command.name: [] for command in commands}
    for index in range(runs):
        shift = index % len(commands)
        for command in commands[shift:] + commands[:shift]:
            sample = run(command)
            samples[command.name].append(sample)
            print(f"  {command.name:32} wall {sample.wall:8.2f} s  CPU {sample.cpu:8.2f} s  "
                  f"max RSS {sample.max_rss_mib:7.1f} MiB", file=sys.stderr, flush=True)
    return samples


def median(samples: list[Sample]) -> Sample:
    """The median of each measure."""
    return Sample(statistics.median(s.wall for s in samples),
                  statistics.median(s.cpu for s in samples),
                  statistics.median(s.max_rss_mib for s in samples))


def compile_bytecode(python: Path | str, package: str) -> None:
    """Compile a package's modules to bytecode with its interpreter, as installing it does, so
    that no timed process compiles them (an editable install under PYTHONDONTWRITEBYTECODE
    never writes bytecode, and would compile every changed module in every process)."""
    code = ("import compileall, importlib.util, os, sys; "
            "compileall.compile_dir(os.path.dirname(importlib.util.find_spec(sys.argv[1]).origin),"
            " quiet=1)")
    subprocess.run([str(python), "-c", code, package], check=True, capture_output=True)


def article_counts(text: str) -> list[int]:
    """`1000,10000` as sorted, distinct, positive counts (of articles, files ...)."""
    counts = sorted({int(part) for part in text.split(",")})
    if not counts or counts[0] < 1:
        raise argparse.ArgumentTypeError("counts must be positive")
    return counts


def printed_lines(path: Path) -> list[str]:
    """The non-blank lines of an output file, without surrounding spaces."""
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
