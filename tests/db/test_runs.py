"""Provenance: every run stores the program and parser versions, a record leads back to its
run, and ``wres runs`` shows when part of the database was read by an earlier version."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

from sqlalchemy import text
from typer.testing import CliRunner

from tests.db.helpers import DOCS, MANIFEST
from wres import __version__
from wres.db.engine import make_engine
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.cli import app
from wres.ingest.manifest import read_manifest

PLAN = DOCS / "north-tees-hartlepool-2023-24.docx"
runner = CliRunner()


def _ingest(url: str, *, force: bool = False) -> None:
    report = run_batch([PLAN], url, read_manifest(MANIFEST),
                       BatchOptions(workers=0, force=force))
    assert report.count("ingested") == 1, report.outcomes


def _scalar(url: str, sql: str) -> object:
    engine = make_engine(url)
    with engine.connect() as connection:
        value = connection.execute(text(sql)).scalar_one()
    engine.dispose()
    return value


def _runs_json(url: str) -> dict:
    result = runner.invoke(app, ["runs", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_run_stores_the_versions_that_read_its_documents(db_url: str) -> None:
    _ingest(db_url)
    stored = _runs_json(db_url)["runs"][0]
    assert stored["tool_version"] == __version__
    versions = stored["parser_versions"]
    assert versions["pdfplumber"] == metadata.version("pdfplumber")
    assert versions["python-docx"] == metadata.version("python-docx")
    assert versions["spacy-lookups-data"] == metadata.version("spacy-lookups-data")
    # an action leads back to its run through its plan and document
    run_of_action = _scalar(db_url, """
        SELECT d.run_id FROM actions a JOIN plans p ON p.id = a.plan_id
        JOIN documents d ON d.id = p.document_id ORDER BY a.id LIMIT 1""")
    assert run_of_action == stored["id"]


def test_a_reingest_after_an_upgrade_is_visible(db_url: str) -> None:
    _ingest(db_url)
    engine = make_engine(db_url)
    with engine.begin() as connection:  # as an earlier release would have stored it
        connection.execute(text("UPDATE ingest_runs SET tool_version = '0.0.1'"))
        connection.execute(text("UPDATE documents SET extractor_version = '0.0.1'"))
    engine.dispose()
    before = runner.invoke(app, ["runs", "--db", db_url])
    assert before.exit_code == 0
    assert "documents stored by an earlier version: 1 by 0.0.1" in before.output

    _ingest(db_url, force=True)
    listed = _runs_json(db_url)
    assert [r["tool_version"] for r in listed["runs"]] == [__version__, "0.0.1"]
    assert [r["documents_kept"] for r in listed["runs"]] == [1, 0]
    assert listed["documents_by_version"] == {__version__: 1}


def test_version_option_names_program_and_parsers(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"wres-plans {__version__}"
    assert f"  pdfplumber {metadata.version('pdfplumber')}" in lines
    assert f"  camelot-py {metadata.version('camelot-py')}" in lines
