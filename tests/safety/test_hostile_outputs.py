"""A hostile corpus through ingest, every export, every table view and both reports.

The corpus (tests/safety/corpus.py) holds spreadsheet formulas, rich markup, HTML, a
``javascript:`` link, and ESC/BEL/CSI through a PDF's ToUnicode map and the manifest.
Each output is checked in its own medium: the spreadsheet with openpyxl and csv, the
terminal text for control characters and markup, Markdown rendered by markdown-it-py, and
HTML in headless Chromium where any handler that ran would leave a mark.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from tests.safety import corpus
from tests.safety.browser import CHROMIUM, render_in_chromium
from wres.ingest.cli import app
from wres.safe_text import markdown_text, spreadsheet_cell, strip_controls

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WIDE = {"COLUMNS": "400", "NO_COLOR": "1"}
TEXT_COLUMNS = ("source_file", "trust", "ref", "section", "objective", "action", "steps",
                "outcome", "measure", "owner", "owners", "due", "status", "rag", "themes")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=WIDE)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("hostile-corpus")
    docs, manifest = corpus.make_corpus(folder)
    db = str(folder / "hostile.db")
    code, out, err = run("ingest", str(docs), "--manifest", str(manifest), "--db", db,
                         "--workers", "0")
    assert code == 0, out + err
    return {"folder": folder, "docs": docs, "manifest": manifest, "db": db,
            "ingest_output": out + err}


def test_ingest_stores_every_action_with_no_control_character(hostile: dict) -> None:
    assert not CONTROL.search(hostile["ingest_output"])
    with sqlite3.connect(hostile["db"]) as connection:
        actions = connection.execute("SELECT action, owner FROM actions").fetchall()
        names = connection.execute("SELECT source_file FROM documents").fetchall()
        trusts = connection.execute("SELECT name FROM trusts").fetchall()
    assert len(actions) == len(corpus.WORD_ROWS) + len(corpus.PDF_ROWS)
    for value in [v for row in actions + names + trusts for v in row if v]:
        assert not CONTROL.search(value), repr(value)
    stored = {action for action, _ in actions}
    assert corpus.FORMULA in stored  # kept as written: escaping is the outputs' job
    assert "Train managers ]0;pwned in fair recruitment" in stored  # ESC, BEL -> spaces
    assert {corpus.TRUST, "PDF ]0;pwned  Trust <b>bold</b>"} == {t for (t,) in trusts}


def _export(hostile: dict, fmt: str, target: Path | None = None) -> str:
    args = ["export", "--format", fmt, "--db", hostile["db"]]
    code, out, err = run(*args, *(["-o", str(target)] if target else []))
    assert code == 0, out + err
    return out


def test_csv_cells_never_start_a_formula(hostile: dict) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(hostile, "csv"))))
    assert len(rows) == 9
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
            assert not CONTROL.search(value.replace("\n", "")), repr(value)
    actions = {row["action"] for row in rows}
    assert "'" + corpus.FORMULA in actions
    assert "'@SUM(1) review the recruitment policy for bias" in actions
    assert "'+1 deliver reverse mentoring for board members" in actions
    assert {"'-2", "Lead: [tbc]", "[bold red]x[/]", "[/x]"} <= {r["owner"] for r in rows}


def test_xlsx_has_no_formula_and_text_cells_are_strings(hostile: dict) -> None:
    import openpyxl

    target = hostile["folder"] / "out.xlsx"
    _export(hostile, "xlsx", target)
    sheet = openpyxl.load_workbook(target)["actions"]
    header = [cell.value for cell in sheet[1]]
    seen = set()
    for row in sheet.iter_rows(min_row=2):
        for name, cell in zip(header, row, strict=True):
            assert cell.data_type != "f", (name, cell.value)
            if name in TEXT_COLUMNS and cell.value is not None:
                assert cell.data_type == "s", (name, cell.value)
                assert not str(cell.value).startswith(("=", "+", "-", "@")), cell.value
            seen.add(cell.value)
    assert "'" + corpus.FORMULA in seen and "'-2" in seen and "Lead: [tbc]" in seen


def test_jsonl_and_parquet_keep_the_text_exactly(hostile: dict) -> None:
    records = [json.loads(line) for line in _export(hostile, "jsonl").splitlines()]
    target = hostile["folder"] / "out.parquet"
    _export(hostile, "parquet", target)
    frame = pd.read_parquet(target)
    for actions in ({r["action"] for r in records}, set(frame["action"])):
        assert corpus.FORMULA in actions
        assert "Publish the staff network report " + corpus.IMG in actions
    assert "[bold red]x[/]" in set(frame["owner"])


@pytest.mark.parametrize("args", [
    ["search", "recruitment OR managers OR publish"],
    ["sql", "SELECT t.name, d.source_file, a.action, a.owner FROM actions a "
            "JOIN plans p ON p.id = a.plan_id JOIN documents d ON d.id = p.document_id "
            "JOIN trusts t ON t.id = p.trust_id"],
    ["overdue", "--as-of", "2030-01-01"],
    ["compare", "--by", "rag"],
    ["compare", "--by", "theme", "--format", "md"],
])
def test_table_views_print_text_as_text(hostile: dict, args: list[str]) -> None:
    code, out, err = run(*args, "--db", hostile["db"])
    assert code == 0, out + err
    assert not CONTROL.search(out + err)
    if args[0] == "sql":
        for text in ("Lead: [tbc]", "[bold red]x[/]", "[/x]", "HR <b>lead</b>",
                     corpus.WORD_NAME, "plan [31m-control .pdf"):
            assert text in out, text
    if args[0] == "overdue":
        assert "Lead: [tbc]" in out and "[/x]" in out


def test_extract_and_tables_views_print_text_as_text(hostile: dict) -> None:
    code, out, err = run("extract", str(hostile["docs"]), "--manifest",
                         str(hostile["manifest"]), "--format", "table")
    assert code == 0, out + err
    assert not CONTROL.search(out + err)
    assert "Lead: [tbc]" in out and "[bold red]x[/]" in out and "[/x]" in out
    pdf = next(hostile["docs"].glob("*.pdf"))
    code, out, err = run("tables", str(pdf))
    assert code == 0 and not CONTROL.search(out + err), out + err
    code, out, err = run("tables", str(hostile["docs"] / corpus.WORD_NAME))
    assert code == 0 and "[bold]x" in out, out + err


def test_ingest_summary_names_the_files_as_text(hostile: dict, tmp_path: Path) -> None:
    broken = tmp_path / "[red]broken <b>x<b>\x1b[2J.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    code, out, err = run("ingest", str(broken), "--db", str(tmp_path / "w.db"),
                         "--workers", "0")
    assert not CONTROL.search(out + err)
    assert "[red]broken <b>x<b> [2J.pdf" in out


def _rendered_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    # raw HTML on: the worst renderer a board paper may meet; escaping must hold anyway
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def _assert_inert_html(rendered: str) -> None:
    for tag in ("<img", "<script", "<a ", "<a>", "<b>", "<em>", "<strong>"):
        assert tag not in rendered.lower(), tag


def test_markdown_reports_render_as_plain_text(hostile: dict) -> None:
    code, report, err = run("report", "--format", "md", "--db", hostile["db"],
                            "--as-of", "2030-01-01", "--title", "Plans [x](javascript:y) <i>")
    assert code == 0, err
    code, table, err = run("compare", "--by", "rag", "--format", "md", "--db", hostile["db"])
    assert code == 0, err
    for text in (report, table):
        assert not CONTROL.search(text)
        _assert_inert_html(_rendered_markdown(text))
    rendered = _rendered_markdown(report)
    assert "&lt;img src=x onerror=alert(1)&gt;" in rendered  # the text is kept, as text
    assert "[click here](javascript:alert(1))" in rendered
    assert "Lead: [tbc]" in rendered and "&lt;i&gt;" in rendered
    assert "Hostile &lt;a href=&quot;https://example.invalid&quot;&gt;Trust&lt;/a&gt;" \
        in _rendered_markdown(table)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_markdown_report_runs_no_script_in_a_browser(hostile: dict) -> None:
    code, report, _ = run("report", "--format", "md", "--db", hostile["db"],
                          "--as-of", "2030-01-01")
    assert code == 0
    page = hostile["folder"] / "md.html"
    page.write_text(f"<html><head></head><body>{_rendered_markdown(report)}</body></html>",
                    encoding="utf-8")
    probe = render_in_chromium(page, hostile["folder"] / "profile-md")
    assert probe["ran"] == [] and probe["links"] == [], probe


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_report_runs_no_script_and_links_nothing(hostile: dict) -> None:
    page = hostile["folder"] / "report.html"
    code, out, err = run("report", "--out", str(page), "--db", hostile["db"],
                         "--as-of", "2030-01-01")
    assert code == 0, out + err
    html = page.read_text(encoding="utf-8")
    assert "file:///" not in html and str(hostile["folder"]) not in html  # base names only
    page_text = re.sub(r"<script.*?</script>", "", html, flags=re.S)  # plotly.js has some
    assert not CONTROL.search(page_text.replace("\t", "").replace("\n", ""))
    probe = render_in_chromium(page, hostile["folder"] / "profile-html")
    assert probe["ran"] == [], probe  # no injected handler or script ran
    assert probe["links"] == [], probe  # no live link from document text (plotly or table)
    assert corpus.TRUST in probe["labels"], probe["labels"]  # the name shown as text
    assert "PDF ]0;pwned  Trust <b>bold</b>" in probe["labels"]  # ESC, BEL gone
    assert corpus.FORMULA in probe["cells"] and "Lead: [tbc]" in probe["cells"]


def test_safe_text_rules() -> None:
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert spreadsheet_cell("\tx") == "'\tx" or spreadsheet_cell("\tx") == "' x"
    assert spreadsheet_cell("plain") == "plain" and spreadsheet_cell(3) == 3
    assert spreadsheet_cell("a\x07b") == "a b"
    assert markdown_text("[x](javascript:y) <b>*z*</b> a|b") == \
        "\\[x\\]\\(javascript:y\\) \\<b\\>\\*z\\*\\</b\\> a\\|b"
    assert strip_controls("a\x1b[31mb\x07\x9bc\td\ne") == "a [31mb  c\td\ne"
