"""``wres serve``: Datasette on the sample database, with canned queries and FTS switched on.

The server is started as users start it (a separate ``wres`` process on a free localhost
port), asked for JSON over HTTP, and stopped with Ctrl-C (SIGINT).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.db.helpers import DOCS, MANIFEST
from wres.db import query
from wres.ingest import cli, serve
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli_report import register
from wres.ingest.manifest import read_manifest

PLANS = [DOCS / "kent-community-health-2021-22.docx", DOCS / "north-tees-hartlepool-2023-24.docx",
         DOCS / "united-lincolnshire-2021-23.docx"]
AS_OF = dt.date(2022, 1, 1)
needs_datasette = pytest.mark.skipif(importlib.util.find_spec("datasette") is None,
                                     reason='datasette is not installed: pip install ".[serve]"')


def app() -> typer.Typer:
    standalone = typer.Typer()
    register(standalone)
    return standalone


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve-db") / "wres.db"
    outcome = run_batch(PLANS, str(path), read_manifest(MANIFEST), BatchOptions(workers=0))
    assert outcome.count("ingested") == len(PLANS), outcome.outcomes
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wres_command() -> list[str]:
    """``wres`` itself once cli.py registers ``serve``; until then this module's commands."""
    if any(command.name == "serve" for command in cli.app.registered_commands):
        return [sys.executable, "-m", "wres.ingest"]
    return [sys.executable, "-m", "wres.ingest.cli_report"]


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    if importlib.util.find_spec("datasette") is None:
        pytest.skip('datasette is not installed: pip install ".[serve]"')
    port = free_port()
    process = subprocess.Popen([*wres_command(), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail(f"wres serve did not start: {process.communicate()[1][-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # Ctrl-C: uvicorn shuts down cleanly
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        process.communicate()
    assert process.returncode == 0


def test_canned_query_answers_over_http(server: str, db: Path) -> None:
    rows = get_json(f"{server}/wres/actions_on_indicator.json?indicator=3&_shape=array")
    stored = query.run_sql(db, "SELECT t.name, d.source_file, a.action FROM actions a "
                               "JOIN plans p ON p.id = a.plan_id JOIN documents d ON "
                               "d.id = p.document_id JOIN trusts t ON t.id = p.trust_id "
                               "WHERE a.indicator = 3")
    assert len(rows) == len(stored) > 0
    assert sorted((r["trust"], r["source_file"], r["action"]) for r in rows) == sorted(
        stored.itertuples(index=False, name=None))


def test_overdue_and_trust_queries_agree_with_the_cli(server: str, db: Path) -> None:
    rows = get_json(f"{server}/wres/overdue_actions.json?as_of={AS_OF}&_shape=array")
    expected = query.overdue(db, AS_OF)
    assert len(rows) == len(expected) > 0
    assert [r["days_overdue"] for r in rows] == list(expected["days_overdue"])
    plans = get_json(f"{server}/wres/trust_plans_by_year.json?trust=kent&_shape=array")
    assert [(p["period_start"], p["source_file"], p["actions"]) for p in plans] == [
        (2021, "kent-community-health-2021-22.docx",
         int(query.run_sql(db, "SELECT count(*) FROM actions a JOIN plans p ON "
                               "p.id = a.plan_id WHERE p.period_start = 2021 "
                               "AND p.trust_id = (SELECT id FROM trusts WHERE name LIKE "
                               "'Kent%')").iloc[0, 0]))]


def test_full_text_search_on_actions(server: str, db: Path) -> None:
    rows = get_json(f"{server}/wres/actions.json?_search=mentoring&_shape=array")
    stored = query.search(db, "mentoring", limit=None)
    assert sorted(r["id"] for r in rows) == sorted(stored["action_id"]) != []
    for row in rows:  # the porter stemmer also finds "mentor", "mentors"
        text = " ".join(str(row[c] or "") for c in ("action", "objective", "outcome",
                                                     "measure", "status"))
        assert "mentor" in text.lower()


def test_metadata_describes_the_tables(server: str) -> None:
    metadata = get_json(f"{server}/-/metadata.json")
    tables = metadata["databases"]["wres"]["tables"]
    assert metadata["title"] == "WRES action plans"
    assert tables["actions"]["fts_table"] == "actions_fts"
    assert "WRES indicator" in tables["actions"]["columns"]["indicator"]
    assert set(metadata["databases"]["wres"]["queries"]) == set(serve.CANNED_QUERIES)


def test_without_datasette_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch,
                                              db: Path) -> None:
    monkeypatch.setattr(serve, "datasette_missing", lambda: True)
    result = CliRunner().invoke(app(), ["serve", "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert 'pip install "wres-plans[serve]"' in result.output


@needs_datasette
def test_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app(), ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output


def test_extra_metadata_is_merged_over_the_built_in() -> None:
    merged = serve.build_metadata("wres", {"license": "OGL v3.0", "databases": {"wres": {
        "tables": {"actions": {"title": "Agreed actions"}}}}})
    actions = merged["databases"]["wres"]["tables"]["actions"]
    assert merged["license"] == "OGL v3.0"
    assert actions["title"] == "Agreed actions"
    assert actions["fts_table"] == "actions_fts"  # the rest of the built-in is kept
    assert serve.TABLES["actions"]["title"] == "Actions"  # and not changed in place
