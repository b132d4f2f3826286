"""Shared by the database and batch tests: backends, sample copies, consistency checks.

Why a module and not only fixtures: ``tests/ingest/test_batch.py`` needs the same checks,
and fixtures in ``tests/db/conftest.py`` are not visible there.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from wres.db.engine import sqlite_path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "samples" / "docs"
MANIFEST = ROOT / "samples" / "manifest.csv"
PG_ENV = "WRES_TEST_PG_URL"
# The five real plans as Word files: their actions are right today (the gold files agree),
# and the expected figures in the tests were counted by hand from their gold files.
PLAN_DOCX = [DOCS / f"{name}.docx" for name in (
    "kent-community-health-2019-20", "kent-community-health-2021-22",
    "north-tees-hartlepool-2023-24", "northamptonshire-healthcare-2016-17",
    "united-lincolnshire-2021-23")]

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.skipif(
        not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set (see .ci/postgres.sh)")),
]


def fresh_database(backend: str, folder: Path) -> str:
    """An empty database of ``backend``: a new SQLite file, or a wiped PostgreSQL schema."""
    if backend == "sqlite":
        return str(folder / "wres.db")
    url = os.environ[PG_ENV]
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def copy_with_new_bytes(source: Path, target: Path, tag: str) -> Path:
    """A copy of a sample whose sha256 differs but whose content reads the same.

    Word: a different zip comment. PDF: a comment line after the end (readers ignore it).
    """
    shutil.copyfile(source, target)
    if source.suffix.lower() == ".docx":
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"copy {tag}".encode()
    else:
        with open(target, "ab") as handle:
            handle.write(f"\n% copy {tag}\n".encode())
    return target


def one_value(url: str, sql: str) -> object:
    engine = create_engine(_plain_url(url))
    with engine.connect() as connection:
        value = connection.execute(text(sql)).scalar()
    engine.dispose()
    return value


def _plain_url(url: str) -> str:
    return url if "://" in url else f"sqlite:///{Path(url).resolve()}"


ORPHAN_CHECKS = {
    "plans without document":
        "SELECT count(*) FROM plans p LEFT JOIN documents d ON d.id = p.document_id "
        "WHERE d.id IS NULL",
    "actions without plan":
        "SELECT count(*) FROM actions a LEFT JOIN plans p ON p.id = a.plan_id WHERE p.id IS NULL",
    "owner links without action":
        "SELECT count(*) FROM action_owners l LEFT JOIN actions a ON a.id = l.action_id "
        "WHERE a.id IS NULL",
    "theme links without action":
        "SELECT count(*) FROM action_themes l LEFT JOIN actions a ON a.id = l.action_id "
        "WHERE a.id IS NULL",
    "indicator links without action":
        "SELECT count(*) FROM action_indicators l LEFT JOIN actions a ON a.id = l.action_id "
        "WHERE a.id IS NULL",
    "readable documents without actions":
        "SELECT count(*) FROM documents d WHERE d.status IN ('ok', 'partial') AND NOT EXISTS "
        "(SELECT 1 FROM plans p JOIN actions a ON a.plan_id = p.id WHERE p.document_id = d.id)",
    "documents without plan":
        "SELECT count(*) FROM documents d LEFT JOIN plans p ON p.document_id = d.id "
        "WHERE p.id IS NULL",
}


def assert_consistent(url: str) -> None:
    """No half documents, no orphans, and (SQLite) file, keys and FTS index intact."""
    for name, sql in ORPHAN_CHECKS.items():
        assert one_value(url, sql) == 0, name
    path = sqlite_path(_plain_url(url))
    if path is None:
        return
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        # raises sqlite3.DatabaseError when the index and the actions table disagree
        connection.execute("INSERT INTO actions_fts(actions_fts, rank) "
                           "VALUES ('integrity-check', 1)")
    finally:
        connection.close()


def action_counts(url: str) -> dict[str, int]:
    """source file name -> number of stored actions."""
    engine = create_engine(_plain_url(url))
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT d.source_file, count(a.id) FROM documents d JOIN plans p ON "
            "p.document_id = d.id LEFT JOIN actions a ON a.plan_id = p.id "
            "GROUP BY d.source_file")).all()
    engine.dispose()
    return dict(rows)
