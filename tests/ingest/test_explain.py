"""`wres extract --explain` and the report's "why these themes" column.

The plan is the hand-made one of tests/normalise/test_several_indicators.py; the words
expected were read off its action texts against themes.json's cues.
"""

from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from tests.normalise.handmade import add_table, new_document, save
from tests.normalise.test_several_indicators import several_indicators_plan
from wres.ingest.cli import app
from wres.ingest.report_html import action_row, evidence_text


def test_explain_prints_the_words_behind_each_theme(tmp_path) -> None:
    plan = several_indicators_plan(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(plan), "--explain"],
                                terminal_width=250)
    assert result.exit_code == 0, result.output
    assert "why these themes: 5 actions" in result.output
    assert "disciplinary <- formal investigation" in result.output
    assert "bullying and harassment <- zero tolerance, abuse" in result.output
    assert "1, 2, 3, 4" in result.output  # the indicators column


def test_jsonl_stays_valid_with_explain_and_carries_the_evidence(tmp_path) -> None:
    plan = several_indicators_plan(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(plan), "--format", "jsonl",
                                      "--explain"], terminal_width=250)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    assert records[1]["theme_evidence"] == {"disciplinary": ["formal investigation"]}
    assert records[0]["indicators"] == [5, 6] and records[0]["indicator"] is None
    assert "why these themes" in result.stderr


def test_explain_prints_document_text_as_text_not_console_markup(tmp_path) -> None:
    doc = new_document("Markup NHS Trust", "WRES action plan 2024-25")
    add_table(doc, [["Action", "Lead"],
                    ["Run [bold red]mentoring[/] circles for BME nurses", "Lead"]])
    plan = save(doc, tmp_path, "markup-2024-25.docx")
    result = CliRunner().invoke(app, ["extract", str(plan), "--explain"],
                                terminal_width=250)
    assert result.exit_code == 0
    assert "[bold red]mentoring[/]" in result.output


def test_report_row_shows_the_evidence_escaped() -> None:
    evidence = {"communications": ["<script>alert(1)</script>", "newsletter"]}
    assert evidence_text(evidence) == ("communications: <script>alert(1)</script>, "
                                       "newsletter")
    row = pd.Series({"trust": "T", "period": "2024", "ref": "1", "indicator_label": "none",
                     "themes": ["communications"], "theme_evidence": evidence,
                     "action": "Publish a newsletter", "owner": None, "due": None,
                     "due_date": None, "rag_label": "none", "overdue": False,
                     "source_file": "x.docx", "page": None, "path": "x.docx",
                     "format": "docx"})
    html_row = action_row(row)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;, newsletter" in html_row
    assert "<script>" not in html_row
