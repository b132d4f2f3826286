"""Refusing to write a report or an export over a database.

Why: ``wres report --out wres.db`` (a slip of the fingers, or shell completion) used to
replace the whole database with an HTML page. An output path that is the database being
read, or any existing SQLite file (its first bytes say "SQLite format 3"), is refused
before anything is read or written.
"""

from __future__ import annotations

from pathlib import Path

from wres.db.engine import database_url, sqlite_path
from wres.errors import BadInputError

SQLITE_HEADER = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def refuse_database_output(output: Path | None, db: str | Path | None = None) -> None:
    """BadInputError when ``output`` is the database ``db`` names or any SQLite file."""
    if output is None or not isinstance(output, Path):
        return
    target = output.expanduser()
    database = sqlite_path(database_url(db)) if db is None or isinstance(db, str | Path) \
        else None
    if database is not None and target.resolve() == database.resolve():
        raise BadInputError(f"{output} is the database being read; writing there would "
                            "destroy it: choose another output file")
    if target.is_file() and is_sqlite_file(target):
        raise BadInputError(f"{output} is an SQLite database; refusing to overwrite it: "
                            "choose another output file")
