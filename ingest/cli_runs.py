"""``wres runs``: the ingest runs of a database and the versions that read its documents.

Why a command of its own: after an upgrade of wres-plans or of a parser, the same file can
give other records; this shows which run (and so which versions) stored what is there now.
"""

from __future__ import annotations

import typer
from rich.table import Table as RichTable
from rich.text import Text

from wres import __version__
from wres.ingest import cli_common as common

DB_HELP = "SQLite file or SQLAlchemy URL (default: $WRES_DB or wres.db)"


def register(app: typer.Typer) -> None:
    app.command("runs")(runs_command)


def _parsers(versions: dict | None) -> str:
    return ", ".join(f"{k} {v}" for k, v in (versions or {}).items() if k != "python")


def runs_command(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, min=1, help="at most this many runs, newest first"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Ingest runs, newest first: status, counts, the program and parser versions used."""
    from wres.db import query, runs
    from wres.ingest.cli_db import _frame_rows, _guard, _print_json

    engine = _guard(lambda: query.open_db(db))
    frame = _guard(lambda: runs.runs(engine, limit=limit))
    by_version = _guard(lambda: runs.documents_by_version(engine))
    if as_json:
        _print_json({"current_version": __version__, "documents_by_version": by_version,
                     "runs": _frame_rows(frame)})
        return
    view = RichTable(title=f"ingest runs (this is wres-plans {__version__})")
    for name in ("run", "started", "status", "version", "parsers", "ingested", "skipped",
                 "failed", "kept"):
        view.add_column(name, overflow="fold", max_width=60 if name == "parsers" else None)
    for row in _frame_rows(frame):
        view.add_row(*(Text(str(v)) for v in (
            row["id"], str(row["started_at"])[:19], row["status"], row["tool_version"] or "",
            _parsers(row["parser_versions"]), row["ingested"], row["skipped"], row["failed"],
            row["documents_kept"])))
    common.out.print(view)
    older = {v: n for v, n in by_version.items() if v != __version__}
    if older:
        listed = ", ".join(f"{n} by {v}" for v, n in sorted(older.items()))
        common.say(f"documents stored by an earlier version: {listed}; "
                   "`wres ingest --force PATH` re-reads them")
