"""Batch ingest: many files into the database, safely, in worker processes.

Why it is built this way:
- The sha256 of every file is taken first, in this process, and files already in the
  database are skipped before any parsing: a re-run costs one read of each file.
- Workers only extract and normalise; this process alone writes, one transaction per
  document, while the workers go on with the next files. A document is in the database
  whole or not at all, whatever happens to a worker or to this process.
- Workers are warm and persistent (``ingest/workers.py``), in two kinds: readers, forked
  from a ``forkserver`` that has loaded the document engines, read each file into the
  document model; a normaliser (one per four readers), spawned at once, loads spaCy while
  the first files are read and maps each document onto records. Why two kinds: spaCy is
  the longest load of a run (about a second), and readers need none of it, so no file
  waits for it to be read; with one reader, normalising also runs beside reading. A
  watchdog here keeps the limits per document in both (the normaliser's time limit counts
  the reading time too). A worker that dies has its document tried once more; the one
  that kills workers fails alone and the others still land. No worker is forked from a
  process holding threads or database connections. When a folder or several paths are
  given, or the caller is a fresh process (the CLI), both kinds start first thing, so
  they load while this process opens the database and hashes the files. A warm caller's
  one file (or ``workers=0``) needs no pool: each document runs in a child of this process
  instead.
- SIGINT, SIGTERM and SIGHUP stop the run between documents with no process left behind,
  and the run is marked ``interrupted``; a run found ``running`` whose process has gone is
  marked ``abandoned`` by the next one.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from wres.db.engine import leave_readable, make_engine, upgrade_to_head
from wres.db.store import finish_run as finish_run_row
from wres.db.store import (
    known_hashes,
    mark_abandoned_runs,
    start_run,
    store_document,
)
from wres.errors import ResourceLimitError
from wres.ingest.files import expand_paths, several_files
from wres.ingest.job import (
    BatchOptions,
    Job,
    Processed,
    ToNormalise,
    failed_result,
    normaliser_pool,
    process_job,
    read_job,
)
from wres.ingest.manifest import Manifest
from wres.ingest.retry import check_options, read_with
from wres.ingest.workers import (
    WORKER_DIED,  # noqa: F401 - the reason a document whose worker died twice gets
    PoolEvents,
    PoolSettings,
    WarmPool,
    run_pools,
    start_helpers,
    stop_helpers,
)

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)  # each stops between documents


@dataclass
class FileOutcome:
    path: str
    state: str  # ingested, skipped or failed
    reason: str | None = None
    actions: int = 0
    pages: int | None = None
    worker_pid: int | None = None


@dataclass
class BatchReport:
    run_id: int | None = None
    outcomes: list[FileOutcome] = field(default_factory=list)
    not_plan_files: dict[str, int] = field(default_factory=dict)  # walk skip reason -> count
    problems: list[str] = field(default_factory=list)  # paths that do not exist
    manifest_problems: list[str] = field(default_factory=list)  # rows naming absent files
    interrupted: bool = False
    stop_signal: int | None = None  # the signal that stopped the run, if one did
    seconds: dict[str, float] = field(default_factory=dict)  # hash, process, write, wall
    peak_worker_rss_mb: float = 0.0

    def count(self, state: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.state == state)

    @property
    def actions_added(self) -> int:
        return sum(outcome.actions for outcome in self.outcomes if outcome.state == "ingested")

    @property
    def pages(self) -> int:
        return sum(o.pages or 0 for o in self.outcomes if o.state != "skipped")

    def counts(self) -> dict[str, int]:
        return {"files_seen": len(self.outcomes), "ingested": self.count("ingested"),
                "skipped": self.count("skipped"), "failed": self.count("failed"),
                "actions_added": self.actions_added}


def run_batch(paths: list[Path], db: str | Path | None = None, manifest: Manifest | None = None,
              options: BatchOptions | None = None,
              on_outcome: Callable[[FileOutcome], None] | None = None,
              on_planned: Callable[[int], None] | None = None,
              normaliser: WarmPool | None = None) -> BatchReport:
    """Ingest every plan file under ``paths`` into ``db`` and say what happened to each.

    ``on_planned`` is told how many files need processing, ``on_outcome`` hears of every
    file as it is settled (the progress bar). Ctrl-C ends the run between documents and
    returns the report with ``interrupted`` set. ``normaliser``: the caller has started
    the workers' normaliser itself, earlier (``job.normaliser_pool``); the run ends it.
    """
    options = options or BatchOptions()
    pooled = options.workers > 0 and (options.cold_start or several_files(list(paths)))
    try:
        check_options(options)  # a bad --engine fails once, before any file is read
        if pooled:  # both load while the database opens and files are hashed
            normaliser = normaliser or normaliser_pool(options)
            normaliser.start_workers(1)
            start_helpers()
        return _ingest(paths, db, manifest or Manifest(), options, on_outcome, on_planned,
                       normaliser if pooled else None)
    finally:
        if normaliser is not None:
            normaliser.end_workers()
        stop_helpers()


def _ingest(paths: list[Path], db: str | Path | None, manifest: Manifest,
            options: BatchOptions, on_outcome: Callable[[FileOutcome], None] | None,
            on_planned: Callable[[int], None] | None,
            normaliser: WarmPool | None) -> BatchReport:
    wall = time.perf_counter()
    engine = make_engine(db)
    upgrade_to_head(engine)
    mark_abandoned_runs(engine)
    found = expand_paths(list(paths))
    report = BatchReport(not_plan_files=dict(found.skipped), problems=list(found.problems))
    report.manifest_problems = manifest.not_found(found.files) if manifest.plans else []
    report.run_id = start_run(engine, [str(p) for p in paths], options.workers)
    writer = _Writer(engine, report, options, on_outcome)
    status = "finished"
    try:
        with _signals_stop_between_documents(writer):
            jobs = _plan_jobs(found.files, manifest, engine, options, writer)
            if on_planned is not None:
                on_planned(len(jobs))
            _run_jobs(jobs, options, writer, normaliser)
    except KeyboardInterrupt:
        report.interrupted, status = True, "interrupted"
    except BaseException:
        status = "crashed"
        raise
    finally:
        report.seconds["wall"] = time.perf_counter() - wall
        gc.collect()  # a second Ctrl-C may have left a connection only garbage can close
        finish_run_row(engine, report.run_id, status, report.counts())
        leave_readable(engine)  # disposes of the engine
    return report


@contextmanager
def _signals_stop_between_documents(writer: _Writer) -> Iterator[None]:
    """The first Ctrl-C, SIGTERM or SIGHUP asks the batch to stop at the next document
    boundary; the workers are then ended and the run marked ``interrupted``.

    Why not let KeyboardInterrupt fly: raised inside SQLAlchemy or sqlite3 it can leave a
    connection holding the write lock, and the run could not even record that it stopped.
    A second signal stops at once (SQLite still rolls back whatever was half written).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, _frame: object) -> None:
        if writer.stop_requested:
            raise KeyboardInterrupt
        writer.stop_requested = True
        writer.report.stop_signal = signum

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _Writer:
    """Stores each worker's result as it arrives and keeps the report up to date."""

    def __init__(self, engine: Engine, report: BatchReport, options: BatchOptions,
                 on_outcome: Callable[[FileOutcome], None] | None) -> None:
        self.engine, self.report, self.options = engine, report, options
        self.on_outcome = on_outcome
        self.stop_requested = False
        for stage in ("hash", "process", "write"):
            report.seconds.setdefault(stage, 0.0)

    def stop_if_asked(self) -> None:
        """Called between documents: the only place a first Ctrl-C takes effect."""
        if self.stop_requested:
            raise KeyboardInterrupt

    def settle(self, outcome: FileOutcome) -> None:
        self.report.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def store(self, job: Job, processed: Processed) -> None:
        result = processed.result
        self.report.seconds["process"] += processed.seconds
        self.report.peak_worker_rss_mb = max(self.report.peak_worker_rss_mb,
                                             processed.peak_rss_mb)
        started = time.perf_counter()
        try:
            stored = store_document(self.engine, result, _path_key(job.path),
                                    run_id=self.report.run_id, force=self.options.force,
                                    read_with=read_with(self.options))
        except SQLAlchemyError as exc:  # this document is not stored; the others may be
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            self.fail(job, f"could not store it: {reason}")
            return
        finally:
            self.report.seconds["write"] += time.perf_counter() - started
        outcome = FileOutcome(str(job.path), stored.state, stored.reason, stored.actions,
                              result.pages, processed.pid)
        errors = [issue.message for issue in result.issues if issue.severity == "error"]
        if stored.state == "ingested" and result.status == "failed":
            outcome.state, outcome.reason, outcome.actions = "failed", "; ".join(errors), 0
        elif stored.state == "ingested" and errors:
            outcome.reason = "partly read: " + "; ".join(errors)
        self.settle(outcome)

    def fail(self, job: Job, reason: str) -> None:
        self.settle(FileOutcome(str(job.path), "failed", reason))


def _path_key(path: Path) -> str:
    """A document's identity: its absolute path (a changed file replaces its own rows)."""
    return str(path.resolve())


def _plan_jobs(files: list[Path], manifest: Manifest, engine: Engine,
               options: BatchOptions, writer: _Writer) -> list[Job]:
    """Hash every file; settle the known and duplicate ones now, return the rest."""
    from wres.ingest.pipeline import sha256_of

    started = time.perf_counter()
    # a failure is retried when the options that bear on it changed (ingest/retry.py)
    known = {} if options.force else known_hashes(engine, read_with(options)[0])
    first_seen: dict[str, Path] = {}
    jobs: list[Job] = []
    for path in files:
        writer.stop_if_asked()
        try:
            digest = sha256_of(path)
        except OSError as exc:
            writer.settle(FileOutcome(str(path), "failed",
                                      f"cannot read the file: {exc.strerror or exc}"))
            continue
        if digest in known:
            where = "" if known[digest] == _path_key(path) else f" as {known[digest]}"
            writer.settle(FileOutcome(str(path), "skipped", f"already ingested{where}"))
        elif digest in first_seen and not options.force:
            writer.settle(FileOutcome(str(path), "skipped",
                                      f"same content as {first_seen[digest]}"))
        else:
            first_seen.setdefault(digest, path)
            jobs.append(Job(path, digest, manifest.hint_for(path)))
    writer.report.seconds["hash"] += time.perf_counter() - started
    return jobs


def _run_jobs(jobs: list[Job], options: BatchOptions, writer: _Writer,
              normaliser: WarmPool | None) -> None:
    """With a ``normaliser`` (a folder, several paths or a cold start): warm persistent
    workers (``ingest/workers.py``). Otherwise (one file from a warm caller, or
    ``workers=0``) each document runs in a child of this process under the limits."""
    if normaliser is None:
        for job in jobs:
            writer.stop_if_asked()
            writer.store(job, process_job(job, options, stop=lambda: writer.stop_requested))
    elif jobs:
        _run_pooled(jobs, options, writer, normaliser)


def _run_pooled(jobs: list[Job], options: BatchOptions, writer: _Writer,
                normaliser: WarmPool) -> None:
    """Readers (``options.workers`` of them, forked from the forkserver that has been
    loading the document engines since the run began) read each file into the document
    model; the normaliser, which has been loading spaCy as long, maps it onto records;
    this process stores each result. Limits hold per document in both: the normaliser's
    time limit counts the time the document took to read."""
    settings = PoolSettings(options.workers, options.limits,
                            options.max_documents_per_worker, options.recycle_rss_mb)
    readers = WarmPool(partial(read_job, options=options), settings)
    # read documents wait in this process for the normaliser: a bounded number of them
    readers.may_assign = lambda: len(normaliser.queue) < 2 * options.workers

    def read(job: Job, processed: Processed) -> None:
        if processed.document is None:  # not read: nothing to normalise
            writer.store(job, processed)
        else:
            normaliser.submit(ToNormalise(job, processed))

    def limit_broken(job: Job, reason: str) -> None:
        failed = failed_result(job, ResourceLimitError.kind, reason)
        writer.store(job, Processed(failed, 0.0, 0, 0.0))

    stop = writer.stop_if_asked
    readers.events = PoolEvents(delivered=read, limit_broken=limit_broken,
                                died=writer.fail, check_stop=stop)
    normaliser.events = PoolEvents(
        delivered=lambda item, processed: writer.store(item.job, processed),
        limit_broken=lambda item, reason: limit_broken(item.job, reason),
        died=lambda item, reason: writer.fail(item.job, reason), check_stop=stop)
    readers.queue.extend(jobs)
    run_pools([readers, normaliser])
    writer.report.peak_worker_rss_mb = max(writer.report.peak_worker_rss_mb,
                                           readers.peak_rss_mb, normaliser.peak_rss_mb)
