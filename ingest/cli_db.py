"""The database commands of ``wres``: ingest, search, sql, compare, overdue, export.

Why a separate module with ``register(app)``: ``cli.py`` owns the app and the commands that
need no database; this file adds the rest to it. Every command prints a rich table by
default and JSON with ``--json``; bad input is one line on stderr, never a traceback.
Query commands open the database read-only, so a mistyped ``--db`` creates nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table as RichTable

from wres.db.readonly_sql import DEFAULT_MAX_ROWS
from wres.db.readonly_sql import DEFAULT_TIMEOUT_S as SQL_TIMEOUT_S
from wres.errors import BadInputError
from wres.ingest import cli_common as common
from wres.ingest.cli_plans import (
    name_left_out_files,
    plan_rows,
    print_plans_with_copies,
    prune_missing,
)
from wres.ingest.limits import DEFAULT_MAX_MEMORY_MB, DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT_S
from wres.ingest.workers import start_helpers
from wres.safe_text import rich_text

if TYPE_CHECKING:  # heavy imports only when a command needs them
    import pandas as pd

    from wres.ingest.batch import BatchReport, FileOutcome

T = TypeVar("T")
DB_HELP = "SQLite file or SQLAlchemy URL (default: $WRES_DB or wres.db)"
ALL_HELP = "count every stored copy of a plan (PDF and Word, earlier versions), not once"
TABLE_WIDTH = 120  # a terminal comparison is made to fit this many columns
MIN_TRUST_WIDTH = 24  # "Kent Comm. Health NHS FT": shorter would not name the trust
INTERRUPTED_EXIT = 130


def register(app: typer.Typer) -> None:
    """Add the database commands to ``app``."""
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("sql")(sql)
    app.command("compare")(compare)
    app.command("overdue")(overdue)
    app.command("export")(export)


# --- output helpers ---------------------------------------------------------------------------

def _plain(value: object) -> object:
    """A JSON-ready scalar: dates as YYYY-MM-DD, NaN as null, numpy numbers as Python ones."""
    if value is None or type(value).__name__ == "NAType" or (  # pandas.NA, not imported
            isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return _plain(value.item())
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _frame_rows(frame: pd.DataFrame) -> list[dict]:
    return [{str(k): _plain(v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")]


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def _print_frame(frame: pd.DataFrame, title: str,
                 widths: dict[str, int] | None = None,
                 min_widths: dict[str, int] | None = None) -> None:
    view = RichTable(title=rich_text(title))
    for column in frame.columns:
        view.add_column(rich_text(column), overflow="fold", max_width=(widths or {}).get(column),
                        min_width=(min_widths or {}).get(column))
    for row in _frame_rows(frame):  # database text is document text: print it as text
        view.add_row(*(rich_text("" if v is None else v) for v in row.values()))
    common.out.print(view)


def _guard(call: Callable[[], T]) -> T:
    """Run ``call``; bad input or a database error becomes one line and exit code 1."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    try:
        return call()
    except BadInputError as exc:
        common.fail(str(exc), 1)
    except (DBAPIError, OperationalError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        common.fail(f"database: {reason}", 1)


# --- ingest -----------------------------------------------------------------------------------

def ingest(
    paths: list[Path] = typer.Argument(
        ..., help="PDF or Word plans, or folders of them",
        readable=False),  # an unreadable path is one failed line, not a refused command
    db: str = typer.Option(None, "--db", help=DB_HELP),
    manifest: Path = typer.Option(None, help="CSV: file,trust,period_start,period_end"),
    workers: int = typer.Option(1, min=0, help="processes that read files, beside one that "
                                 "normalises per 4 of them (0: all in this process)"),
    force: bool = typer.Option(False, "--force", help="re-read files already ingested"),
    ocr: bool = typer.Option(False, "--ocr", help="OCR scanned PDFs with tesseract"),
    engine: str = typer.Option("auto", help="extraction engine"),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_S, min=1, help="seconds allowed per document"),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory", min=64,
                                   help="MB of memory allowed per document"),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, "--max-pages", min=1,
                                  help="longer PDFs are refused"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
    prune: bool = typer.Option(False, "--prune", help="afterwards drop stored documents "
                                                      "whose files are gone"),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="name each file left out (unsupported type, symlink "
                                      "out of the folder, hidden, lock file)"),
) -> None:
    """Read plans into the database; files already ingested unchanged are skipped.

    A terminal shows a progress bar with the last file done and the time left; otherwise
    one line per finished file goes to stderr (not with --json, which lists every file).
    Copies of one plan are grouped (`wres plans`).
    """
    plans = common.load_manifest(manifest)
    if workers > 0:  # first thing: the readers' engines load during the imports below
        start_helpers()
    from wres.ingest.job import BatchOptions, normaliser_pool

    options = BatchOptions(workers=workers, force=force, engine=engine, ocr=ocr,
                           max_pages=max_pages, timeout_s=timeout, max_memory_mb=max_memory,
                           cold_start=True)
    normaliser = normaliser_pool(options) if workers > 0 else None
    if normaliser is not None:  # and spaCy in the normaliser
        normaliser.start_workers(1)
    from wres.ingest.batch import run_batch
    if verbose:
        name_left_out_files(paths)
    progress = Progress(TextColumn("{task.description}", style="bold"), BarColumn(24),
                        MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("left"),
                        TimeRemainingColumn(), TextColumn("{task.fields[current]}"),
                        console=common.err, transient=True, disable=not common.err.is_terminal)
    task = progress.add_task("ingesting", total=None, current="")
    planned = {"known": False}

    def on_planned(count: int) -> None:
        planned["known"] = True
        progress.update(task, total=count)

    def on_outcome(outcome: FileOutcome) -> None:
        if planned["known"]:
            progress.update(task, advance=1, current=Path(outcome.path).name[:40])
        if not common.err.is_terminal and not as_json:  # the JSON lists every file
            common.say(_outcome_line(outcome))

    with progress:
        report = _guard(lambda: run_batch(paths, db, plans, options, on_outcome, on_planned,
                                          normaliser))
    for problem in report.problems:
        common.say(problem)
    for problem in report.manifest_problems:
        common.say(f"{manifest.name}: {problem}")
    if prune:
        _guard(lambda: prune_missing(db))
    _print_ingest_summary(report, as_json, _guard(lambda: plan_rows(db)))
    if report.interrupted:
        common.say("interrupted: every document stored so far is complete; run again to finish")
        raise typer.Exit(INTERRUPTED_EXIT)
    if not report.outcomes and report.problems:
        raise typer.Exit(2)


def _outcome_line(outcome: FileOutcome) -> str:
    """One line per finished file (stderr when not a terminal): scripts can follow a run."""
    if outcome.state == "ingested":
        return f"ingested {outcome.path} ({outcome.actions} actions)" + (
            f": {outcome.reason}" if outcome.reason else "")
    return f"{outcome.state} {outcome.path}" + (f": {outcome.reason}" if outcome.reason else "")


def _print_ingest_summary(report: BatchReport, as_json: bool,
                          plans: list[dict] | None = None) -> None:
    troubles = sorted((o for o in report.outcomes if o.state == "failed"
                       or (o.state == "ingested" and o.reason)), key=lambda o: o.path)
    plans = plans or []
    if as_json:
        _print_json({**report.counts(), "run_id": report.run_id, "plans": plans,
                     "interrupted": report.interrupted, "not_plan_files": report.not_plan_files,
                     "seconds": {k: round(v, 3) for k, v in report.seconds.items()},
                     "files": [vars(o) for o in report.outcomes]})
        return
    summary = RichTable(title="ingest summary" + (" (interrupted)" if report.interrupted else ""))
    summary.add_column("")
    summary.add_column("count", justify="right")
    for label, key in (("files ingested", "ingested"), ("files skipped (already in)", "skipped"),
                       ("files failed", "failed"), ("actions added", "actions_added")):
        summary.add_row(label, str(report.counts()[key]))
    for reason, count in sorted(report.not_plan_files.items()):
        summary.add_row(rich_text(f"not read: {reason}"), str(count))
    summary.add_row("plans in the database (each counted once)", str(len(plans)))
    summary.add_row("copies not counted (see wres plans)",
                    str(sum(len(plan["copies"]) for plan in plans)))
    common.out.print(summary)
    print_plans_with_copies(plans)
    if troubles:
        view = RichTable(title="files with problems")
        view.add_column("file", overflow="fold")
        view.add_column("result")
        view.add_column("reason", overflow="fold")
        for outcome in troubles:
            result = "failed" if outcome.state == "failed" else "partly read"
            view.add_row(rich_text(Path(outcome.path).name), result,
                         rich_text(outcome.reason or ""))
        common.out.print(view)


# --- queries ----------------------------------------------------------------------------------

def search(
    text: str = typer.Argument(..., help='words that must all occur; "quoted phrase"; pre*'),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, min=1, help="at most this many results"),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
    all_documents: bool = typer.Option(False, "--all-documents", help=ALL_HELP),
) -> None:
    """Full-text search of action, objective, outcome, measure and status, best first."""
    from wres.db import query

    frame = _guard(lambda: query.search(query.open_db(db), text, limit=limit, trusts=trust,
                                        all_documents=all_documents))
    if as_json:
        _print_json(_frame_rows(frame))
        return
    shown = frame.drop(columns=["action_id", "period_start", "period_end", "plan_id",
                                "document"])
    shown.insert(2, "years", [_years(s, e) for s, e in
                              zip(frame["period_start"], frame["period_end"], strict=True)])
    _print_frame(shown, f"{len(frame)} actions matching {text!r}",
                 {"action": 60, "trust": 28, "source_file": 24})


def _years(start: object, end: object) -> str:
    start, end = _plain(start), _plain(end)
    return "-".join(str(y) for y in dict.fromkeys((start, end)) if y is not None)


def sql(
    statement: str = typer.Argument(..., help="one SELECT statement"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    timeout: float = typer.Option(SQL_TIMEOUT_S, "--timeout", min=0.1, help="seconds allowed"),
    max_rows: int = typer.Option(DEFAULT_MAX_ROWS, "--max-rows", min=1, help="rows shown at most"),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
) -> None:
    """Run one read-only SQL statement (writes and ATTACH are refused before they run)."""
    from wres.db import query

    try:
        frame = _guard(lambda: query.run_sql(query.open_db(db), statement,
                                             timeout_s=timeout, max_rows=max_rows))
    except KeyboardInterrupt:
        common.say("interrupted: the statement was stopped")
        raise typer.Exit(INTERRUPTED_EXIT) from None
    if as_json:
        _print_json(_frame_rows(frame))
    else:
        _print_frame(frame, f"{len(frame)} rows")
    if frame.attrs.get("truncated"):
        common.say(f"note: only the first {max_rows} rows are shown (--max-rows)")


def compare(
    by: str = typer.Option("theme", "--by", help="theme, indicator, rag, year or persistence"),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
    fmt: str = typer.Option("table", "--format", help="table or md (Markdown, for papers)"),
    all_documents: bool = typer.Option(False, "--all-documents", help=ALL_HELP),
) -> None:
    """Trusts by category: how many actions each trust has per theme/indicator/rag/year.

    Each plan counts once (its current document; see `wres plans`).
    """
    from wres.db import query
    from wres.db.plan_query import unknown_trusts

    if fmt not in ("table", "md"):
        common.fail(f"unknown format {fmt!r}; use table or md")
    unknown = _guard(lambda: unknown_trusts(query.open_db(db), trust))
    if unknown:
        common.fail("no stored trust matches " + ", ".join(repr(t) for t in unknown), 1)
    if by == "persistence":  # actions across a trust's plans: cli_track
        from wres.ingest.cli_track import print_persistence

        return print_persistence(db, trust, as_json, fmt)
    table = _guard(lambda: query.compare(query.open_db(db), by, trusts=trust,
                                         all_documents=all_documents))
    frame = table.reset_index()
    if as_json:
        _print_json(_frame_rows(frame))
    elif fmt == "md":
        from wres.ingest.report_md import to_markdown

        print(to_markdown(frame))
    else:
        shown, widths = _fitted(frame)
        _print_frame(shown, f"actions per trust by {by}", widths,
                     min_widths={"trust": widths.pop("trust")})


def _fitted(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Trust names abbreviated and category columns narrowed (their headers fold) so the
    table fits the terminal, at most 120 columns; returns the frame and column widths."""
    from wres.ingest.trust_names import shorten_all

    width = min(common.out.width, TABLE_WIDTH)
    categories = [c for c in frame.columns if c != "trust"]
    room = (width - MIN_TRUST_WIDTH - 4) // max(len(categories), 1) - 3
    widths = {c: max(min(len(str(c)), 8, max(room, 3)), *(len(str(v)) for v in frame[c]))
              for c in categories}
    budget = max(width - sum(w + 3 for w in widths.values()) - 4, MIN_TRUST_WIDTH)
    names = shorten_all([str(t) for t in frame["trust"]], budget)
    shown = frame.assign(trust=[names[str(t)] for t in frame["trust"]])
    widths["trust"] = max([len("trust"), *(len(str(t)) for t in shown["trust"])])
    return shown, widths


def overdue(
    as_of: str = typer.Option(None, "--as-of", help="YYYY-MM-DD (default: today)"),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="print JSON"),
    all_documents: bool = typer.Option(False, "--all-documents", help=ALL_HELP),
) -> None:
    """Actions whose target date has passed and that are not rated green or blue."""
    from wres.db import query

    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        common.fail(f"--as-of {as_of!r} is not a date like 2024-03-31")
    frame = _guard(lambda: query.overdue(query.open_db(db), day, trusts=trust,
                                         all_documents=all_documents))
    if as_json:
        _print_json(_frame_rows(frame))
        return
    shown = frame[["trust", "ref", "action", "owner", "due_date", "rag", "days_overdue"]]
    _print_frame(shown, f"{len(frame)} actions overdue on {day.isoformat()}",
                 {"action": 60, "trust": 30, "owner": 25})


def export(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl, csv, parquet or xlsx"),
    output: Path = typer.Option(None, "--output", "-o", help="file to write (default stdout)"),
    search_text: str = typer.Option(None, "--query", help="only actions matching this search"),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="report the count as JSON"),
    all_documents: bool = typer.Option(False, "--all-documents", help=ALL_HELP),
) -> None:
    """Write the stored actions in the canonical fields (JSONL is what the scorer reads)."""
    from wres.db.export import export as write_export
    from wres.db.output_guard import refuse_database_output
    from wres.db.query import open_db

    _guard(lambda: refuse_database_output(output, db))
    count = _guard(lambda: write_export(open_db(db), fmt, output, query=search_text,
                                        trusts=trust, all_documents=all_documents))
    if output is None:
        return  # the data went to stdout; say nothing more there
    if as_json:
        _print_json({"file": str(output), "format": fmt, "actions": count})
    else:
        common.out.print(f"wrote {count} actions to {output}", markup=False, highlight=False)

