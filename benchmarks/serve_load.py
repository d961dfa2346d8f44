"""Latency of `tqcheck serve` under a bounded concurrent load on loopback.

Starts the service (all default rules, unless SERVE_OPTIONs say otherwise) on a free port,
then has CLIENTS asyncio clients, each on its own keep-alive connection, POST varied
800-word articles (windows over the English translations of TEXTS) WARMUP times each, then
REQUESTS times each while timed. Prints p50/p95/p99 latency, throughput, errors, the CPU
time per request of the service and of this client, and the machine's load. Target: p95
under 50 ms at 20 clients, with zero errors. The clients run on uvloop where it is installed
(the service's loop, of its `serve` extra), so that they take less of the CPU they share with
the service.

    python benchmarks/serve_load.py [--clients 20] [--requests 50] [--warmup 5]
        [--texts 'corpus/*/mt.en.txt'] [--url URL | -- SERVE_OPTION ...]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

try:
    from uvloop import run as run_loop
except ImportError:
    from asyncio import run as run_loop

ROOT = Path(__file__).resolve().parent.parent
WORDS = 800
TARGET_P95_MS = 50.0
TIMEOUT = 30.0


def articles(pattern: str, words: int = WORDS) -> list[str]:
    """One `words`-word article starting at each text matched by `pattern` (read on into the
    next texts, wrapping around), paragraphs kept."""
    texts = [Path(ROOT, path).read_text(encoding="utf-8")
             for path in sorted(glob.glob(pattern, root_dir=ROOT))]
    paragraphs = [[p.split() for p in text.split("\n") if p.split()] for text in texts]
    if sum(len(p) for text in paragraphs for p in text) < words:
        raise SystemExit(f"{pattern}: fewer than {words} words")
    return [window(paragraphs[start:] + paragraphs[:start], words)
            for start in range(len(paragraphs))]


def window(texts: list[list[list[str]]], words: int) -> str:
    """The first `words` words of the texts' paragraphs, as paragraphs of text."""
    taken: list[str] = []
    count = 0
    for paragraph in (p for text in texts for p in text):
        taken.append(" ".join(paragraph[:words - count]))
        count += len(paragraph[:words - count])
        if count == words:
            break
    return "\n\n".join(taken) + "\n"


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(options: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    """`tqcheck serve` with these options on a free port, once it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tqcheck", "serve", "--port", str(port),
                                "--log-level", "warning", *options], cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as probe:
                probe.sendall(b"GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                if probe.recv(64).startswith(b"HTTP/1.1 200"):
                    return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the service did not start")


def cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU time (user + system) used so far by a process, and by its live descendants."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                    for child in (task / "children").read_text().split()]
    except OSError:
        return 0.0, 0.0
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own, sum(sum(cpu_seconds(child)) for child in children)


def post(host: str, body: bytes) -> bytes:
    """The raw bytes of a keep-alive `POST /v1/check` carrying `body`."""
    return (f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


@dataclass
class Tally:
    """What the timed requests gave."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                   request: bytes) -> str | None:
    """Send one request and read its answer; the error, or None for a 200 with a verdict."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = head[9:12]
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), None)
    if length is None:
        return f"HTTP {status.decode()}: no Content-Length"
    answer = await reader.readexactly(length)
    if status != b"200" or "verdict" not in json.loads(answer):
        return f"HTTP {status.decode()}: {answer[:200]!r}"
    return None


async def client(url: str, requests: list[bytes], warmup: int, warm: asyncio.Barrier,
                 start: asyncio.Event, tally: Tally) -> None:
    """Send the warm-up requests, wait for every client to be warm, then send the timed ones,
    all on one keep-alive connection (a new one after an error)."""
    parts = urlsplit(url)
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    for number, request in enumerate(requests):
        if number == warmup:
            await warm.wait()
            await start.wait()
        started = time.perf_counter()
        try:
            problem = await asyncio.wait_for(exchange(reader, writer, request), TIMEOUT)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            problem = f"{type(error).__name__}: {error}"
            writer.close()
            reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        if number >= warmup:
            tally.latencies.append(time.perf_counter() - started)
            if problem:
                tally.errors.append(problem)
    writer.close()


class MeasureStart:
    """The clocks at the start of the timed phase: wall, client CPU, service CPU, load."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.wall = self.client_cpu = 0.0
        self.server_cpu = (0.0, 0.0)
        self.load = 0.0

    def __call__(self) -> None:
        self.load = os.getloadavg()[0]
        self.server_cpu = cpu_seconds(self.server_pid) if self.server_pid else (0.0, 0.0)
        self.client_cpu = time.process_time()
        self.wall = time.perf_counter()


async def load(url: str, bodies: list[bytes], clients: int, requests: int, warmup: int,
               measure: MeasureStart) -> Tally:
    """Run the clients at once; `measure` is called when all are warm and timing starts."""
    host = urlsplit(url).netloc
    warm, start, tally = asyncio.Barrier(clients + 1), asyncio.Event(), Tally()
    tasks = [asyncio.create_task(client(
        url, [post(host, bodies[(number * (warmup + requests) + k) % len(bodies)])
              for k in range(warmup + requests)], warmup, warm, start, tally))
        for number in range(clients)]
    warming = asyncio.create_task(warm.wait())
    await asyncio.wait([warming, *tasks], return_when=asyncio.FIRST_COMPLETED)
    if not warming.done():  # a client failed while warming up: raise its error
        await asyncio.gather(*tasks)
    measure()
    start.set()
    await asyncio.gather(*tasks)
    return tally


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile of the values, in milliseconds."""
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1] * 1e3


def main() -> int:
    """Benchmark and print the figures; exit 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="timed requests per client")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per client")
    parser.add_argument("--texts", default="corpus/*/mt.en.txt",
                        help="glob (relative to the repository) of the texts articles are cut "
                             "from")
    parser.add_argument("--url", help="a running service (default: start one)")
    parser.add_argument("serve_options", nargs="*", metavar="-- SERVE_OPTION",
                        help="options for the service started, e.g. -- --workers 1")
    args = parser.parse_args()
    texts = articles(args.texts)
    bodies = [json.dumps({"id": f"article-{number}", "mt": text, "target_lang": "en"}).encode()
              for number, text in enumerate(texts)]
    process, url = (None, args.url) if args.url else start_server(args.serve_options)
    started = MeasureStart(process.pid if process else None)
    try:
        tally = run_loop(load(url, bodies, args.clients, args.requests, args.warmup, started))
        wall = time.perf_counter() - started.wall
        client_cpu = time.process_time() - started.client_cpu
        server_cpu = [now - before for now, before in
                      zip(cpu_seconds(process.pid), started.server_cpu, strict=True)] \
            if process else None
        load_after = os.getloadavg()[0]
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    latencies = tally.latencies
    p95 = percentile(latencies, 0.95)
    served = f" to serve {' '.join(args.serve_options)}" if args.serve_options else ""
    print(f"articles: {len(texts)} of {WORDS} words ({args.texts}), {min(map(len, bodies)):,}-"
          f"{max(map(len, bodies)):,} bytes; {args.clients} clients x {args.requests} requests "
          f"(after {args.warmup} warm-up each){served} = {len(latencies)} requests in "
          f"{wall:.1f} s ({len(latencies) / wall:.0f} requests/s)")
    print(f"latency ms: p50 {percentile(latencies, 0.50):.1f}  p95 {p95:.1f}  "
          f"p99 {percentile(latencies, 0.99):.1f}  max {max(latencies) * 1e3:.1f}")
    print(f"errors: {len(tally.errors)}" + (f" (first: {tally.errors[0]})" if tally.errors else ""))
    client = f"benchmark client {client_cpu / len(latencies) * 1e3:.2f} ms"
    if server_cpu is not None:
        main_cpu, workers_cpu = (seconds / len(latencies) * 1e3 for seconds in server_cpu)
        print(f"CPU per request: service {main_cpu + workers_cpu:.2f} ms (main process "
              f"{main_cpu:.2f}, its child processes {workers_cpu:.2f}), {client}")
    else:
        print(f"CPU per request: {client}")
    print(f"machine: {os.cpu_count()} CPUs, load average {started.load:.2f} before, "
          f"{load_after:.2f} after")
    verdict = "met" if p95 < TARGET_P95_MS and not tally.errors else "NOT met"
    print(f"target p95 < {TARGET_P95_MS:g} ms with zero errors: {verdict}")
    return 1 if tally.errors else 0


if __name__ == "__main__":
    sys.exit(main())
