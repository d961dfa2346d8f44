"""Latency of `tqcheck serve` under a bounded concurrent load on loopback.

Starts the service (all default rules) on a free port, then has CLIENTS threads, each on
its own keep-alive connection, POST the same 800-word article (built from the sample
corpus) REQUESTS times each, and prints p50/p95/p99 latency, throughput, errors and the
machine's load. Target: p95 under 50 ms at 20 clients, with zero errors.

    python benchmarks/serve_load.py [--clients 20] [--requests 50] [--url URL]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
WORDS = 800
TARGET_P95_MS = 50.0


def article(words: int = WORDS) -> str:
    """The first `words` words of the sample corpus's translations, paragraphs kept."""
    paragraphs: list[str] = []
    count = 0
    for path in sorted((ROOT / "corpus").glob("*/mt.en.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            taken = paragraph.split()[:words - count]
            if taken:
                paragraphs.append(" ".join(taken))
                count += len(taken)
            if count == words:
                return "\n\n".join(paragraphs) + "\n"
    raise SystemExit(f"the corpus has fewer than {words} words")


def free_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    """`tqcheck serve` with the default rules on a free port, once it answers."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tqcheck", "serve", "--port", str(port),
                                "--log-level", "warning"], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the service did not start")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a process has used so far, where /proc tells it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def client(url: str, body: bytes, requests: int, latencies: list[float],
           errors: list[str]) -> None:
    """Send `requests` checks on one keep-alive connection, recording each latency."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Content-Type": "application/json"}
    for _ in range(requests):
        started = time.perf_counter()
        try:
            connection.request("POST", "/v1/check", body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            if response.status != 200 or "verdict" not in json.loads(answer):
                errors.append(f"HTTP {response.status}: {answer[:200]!r}")
        except (OSError, http.client.HTTPException, ValueError) as error:
            errors.append(f"{type(error).__name__}: {error}")
            connection.close()
            connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        latencies.append(time.perf_counter() - started)
    connection.close()


def load(url: str, body: bytes, clients: int, requests: int) -> tuple[list[float], list[str],
                                                                      float]:
    """Run the clients at once; every latency, every error and the wall time."""
    latencies: list[float] = []
    errors: list[str] = []
    threads = [threading.Thread(target=client, args=(url, body, requests, latencies, errors))
               for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile of the values, in milliseconds."""
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1] * 1e3


def main() -> int:
    """Benchmark and print the figures; exit 1 on any error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="requests per client")
    parser.add_argument("--url", help="a running service (default: start one)")
    args = parser.parse_args()
    text = article()
    body = json.dumps({"id": "benchmark", "mt": text, "target_lang": "en"}).encode()
    process, url = (None, args.url) if args.url else start_server()
    try:
        load(url, body, 2, 5)  # warm-up
        load_before = os.getloadavg()
        cpu_before = cpu_seconds(process.pid) if process else None
        latencies, errors, wall = load(url, body, args.clients, args.requests)
        cpu_after = cpu_seconds(process.pid) if process else None
        load_after = os.getloadavg()
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    p95 = percentile(latencies, 0.95)
    print(f"article: {len(text.split())} words, {len(body):,} bytes; {args.clients} clients x "
          f"{args.requests} requests = {len(latencies)} requests in {wall:.1f} s "
          f"({len(latencies) / wall:.0f} requests/s)")
    print(f"latency ms: p50 {percentile(latencies, 0.50):.1f}  p95 {p95:.1f}  "
          f"p99 {percentile(latencies, 0.99):.1f}  max {max(latencies) * 1e3:.1f}")
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    if cpu_before is not None and cpu_after is not None:
        print(f"service CPU per request: {(cpu_after - cpu_before) / len(latencies) * 1e3:.1f} ms")
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before[0]:.2f} before, "
          f"{load_after[0]:.2f} after")
    verdict = "met" if p95 < TARGET_P95_MS and not errors else "NOT met"
    print(f"target p95 < {TARGET_P95_MS:g} ms with zero errors: {verdict}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
