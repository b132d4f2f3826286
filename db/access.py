"""How read-side code opens the database, kept free of pandas.

Why a module of its own: ``wres ingest`` prints its summary of plans from the database,
and importing pandas for that cost more than ingesting a short plan (issue 16).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from wres.db.engine import make_engine

UNKNOWN_TRUST = "(unknown trust)"
Db = Engine | str | Path | None  # None: $WRES_DB or wres.db


def open_db(db: Db) -> Engine:
    """The engine itself, or the database at a path/URL opened read-only."""
    return db if isinstance(db, Engine) else make_engine(db, readonly=True)
