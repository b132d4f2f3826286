"""Running one SQL statement typed by a user: read-only, bounded in time and rows.

Why more than a read-only connection: ``PRAGMA query_only`` still lets ``ATTACH`` create
an empty file anywhere the user may write, a recursive CTE runs for ever (and sqlite3
ignores Ctrl-C while it runs), and a huge result fills memory. So, on SQLite, an
authorizer allows only reading (it is asked before the statement runs, so a refused one
has done nothing), a progress handler ends the statement at its time limit or at Ctrl-C,
and at most ``max_rows`` rows are fetched. On PostgreSQL the statement runs in a READ ONLY
transaction with ``statement_timeout``, sent with the extended protocol (one statement
only, so no ``COMMIT; ...`` can leave the read-only transaction), and is rolled back.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from wres.errors import BadInputError

DEFAULT_TIMEOUT_S = 5.0
DEFAULT_MAX_ROWS = 10_000
PROGRESS_STEPS = 10_000  # SQLite VM instructions between two checks of the clock

_READING = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
            sqlite3.SQLITE_RECURSIVE}
_READ_PRAGMAS = {"data_version", "table_info", "table_xinfo", "table_list", "index_list",
                 "index_info", "index_xinfo", "foreign_key_list", "collation_list", "function_list",
                 "pragma_list", "compile_options"}
_SCHEMA_TABLES = {"sqlite_master", "sqlite_schema", "sqlite_temp_master"}
_AUTHORIZER_ACTIONS = (
    "ALTER_TABLE", "ANALYZE", "ATTACH", "CREATE_INDEX", "CREATE_TABLE", "CREATE_TEMP_INDEX",
    "CREATE_TEMP_TABLE", "CREATE_TEMP_TRIGGER", "CREATE_TEMP_VIEW", "CREATE_TRIGGER",
    "CREATE_VIEW", "CREATE_VTABLE", "DELETE", "DETACH", "DROP_INDEX", "DROP_TABLE",
    "DROP_TEMP_INDEX", "DROP_TEMP_TABLE", "DROP_TEMP_TRIGGER", "DROP_TEMP_VIEW",
    "DROP_TRIGGER", "DROP_VIEW", "DROP_VTABLE", "INSERT", "PRAGMA", "REINDEX", "SAVEPOINT",
    "TRANSACTION", "UPDATE")
_ACTION_NAMES = {getattr(sqlite3, f"SQLITE_{name}"): name.replace("_", " ")
                 for name in _AUTHORIZER_ACTIONS if hasattr(sqlite3, f"SQLITE_{name}")}

class QueryStopped(BadInputError):
    """The statement ran past its time limit."""

    kind = "sql-timeout"


@dataclass
class SqlResult:
    columns: list[str]
    rows: list[tuple]
    truncated: bool = False  # more rows than ``max_rows`` existed


@dataclass
class _Watch:
    """What the SQLite callbacks saw: a refused action, why the statement was stopped."""

    deadline: float
    refused: list[str] = field(default_factory=list)
    stopped: str | None = None
    interrupted: bool = False

    def authorize(self, action: int, arg1: str | None, arg2: str | None, *_: object) -> int:
        if action in _READING:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _READ_PRAGMAS:
            return sqlite3.SQLITE_OK  # these pragmas only report, whatever their argument
        if action == sqlite3.SQLITE_UPDATE and arg1 in _SCHEMA_TABLES:
            # asked when a virtual table (FTS5) is opened; SQLite itself never lets a
            # statement write the schema table (writable_schema is a refused PRAGMA)
            return sqlite3.SQLITE_OK
        what = _ACTION_NAMES.get(action, f"action {action}")
        self.refused.append(f"PRAGMA {arg1}" if action == sqlite3.SQLITE_PRAGMA else what)
        return sqlite3.SQLITE_DENY

    def progress(self) -> int:
        if self.interrupted:
            self.stopped = "ctrl-c"
        elif time.monotonic() > self.deadline:
            self.stopped = "timeout"
        return 1 if self.stopped else 0


@contextmanager
def _ctrl_c_sets(watch: _Watch) -> Iterator[None]:
    """Ctrl-C marks the watch (the progress handler then stops SQLite) instead of raising
    inside sqlite3's callback, where the exception would be swallowed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigint(_signum: int, _frame: object) -> None:
        watch.interrupted = True

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if watch.interrupted:
        raise KeyboardInterrupt


def run_sqlite(connection: sqlite3.Connection, sql: str, *, timeout_s: float,
               max_rows: int) -> SqlResult:
    """Run ``sql`` on a sqlite3 connection with the guards above; they are removed after."""
    watch = _Watch(time.monotonic() + timeout_s)
    connection.set_authorizer(watch.authorize)
    connection.set_progress_handler(watch.progress, PROGRESS_STEPS)
    cursor = connection.cursor()
    try:
        with _ctrl_c_sets(watch):
            try:
                cursor.execute(sql)
                return _fetch(cursor, max_rows)
            except sqlite3.Error as exc:
                raise _explain(exc, watch, timeout_s) from exc
    finally:
        cursor.close()
        connection.set_authorizer(None)
        connection.set_progress_handler(None, PROGRESS_STEPS)


def _explain(exc: sqlite3.Error, watch: _Watch, timeout_s: float) -> BaseException:
    if watch.stopped == "ctrl-c":
        return KeyboardInterrupt()
    if watch.stopped == "timeout":
        return QueryStopped(f"SQL stopped: it ran longer than {timeout_s:g} s "
                            "(the --timeout limit)")
    if watch.refused:
        return BadInputError(f"SQL refused: {watch.refused[0]} is not allowed; only reading "
                             "statements run here (no ATTACH, no writes)")
    return BadInputError(f"SQL refused: {_first_line(exc)}")


def run_postgresql(connection: Any, sql: str, *, timeout_s: float,
                   max_rows: int) -> SqlResult:
    """Run ``sql`` on a psycopg connection in a READ ONLY transaction, then roll back."""
    cursor = connection.cursor()
    try:
        cursor.execute("SET TRANSACTION READ ONLY")
        cursor.execute(f"SET LOCAL statement_timeout = {max(1, int(timeout_s * 1000))}")
        # binary=True sends the extended protocol: exactly one statement, as typed
        cursor.execute(sql, binary=True)
        return _fetch(cursor, max_rows)
    except Exception as exc:
        if type(exc).__name__ == "QueryCanceled":
            raise QueryStopped(f"SQL stopped: it ran longer than {timeout_s:g} s "
                               "(the --timeout limit)") from exc
        if type(exc).__module__.startswith("psycopg"):
            raise BadInputError(f"SQL refused: {_first_line(exc)}") from exc
        raise
    finally:
        cursor.close()
        connection.rollback()


def _fetch(cursor: Any, max_rows: int) -> SqlResult:
    if cursor.description is None:
        return SqlResult([], [])
    columns = [column[0] for column in cursor.description]
    rows = [tuple(row) for row in cursor.fetchmany(max_rows + 1)]
    return SqlResult(columns, rows[:max_rows], truncated=len(rows) > max_rows)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
