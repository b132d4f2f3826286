"""The schema: Alembic builds it, the ORM models agree with it, engines behave."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from wres.db.engine import current_revision, database_url, make_engine, upgrade_to_head
from wres.db.models import Base, in_metadata
from wres.errors import BadInputError

TABLES = {"trusts", "documents", "plans", "actions", "owners", "themes", "action_owners",
          "action_themes", "ingest_runs", "alembic_version"}


def test_upgrade_builds_every_table_and_is_idempotent(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) is None
    upgrade_to_head(engine)
    upgrade_to_head(engine)  # a second run finds the schema at head and does nothing
    assert current_revision(engine) == "0006"  # the newest migration (issue 12 item 5)
    assert set(inspect(engine).get_table_names()) >= TABLES
    engine.dispose()


def test_models_match_the_migrations(db_url: str) -> None:
    """What the code reads and writes is exactly what the migrations created."""
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_name": in_metadata, "compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_sqlite_is_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "wres.db")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_readonly_sqlite_refuses_writes(tmp_path: Path) -> None:
    writer = make_engine(tmp_path / "wres.db")
    upgrade_to_head(writer)
    writer.dispose()
    reader = make_engine(tmp_path / "wres.db", readonly=True)
    with reader.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM trusts")).scalar() == 0
        with pytest.raises(OperationalError, match="readonly"):
            connection.execute(text("INSERT INTO trusts (name) VALUES ('x')"))
    reader.dispose()


def test_readonly_never_creates_a_database(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no database"):
        make_engine(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_database_url_takes_paths_and_urls(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    monkeypatch.setenv("WRES_DB", str(tmp_path / "env.db"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
