"""The ``wres`` command line.

Every command prints a readable table by default and JSON with ``--json``; bad input gives
one line per file on stderr and never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table as RichTable

from wres.errors import BadInputError
from wres.ingest.cli_common import err, fail, load_manifest, out, say  # noqa: F401 - re-export
from wres.ingest.files import expand_paths
from wres.safe_text import rich_text
from wres.schema import json_schema

app = typer.Typer(help="Read NHS WRES action plans (PDF, Word) into canonical records.",
                  no_args_is_help=True, add_completion=False)


def _print_version(asked: bool) -> None:
    if asked:
        from wres.versions import version_text

        print(version_text())
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                 help="print the program and parser versions and stop"),
) -> None:
    """Read NHS WRES action plans (PDF, Word) into canonical records."""
@app.command()
def schema() -> None:
    """Print the JSON Schema of the canonical action record."""
    print(json.dumps(json_schema(), indent=2))


@app.command()
def tables(
    file: Path = typer.Argument(..., help="a PDF or Word plan"),
    as_json: bool = typer.Option(False, "--json", help="print the full table structure"),
    engine: str = typer.Option("auto", help="extraction engine"),
    ocr: bool = typer.Option(False, "--ocr", help="OCR scanned PDFs with tesseract"),
) -> None:
    """Show the tables found in FILE: page, engine, size and first rows."""
    from wres.extractors.registry import extract

    try:
        document = extract(file, engine=engine, ocr=ocr)
    except BadInputError as exc:
        fail(f"{file.name}: {exc}", 1)
    except FileNotFoundError:
        fail(f"{file}: no such file", 1)
    mappings = _column_mappings(document)
    blocks = _paragraph_blocks(document) if not mappings else []
    if as_json:
        print(json.dumps({**document.to_dict(), "mappings": mappings,
                          "paragraph_blocks": blocks}, indent=1, ensure_ascii=False))
        return
    view = RichTable(title=rich_text(f"{file.name}: {len(document.tables)} tables, "
                                     f"{len(blocks)} paragraph blocks, "
                                     f"{document.pages or '-'} pages"))
    for column in ("#", "pages/sheet", "engine", "rows x cols", "first rows", "columns read as"):
        view.add_column(column, overflow="fold")
    for table in document.tables:
        first = " | ".join(" / ".join(c.text[:30] for c in row.cells if c.text)
                           for row in table.rows[:2])
        pages = ",".join(str(p) for p in table.pages) or (
            f"sheet {table.sheet}" if table.sheet else "-")
        view.add_row(str(table.index), rich_text(pages), table.engine,
                     f"{len(table.rows)} x {table.n_cols}", rich_text(first[:160]),
                     rich_text(_mapping_text(mappings.get(table.index))))
    for block in blocks:
        view.add_row(f"p{block['block']}", str(block["page"] or "-"), "paragraphs", "-",
                     rich_text(block["action"][:160]),
                     rich_text("labelled paragraphs: " + ", ".join(block["labels"])))
    out.print(view)


def _paragraph_blocks(document) -> list[dict]:
    """The labelled action paragraphs the normaliser reads where no table is a plan."""
    from wres.normalise.prose import prose_actions

    return [{"block": raw.row, "page": raw.page, "action": raw.values["action"],
             "labels": list(raw.values)} for raw in prose_actions(document.text_blocks)]


def _column_mappings(document) -> dict[int, dict]:
    """How the normaliser read each table's columns, with its confidence (the last header
    found in a table wins)."""
    from wres.normalise.walk import walk_tables

    return {m["table"]: m for m in walk_tables(document.tables).mappings}


def _mapping_text(mapping: dict | None) -> str:
    if mapping is None:
        return "not an action table"
    columns = mapping["columns"]
    if isinstance(columns, str):
        return columns
    named = "; ".join(f"{header[:24]} -> {field}" for header, field in columns.items())
    return f"{named} ({mapping['confidence']:.0%})"


@app.command("extract")
def extract_command(
    files: list[Path] = typer.Argument(
        ..., help="PDF or Word plans, or folders of them",
        readable=False),  # an unreadable path is one failed line, not a refused command
    manifest: Path = typer.Option(None, help="CSV: file,trust,period_start,period_end"),
    fmt: str = typer.Option("table", "--format", help="jsonl or table"),
    engine: str = typer.Option("auto", help="extraction engine"),
    ocr: bool = typer.Option(False, "--ocr", help="OCR scanned PDFs with tesseract"),
    explain: bool = typer.Option(False, "--explain",
                                 help="also print the words that gave each theme "
                                      "(to stderr with --format jsonl)"),
) -> None:
    """Write the canonical action records of every file (JSONL for the scorer)."""
    if fmt not in ("jsonl", "table"):
        fail(f"unknown format {fmt!r}; use jsonl or table")
    from wres.ingest.retry import check_engine

    try:
        check_engine(engine)  # once, before any file is read
    except BadInputError as exc:
        fail(str(exc))
    plans = load_manifest(manifest)
    found = expand_paths(files)
    for problem in found.problems:
        say(problem)
    from wres.ingest.pipeline import process_file  # spaCy and pdfplumber: only when needed

    rows = []
    for path in found.files:
        result = process_file(path, plans.hint_for(path), engine=engine, ocr=ocr)
        for issue in result.issues:
            if issue.severity == "error":
                say(issue.line())
        for record in result.actions:
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n")
            rows.append(record)
    if fmt == "table":
        _print_actions(rows)
    if explain:
        from wres.ingest.cli_explain import print_explanations

        print_explanations(rows, sys.stdout if fmt == "table" else sys.stderr)


def _print_actions(records: list) -> None:
    view = RichTable(title=f"{len(records)} actions")
    for column in ("file", "ref", "ind", "action", "owner", "due", "rag"):
        view.add_column(column, overflow="fold")
    for r in records:
        cells = (r.source_file, r.ref or "", str(r.indicator or ""), r.action[:80],
                 (r.owner or "")[:30], str(r.due_date or r.due or "")[:20], r.rag or "")
        view.add_row(*(rich_text(cell) for cell in cells))  # document text, not markup
    out.print(view)


def _register_commands() -> None:
    """Commands that live in their own modules: database and batch, report and serve."""
    from wres.ingest import cli_report

    cli_report.register(app)
    from wres.ingest import cli_runs

    cli_runs.register(app)
    try:
        from wres.ingest import cli_db
    except ImportError:  # pragma: no cover - only while the database layer is absent
        return
    cli_db.register(app)
    from wres.ingest import cli_plans

    cli_plans.register(app)
    from wres.ingest import cli_track

    cli_track.register(app)


_register_commands()


def main() -> None:
    app()
