"""Re-runs retry what failed when the options that bear on it change; option values are
checked before any file is read; unreadable paths and folders are named, not fatal."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.db.helpers import DOCS
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli import app

SCAN = DOCS / "bad-scanned-no-text.pdf"
KENT = DOCS / "kent-community-health-2021-22.docx"
WRES = str(Path(sys.executable).with_name("wres"))


def issues_of(db: Path, name: str) -> list[dict]:
    with sqlite3.connect(db) as connection:
        raw = connection.execute("SELECT issues FROM documents WHERE source_file = ?",
                                 (name,)).fetchone()[0]
    return json.loads(raw)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_a_failed_scan_is_read_again_with_ocr(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = run_batch([SCAN, KENT], str(db), options=BatchOptions(workers=0))
    assert [o.state for o in first.outcomes] == ["failed", "ingested"]
    assert "try --ocr" in first.outcomes[0].reason
    same = run_batch([SCAN, KENT], str(db), options=BatchOptions(workers=0))
    assert [o.state for o in same.outcomes] == ["skipped", "skipped"]  # nothing changed
    with_ocr = run_batch([SCAN, KENT], str(db), options=BatchOptions(workers=0, ocr=True))
    states = {Path(o.path).name: o.state for o in with_ocr.outcomes}
    assert states[KENT.name] == "skipped"  # an unchanged success is not read again
    assert states[SCAN.name] != "skipped"  # the failure is read again, now with OCR
    issues = issues_of(db, SCAN.name)
    assert any("text read by OCR" in issue["message"] for issue in issues), issues
    with sqlite3.connect(db) as connection:  # OCR rebuilds the scan's table: a success now
        status, actions = connection.execute(
            "SELECT d.status, COUNT(a.id) FROM documents d JOIN plans p ON p.document_id = d.id"
            " JOIN actions a ON a.plan_id = p.id WHERE d.source_file = ?",
            (SCAN.name,)).fetchone()
    assert status == "ok" and actions == 8  # gen_bad.py draws eight actions on the scan
    again = run_batch([SCAN], str(db), options=BatchOptions(workers=0, ocr=True))
    assert [o.state for o in again.outcomes] == ["skipped"]  # same options: not repeated


def test_a_longer_timeout_retries_a_file_that_ran_out_of_time(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    with sqlite3.connect(tmp_path / "seed.db"):
        pass
    first = run_batch([KENT], str(db), options=BatchOptions(workers=0, timeout_s=30))
    assert first.count("ingested") == 1
    with sqlite3.connect(db) as connection:  # as if that run had failed on the file
        connection.execute("UPDATE documents SET status = 'failed', issues = ?",
                           (json.dumps([{"kind": "read-with", "options": "an older run"}]),))
    rerun = run_batch([KENT], str(db), options=BatchOptions(workers=0, timeout_s=300))
    assert [o.state for o in rerun.outcomes] == ["ingested"]


def test_an_unknown_engine_is_refused_before_any_file_is_read(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    for command in (["ingest", str(KENT), "--db", str(db)], ["extract", str(KENT)]):
        result = CliRunner().invoke(app, [*command, "--engine", "camelott"])
        assert result.exit_code in (1, 2), result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "unknown engine 'camelott'" in lines[0], lines
        known = lines[0].split("known engines:")[1]
        assert {"pdfplumber", "python-docx", "openpyxl"} <= {e.strip() for e in known.split(",")}
    assert not db.exists()  # refused before the database was even made


def test_unreadable_paths_are_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to drop root's capabilities")
    tree = tmp_path / "plans"
    (tree / "locked").mkdir(parents=True)
    (tree / "open").mkdir()
    shutil.copyfile(KENT, tree / "open" / KENT.name)
    shutil.copyfile(KENT, tree / "locked" / "hidden-away.docx")
    unreadable = tree / "no-access.docx"
    shutil.copyfile(DOCS / "northamptonshire-healthcare-2016-17.docx", unreadable)
    os.chmod(unreadable, 0o000)
    os.chmod(tree / "locked", 0o000)
    try:
        drop = ["setpriv", "--bounding-set=-all"] if os.geteuid() == 0 else []
        done = subprocess.run([*drop, WRES, "ingest", str(tree), str(unreadable),
                               str(tree / "locked" / "hidden-away.docx"), "--db",
                               str(tmp_path / "w.db"), "--workers", "0", "--json"],
                              capture_output=True, text=True, timeout=300, check=False)
    finally:
        os.chmod(tree / "locked", 0o755)
        os.chmod(unreadable, 0o644)
    assert "Traceback" not in done.stderr, done.stderr
    summary = json.loads(done.stdout)
    states = {Path(f["path"]).name: f["state"] for f in summary["files"]}
    assert states == {KENT.name: "ingested", unreadable.name: "failed"}
    assert summary["not_plan_files"] == {"unreadable folder": 1}
    lines = done.stderr.strip().splitlines()
    assert f"{tree / 'locked'}: cannot read the folder: Permission denied" in lines
    assert f"{tree / 'locked' / 'hidden-away.docx'}: cannot read it: Permission denied" \
        in lines
