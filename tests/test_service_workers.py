"""The service's check workers: processes forked once, one call at a time each, first come
first served; and the running service with several of them."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service needs the serve extras")

from tests.test_service import ARTICLE, start_server  # noqa: E402
from tqcheck.workers import DEPTH, Workers  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked")


def pid_after(seconds: float, fail: bool = False) -> int:
    """Which process ran the call, after a pause (or raising, when asked to)."""
    time.sleep(seconds)
    if fail:
        raise ValueError("asked to fail")
    return os.getpid()


def run(workers: Workers, *calls: tuple[object, ...]) -> list[object]:
    """Make the calls at once; their results or exceptions, then close the workers."""
    async def together() -> list[object]:
        await workers.start()
        try:
            return await asyncio.gather(*(workers.call(*call) for call in calls),
                                        return_exceptions=True)
        finally:
            await workers.close()
    return asyncio.run(together())


def alive(pid: int) -> bool:
    """Whether a process of that id still runs (not yet reaped counts as ended)."""
    try:
        return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()
    except FileNotFoundError:
        return False


def test_calls_run_in_worker_processes_side_by_side():
    workers = Workers(pid_after, 2)
    pids = [worker.pid for worker in workers.workers]
    started = time.monotonic()
    results = run(workers, (0.5,), (0.5,))
    assert sorted(results) == sorted(pids) and os.getpid() not in results
    assert time.monotonic() - started < 0.9  # the two calls overlapped
    assert not any(alive(pid) for pid in pids)  # closing ended and reaped them


def test_a_busy_worker_holds_few_calls_and_the_free_one_takes_the_rest():
    results = run(Workers(pid_after, 2), (0.4,), *[(0.0,)] * 6)
    slow, quick = results[0], results[1:]
    assert quick.count(slow) <= DEPTH - 1  # only the calls waiting in its socket


def test_a_failing_call_is_reported_and_the_worker_goes_on():
    results = run(Workers(pid_after, 1), (0.0, True), (0.0,))
    assert isinstance(results[0], RuntimeError) and "asked to fail" in str(results[0])
    assert isinstance(results[1], int)


def test_a_call_that_is_given_up_on_keeps_its_worker_until_done():
    workers = Workers(pid_after, 1)

    async def give_up_then_call() -> tuple[float, object]:
        await workers.start()
        try:
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(workers.call(0.5), 0.1)
            started = time.monotonic()
            result = await workers.call(0.0)
            return time.monotonic() - started, result
        finally:
            await workers.close()

    waited, result = asyncio.run(give_up_then_call())
    assert waited > 0.2 and isinstance(result, int)


def server_workers(pid: int) -> list[int]:
    """The child processes of the service."""
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()]


def test_service_with_several_workers_answers_alike(tmp_path):
    (tmp_path / "tqcheck.toml").write_text("", encoding="utf-8")
    request = {"id": "story", "mt": ARTICLE, "target_lang": "en"}
    for server in start_server("--workers", "3", cwd=tmp_path):
        assert len(server_workers(server.process.pid)) == 3
        answers = [server.post_json("/v1/check", request) for _ in range(6)]
        assert all(status == 200 for status, _ in answers)
        assert all(answer == answers[0][1] for _, answer in answers)
        assert answers[0][1]["findings"]


def test_a_worker_that_dies_stops_the_service(tmp_path):
    (tmp_path / "tqcheck.toml").write_text("", encoding="utf-8")
    body = json.dumps({"mt": "The minister resigned.", "target_lang": "en"}).encode()
    server = next(start_server("--workers", "1", cwd=tmp_path))
    try:
        os.kill(server_workers(server.process.pid)[0], signal.SIGKILL)
        status, _, answer = server.request("POST", "/v1/check", body,
                                           {"Content-Type": "application/json"})
        assert status == 500 and b"Traceback" not in answer
        log = server.process.communicate(timeout=30)[0].decode("utf-8", "replace")
    finally:
        server.process.kill()
    assert "check worker" in log and "died: stopping the service" in log
