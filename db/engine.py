"""Opening the database: SQLite by default, any SQLAlchemy URL otherwise.

Why the SQLite settings: several ``wres ingest`` runs may write one file at once. WAL lets
readers go on while one writer writes; ``busy_timeout`` makes a second writer wait instead
of failing; and every write transaction starts with ``BEGIN IMMEDIATE`` so it takes the
write lock up front. (A deferred transaction that reads and then writes can hit
"database is locked" at once, without waiting, when another writer committed in between.)
Read-only engines open the file with ``mode=ro`` and ``PRAGMA query_only`` so ``wres sql``
cannot change anything, and so a mistyped ``--db`` never creates an empty database; they
need no write access to the file or its folder (see ``readonly_uri``).
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
from wres.optional import require

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
    if url.startswith("postgresql"):
        require("psycopg", "postgres", "a PostgreSQL database")
    if readonly and url.startswith("postgresql"):
        return create_engine(url, connect_args={
            "options": "-c default_transaction_read_only=on"})
    return create_engine(url)


def _sqlite_engine(url: str, readonly: bool) -> Engine:
    path = sqlite_path(url)
    if readonly:
        uri = readonly_uri(path or Path(url))

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect, poolclass=pool.NullPool)
    else:
        if path is not None:
            _check_writable(path)
            path.parent.mkdir(parents=True, exist_ok=True)
        # pooled: reusing the connection halves the time of a document's write
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _add_sqlite_settings(engine, readonly)
    return engine


def readonly_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading by a user who may not write to it.

    Why ``immutable=1`` in a folder the reader cannot write: a WAL database needs its
    ``-shm`` file, which SQLite must create beside it. When nothing is pending in the
    ``-wal`` file (an ingest checkpoints it when it ends), the main file holds all the data
    and SQLite can read it as an unchanging file, with no lock or side file at all.
    """
    if not path.is_file():
        raise BadInputError(f"no database at {path}; run `wres ingest` first")
    if not os.access(path, os.R_OK):
        raise BadInputError(f"cannot read the database {path}: permission denied "
                            "(ask its owner to make it readable)")
    uri = f"{path.as_uri()}?mode=ro"
    if os.access(path.parent, os.W_OK | os.X_OK):
        return uri
    wal = path.with_name(path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return uri + "&immutable=1"
    if not path.with_name(path.name + "-shm").exists():
        raise BadInputError(f"cannot read the database {path}: it has changes pending in "
                            f"{wal.name} and its folder is not writable; ask its owner to "
                            "run `wres ingest` on it once (which folds them in), or copy it")
    return uri


def _check_writable(path: Path) -> None:
    """Writing needs the file and its folder (for the -wal and -shm files): say so plainly
    instead of SQLite's "attempt to write a readonly database"."""
    folder = path.parent if path.parent.exists() else None
    if path.exists() and not os.access(path, os.W_OK):
        raise BadInputError(f"the database {path} is read-only for this user: writing needs "
                            "write access to it (reading commands such as sql, search and "
                            "export work without)")
    if folder is not None and not os.access(folder, os.W_OK | os.X_OK):
        raise BadInputError(f"cannot write in {folder}: writing the database {path.name} "
                            "needs write access to its folder")


def leave_readable(engine: Engine) -> None:
    """After writing: fold the WAL into the main file and switch the file back to a
    rollback journal, so that readers without write access to the folder can open it.

    Why it may quietly not happen: another writer still has the file open (it will do the
    same when it ends). Readers then still work where they may write the folder.
    """
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    engine.dispose()
    if path is None or not path.is_file():
        return
    try:
        connection = sqlite3.connect(path, timeout=0.2)
    except sqlite3.Error:
        return
    try:
        connection.execute("PRAGMA busy_timeout = 200")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass
    finally:
        connection.close()


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
