"""A hostile corpus made at test time: plan text written to attack every output.

Why made here and not committed: the bytes that matter (ESC and BEL through a PDF's
ToUnicode map, markup in file names) are clearest as code. The Word plan holds spreadsheet
formulas, rich markup, HTML and a ``javascript:`` link in its cells; the PDF plan draws its
text in a TrueType font whose ToUnicode map is then patched so that two drawn characters
read back as ESC and BEL (and one as the C1 code CSI); the manifest gives both plans a
trust name holding HTML and markup, and the Word file's own name holds markup too.
"""

from __future__ import annotations

import csv
from pathlib import Path

FORMULA = '=HYPERLINK("http://example.invalid","x")'
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = "[click here](javascript:alert(1))"
# Each row: ref, action, lead, target date, RAG (all document text, all hostile).
WORD_ROWS = [
    ("1", FORMULA, "Lead: [tbc]", "31/03/2024", "Red"),
    ("2", "@SUM(1) review the recruitment policy for bias", "[bold red]x[/]", "31/03/2024",
     "Amber"),
    ("3", "+1 deliver reverse mentoring for board members", "-2", "30/06/2024", "Green"),
    ("4", "-2 train managers in fair disciplinary processes", "[/x]", "30/09/2024", "Red"),
    ("5", f"Publish the staff network report {IMG}", "HR <b>lead</b>", "31/12/2024", "Amber"),
    ("6", f"Run leadership events, see {JS_LINK} and <javascript:alert(2)>",
     "*Head* of _EDI_ `x`", "31/01/2025", "Amber"),
    ("7", "Audit the | pipe | and \\ backslash in data", "Director | OD", "28/02/2025", "Red"),
]
HEADER = ("Ref", "Action", "Lead", "Target date", "RAG")
TRUST = 'Hostile <a href="https://example.invalid">Trust</a> [bold]NHS[/] <script>alert(3)</script>'
PDF_TRUST = "PDF\x1b]0;pwned\x07 Trust <b>bold</b>"
WORD_NAME = "plan [bold]x <img src=x onerror=alert(4)> [red].docx"
PDF_NAME = "plan\x1b[31m-control\x07.pdf"
# Characters drawn in the PDF, and what its patched ToUnicode map says they are.
PDF_PATCHES = {"\u00a4": "\x1b", "\u00a6": "\x07", "\u00a7": "\x9b"}
PDF_ROWS = [
    ("1", "Train managers\u00a4]0;pwned\u00a6 in fair recruitment", "Head of HR\u00a6",
     "31/03/2024", "Red"),
    ("2", "Review\u00a7 31m the appraisal process for bias", "Director \u00a4[2J", "30/06/2024",
     "Amber"),
]
CONTROL_TEXT = ("\x1b", "\x07", "\x9b")


def write_word_plan(path: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_heading("Hostile NHS Trust WRES action plan 2023-24", level=1)
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    for row in WORD_ROWS:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(path)
    return path


def write_pdf_plan(path: Path) -> Path:
    """A ruled table in the Vera TrueType font; its ToUnicode map is patched afterwards
    (the entries have the same length, so the cross-reference offsets stay right)."""
    import reportlab
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Vera", str(font)))
    style = getSampleStyleSheet()["Normal"].clone("vera", fontName="Vera", fontSize=9)
    title = getSampleStyleSheet()["Title"].clone("veratitle", fontName="Vera")
    data = [list(HEADER)] + [list(row) for row in PDF_ROWS]
    cells = [[Paragraph(text, style) for text in row] for row in data]
    table = Table(cells, colWidths=[40, 300, 150, 90, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    document = SimpleDocTemplate(str(path), pagesize=landscape(A4), pageCompression=0)
    document.build([Paragraph("Hostile NHS Trust WRES action plan 2023-24", title), table])
    raw = path.read_bytes()
    for drawn, meant in PDF_PATCHES.items():
        entry = f"<{ord(drawn):04X}>".encode()
        assert entry in raw, f"no ToUnicode entry for {drawn!r}"
        raw = raw.replace(entry, f"<{ord(meant):04X}>".encode())
    path.write_bytes(raw)
    return path


def write_manifest(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "trust", "period_start", "period_end"])
        writer.writerow([WORD_NAME, TRUST, 2023, 2024])
        writer.writerow([PDF_NAME, PDF_TRUST, 2023, 2024])
    return path


def make_corpus(folder: Path) -> tuple[Path, Path]:
    """(folder of plans, manifest)."""
    docs = folder / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    write_word_plan(docs / WORD_NAME)
    write_pdf_plan(docs / PDF_NAME)
    return docs, write_manifest(folder / "manifest.csv")
