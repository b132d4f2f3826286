"""Warm persistent workers (issue 16) and clean stops (issue 12 item 5).

The pool is driven with small work functions of this module (a hang, a memory hog, a crash)
so that each limit is hit for certain; the batch and the command line with real samples.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import update

from tests.db.helpers import DOCS, assert_consistent, copy_with_new_bytes, one_value
from wres.db.engine import make_engine, upgrade_to_head
from wres.db.models import IngestRun
from wres.db.store import start_run
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.limits import Limits, run_limited
from wres.ingest.workers import WORKER_DIED, PoolEvents, PoolSettings, WarmPool

NORTH_TEES = DOCS / "north-tees-hartlepool-2023-24.docx"  # 44 actions
CLI = ("import typer; from wres.ingest.cli_db import register; "
       "app = typer.Typer(); register(app); app()")


def _work(job: str) -> tuple[str, int]:
    """What a worker does with each test job: most return at once, some misbehave."""
    if job == "hang":
        time.sleep(60)
    elif job == "hog":
        blocks = [bytearray(1 << 20) for _ in range(1500)]  # 1.5 GB, touched
        time.sleep(60)
        del blocks
    elif job == "crash":
        os._exit(3)  # a library crash: the worker vanishes without a word
    return job, os.getpid()


def _run_pool(jobs: list[str], settings: PoolSettings) -> dict[str, list]:
    heard: dict[str, list] = {"delivered": [], "limit": [], "died": []}
    events = PoolEvents(delivered=lambda job, result: heard["delivered"].append(result),
                        limit_broken=lambda job, why: heard["limit"].append((job, why)),
                        died=lambda job, why: heard["died"].append((job, why)),
                        check_stop=lambda: None)
    WarmPool(_work, settings).run(jobs, events)
    return heard


def test_a_worker_past_a_limit_or_dead_mid_document_loses_no_other_document():
    jobs = ["a", "hang", "b", "hog", "c", "crash", "d", "e"]
    limits = Limits(timeout_s=3, max_memory_mb=800)
    heard = _run_pool(jobs, PoolSettings(size=2, limits=limits))
    assert sorted(job for job, _ in heard["delivered"]) == ["a", "b", "c", "d", "e"]
    assert dict(heard["limit"]) == {"hang": "timed out after 3 s",
                                    "hog": "over the 800 MB memory limit"}
    assert heard["died"] == [("crash", WORKER_DIED)]  # tried twice, then failed alone
    assert len(heard["delivered"]) + len(heard["limit"]) + len(heard["died"]) == len(jobs)


def test_a_worker_is_recycled_after_n_documents():
    jobs = [f"doc-{i}" for i in range(7)]
    heard = _run_pool(jobs, PoolSettings(size=1, limits=Limits(timeout_s=30),
                                         max_documents=2))
    assert sorted(job for job, _ in heard["delivered"]) == sorted(jobs)
    served: dict[int, int] = {}
    for _, pid in heard["delivered"]:
        served[pid] = served.get(pid, 0) + 1
    assert len(served) == 4 and max(served.values()) == 2, served


def test_a_worker_grown_past_the_recycle_size_is_replaced():
    heard = _run_pool(["x", "y", "z"], PoolSettings(size=1, limits=Limits(timeout_s=30),
                                                    recycle_rss_mb=1.0))
    assert len({pid for _, pid in heard["delivered"]}) == 3  # every worker is over 1 MB


def test_a_stop_asked_while_one_document_runs_ends_its_child_at_once():
    """One file runs in a child of the ingest (no pool): a SIGTERM must not wait for it."""
    asked = {"n": 0}

    def stop_on_third_look() -> bool:
        asked["n"] += 1
        return asked["n"] >= 3

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run_limited(_work, ("hang",), Limits(timeout_s=30), stop=stop_on_third_look)
    assert time.monotonic() - started < 5
    assert not multiprocessing.active_children()


def _session_processes(session: int) -> list[str]:
    """Every live process of a session (its leader included), read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # after "pid (name)": state, ppid, pgrp, sid
        if fields[0] != "Z" and int(fields[3]) == session:
            found.append(stat.split(")", 1)[0] + ")")
    return found


def test_sigterm_mid_batch_leaves_no_process_and_marks_the_run_interrupted(tmp_path: Path):
    folder = tmp_path / "plans"
    folder.mkdir()
    files = [copy_with_new_bytes(NORTH_TEES, folder / f"copy-{i:02d}.docx", str(i))
             for i in range(16)]
    db = tmp_path / "wres.db"
    process = subprocess.Popen([sys.executable, "-c", CLI, "ingest", str(folder), "--db",
                                str(db), "--workers", "2"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for(lambda: _stored(db) >= 2, 120)
        assert len(_session_processes(process.pid)) >= 3  # the ingest, a forkserver, workers
        process.send_signal(signal.SIGTERM)  # to the ingest alone, as `kill -TERM` does
        _, err = process.communicate(timeout=60)
        _wait_for(lambda: not _session_processes(process.pid), 10)
    finally:
        if process.poll() is None or _session_processes(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert "Traceback" not in err
    assert process.returncode == 130, err
    assert one_value(str(db), "SELECT status FROM ingest_runs") == "interrupted"
    assert_consistent(str(db))
    stored = one_value(str(db), "SELECT count(*) FROM documents")
    assert 2 <= stored < len(files)
    assert one_value(str(db), "SELECT count(DISTINCT document_id) FROM plans") == stored


def test_a_run_whose_process_has_gone_is_marked_abandoned(tmp_path: Path):
    db = str(tmp_path / "wres.db")
    engine = make_engine(db)
    upgrade_to_head(engine)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_run, live_run = start_run(engine, ["a"], 1), start_run(engine, ["b"], 1)
    with engine.begin() as connection:  # as if killed with -9 while running
        connection.execute(update(IngestRun).where(IngestRun.id == dead_run)
                           .values(pid=int(gone.stdout)))
    engine.dispose()
    run_batch([copy_with_new_bytes(NORTH_TEES, tmp_path / "plan.docx", "x")], db,
              options=BatchOptions(workers=0))
    statuses = dict(_rows(db, "SELECT id, status FROM ingest_runs"))
    assert statuses[dead_run] == "abandoned"
    assert statuses[live_run] == "running"  # this test's own process: still alive
    assert sorted(statuses.values()) == ["abandoned", "finished", "running"]


def _rows(db: str, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return _rows(str(db), "SELECT count(*) FROM documents")[0][0]
    except Exception:  # noqa: BLE001 - the schema is not made yet
        return 0


def _wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s")


def test_a_worker_goes_on_with_the_next_file_while_the_last_is_stored():
    """Storing a result (this process's work) must not leave the worker idle."""
    busy_when_delivered: list[bool] = []
    pool = WarmPool(_work, PoolSettings(size=1, limits=Limits(timeout_s=30)))
    events = PoolEvents(
        delivered=lambda job, result: busy_when_delivered.append(
            any(worker.job is not None for worker in pool.workers)),
        limit_broken=lambda job, why: None, died=lambda job, why: None,
        check_stop=lambda: None)
    pool.run(["a", "b", "c"], events)
    assert busy_when_delivered == [True, True, False]  # the last has nothing to go on with


def test_a_run_with_nothing_to_read_ends_its_forkserver(tmp_path: Path):
    """The CLI starts the workers' forkserver before it knows whether any file needs
    reading; a re-run that skips every file must still leave no process behind."""
    folder = tmp_path / "plans"
    folder.mkdir()
    copy_with_new_bytes(NORTH_TEES, folder / "plan.docx", "1")
    db = tmp_path / "wres.db"
    for attempt in range(2):
        process = subprocess.Popen([sys.executable, "-c", CLI, "ingest", str(folder), "--db",
                                    str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
        try:
            _, err = process.communicate(timeout=120)
            session = process.pid
            _wait_for(lambda: not _session_processes(session), 10)  # noqa: B023 - used here
        finally:
            if _session_processes(process.pid):
                os.killpg(process.pid, signal.SIGKILL)
        assert process.returncode == 0, err
        assert ("skipped" if attempt else "ingested") in err
