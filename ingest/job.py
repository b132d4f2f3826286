"""One document's work as a batch worker does it: options, the job, what comes back.

Why a module of its own: the forkserver behind the batch workers imports it to find the
work function by name, and nothing here needs SQLAlchemy or the database, so a worker's
parent starts without them (issue 16: start-up is paid before the first document).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wres.errors import INTERNAL_KIND, InternalError, ResourceLimitError
from wres.ingest.limits import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_MAX_PAGES,
    DEFAULT_TIMEOUT_S,
    Limits,
    run_limited,
)
from wres.ingest.workers import DEFAULT_MAX_DOCUMENTS, PoolSettings, WarmPool
from wres.schema import DocumentResult, FileIssue, PlanInfo


@dataclass
class BatchOptions:
    workers: int = 1  # 0 runs everything in this process (debugging, tests)
    force: bool = False  # re-extract even files whose sha256 is already ingested
    engine: str = "auto"
    ocr: bool = False
    max_pages: int | None = DEFAULT_MAX_PAGES
    timeout_s: float | None = DEFAULT_TIMEOUT_S  # per document; None: no limit, no child
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # per document
    max_documents_per_worker: int = DEFAULT_MAX_DOCUMENTS  # then a fresh worker
    recycle_rss_mb: float | None = None  # a worker this big after a document is replaced
    # a fresh process that has not loaded the pipeline (the CLI): workers, whose forkserver
    # loads it while the database opens, pay even for one file; a warm caller's child does not
    cold_start: bool = False

    def __post_init__(self) -> None:
        if self.recycle_rss_mb is None:  # well below the limit: fragmentation, not one file
            self.recycle_rss_mb = 0.6 * self.max_memory_mb

    @property
    def limits(self) -> Limits | None:
        if self.timeout_s is None:
            return None
        return Limits(self.timeout_s, self.max_memory_mb, self.max_pages)


@dataclass
class Job:
    path: Path
    sha256: str
    hint: PlanInfo | None


@dataclass
class Processed:
    """What a worker sends back for one file. From a batch's reader, ``document`` is the
    file read but not yet normalised (None when it could not be read): see ``read_job``."""

    result: DocumentResult
    seconds: float
    pid: int
    peak_rss_mb: float
    document: Any = None


@dataclass
class ToNormalise:
    """A file a reader has read, on its way to the batch's normaliser."""

    job: Job
    read: Processed


def process_job(job: Job, options: BatchOptions, isolate: bool = True,
                stop: Callable[[], bool] | None = None) -> Processed:
    """Extract and normalise one file; a defect of ours is recorded. ``isolate``: in a
    child of this process under the limits (else the pool's watchdog enforces them), ended
    at once when ``stop`` says so."""
    from wres.ingest.pipeline import process_file, warm_up

    warm_up()  # once per process, before the first child is forked from it
    started = time.perf_counter()
    args = (job.path, job.hint)
    kwargs = {"engine": options.engine, "ocr": options.ocr, "max_pages": options.max_pages,
              "sha256": job.sha256}
    try:
        if options.limits is None or not isolate:
            result = process_file(*args, **kwargs)
        else:  # in a child of this worker that is ended when it breaks a limit
            result = run_limited(_process_file_kw, (args, kwargs), options.limits, stop)
    except ResourceLimitError as exc:
        result = failed_result(job, exc.kind, str(exc))
    except Exception as exc:  # one broken file must not stop the batch
        result = failed_result(job, INTERNAL_KIND, _internal(exc))
    result.sha256 = result.sha256 or job.sha256
    return Processed(result, time.perf_counter() - started, os.getpid(), _peak_rss_mb())


def failed_result(job: Job, kind: str, message: str) -> DocumentResult:
    """The result of a file whose processing never returned one of its own."""
    result = DocumentResult(source_file=job.path.name, path=str(job.path),
                            format=job.path.suffix.lower().lstrip("."))
    result.issues.append(FileIssue(file=job.path.name, stage="extract", kind=kind,
                                   message=message))
    return result


def read_job(job: Job, options: BatchOptions) -> Processed:
    """The reading half of ``process_job``, in a batch's reader (which has not loaded spaCy):
    the watchdog of the pool enforces the limits."""
    from wres.ingest.pipeline import extract_file

    started = time.perf_counter()
    try:
        result, document = extract_file(job.path, engine=options.engine, ocr=options.ocr,
                                         max_pages=options.max_pages, sha256=job.sha256)
    except Exception as exc:  # one broken file must not stop the batch
        result, document = failed_result(job, INTERNAL_KIND, _internal(exc)), None
    result.sha256 = result.sha256 or job.sha256
    return Processed(result, time.perf_counter() - started, os.getpid(), _peak_rss_mb(),
                     document)


def normalise_job(item: ToNormalise) -> Processed:
    """The normalising half, in a batch's normaliser: what comes back counts the reading's
    time and memory too, so that a document's figures are those of the whole."""
    from wres.ingest.pipeline import normalise_file

    started, read = time.perf_counter(), item.read
    try:
        result = normalise_file(read.result, read.document, item.job.hint)
    except Exception as exc:  # one broken file must not stop the batch
        result = failed_result(item.job, INTERNAL_KIND, _internal(exc))
        result.sha256 = item.job.sha256
    seconds = read.seconds + time.perf_counter() - started
    return Processed(result, seconds, read.pid, max(read.peak_rss_mb, _peak_rss_mb()))


def _internal(exc: Exception) -> str:
    what = str(exc) if isinstance(exc, InternalError) else f"{type(exc).__name__}: {exc}"
    return f"internal error: {what}"


def _process_file_kw(args: tuple, kwargs: dict) -> DocumentResult:
    from wres.ingest.pipeline import process_file

    return process_file(*args, **kwargs)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def normaliser_pool(options: BatchOptions) -> WarmPool:
    """The batch's normaliser: workers that map read documents onto records, one per four
    readers (normalising takes about an eighth of a document's time). Spawned, not forked
    from the readers' forkserver, so that it starts loading spaCy (the longest load of a
    run) at once, beside that forkserver, not after it; its time limit counts the time
    each document took to read."""
    from wres.ingest.pipeline import warm_up_normalising

    settings = PoolSettings(max(1, -(-options.workers // 4)), options.limits,
                            options.max_documents_per_worker, options.recycle_rss_mb)
    return WarmPool(normalise_job, settings, init=warm_up_normalising, spent=_reading_seconds,
                    method="spawn")


def _reading_seconds(item: ToNormalise) -> float:
    return item.read.seconds
