"""Worker processes for an asyncio server: forked once, they inherit what is already loaded
and run calls one at a time each, handed out first come, first served.

A call's arguments and result travel pickled over a socket pair. A worker holds up to
DEPTH calls at once (the one it runs and the next ones, waiting in its socket), so that it
never sits idle while the server is slow to hand it the next. Where processes cannot be
forked, calls run in threads instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import pickle
import signal
import socket
import struct
from collections.abc import Callable
from typing import Any

logger = logging.getLogger("uvicorn.error")
HEADER = struct.Struct("!I")  # the length of the pickle that follows
DEPTH = 2


class WorkerDied(RuntimeError):
    """A worker process ended while it had a call to answer."""


def framed(value: object) -> bytes:
    """One value as it travels: pickled, its length first."""
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def serve_calls(connection: socket.socket, function: Callable[..., Any]) -> None:
    """In a worker: answer calls, in order, until the server closes its end.

    An answer is `(True, result)`, or `(False, message)` when the call raised (its traceback
    goes to the log).
    """
    with connection.makefile("rb") as incoming, contextlib.suppress(ConnectionError):
        while header := incoming.read(HEADER.size):
            arguments = pickle.loads(incoming.read(HEADER.unpack(header)[0]))
            try:
                answer: tuple[bool, object] = (True, function(*arguments))
            except Exception as error:  # noqa: BLE001 - the server reports it, the worker goes on
                logger.exception("a call failed in worker %d", os.getpid())
                answer = (False, f"{type(error).__name__}: {error}")
            connection.sendall(framed(answer))


class Worker:
    """The server's end of one worker process."""

    def __init__(self, pid: int, connection: socket.socket) -> None:
        self.pid = pid
        self.connection = connection
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.reading = asyncio.Lock()  # answers are read in the order the calls were sent
        self.calls = 0  # sent and not yet answered

    async def start(self) -> None:
        """Speak to the worker through the running event loop."""
        self.streams = await asyncio.open_connection(sock=self.connection)

    def close(self) -> None:
        """Close the server's end: the worker ends once it sees that."""
        if self.streams:
            self.streams[1].close()
        else:
            self.connection.close()

    async def call(self, arguments: tuple[object, ...]) -> object:
        """Have the worker run one call after those already sent; its result, or
        WorkerDied."""
        assert self.streams is not None, "start() comes first"
        reader, writer = self.streams
        writer.write(framed(arguments))
        self.calls += 1
        try:
            async with self.reading:
                size = HEADER.unpack(await reader.readexactly(HEADER.size))[0]
                succeeded, value = pickle.loads(await reader.readexactly(size))
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            raise WorkerDied(f"worker {self.pid} ended") from error
        finally:
            self.calls -= 1
        if not succeeded:
            raise RuntimeError(f"in worker {self.pid}: {value}")
        return value


class Workers:
    """`count` workers running `function`, forked now: make them before any event loop or
    thread starts, then `start` them in the event loop. They ignore Ctrl-C; `close` stops
    them."""

    def __init__(self, function: Callable[..., Any], count: int) -> None:
        self.function = function
        self.workers: list[Worker] = []
        self.free: asyncio.Queue[Worker] = asyncio.Queue()  # a worker once per call it can take
        self.closing = False
        if not hasattr(os, "fork"):
            return
        gc.freeze()  # what is loaded stays shared: no collection touches it in the workers
        interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            for _ in range(count):
                self.workers.append(self.fork())
        finally:
            signal.signal(signal.SIGINT, interrupt)

    def fork(self) -> Worker:
        """Start one worker process."""
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the worker: it never returns from here
            status = 1
            try:
                ours.close()
                for worker in self.workers:  # so that each worker sees the server close its end
                    worker.connection.close()
                serve_calls(theirs, self.function)
                status = 0
            except BaseException:  # noqa: BLE001 - reported, then the worker ends
                logger.exception("worker %d failed", os.getpid())
            finally:
                os._exit(status)
        theirs.close()
        return Worker(pid, ours)

    async def start(self) -> None:
        """Make the workers ready for calls (in the event loop that will make them)."""
        for worker in self.workers:
            await worker.start()
        for _ in range(DEPTH):
            for worker in self.workers:
                self.free.put_nowait(worker)

    async def call(self, *arguments: object) -> Any:
        """`function(*arguments)` in the first worker free to take it (in a thread where
        there are no worker processes). Cancelling the call does not take it back from the
        worker."""
        if not self.workers:
            return await asyncio.to_thread(self.function, *arguments)
        worker = await self.free.get()
        running = asyncio.ensure_future(worker.call(arguments))
        running.add_done_callback(lambda done: self.called(worker, done))
        return await asyncio.shield(running)

    def called(self, worker: Worker, done: asyncio.Future[object]) -> None:
        """Once a worker has answered, it can take another call (unless the workers are
        closing); a worker that died stops the server (so that what supervises it starts it
        anew)."""
        cancelled = done.cancelled()  # only as the event loop ends: the worker is not reused
        died = not cancelled and isinstance(done.exception(), WorkerDied)
        if died and not self.closing:
            logger.error("check worker %d died: stopping the service", worker.pid)
            os.kill(os.getpid(), signal.SIGTERM)
        self.closing = self.closing or died
        if cancelled or died or self.closing and not worker.calls:
            worker.close()
        elif not self.closing:
            self.free.put_nowait(worker)

    async def close(self) -> None:
        """Stop the workers once the calls they hold are done, and wait for them."""
        self.closing = True
        for worker in self.workers:
            if not worker.calls:
                worker.close()
        for worker in self.workers:
            with contextlib.suppress(ChildProcessError):
                await asyncio.to_thread(os.waitpid, worker.pid, 0)
