"""The ``wres report`` and ``wres serve`` commands.

Why ``register(app)`` like ``cli_db``: ``cli.py`` owns the app; this module adds the two
commands that show the database to people (a report file, a browsable site). Heavy
imports (pandas, plotly, datasette) happen inside the commands, so ``wres --help`` stays
quick. Bad input is one line on stderr and exit code 1 (2 for a usage problem).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer

from wres.errors import BadInputError
from wres.ingest import cli_common as base
from wres.optional import require

T = TypeVar("T")
DB_HELP = "SQLite file or SQLAlchemy URL (default: $WRES_DB or wres.db)"
FORMATS = ("html", "md")
DEFAULT_TITLE = "WRES action plans: benchmarking report"


def register(app: typer.Typer) -> None:
    """Add ``report`` and ``serve`` to ``app``."""
    app.command("report")(report)
    app.command("serve")(serve)


def _guarded(call: Callable[[], T]) -> T:
    """Run ``call``; bad input or a database error becomes one line and exit code 1."""
    from sqlalchemy.exc import DBAPIError

    try:
        return call()
    except BadInputError as exc:
        base.fail(str(exc), 1)
    except DBAPIError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        base.fail(f"database: {reason}", 1)


def _as_of(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        base.fail(f"--as-of {text!r} is not a date like 2024-03-31")


def report(
    out: Path = typer.Option(None, "--out", "-o",
                             help="file to write (Markdown goes to stdout without it)"),
    fmt: str = typer.Option("html", "--format", help="html (one self-contained page) or md"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
    trust: list[str] = typer.Option(None, help="only trusts whose name contains this"),
    years: str = typer.Option(None, help="only plans covering these years: 2021 or 2019-2023"),
    as_of: str = typer.Option(None, "--as-of", help="overdue as of YYYY-MM-DD (default today)"),
    all_documents: bool = typer.Option(False, "--all-documents",
                                       help="count every stored copy of a plan (PDF and "
                                            "Word, earlier versions), not once"),
    dedupe: bool = typer.Option(False, "--dedupe", hidden=True,
                                help="deprecated: each plan is counted once by default"),
    share: bool = typer.Option(False, "--share", help="heat maps show each trust's share of "
                                                      "its actions and leave out \"none\""),
    no_table: bool = typer.Option(False, "--no-table", help="leave out the table of every "
                                                            "action (HTML)"),
    title: str = typer.Option(DEFAULT_TITLE, help="heading of the report"),
) -> None:
    """Benchmark trusts: summary, indicator and theme heat maps, years, RAG, all actions.

    Each plan counts once: its current document (see `wres plans`).
    """
    if fmt not in FORMATS:
        base.fail(f"unknown format {fmt!r}; use html or md")
    if fmt == "html" and out is None:
        base.fail("--out is needed for HTML, e.g. --out report.html")
    if dedupe:
        base.say("note: --dedupe is no longer needed: each plan is counted once by default")
    day = _as_of(as_of)
    from wres.db.output_guard import refuse_database_output
    from wres.ingest.report import ReportFilter, load_report, parse_years

    _guarded(lambda: refuse_database_output(out, db))
    chosen = ReportFilter(trusts=list(trust or []), years=_guarded(lambda: parse_years(years)),
                          all_documents=all_documents)
    data = _guarded(lambda: load_report(db, chosen=chosen, as_of=day))
    if fmt == "md":
        from wres.ingest.report_md import render_markdown

        text = render_markdown(data, title=title)
    else:
        _guarded(lambda: require("plotly", "report", "the HTML report"))
        from wres.ingest.report_html import render_html

        text = render_html(data, title=title, database=Path(db).name if db else "",
                           share=share, table=not no_table)
    if out is None:
        print(text, end="")
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        base.fail(f"cannot write {out}: {exc.strerror or exc}", 1)
    base.out.print(f"wrote {out} ({len(data.actions)} actions)", markup=False, highlight=False)


def serve(
    db: str = typer.Option(None, "--db", help="SQLite file (default: $WRES_DB or wres.db)"),
    port: int = typer.Option(8001, min=0, max=65535, help="port on 127.0.0.1 (0: any free)"),
    metadata: Path = typer.Option(None, help="JSON merged over the built-in metadata"),
) -> None:
    """Browse the database in Datasette: full-text search, canned queries, descriptions."""
    from wres.ingest.serve import datasette_missing, run_datasette

    if datasette_missing():
        base.fail('wres serve needs Datasette: pip install "wres-plans[serve]" '
                  '(or pip install datasette)', 2)
    code = _guarded(lambda: run_datasette(db, port=port, extra_metadata=metadata))
    raise typer.Exit(code)


if __name__ == "__main__":  # ``python -m wres.ingest.cli_report``: these commands alone
    standalone = typer.Typer(add_completion=False, no_args_is_help=True)
    register(standalone)
    standalone(prog_name="wres")
