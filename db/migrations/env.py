"""Alembic environment: runs migrations on the connection ``wres`` hands over.

Why the lock: two ``wres ingest`` runs may start on one new database together. On SQLite
the migration transaction begins with ``BEGIN IMMEDIATE`` (see ``db/engine.py``), so the
second waits and then finds the schema at head; on PostgreSQL a transaction-scoped advisory
lock does the same.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from wres.db.engine import make_engine
from wres.db.models import Base, in_metadata

MIGRATION_LOCK_KEY = 52_120_501  # any constant shared by every wres process


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True, include_name=in_metadata,
                      transaction_per_migration=False)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})"))
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    target = context.get_x_argument(as_dictionary=True).get("db") \
        or context.config.get_main_option("sqlalchemy.url")
    with make_engine(target).connect() as connection:
        _run(connection)
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; give a database")
run_migrations_online()
