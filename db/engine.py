"""Opening the database: SQLite by default, any SQLAlchemy URL otherwise.

Why the SQLite settings: several ``wres ingest`` runs may write one file at once. WAL lets
readers go on while one writer writes; ``busy_timeout`` makes a second writer wait instead
of failing; and every write transaction starts with ``BEGIN IMMEDIATE`` so it takes the
write lock up front. (A deferred transaction that reads and then writes can hit
"database is locked" at once, without waiting, when another writer committed in between.)
Read-only engines open the file with ``mode=ro`` and ``PRAGMA query_only`` so ``wres sql``
cannot change anything, and so a mistyped ``--db`` never creates an empty database.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, make_url, pool
from sqlalchemy.exc import SQLAlchemyError

from wres.errors import BadInputError

if TYPE_CHECKING:
    from alembic.config import Config

DEFAULT_DB = "wres.db"
DB_ENV = "WRES_DB"
BUSY_TIMEOUT_MS = 120_000
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(target: str | Path | None = None) -> str:
    """A SQLAlchemy URL for ``target``: a URL as given, else a SQLite file path."""
    if target is None:
        target = os.environ.get(DB_ENV) or DEFAULT_DB
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(target: str | Path | None = None, *, readonly: bool = False) -> Engine:
    """An engine for ``target`` (a path or URL); ``readonly`` refuses every write."""
    url = database_url(target)
    if url.startswith("sqlite"):
        return _sqlite_engine(url, readonly)
    if readonly and url.startswith("postgresql"):
        return create_engine(url, connect_args={
            "options": "-c default_transaction_read_only=on"})
    return create_engine(url)


def _sqlite_engine(url: str, readonly: bool) -> Engine:
    path = sqlite_path(url)
    if readonly:
        if path is None or not path.is_file():
            raise BadInputError(f"no database at {path or url}; run `wres ingest` first")
        uri = f"{path.as_uri()}?mode=ro"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect, poolclass=pool.NullPool)
    else:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        # pooled: reusing the connection halves the time of a document's write
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _add_sqlite_settings(engine, readonly)
    return engine


def _add_sqlite_settings(engine: Engine, readonly: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if readonly:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest migration (creating it in an empty database).
    A database already there costs one query: Alembic is not even imported."""
    if schema_is_current(engine):
        return
    from alembic import command

    config = alembic_config(engine)
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


def schema_is_current(engine: Engine) -> bool:
    """Is the database at every head of the migrations folder? (A read of the version table
    and of the migration files' ``revision`` lines: far cheaper than Alembic's check.)"""
    try:
        with engine.connect() as connection:
            found = {row[0] for row in
                     connection.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except SQLAlchemyError:  # no version table yet: a new database
        return False
    return bool(found) and found == migration_heads()


def migration_heads() -> set[str]:
    """Revisions of the migrations folder that no other revision follows."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision = re.search(r'^revision\s*=\s*["\']([^"\']+)', source, re.MULTILINE)
        down = re.search(r"^down_revision\s*=\s*(.+)$", source, re.MULTILINE)
        if revision:
            revisions.add(revision.group(1))
        if down:
            parents.update(re.findall(r'["\']([^"\']+)["\']', down.group(1)))
    return revisions - parents


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return MigrationContext.configure(connection).get_current_revision()
