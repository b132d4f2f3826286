"""Warm, persistent worker processes that serve many documents, with per-document limits.

Why this shape (issue 16): forking a child per document from a worker that had not loaded
the PDF engine cost more than many documents' own work. Here each worker is forked from a
``forkserver`` that has imported the whole pipeline, built its language data and frozen the
garbage collector (``wres.ingest.warm``), so a worker is ready at once and shares those pages
with its siblings. Isolation stays per document, enforced from outside: this process knows
which document each worker holds, and a watchdog ends a worker that runs past the time limit
or grows past the memory limit on it. That document alone is failed; a fresh worker takes
the next one. A worker that dies on its own (killed, a crash inside a PDF library) has its
document tried once more in a fresh worker, so an innocent file is never lost; a file that
kills a second worker fails alone. A worker is retired, between documents, after
``max_documents`` or when it has grown past ``recycle_rss_mb`` (memory fragmentation).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from wres.ingest.limits import Limits, limit_message, rss_mb

POLL_S = 0.1  # how often the watchdog looks at the clock and at memory
RETIRE_WAIT_S = 5.0
DEFAULT_MAX_DOCUMENTS = 100  # a worker is replaced after this many documents
WORKER_DIED = "the worker process died on this file (killed, out of memory or a library crash)"


@dataclass
class PoolSettings:
    size: int
    limits: Limits | None  # None: no watchdog (the caller asked for no limits)
    max_documents: int = DEFAULT_MAX_DOCUMENTS
    recycle_rss_mb: float | None = None  # retire a worker this big after a document


@dataclass
class PoolEvents:
    """What the pool tells its owner; ``check_stop`` raises to end the run between documents."""

    delivered: Callable[[Any, Any], None]  # (job, what the work function returned)
    limit_broken: Callable[[Any, str], None]  # (job, one-line reason)
    died: Callable[[Any, str], None]  # (job, one-line reason), after its one retry
    check_stop: Callable[[], None]


@dataclass
class _Worker:
    process: Any
    conn: Connection
    job: Any = None
    started: float = 0.0
    documents: int = 0

    @property
    def pid(self) -> int:
        return self.process.pid


def _serve(conn: Connection, work: Callable[[Any], Any]) -> None:
    """A worker's life: documents in, results out, until told to stop or killed."""
    for signum in (signal.SIGINT, signal.SIGHUP):  # the parent decides when to stop
        signal.signal(signum, signal.SIG_IGN)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(work(job))


@dataclass
class WarmPool:
    """``work(job)`` for every job in worker processes; see the module's docstring."""

    work: Callable[[Any], Any]  # a module-level function: it is sent to workers by name
    settings: PoolSettings
    workers: list[_Worker] = field(default_factory=list)
    retried: set[int] = field(default_factory=set)  # id() of jobs whose worker died once
    peak_rss_mb: float = 0.0

    def run(self, jobs: list[Any], events: PoolEvents) -> None:
        """Work through ``jobs``; every job ends in exactly one event. Closes the pool."""
        queue = deque(jobs)
        try:
            while queue or self._busy():
                events.check_stop()
                self._assign(queue)
                busy = self._busy()
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                             timeout=POLL_S)
                events.check_stop()
                for worker in busy:  # in the order they were given: a stable order of writes
                    if worker.conn in ready or worker.process.sentinel in ready:
                        self._collect(worker, queue, events)
                self._watch(events)
        finally:
            self.close()

    def _busy(self) -> list[_Worker]:
        return sorted((w for w in self.workers if w.job is not None), key=lambda w: w.started)

    def _assign(self, queue: deque) -> None:
        while queue:
            idle = [w for w in self.workers if w.job is None]
            if not idle and len(self.workers) < self.settings.size:
                idle = [self._start()]
            if not idle:
                return
            worker, job = idle[0], queue.popleft()
            worker.job, worker.started = job, time.monotonic()
            with contextlib.suppress(OSError):  # died while idle: the next wait sees it
                worker.conn.send(job)

    def _start(self) -> _Worker:
        context = _context()
        receiver, sender = context.Pipe(duplex=True)
        process = context.Process(target=_serve, args=(sender, self.work), daemon=True)
        process.start()
        sender.close()
        worker = _Worker(process, receiver)
        self.workers.append(worker)
        return worker

    def _collect(self, worker: _Worker, queue: deque, events: PoolEvents) -> None:
        job = worker.job
        try:
            result = worker.conn.recv()
        except (EOFError, OSError):
            self._end(worker)
            self._died(worker, job, queue, events)
            return
        worker.job, worker.documents = None, worker.documents + 1
        rss = rss_mb(worker.pid)
        self.peak_rss_mb = max(self.peak_rss_mb, rss)
        recycle = self.settings.recycle_rss_mb
        if worker.documents >= self.settings.max_documents or (recycle and rss > recycle):
            self._retire(worker)
        self._assign(queue)  # the worker goes on with the next file while this one is stored
        events.delivered(job, result)

    def _died(self, worker: _Worker, job: Any, queue: deque, events: PoolEvents) -> None:
        if id(job) not in self.retried:
            self.retried.add(id(job))
            queue.appendleft(job)  # maybe innocent (killed from outside): once more
            return
        code = worker.process.exitcode
        killed = code is not None and -code == signal.SIGKILL and self.settings.limits
        events.died(job, limit_message("memory", self.settings.limits) if killed else WORKER_DIED)

    def _watch(self, events: PoolEvents) -> None:
        """The per-document limits: end a worker that breaks one on its current document."""
        limits = self.settings.limits
        if limits is None:
            return
        now = time.monotonic()
        for worker in self._busy():
            rss = rss_mb(worker.pid)
            self.peak_rss_mb = max(self.peak_rss_mb, rss)
            if rss > limits.max_memory_mb:
                reason = limit_message("memory", limits)
            elif now - worker.started > limits.timeout_s:
                reason = limit_message("time", limits)
            else:
                continue
            job = worker.job
            self._end(worker)
            events.limit_broken(job, reason)

    def _retire(self, worker: _Worker) -> None:
        """Between documents: ask the worker to stop, end it if it does not."""
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(RETIRE_WAIT_S)
        self._end(worker)

    def _end(self, worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        worker.job = None
        self.workers.remove(worker)

    def close(self) -> None:
        """End every worker now, then the forkserver and resource tracker behind them, so
        that no process of this run outlives it (Ctrl-C, SIGTERM, a crash of this process)."""
        for worker in list(self.workers):
            self._end(worker)
        stop_helpers()


def start_helpers() -> None:
    """Start the forkserver now, so that it loads the pipeline (a second or more: spaCy,
    the PDF engine) while this process opens the database and hashes the files, instead
    of after. ``stop_helpers`` ends it, whether or not a worker was ever started."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context() -> Any:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["wres.ingest.warm"])
    return context


def stop_helpers() -> None:
    """Stop the forkserver and the resource tracker this process started, if any.

    Why by hand: both outlive a process that ends on a signal, and neither has a public
    stop; the private ``_stop`` of each waits for its process to end.
    """
    from multiprocessing import forkserver, resource_tracker

    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if pid is not None:  # it may still be loading the pipeline, and would finish that first
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for helper in (server, getattr(resource_tracker, "_resource_tracker", None)):
        stop = getattr(helper, "_stop", None)  # each returns at once when not running
        if stop is not None:
            with contextlib.suppress(OSError, ChildProcessError):
                stop()
