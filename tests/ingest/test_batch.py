"""Batch ingest: re-runs, changed files, bad files, dead workers, crashes, two writers.

Real sample files throughout (the Word plans, whose actions are known to be right, and
the bad-* files); copies get a different zip comment or a PDF trailer line so their
sha256 differs while they read the same.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.db.helpers import (
    BACKENDS,
    DOCS,
    PLAN_DOCX,
    action_counts,
    assert_consistent,
    copy_with_new_bytes,
    fresh_database,
    one_value,
)
from wres.db import query
from wres.ingest.batch import BatchOptions, FileOutcome, run_batch
from wres.schema import DocumentResult

KENT_2021 = DOCS / "kent-community-health-2021-22.docx"  # 23 actions
NORTHANTS = DOCS / "northamptonshire-healthcare-2016-17.docx"  # 20 actions
NORTH_TEES = DOCS / "north-tees-hartlepool-2023-24.docx"  # 44 actions
IN_PROCESS = BatchOptions(workers=0)
CLI = ("import typer; from wres.ingest.cli_db import register; "
       "app = typer.Typer(); register(app); app()")


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return fresh_database(request.param, tmp_path)


def copies(folder: Path, sources: list[Path], count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [copy_with_new_bytes(sources[i % len(sources)],
                                folder / f"copy-{i:02d}-{sources[i % len(sources)].name}",
                                str(i)) for i in range(count)]


def test_rerun_skips_unchanged_files(db_url: str, tmp_path: Path) -> None:
    files = copies(tmp_path / "plans", [KENT_2021, NORTHANTS], 2)
    first = run_batch(files, db_url, options=IN_PROCESS)
    assert (first.count("ingested"), first.actions_added) == (2, 23 + 20)
    again = run_batch([tmp_path / "plans"], db_url, options=IN_PROCESS)
    assert (again.count("ingested"), again.count("skipped"), again.actions_added) == (0, 2, 0)
    assert all(o.reason == "already ingested" for o in again.outcomes)
    assert one_value(db_url, "SELECT count(*) FROM actions") == 43
    assert one_value(db_url, "SELECT skipped FROM ingest_runs ORDER BY id DESC LIMIT 1") == 2


def test_changed_file_replaces_its_rows(db_url: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    copy_with_new_bytes(KENT_2021, plan, "v1")
    run_batch([plan], db_url, options=IN_PROCESS)
    assert len(query.search(db_url, "celebrating difference")) == 1  # a Kent action
    copy_with_new_bytes(NORTHANTS, plan, "v2")  # the trust published a new version
    report = run_batch([plan], db_url, options=IN_PROCESS)
    assert (report.count("ingested"), report.actions_added) == (1, 20)
    assert action_counts(db_url) == {"plan.docx": 20}
    assert one_value(db_url, "SELECT count(*) FROM documents") == 1
    assert query.search(db_url, "celebrating difference").empty  # old rows left the index
    assert_consistent(db_url)


def test_a_failing_file_leaves_the_others_in(db_url: str) -> None:
    bad = [DOCS / "bad-empty.docx", DOCS / "bad-truncated.pdf", DOCS / "bad-not-a-pdf.pdf"]
    report = run_batch(bad + [KENT_2021, NORTHANTS], db_url, options=IN_PROCESS)
    failed = {Path(o.path).name: o.reason for o in report.outcomes if o.state == "failed"}
    assert set(failed) == {p.name for p in bad}
    assert "truncated" in failed["bad-truncated.pdf"]
    assert "not a PDF" in failed["bad-not-a-pdf.pdf"]
    assert action_counts(db_url)[KENT_2021.name] == 23
    assert action_counts(db_url)[NORTHANTS.name] == 20
    assert one_value(db_url, "SELECT count(*) FROM documents WHERE status = 'failed'") == 3
    rerun = run_batch(bad + [KENT_2021, NORTHANTS], db_url, options=IN_PROCESS)
    assert rerun.count("skipped") == 5  # an unreadable file is not retried until it changes
    assert_consistent(db_url)


def test_a_defect_of_ours_is_retried_on_the_next_run(db_url: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import wres.ingest.pipeline as pipeline

    real = pipeline.process_file

    def broken_on_kent(path: Path, *args: object, **kwargs: object) -> DocumentResult:
        if path.name == KENT_2021.name:
            raise KeyError("a bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "process_file", broken_on_kent)
    report = run_batch([KENT_2021, NORTHANTS], db_url, options=IN_PROCESS)
    assert [o.state for o in report.outcomes] == ["failed", "ingested"]
    assert "internal error: KeyError" in report.outcomes[0].reason
    monkeypatch.setattr(pipeline, "process_file", real)
    again = run_batch([KENT_2021, NORTHANTS], db_url, options=IN_PROCESS)
    assert [o.state for o in again.outcomes] == ["skipped", "ingested"]
    assert action_counts(db_url)[KENT_2021.name] == 23


def test_killing_a_worker_mid_batch_keeps_every_document_whole(tmp_path: Path) -> None:
    db = str(tmp_path / "wres.db")
    files = copies(tmp_path / "plans", PLAN_DOCX, 8)
    killed: list[int] = []

    def kill_first_worker(outcome: FileOutcome) -> None:
        if not killed and outcome.worker_pid:
            os.kill(outcome.worker_pid, signal.SIGKILL)
            killed.append(outcome.worker_pid)

    report = run_batch(files, db, options=BatchOptions(workers=2), on_outcome=kill_first_worker)
    assert killed
    # the files in flight when the pool broke were retried one by one and landed
    assert report.count("ingested") == 8, [(o.path, o.reason) for o in report.outcomes]
    expected = {"kent-community-health-2019-20.docx": 22, "kent-community-health-2021-22.docx": 23,
                "north-tees-hartlepool-2023-24.docx": 44,
                "northamptonshire-healthcare-2016-17.docx": 20,
                "united-lincolnshire-2021-23.docx": 44}
    for name, count in action_counts(db).items():
        assert count == expected[name.split("-", 2)[2]], name
    assert_consistent(db)


def _start_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CLI, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for_documents(db: Path, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if db.exists():
            try:
                connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
                count = connection.execute("SELECT count(*) FROM documents").fetchone()[0]
                connection.close()
                if count >= at_least:
                    return
            except sqlite3.OperationalError:
                pass  # schema not made yet
        time.sleep(0.05)
    raise AssertionError(f"no {at_least} documents in {db} after {timeout} s")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_stopping_the_ingest_leaves_whole_documents_and_a_rerun_finishes(
        tmp_path: Path, sig: signal.Signals) -> None:
    db = tmp_path / "wres.db"
    files = copies(tmp_path / "plans", [NORTH_TEES], 16)
    process = _start_cli("ingest", str(tmp_path / "plans"), "--db", str(db), "--workers", "1")
    try:
        _wait_for_documents(db, 2)
        os.killpg(process.pid, sig)  # the whole group, as a terminal's Ctrl-C does
        process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    if sig == signal.SIGINT:
        assert process.returncode == 130
        assert one_value(str(db), "SELECT status FROM ingest_runs") == "interrupted"
    assert_consistent(str(db))
    stored = one_value(str(db), "SELECT count(*) FROM documents")
    assert 2 <= stored < len(files)
    assert set(action_counts(str(db)).values()) == {44}  # every stored document is whole
    rerun = run_batch([tmp_path / "plans"], str(db), options=IN_PROCESS)
    assert (rerun.count("skipped"), rerun.count("ingested")) == (stored, len(files) - stored)
    assert_consistent(str(db))


def test_two_concurrent_ingests_on_one_sqlite_file_both_finish(tmp_path: Path) -> None:
    db = tmp_path / "wres.db"  # new: both runs also race to create the schema
    files = copies(tmp_path / "plans", PLAN_DOCX, 6)
    runs = [_start_cli("ingest", str(tmp_path / "plans"), "--db", str(db), "--workers", "0",
                       "--json") for _ in range(2)]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    summaries = [json.loads(out) for out, _ in results]
    assert sum(s["ingested"] for s in summaries) == len(files)  # each file exactly once
    assert all(s["failed"] == 0 for s in summaries)
    assert all(s["ingested"] + s["skipped"] == len(files) for s in summaries)
    assert one_value(str(db), "SELECT count(*) FROM documents") == len(files)
    assert_consistent(str(db))
