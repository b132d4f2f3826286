"""The database commands through typer: tables by default, JSON with --json, one-line
errors. Run on an app built with ``register`` so they do not depend on cli.py's wiring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.db.helpers import DOCS, MANIFEST
from wres.ingest.cli_db import register

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    built = typer.Typer()
    register(built)
    return built


def run(app: typer.Typer, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_every_command_is_registered(app: typer.Typer) -> None:
    names = {command.name for command in app.registered_commands}
    assert names == {"ingest", "search", "sql", "compare", "overdue", "export"}


def test_the_wres_app_has_the_database_commands() -> None:
    from wres.ingest.cli import app as wres_app

    names = {command.name for command in wres_app.registered_commands}
    assert {"ingest", "search", "sql", "compare", "overdue", "export"} <= names


def test_ingest_prints_a_summary_then_skips_everything(app: typer.Typer,
                                                       tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    files = [str(DOCS / "bad-truncated.pdf"), str(DOCS / "kent-community-health-2021-22.docx")]
    code, output = run(app, "ingest", *files, "--db", db, "--manifest", str(MANIFEST),
                       "--workers", "0")
    assert code == 0
    assert "files ingested" in output and "bad-truncated.pdf" in output
    code, output = run(app, "ingest", *files, "--db", db, "--workers", "0", "--json")
    summary = json.loads(output)
    assert (summary["ingested"], summary["skipped"], summary["failed"]) == (0, 2, 0)


def test_queries_print_json(app: typer.Typer, sample_db: str) -> None:
    code, output = run(app, "search", "mediation", "--db", sample_db, "--json")
    assert code == 0 and len(json.loads(output)) == 3
    code, output = run(app, "compare", "--by", "rag", "--trust", "northampton", "--db",
                       sample_db, "--json")
    assert json.loads(output) == [{"trust": "Northamptonshire Healthcare NHS Foundation Trust",
                                   "red": 1, "amber": 7, "green": 12}]
    code, output = run(app, "overdue", "--as-of", "2016-11-01", "--trust", "northampton",
                       "--db", sample_db, "--json")
    assert [row["due_date"] for row in json.loads(output)] == [
        "2016-09-30", "2016-10-31", "2016-10-31"]
    code, output = run(app, "sql", "SELECT count(*) AS n FROM documents", "--db", sample_db,
                       "--json")
    assert json.loads(output) == [{"n": 5}]


def test_tables_by_default(app: typer.Typer, sample_db: str) -> None:
    code, output = run(app, "compare", "--by", "indicator", "--db", sample_db)
    assert code == 0 and "actions per trust by indicator" in output
    code, output = run(app, "search", "mediation", "--db", sample_db)
    assert code == 0 and "3 actions matching" in output


def test_compare_as_markdown_for_board_papers(app: typer.Typer, sample_db: str) -> None:
    code, output = run(app, "compare", "--by", "rag", "--trust", "northampton", "--db",
                       sample_db, "--format", "md")
    lines = output.strip().splitlines()
    assert code == 0 and lines[0] == "| trust | red | amber | green |"
    # counted by hand from samples/gold: 1 red, 7 amber, 12 green
    assert lines[2] == "| Northamptonshire Healthcare NHS Foundation Trust | 1 | 7 | 12 |"


def test_export_jsonl_to_stdout(app: typer.Typer, sample_db: str) -> None:
    code, output = run(app, "export", "--format", "jsonl", "--query", "mediation", "--db",
                       sample_db)
    lines = [json.loads(line) for line in output.splitlines()]
    assert code == 0 and len(lines) == 3 and all("mediation" in json.dumps(x).lower()
                                                 for x in lines)


def test_errors_are_one_line(app: typer.Typer, sample_db: str, tmp_path: Path) -> None:
    code, output = run(app, "sql", "DELETE FROM actions", "--db", sample_db)
    assert code == 1 and "SQL refused" in output and "Traceback" not in output
    code, output = run(app, "search", "x", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no database" in output
    assert not (tmp_path / "none.db").exists()
    code, output = run(app, "overdue", "--as-of", "31/03/2024", "--db", sample_db)
    assert code == 2 and "not a date" in output
    code, output = run(app, "compare", "--by", "colour", "--db", sample_db)
    assert code == 1 and "cannot compare by" in output
