"""Readers need no write access; ``wres sql`` is read-only and bounded; outputs never
overwrite a database.

The reader is this test's own user without capabilities (``setpriv --bounding-set=-all``):
tests run as root, and root ignores file modes, while root without CAP_DAC_OVERRIDE meets
them like anyone else. (``runuser -u nobody`` cannot run the project's Python here: it
lives under /root.) The database sits in a folder the reader cannot write.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.db.helpers import BACKENDS, DOCS, fresh_database
from wres.db import query
from wres.db.engine import make_engine
from wres.db.readonly_sql import QueryStopped
from wres.errors import BadInputError
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli import app

WRES = str(Path(sys.executable).with_name("wres"))
KENT = DOCS / "kent-community-health-2021-22.docx"  # 23 actions
FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"


def reader() -> list[str]:
    if os.geteuid() != 0:
        return []  # an ordinary user meets file modes already
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is needed to drop root's capabilities")
    return ["setpriv", "--bounding-set=-all"]


def as_reader(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*reader(), WRES, *args], capture_output=True, text=True,
                          timeout=timeout, check=False, env={**os.environ, "COLUMNS": "200"})


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("stored") / "wres.db"
    report = run_batch([KENT], str(db), options=BatchOptions(workers=0))
    assert report.count("ingested") == 1
    return db


@pytest.fixture()
def locked_db(stored: Path, tmp_path: Path) -> Path:
    """A copy in WAL mode (as a database mid-way between runs may be) in a folder that
    the reader cannot write; the folder is writable again after the test."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    db = folder / "wres.db"
    shutil.copyfile(stored, db)
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    yield db
    os.chmod(folder, 0o755)


def test_ingest_leaves_the_file_readable_without_its_side_files(stored: Path) -> None:
    with sqlite3.connect(f"{stored.as_uri()}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not stored.with_name("wres.db-wal").exists()


def test_read_commands_work_in_a_folder_the_reader_cannot_write(locked_db: Path) -> None:
    before = sorted(p.name for p in locked_db.parent.iterdir())
    done = as_reader("sql", "SELECT count(*) AS n FROM actions", "--db", str(locked_db),
                     "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"n": 23}]
    done = as_reader("search", "staff", "--db", str(locked_db), "--json")
    assert done.returncode == 0 and json.loads(done.stdout), done.stderr
    done = as_reader("compare", "--by", "rag", "--db", str(locked_db), "--json")
    assert done.returncode == 0, done.stderr
    assert sum(v for row in json.loads(done.stdout) for k, v in row.items()
               if k != "trust") == 23
    done = as_reader("export", "--format", "jsonl", "--db", str(locked_db))
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 23, done.stderr
    done = as_reader("report", "--format", "md", "--db", str(locked_db))
    assert done.returncode == 0 and "23 actions" in done.stdout, done.stderr
    assert sorted(p.name for p in locked_db.parent.iterdir()) == before  # no -shm made


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_works_in_a_folder_the_reader_cannot_write(locked_db: Path) -> None:
    pytest.importorskip("datasette")
    port = _free_port()
    server = subprocess.Popen([*reader(), WRES, "serve", "--db", str(locked_db), "--port",
                               str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/wres/actions.json?_size=2&_shape=objects"
    try:
        page = None
        for _ in range(120):
            if server.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    page = json.loads(response.read())
                break
            except OSError:
                time.sleep(0.5)
        assert page is not None, server.stderr.read1().decode() if server.poll() else "no answer"
        assert len(page["rows"]) == 2 and page["rows"][0]["action"]
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_an_unreadable_database_gets_a_message_that_says_so(locked_db: Path) -> None:
    os.chmod(locked_db, 0o000)
    done = as_reader("sql", "SELECT 1", "--db", str(locked_db))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"error: cannot read the database {locked_db}: permission denied "
        "(ask its owner to make it readable)"]
    done = as_reader("ingest", str(KENT), "--db", str(locked_db))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "read-only for this user" in done.stderr


# --- wres sql: time, rows, Ctrl-C, nothing but reading ------------------------------------

def test_a_runaway_query_ends_at_its_time_limit_with_one_line(stored: Path) -> None:
    started = time.monotonic()
    result = CliRunner().invoke(app, ["sql", FOREVER, "--db", str(stored), "--timeout", "1"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: SQL stopped: it ran longer than 1 s (the --timeout limit)"]


def _wait_until_open(pid: int, path: Path) -> None:
    """Until process ``pid`` has ``path`` open (its connection made, its imports done)."""
    for _ in range(600):
        try:
            if any(os.path.realpath(fd) == str(path.resolve())
                   for fd in Path(f"/proc/{pid}/fd").iterdir()):
                return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail("the query never opened the database")


def test_ctrl_c_stops_a_running_query(stored: Path) -> None:
    process = subprocess.Popen([WRES, "sql", FOREVER, "--db", str(stored), "--timeout", "120"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_until_open(process.pid, stored)
    time.sleep(1)  # the statement is running now
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("Ctrl-C did not stop the statement")
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr


def test_the_row_cap_says_when_it_is_hit(stored: Path) -> None:
    many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 50000) " \
           "SELECT x FROM c"
    result = CliRunner().invoke(app, ["sql", many, "--db", str(stored), "--max-rows", "5",
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert [row["x"] for row in json.loads(result.stdout)] == [1, 2, 3, 4, 5]
    assert "only the first 5 rows" in result.stderr
    frame = query.run_sql(str(stored), many, max_rows=50000)
    assert len(frame) == 50000 and not frame.attrs["truncated"]


@pytest.mark.parametrize("statement", [
    "ATTACH DATABASE '{folder}/new.db' AS other",
    "VACUUM INTO '{folder}/copy.db'",
    "DELETE FROM actions",
    "CREATE TABLE t (x)",
    "PRAGMA journal_mode = DELETE",
    "PRAGMA writable_schema = ON",
])
def test_writes_and_attach_are_refused_before_they_run(stored: Path, tmp_path: Path,
                                                       statement: str) -> None:
    sql = statement.format(folder=tmp_path)
    result = CliRunner().invoke(app, ["sql", sql, "--db", str(stored)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: SQL refused"), result.stderr
    writable = make_engine(str(stored))  # the Python function is read-only on any engine
    with pytest.raises(BadInputError, match="refused"):
        query.run_sql(writable, sql)
    writable.dispose()
    assert list(tmp_path.iterdir()) == []  # no file created anywhere
    assert query.run_sql(str(stored), "SELECT count(*) AS n FROM actions")["n"][0] == 23


def test_reading_statements_still_run(stored: Path) -> None:
    frame = query.run_sql(str(stored), "SELECT rowid FROM actions_fts WHERE actions_fts "
                                       "MATCH 'staff' ORDER BY rowid")
    assert len(frame) > 0
    assert "action" in set(query.run_sql(str(stored), "PRAGMA table_info(actions)")["name"])


# --- outputs never overwrite a database -----------------------------------------------------

def test_an_output_path_on_a_database_is_refused(stored: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    shutil.copyfile(stored, other)
    before = stored.read_bytes()
    runner = CliRunner()
    for args in (["report", "--out", str(stored)], ["report", "--format", "md", "-o",
                                                     str(stored)],
                 ["export", "--format", "csv", "-o", str(stored)],
                 ["export", "--format", "xlsx", "-o", str(other)],
                 ["report", "--out", str(other)]):
        result = runner.invoke(app, [*args, "--db", str(stored)])
        assert result.exit_code == 1, (args, result.output)
        assert "choose another output file" in result.stderr
    assert stored.read_bytes() == before
    assert other.read_bytes()[:16] == b"SQLite format 3\x00"


@pytest.mark.parametrize("backend", BACKENDS)
def test_run_sql_is_read_only_and_bounded_on_every_backend(backend: str,
                                                           tmp_path: Path) -> None:
    url = fresh_database(backend, tmp_path)
    assert run_batch([KENT], url, options=BatchOptions(workers=0)).count("ingested") == 1
    writable = make_engine(url)  # a writable engine: run_sql must stay read-only anyway
    try:
        for statement in ("DELETE FROM actions", "CREATE TABLE t (x integer)",
                          "SELECT 1; DELETE FROM actions"):
            with pytest.raises(BadInputError, match="refused"):
                query.run_sql(writable, statement)
        slow = FOREVER if backend == "sqlite" else "SELECT pg_sleep(30)"
        started = time.monotonic()
        with pytest.raises(QueryStopped):
            query.run_sql(writable, slow, timeout_s=1)
        assert time.monotonic() - started < 20
        frame = query.run_sql(writable, "SELECT action FROM actions ORDER BY id", max_rows=4)
        assert len(frame) == 4 and frame.attrs["truncated"]
        assert query.run_sql(url, "SELECT count(*) AS n FROM actions")["n"][0] == 23
    finally:
        writable.dispose()
