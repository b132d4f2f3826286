"""``wres plans`` and ``wres remove``: plan identity and dropping documents.

Why its own module: ``cli_db`` holds the query commands; these two change which documents
count (pinning a current document, removing documents whose files are gone).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table as RichTable
from rich.text import Text

from wres.errors import BadInputError
from wres.ingest import cli_common as common

DB_HELP = "SQLite file or SQLAlchemy URL (default: $WRES_DB or wres.db)"


def register(app: typer.Typer) -> None:
    app.command("plans")(plans)
    app.command("remove")(remove)


def plans(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    pin: Path = typer.Option(None, "--pin", help="make this stored document its plan's "
                                                 "current one"),
    unpin: Path = typer.Option(None, "--unpin", help="let the rules choose the current "
                                                     "document of this document's plan"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """List plans with their current document and copies (PDF/Word, earlier versions)."""
    from wres.db import plan_query
    from wres.db.engine import make_engine

    try:
        if pin is not None or unpin is not None:
            engine = make_engine(db)
            plan_id = plan_query.pin(engine, pin or unpin, release=pin is None)
            engine.dispose()
            common.say(f"plan {plan_id}: " + (f"{pin} is now current (pinned)" if pin
                                              else "current document chosen by the rules"))
        frame = plan_query.plans(db, trusts=trust)
    except BadInputError as exc:
        common.fail(str(exc), 1)
    if as_json:
        rows = [{k: (None if v is None or v != v else v) for k, v in row.items()}
                for row in frame.astype(object).to_dict(orient="records")]
        print(json.dumps(rows, ensure_ascii=False, indent=1, default=int))
        return
    view = RichTable(title=f"{len(frame)} plans")
    for column in ("plan", "trust", "years", "actions", "current document", "copies"):
        view.add_column(column, overflow="fold")
    for row in frame.itertuples():
        years = "-".join(str(int(y)) for y in dict.fromkeys((row.period_start, row.period_end))
                         if y is not None and y == y)
        current = Path(row.current or "").name + (" (pinned)" if row.pinned else "")
        view.add_row(str(row.plan_id), Text(row.trust), years, str(row.actions), Text(current),
                     Text("\n".join(Path(p).name for p in row.copies)))
    common.out.print(view)


def remove(
    paths: list[Path] = typer.Argument(None, help="stored documents to drop (their paths)"),
    missing: bool = typer.Option(False, "--missing",
                                 help="also drop every document whose file is gone"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Drop documents (and their actions) from the database; their plans are regrouped."""
    from wres.db import plan_query
    from wres.db.engine import make_engine
    from wres.db.store import remove_documents

    if not paths and not missing:
        common.fail("name the documents to remove, or give --missing")
    try:
        engine = make_engine(db, readonly=True)  # refuses a database that is not there
        engine.dispose()
        keys = [str(Path(p).expanduser().resolve()) for p in paths or []]
        wanted = [str(p) for p in paths or []]
        if missing:
            keys += plan_query.missing_documents(db)
        engine = make_engine(db)
        removed = remove_documents(engine, list(dict.fromkeys(keys + wanted)))
        engine.dispose()
    except BadInputError as exc:
        common.fail(str(exc), 1)
    not_found = [p for p in wanted if not ({p, str(Path(p).expanduser().resolve())}
                                           & set(removed))]
    for path in not_found:
        common.say(f"{path}: no document stored at this path")
    if as_json:
        print(json.dumps({"removed": removed, "not_found": not_found}, indent=1))
    else:
        common.out.print(f"removed {len(removed)} documents", markup=False, highlight=False)
    if not_found and not removed:
        raise typer.Exit(1)


# --- used by `wres ingest` (cli_db) -------------------------------------------------------

def name_left_out_files(paths: list[Path]) -> None:
    from wres.ingest.files import expand_paths

    for path, reason in expand_paths(list(paths)).skipped_files:
        common.say(f"left out {path}: {reason}")


def prune_missing(db: str | None) -> None:
    from wres.db.engine import make_engine
    from wres.db.plan_query import missing_documents
    from wres.db.store import remove_documents

    gone = missing_documents(db)
    if gone:
        engine = make_engine(db)
        for path in remove_documents(engine, gone):
            common.say(f"removed {path}: the file is gone")
        engine.dispose()


def plan_rows(db: str | None) -> list[dict]:
    """Each plan with its current document and copies, for the summary."""
    from wres.db.plan_query import plan_records

    return [{"plan_id": int(row["plan_id"]), "trust": row["trust"], "current": row["current"],
             "copies": list(row["copies"])} for row in plan_records(db)]


def print_plans_with_copies(rows: list[dict]) -> None:
    several = [plan for plan in rows if plan["copies"]]
    if not several:
        return
    view = RichTable(title="plans stored as several documents (the first is counted)")
    view.add_column("plan", justify="right")
    view.add_column("trust", overflow="fold")
    view.add_column("documents", overflow="fold")
    for plan in several:
        names = [Path(p).name for p in [plan["current"], *plan["copies"]] if p]
        view.add_row(str(plan["plan_id"]), Text(plan["trust"]), Text("\n".join(names)))
    common.out.print(view)
