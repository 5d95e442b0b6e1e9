"""A process pool that keeps results in input order and survives stuck or dying workers.

Why not ``concurrent.futures``: a page that hangs in C code (no Python signal
can interrupt it) must cost one error record, not the run.  Here every worker
has its own task queue and result pipe, so the parent always knows which record
a worker is on; when a worker passes the hard deadline it is killed (SIGKILL),
its record becomes a ``timeout`` error, the records queued behind it are sent
again, and a fresh worker takes its place.  A worker that dies (segfault, OOM
killer) is handled the same way with ``worker_crashed``.

Memory stays bounded: at most ``window`` records are between the reader and
the writer at any time, whatever the size of the input.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import queue
import signal
import sys
import time
import types
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from articlekit.batch.extract import ExtractConfig, Extractor, Outcome
from articlekit.batch.records import ErrorReason, Record

__all__ = ["WorkerPool", "WorkerStartError", "ordered_map"]

PER_WORKER = 2
"""Records queued per worker, so a worker never waits for the parent."""

_PARENT_CHECK_SECONDS = 1.0
_READY = "ready"
_MAX_START_FAILURES = 3


class WorkerStartError(RuntimeError):
    """Worker processes die before they are ready: the environment, not a page, is at fault."""


def ordered_map(
    records: Iterable[Record], config: ExtractConfig, workers: int
) -> Iterator[tuple[Record, Outcome]]:
    """(record, outcome) for every record, in input order.

    ``workers=0`` parses in this process (a page over its budget still becomes a
    ``timeout`` error through the interval timer, but a hang in C code cannot be
    cut); ``workers>=1`` uses a :class:`WorkerPool`.
    """
    if workers <= 0:
        extractor = Extractor(config)
        for record in records:
            yield record, extractor(record)
        return
    with WorkerPool(config, workers) as pool:
        yield from pool.map(records)


def _worker_main(config: ExtractConfig, tasks: Any, results: Any) -> None:
    # Ctrl-C goes to the whole process group; the parent decides what happens
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    extractor = Extractor(config)
    if config.max_memory:
        _limit_memory(config.max_memory)
    parent = multiprocessing.parent_process()
    try:
        results.send(_READY)  # the deadline clock starts now, not while the process boots
        while True:
            try:
                item = tasks.get(timeout=_PARENT_CHECK_SECONDS)
            except queue.Empty:
                if parent is not None and not parent.is_alive():
                    return  # the parent was killed (kill -9): do not linger as an orphan
                continue
            if item is None:
                return
            seq, record = item
            results.send((seq, extractor(record)))
    except (EOFError, OSError):
        # The parent is gone (kill -9, Ctrl-C) and took the pipe or queue with it:
        # nobody is left to read a result or a traceback, so leave quietly.
        return


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at its current size plus ``extra`` bytes."""
    import resource

    try:
        with open("/proc/self/statm") as handle:
            current = int(handle.read().split()[0]) * resource.getpagesize()
        resource.setrlimit(resource.RLIMIT_AS, (current + extra, current + extra))
    except (OSError, ValueError):
        pass  # not Linux, or not allowed: the time budget still bounds a page


@contextmanager
def _caller_script_not_rerun(engine: str) -> Iterator[None]:
    """Start a worker without running the caller's script again in it.

    A spawned or forkserver child imports the parent's ``__main__`` by path before
    it runs its target.  The target (:func:`_worker_main`) needs none of it, and a
    script that calls :func:`articlekit.batch.run` at top level, without an
    ``if __name__ == "__main__":`` guard, would start the batch again inside every
    worker, which multiprocessing refuses with a traceback per worker.  So, while
    the child is started, ``__main__`` is a bare module with nothing to import.
    Only an engine defined in the caller's script (``__main__:function``) needs
    the script, and then it is left as it is.
    """
    main = sys.modules.get("__main__")
    if main is None or engine.startswith("__main__:"):
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


@dataclass
class _Worker:
    process: Any
    tasks: Any
    results: Any
    pending: deque[tuple[int, Record]] = field(default_factory=deque)
    started: float = 0.0
    ready: bool = False


class WorkerPool:
    """``workers`` processes running an :class:`Extractor` built from ``config``.

    The hard deadline per record is ``config.timeout`` plus a grace period (the
    worker's own timer should fire first; the deadline catches hangs in C code).
    """

    def __init__(self, config: ExtractConfig, workers: int) -> None:
        self.config = config
        self.size = max(1, workers)
        timeout = config.timeout
        self.deadline = None if timeout is None else timeout + max(2.0, timeout)
        self._context: Any  # ForkServerContext or SpawnContext: both have Process, Queue, Pipe
        if "forkserver" in multiprocessing.get_all_start_methods():
            # a clean, preloaded parent to fork from: fast worker (re)starts, no inherited
            # threads or file descriptors from this process
            forkserver = multiprocessing.get_context("forkserver")
            forkserver.set_forkserver_preload(["articlekit.batch.extract"])
            self._context = forkserver
        else:
            self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self.replaced = 0
        self._start_failures = 0

    def __enter__(self) -> WorkerPool:
        self._workers = [self._start() for _ in range(self.size)]
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        tasks = self._context.Queue()
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_worker_main, args=(self.config, tasks, send), daemon=True
        )
        with _caller_script_not_rerun(self.config.engine):
            process.start()
        send.close()  # the child holds the only write end: its death shows as EOF
        return _Worker(process, tasks, receive)

    def _stop(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.tasks.put(None)
            except (OSError, ValueError):
                worker.process.kill()
        worker.process.join(timeout=None if kill else 5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.tasks.cancel_join_thread()
        worker.tasks.close()
        worker.results.close()

    def close(self) -> None:
        """Stop every worker (those still busy are killed)."""
        for worker in self._workers:
            self._stop(worker, kill=bool(worker.pending))
        self._workers = []

    def map(self, records: Iterable[Record]) -> Iterator[tuple[Record, Outcome]]:
        """(record, outcome) for every record, in input order."""
        source = iter(records)
        window = self.size * PER_WORKER * 4
        retry: deque[tuple[int, Record]] = deque()
        ready: dict[int, tuple[Record, Outcome]] = {}
        next_seq = next_out = 0
        exhausted = False
        while True:
            self._revive_idle()
            while retry or not exhausted:
                idle = [w for w in self._workers if len(w.pending) < PER_WORKER]
                if not idle or (not retry and next_seq - next_out >= window):
                    break
                if retry:
                    seq, record = retry.popleft()
                else:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                        break
                    seq, record = next_seq, item
                    next_seq += 1
                    if record.problem is not None:
                        ready[seq] = (record, Outcome(reason=record.problem, message=record.detail))
                        continue
                worker = min(idle, key=lambda w: len(w.pending))
                if not worker.pending:
                    worker.started = time.monotonic()
                worker.pending.append((seq, record))
                worker.tasks.put((seq, record))
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.pending]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            self._collect(busy, ready, retry)

    def _collect(
        self,
        busy: list[_Worker],
        ready: dict[int, tuple[Record, Outcome]],
        retry: deque[tuple[int, Record]],
    ) -> None:
        now = time.monotonic()
        wait: float | None = None
        running = [w for w in busy if w.ready]
        if self.deadline is not None and running:
            wait = max(0.0, min(w.started + self.deadline for w in running) - now)
        handles = [w.results for w in busy] + [w.process.sentinel for w in busy]
        signalled = set(map(id, multiprocessing.connection.wait(handles, timeout=wait)))
        for worker in busy:
            lost = False
            if id(worker.results) in signalled or id(worker.process.sentinel) in signalled:
                try:
                    while worker.pending and worker.results.poll():
                        message = worker.results.recv()
                        if message == _READY:
                            worker.ready = True
                            self._start_failures = 0
                            worker.started = time.monotonic()
                            continue
                        seq, outcome = message
                        head_seq, record = worker.pending.popleft()
                        assert head_seq == seq, "a worker answered out of order"
                        ready[seq] = (record, outcome)
                        worker.started = time.monotonic()
                except (EOFError, OSError):
                    lost = True
                if worker.pending and not worker.process.is_alive():
                    lost = True
            if lost and not worker.ready:
                self._restart(worker, retry)
            elif lost:
                self._replace(
                    worker, ErrorReason.WORKER_CRASHED, "the worker process died", ready, retry
                )
            elif (
                worker.pending
                and worker.ready
                and self.deadline is not None
                and time.monotonic() - worker.started > self.deadline
            ):
                self._replace(
                    worker,
                    ErrorReason.TIMEOUT,
                    f"parsing took longer than {self.deadline:g} s; the worker was killed",
                    ready,
                    retry,
                )

    def _revive_idle(self) -> None:
        """Replace workers that died with nothing to do: no record is to blame."""
        for index, worker in enumerate(self._workers):
            if not worker.pending and not worker.process.is_alive():
                self._stop(worker, kill=True)
                self._workers[index] = self._start()
                self.replaced += 1

    def _restart(self, worker: _Worker, retry: deque[tuple[int, Record]]) -> None:
        """A worker died before it was ready: no record is to blame; give up if it repeats."""
        code = worker.process.exitcode
        self._start_failures += 1
        if self._start_failures > _MAX_START_FAILURES:
            raise WorkerStartError(
                f"worker processes exit before they start (exit code {code}); "
                "run with --workers 0 to see why"
            )
        self._requeue_and_restart(worker, retry)

    def _requeue_and_restart(self, worker: _Worker, retry: deque[tuple[int, Record]]) -> None:
        """Hand ``worker``'s pending records back and start a fresh worker in its place."""
        retry.extend(worker.pending)
        worker.pending.clear()
        # keep the retried records in input order ahead of new ones
        ordered = sorted(retry, key=lambda item: item[0])
        retry.clear()
        retry.extend(ordered)
        self._stop(worker, kill=True)
        self._workers[self._workers.index(worker)] = self._start()

    def _replace(
        self,
        worker: _Worker,
        reason: ErrorReason,
        message: str,
        ready: dict[int, tuple[Record, Outcome]],
        retry: deque[tuple[int, Record]],
    ) -> None:
        seq, record = worker.pending.popleft()
        ready[seq] = (record, Outcome(reason=reason, message=message))
        self._requeue_and_restart(worker, retry)
        self.replaced += 1
