"""Warm, persistent worker processes that serve many documents, with per-document limits.

Why this shape (issue 16): forking a child per document from a worker that had not loaded
the PDF engine cost more than many documents' own work. Here each worker is forked from a
``forkserver`` that has imported the document engines, built the word list and frozen the
garbage collector (``wres.ingest.warm``), so a worker is ready at once and shares those
pages with its siblings; or, with an ``init`` (the batch's normaliser, which loads spaCy),
it is given no document until it says it is ready. Isolation stays per document, enforced
from outside: this process knows which document each worker holds, and a watchdog ends a
worker that runs past the time limit or grows past the memory limit on it. That document
alone is failed; a fresh worker takes the next one. A worker that dies on its own (killed, a
crash inside a PDF library) has its document tried once more in a fresh worker, so an
innocent file is never lost; a file that kills a second worker fails alone. A worker is
retired, between documents, after ``max_documents`` or when it has grown past
``recycle_rss_mb`` (memory fragmentation).
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
WORKER_NOT_STARTED = "no worker process could be started for this file (see the log)"
START_ATTEMPTS = 3  # workers of one kind that may die as they start before their jobs fail


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
    ready: bool = True  # False while its ``init`` runs: it is given no job until it says so

    @property
    def pid(self) -> int:
        return self.process.pid


READY = "ready"  # what a worker with an ``init`` sends once it has run it


def _serve(conn: Connection, work: Callable[[Any], Any],
           init: Callable[[], None] | None = None) -> None:
    """A worker's life: documents in, results out, until told to stop or killed."""
    for signum in (signal.SIGINT, signal.SIGHUP):  # the parent decides when to stop
        signal.signal(signum, signal.SIG_IGN)
    if init is not None:
        with contextlib.suppress(Exception):  # what fails here fails again on each job,
            init()  # where it is recorded against that document
        conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(work(job))


def _nothing_spent(_job: Any) -> float:
    return 0.0


@dataclass
class WarmPool:
    """``work(job)`` for every job in worker processes; see the module's docstring.

    ``init`` is run by each worker before its first job and is not timed (a normaliser
    loading spaCy). Workers are forked from the forkserver that has loaded the document
    engines, or with ``method="spawn"`` start as fresh interpreters (at once, with no wait
    for that forkserver). ``spent(job)`` is the time a job has already used in an earlier pool,
    counted against the time limit here. ``run`` drives one pool; ``run_pools`` several,
    whose events may ``submit`` a finished job to the next."""

    work: Callable[[Any], Any]  # a module-level function: it is sent to workers by name
    settings: PoolSettings
    init: Callable[[], None] | None = None
    spent: Callable[[Any], float] = _nothing_spent
    method: str = "forkserver"  # how workers start: "spawn" for a fresh interpreter
    may_assign: Callable[[], bool] = lambda: True  # False holds the queue back
    events: PoolEvents | None = None
    workers: list[_Worker] = field(default_factory=list)
    queue: deque = field(default_factory=deque)
    retried: set[int] = field(default_factory=set)  # id() of jobs whose worker died once
    peak_rss_mb: float = 0.0
    failed_starts: int = 0

    def run(self, jobs: list[Any], events: PoolEvents) -> None:
        """Work through ``jobs``; every job ends in exactly one event. Closes the pool."""
        self.events = events
        self.queue.extend(jobs)
        run_pools([self])

    def submit(self, job: Any) -> None:
        self.queue.append(job)

    def start_workers(self, count: int) -> None:
        """Start up to ``count`` workers now, so that their ``init`` runs ahead of need."""
        while len(self.workers) < min(count, self.settings.size):
            self._start()

    @property
    def pending(self) -> bool:
        return bool(self.queue) or any(w.job is not None for w in self.workers)

    def waitables(self) -> list[Any]:
        """What ``wait`` watches: the pipes and lives of workers busy or still starting."""
        watched = [w for w in self.workers if w.job is not None or not w.ready]
        return [w.conn for w in watched] + [w.process.sentinel for w in watched]

    def collect(self, ready: list[Any]) -> None:
        """Take what the workers in ``ready`` sent, in the order they were given their
        jobs: a stable order of writes."""
        for worker in sorted(self.workers, key=lambda w: (w.job is None, w.started)):
            if worker.conn in ready or worker.process.sentinel in ready:
                if worker.ready:
                    self._collect(worker)
                else:
                    self._hear_ready(worker)

    def _busy(self) -> list[_Worker]:
        return sorted((w for w in self.workers if w.job is not None), key=lambda w: w.started)

    def assign(self) -> None:
        while self.queue and self.may_assign():
            idle = [w for w in self.workers if w.job is None and w.ready]
            if not idle and len(self.workers) < self.settings.size:
                if self.failed_starts >= START_ATTEMPTS:  # none will start: fail, not spin
                    while self.queue:
                        self.events.died(self.queue.popleft(), WORKER_NOT_STARTED)
                    return
                self._start()
                continue
            if not idle:
                return
            worker, job = idle[0], self.queue.popleft()
            worker.job, worker.started = job, time.monotonic()
            with contextlib.suppress(OSError):  # died while idle: the next wait sees it
                worker.conn.send(job)

    def _start(self) -> _Worker:
        context = _context(self.method)
        receiver, sender = context.Pipe(duplex=True)
        process = context.Process(target=_serve, args=(sender, self.work, self.init),
                                  daemon=True)
        process.start()
        sender.close()
        worker = _Worker(process, receiver, ready=self.init is None)
        self.workers.append(worker)
        return worker

    def _hear_ready(self, worker: _Worker) -> None:
        try:
            worker.ready = worker.conn.recv() == READY
        except (EOFError, OSError):
            worker.ready = False
        if worker.ready:
            return
        self._end(worker)  # died as it started: no document of its own to blame
        self.failed_starts += 1

    def _collect(self, worker: _Worker) -> None:
        job = worker.job
        try:
            result = worker.conn.recv()
        except (EOFError, OSError):
            self._end(worker)
            self._died(worker, job)
            return
        worker.job, worker.documents = None, worker.documents + 1
        rss = rss_mb(worker.pid)
        self.peak_rss_mb = max(self.peak_rss_mb, rss)
        recycle = self.settings.recycle_rss_mb
        if worker.documents >= self.settings.max_documents or (recycle and rss > recycle):
            self._retire(worker)
        self.assign()  # the worker goes on with the next file while this one is stored
        self.events.delivered(job, result)

    def _died(self, worker: _Worker, job: Any) -> None:
        if id(job) not in self.retried:
            self.retried.add(id(job))
            self.queue.appendleft(job)  # maybe innocent (killed from outside): once more
            return
        code = worker.process.exitcode
        killed = code is not None and -code == signal.SIGKILL and self.settings.limits
        self.events.died(job, limit_message("memory", self.settings.limits) if killed
                         else WORKER_DIED)

    def watch(self) -> None:
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
            elif now - worker.started + self.spent(worker.job) > limits.timeout_s:
                reason = limit_message("time", limits)
            else:
                continue
            job = worker.job
            self._end(worker)
            self.events.limit_broken(job, reason)

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

    def end_workers(self) -> None:
        for worker in list(self.workers):
            self._end(worker)



def run_pools(pools: list[WarmPool]) -> None:
    """Drive ``pools`` until none has work left. Each pool's events may hand a finished job
    on to a later pool (a reader's document to the normaliser). Then every worker is ended,
    and the forkserver and resource tracker behind them, so that no process of this run
    outlives it (Ctrl-C, SIGTERM, a crash of this process)."""
    try:
        while any(pool.pending for pool in pools):
            for pool in pools:
                pool.events.check_stop()
                pool.assign()
            ready = wait([item for pool in pools for item in pool.waitables()],
                         timeout=POLL_S)
            for pool in pools:
                pool.events.check_stop()
                pool.collect(ready)
                pool.watch()
    finally:
        for pool in pools:
            pool.end_workers()
        stop_helpers()


def start_helpers() -> None:
    """Start the forkserver now, so that it loads the pipeline (a second or more: spaCy,
    the PDF engine) while this process opens the database and hashes the files, instead
    of after. ``stop_helpers`` ends it, whether or not a worker was ever started."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _context(method: str = "forkserver") -> Any:
    if method != "forkserver" or method not in multiprocessing.get_all_start_methods():
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
