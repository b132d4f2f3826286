"""A borderless PDF table with an NHS-blue header band and zebra-striped rows.

Why: most cells of such plans hold two lines, so the step between rows (line spacing plus
padding) is as common as the step inside a cell; taking the row step for the line pitch
ran every action of a column into one cell. Made at test time with reportlab; the expected
rows are the ones written into it.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from wres.ingest.pipeline import process_file

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Helvetica-Bold", textColor=colors.white)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=18)
ACTIONS = [
    ("1.1", "Increase the number of BME staff on the Scope for Growth talent programme",
     "Head of Talent", "March 2025", "Amber"),
    ("1.2", "Introduce a de-biasing checklist for all Band 7 and above shortlisting panels",
     "Head of Recruitment", "September 2024", "Green"),
    ("1.3", "Set up a confidential reporting line for racist abuse with the security team",
     "Head of Security", "Q3 2024/25", "Red"),
    ("1.4", "Run two listening events a year with the Chief Executive and BME colleagues",
     "Chief Executive", "Twice yearly", "Green"),
]


def striped_plan(path: Path) -> Path:
    rows = [[Paragraph(h, HEAD) for h in ("Ref", "What we will do", "Lead", "By when", "RAG")]]
    rows += [[Paragraph(text, BODY) for text in action] for action in ACTIONS]
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#005EB8")),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E8EDEE"))
              for r in range(2, len(rows), 2)]
    table = Table(rows, colWidths=[30, 300, 120, 90, 50])
    table.setStyle(TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([
        Paragraph("Quarry Bank Partnership NHS Trust", TITLE),
        Paragraph("WRES Action Plan 2024-25", TITLE), Spacer(1, 12), table])
    return path


def test_each_striped_row_is_one_action(tmp_path: Path) -> None:
    result = process_file(striped_plan(tmp_path / "quarrybank.pdf"))
    assert [(a.ref, a.action, a.owner, a.due, a.rag) for a in result.actions] == [
        (ref, action, owner, due, rag.lower()) for ref, action, owner, due, rag in ACTIONS]
