"""Readers and a normaliser (issue 16): documents read in workers without spaCy, normalised
in a worker that loads it meanwhile. The limits, deaths and starts of the second stage,
driven with small work functions of this module; a batch of real plans whose normaliser is
killed mid-run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.db.helpers import DOCS, assert_consistent, copy_with_new_bytes
from tests.ingest.test_workers import CLI, _session_processes, _wait_for
from wres.ingest.batch import BatchOptions, FileOutcome, run_batch
from wres.ingest.limits import Limits
from wres.ingest.workers import (
    WORKER_DIED,
    WORKER_NOT_STARTED,
    PoolEvents,
    PoolSettings,
    WarmPool,
    run_pools,
)

NORTH_TEES = DOCS / "north-tees-hartlepool-2023-24.docx"  # 44 actions
KENT = DOCS / "kent-community-health-2021-22.docx"  # 23 actions
INIT_SECONDS = 1.5


def _read(job: str) -> str:
    return job


def _normalise(job: str) -> tuple[str, int]:
    if job == "hang":
        time.sleep(60)
    elif job == "slow":
        time.sleep(0.6)
    elif job == "crash":
        os._exit(3)
    return job, os.getpid()


def _slow_init() -> None:
    time.sleep(INIT_SECONDS)  # longer than the time limit of the tests below


def _dying_init() -> None:
    os._exit(4)


def _two_stages(jobs: list[str], limits: Limits, init, spent=None,
                hold: int | None = None) -> tuple[dict[str, list], list[int]]:
    """``jobs`` through a reader pool and a spawned normaliser pool, as a batch chains them;
    returns what each event heard and the normaliser's queue length after each hand-over."""
    heard: dict[str, list] = {"delivered": [], "limit": [], "died": []}
    queued: list[int] = []
    readers = WarmPool(_read, PoolSettings(size=2, limits=limits))
    normaliser = WarmPool(_normalise, PoolSettings(size=1, limits=limits), init=init,
                          method="spawn", **({"spent": spent} if spent else {}))
    if hold is not None:
        readers.may_assign = lambda: len(normaliser.queue) < hold

    def hand_over(job: str, result: str) -> None:
        normaliser.submit(result)
        queued.append(len(normaliser.queue))

    def events(delivered) -> PoolEvents:
        return PoolEvents(delivered=delivered,
                          limit_broken=lambda job, why: heard["limit"].append((job, why)),
                          died=lambda job, why: heard["died"].append((job, why)),
                          check_stop=lambda: None)

    readers.events = events(hand_over)
    normaliser.events = events(lambda job, result: heard["delivered"].append(result))
    normaliser.start_workers(1)
    readers.queue.extend(jobs)
    run_pools([readers, normaliser])
    return heard, queued


def test_the_normaliser_past_a_limit_or_dead_loses_no_other_document():
    jobs = ["a", "hang", "b", "crash", "c", "d"]
    heard, _ = _two_stages(jobs, Limits(timeout_s=1), _slow_init)
    # the normaliser's start (longer than the limit) is not counted against "a"
    assert sorted(job for job, _ in heard["delivered"]) == ["a", "b", "c", "d"]
    assert heard["limit"] == [("hang", "timed out after 1 s")]
    assert heard["died"] == [("crash", WORKER_DIED)]  # tried twice, then failed alone


def test_the_time_a_document_took_to_read_counts_against_its_limit():
    heard, _ = _two_stages(["slow", "late"], Limits(timeout_s=1), None,
                           spent=lambda job: 0.7 if job == "slow" else 0.0)
    assert [job for job, _ in heard["delivered"]] == ["late"]
    assert heard["limit"] == [("slow", "timed out after 1 s")]  # 0.7 s read + 0.6 s


def test_a_normaliser_that_cannot_start_fails_its_documents_and_the_run_ends():
    started = time.monotonic()
    heard, _ = _two_stages(["a", "b", "c"], Limits(timeout_s=30), _dying_init)
    assert sorted(heard["died"]) == [(job, WORKER_NOT_STARTED) for job in ("a", "b", "c")]
    assert heard["delivered"] == [] and time.monotonic() - started < 30


def test_readers_wait_while_the_normaliser_has_enough_queued():
    jobs = ["slow"] * 6
    heard, queued = _two_stages(jobs, Limits(timeout_s=30), None, hold=1)
    assert len(heard["delivered"]) == len(jobs)
    assert max(queued) <= 1 + 2  # the bound, plus what the two readers held already


def _normaliser_pids() -> list[int]:
    """Live spawned children of this process (the normaliser; readers are forkserver's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat[1]) == os.getpid() and b"multiprocessing.spawn" in command:
            found.append(int(entry.name))
    return found


def test_killing_the_normaliser_mid_batch_keeps_every_document_whole(tmp_path: Path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(6):
        source = NORTH_TEES if i % 2 else KENT
        copy_with_new_bytes(source, folder / f"{i}-{source.name}", str(i))
    killed: list[int] = []

    def kill_the_normaliser(outcome: FileOutcome) -> None:
        if not killed:
            killed.extend(_normaliser_pids())
            for pid in killed:
                os.kill(pid, signal.SIGKILL)

    db = str(tmp_path / "wres.db")
    report = run_batch([folder], db, options=BatchOptions(workers=2),
                       on_outcome=kill_the_normaliser)
    assert killed
    assert report.count("ingested") == 6, [(o.path, o.reason) for o in report.outcomes]
    assert sorted(o.actions for o in report.outcomes) == [23, 23, 23, 44, 44, 44]
    assert_consistent(db)
    assert not _normaliser_pids()


def test_an_ingest_refused_before_reading_leaves_no_normaliser_behind(tmp_path: Path):
    """The command line starts the normaliser before the options are checked."""
    process = subprocess.Popen([sys.executable, "-c", CLI, "ingest", str(KENT), "--db",
                                str(tmp_path / "wres.db"), "--engine", "bogus"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        _, err = process.communicate(timeout=120)
        _wait_for(lambda: not _session_processes(process.pid), 10)
    finally:
        if _session_processes(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 1 and "unknown engine 'bogus'" in err
