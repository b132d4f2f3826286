"""PDF versions of the samples: LibreOffice prints of the Word files, and one borderless PDF.

Why LibreOffice for the ruled PDFs: most published plans are Word files saved as PDF, so
the PDF should come from the same docx, laid out by a real word processor, with rows
broken across pages and the header row repeated where Word would put them.

Why a reportlab PDF as well: some plans are laid out with no ruling lines at all, columns
held apart only by white space. Line-based table finders see nothing there, so the project
needs one such sample. It is drawn with no lines and no fills, the text wrapped inside each
column, the header row repeated per page and long rows allowed to break across pages.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from gen_spec import SpecCell, table_rows, title_of
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.flowables import Flowable

SOFFICE_TIMEOUT_S = 600
MARGIN = 12.7 * mm
CELL_PAD = 3  # points between a column's text and its neighbour's: the only separator


def soffice_path() -> str | None:
    """Where LibreOffice's command line lives, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Print every docx to PDF in one LibreOffice run (start-up is most of its cost).

    A private user profile keeps this run from colliding with any other LibreOffice that
    someone else has open on the machine.
    """
    soffice = soffice_path()
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="wres-samples-lo-") as profile:
        command = [
            soffice, f"-env:UserInstallation=file://{profile}", "--headless",
            "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_paths),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    pdfs = [out_dir / f"{p.stem}.pdf" for p in docx_paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice made no PDF for: {', '.join(missing)}")
    for docx_path, pdf in zip(docx_paths, pdfs, strict=True):
        pin_soffice_pdf(pdf, docx_path)
    return pdfs


def pin_soffice_pdf(pdf: Path, docx_path: Path) -> None:
    """Replace the only run-to-run differences of a LibreOffice PDF with fixed values.

    LibreOffice stamps the print time (/CreationDate) and derives /ID and /DocChecksum from
    it. Each is overwritten in place with a value of the same length (the docx's save time,
    the MD5 of the docx), so the cross-reference offsets stay valid and an unchanged docx
    prints to an unchanged PDF.
    """
    data = pdf.read_bytes()
    digest = hashlib.md5(docx_path.read_bytes()).hexdigest().upper().encode()
    created = Document(str(docx_path)).core_properties.created
    stamp = (created or dt.datetime(2020, 1, 1)).strftime("%Y%m%d%H%M%S").encode()
    data = re.sub(rb"(/CreationDate\(D:)\d{14}", lambda m: m.group(1) + stamp, data)
    data = re.sub(rb"(/ID \[ ?<)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}>",
                  lambda m: m.group(1) + digest + m.group(2) + digest + b">", data)
    data = re.sub(rb"(/DocChecksum /)[0-9A-F]{32}", lambda m: m.group(1) + digest, data)
    pdf.write_bytes(data)


def text_styles(font_size: float) -> dict[str, ParagraphStyle]:
    """Plain Helvetica styles; bold comes from the font name, never from a fill."""
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=font_size,
                          leading=font_size * 1.2, alignment=TA_LEFT)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold"),
        "title": ParagraphStyle("title", parent=body, fontName="Helvetica-Bold",
                                fontSize=font_size + 5, leading=(font_size + 5) * 1.3,
                                spaceAfter=8),
        "heading": ParagraphStyle("heading", parent=body, fontName="Helvetica-Bold",
                                  fontSize=font_size + 2, leading=(font_size + 2) * 1.3,
                                  spaceBefore=6, spaceAfter=4),
    }


def escape(text: str) -> str:
    """Paragraph takes mini-HTML: keep &, < and > literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_flowable(cell: SpecCell, styles: dict[str, ParagraphStyle]) -> Paragraph | str:
    """A wrapping paragraph for a cell; its paragraph breaks become line breaks."""
    if cell.vmerge == "continue" or not cell.text:
        return ""
    style = styles["bold"] if cell.bold else styles["body"]
    return Paragraph("<br/>".join(escape(p) for p in cell.paragraphs), style)


def span_commands(rows: list[list[SpecCell]]) -> tuple[list[list[tuple]], list[tuple]]:
    """Column positions of each cell and reportlab SPAN commands for merges across and down.

    A merge down runs from its "restart" cell through every row whose cell at that column
    is a "continue" cell, and ends at the first row where it is not.
    """
    positions: list[list[tuple]] = []
    commands: list[tuple] = []
    open_down: dict[int, int] = {}  # column -> row where its merge down started
    for r, row in enumerate(rows):
        starts = [sum(c.span for c in row[:i]) for i in range(len(row))]
        placed = list(zip(starts, row, strict=True))
        positions.append(placed)
        continuing = {col for col, cell in placed if cell.vmerge == "continue"}
        for col in [c for c in open_down if c not in continuing]:
            commands.extend(vertical_span(col, open_down.pop(col), r - 1))
        for col, cell in placed:
            if cell.span > 1:
                commands.append(("SPAN", (col, r), (col + cell.span - 1, r)))
            if cell.vmerge == "restart":
                open_down[col] = r
    for col, start in open_down.items():
        commands.extend(vertical_span(col, start, len(rows) - 1))
    return positions, commands


def vertical_span(col: int, first: int, last: int) -> list[tuple]:
    """The SPAN command of one merge down, or none when it covers a single row."""
    return [("SPAN", (col, first), (col, last))] if last > first else []


def borderless_table(
    block: dict, width: float, styles: dict[str, ParagraphStyle], rows_first: bool
) -> Table:
    """A table drawn with white space only: no GRID, no BOX, no BACKGROUND commands.

    ``rows_first`` False lets reportlab break a row at the foot of a page before trying
    row boundaries, which fills pages the way a word processor does; True only breaks
    between rows where possible (the fallback when a merge down is taller than a page).
    """
    rows = table_rows(block)
    n_cols = len(block["widths"])
    total = sum(block["widths"])
    col_widths = [width * w / total for w in block["widths"]]
    positions, commands = span_commands(rows)
    data: list[list[object]] = []
    for placed in positions:
        line: list[object] = [""] * n_cols
        for col, cell in placed:
            line[col] = cell_flowable(cell, styles)
        data.append(line)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD * 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *commands,
    ]
    return Table(data, colWidths=col_widths, style=style, hAlign="LEFT",
                 repeatRows=int(block.get("header_rows", 0)),
                 splitByRow=int(rows_first), splitInRow=1,
                 spaceAfter=8)  # not a Spacer: one that lands on a new page makes a blank page


def story_of(
    spec: dict, width: float, styles: dict[str, ParagraphStyle], rows_first: bool
) -> list[Flowable]:
    """Every block of the spec as reportlab flowables, in order."""
    story: list[Flowable] = []
    for block in spec["blocks"]:
        kind = block.get("type")
        if kind == "table":
            story.append(borderless_table(block, width, styles, rows_first))
        elif kind == "page_break":
            story.append(PageBreak())
        elif kind in ("title", "heading", "paragraph"):
            style = styles.get(kind, styles["body"])
            for text in str(block.get("text", "")).split("\n"):
                story.append(Paragraph(escape(text), style) if text else Spacer(1, 6))
        else:
            raise ValueError(f"{spec.get('stem')}: unknown block type {kind!r}")
    return story


def write_borderless_pdf(spec: dict, out_path: Path) -> Path:
    """The spec laid out with reportlab as a borderless table; same bytes on every run.

    reportlab cannot break a row inside a merge down that is taller than the page; it then
    fails (and in 4.x-5.x its error message itself raises TypeError), so the layout is
    retried breaking between rows first.
    """
    page = landscape(A4) if spec.get("landscape", True) else portrait(A4)
    styles = text_styles(float(spec.get("font_size") or 9))
    for rows_first in (False, True):
        doc = SimpleDocTemplate(
            str(out_path), pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN, title=title_of(spec),
            author=spec.get("trust") or "", creator="", producer="", invariant=1,
        )
        try:
            doc.build(story_of(spec, doc.width, styles, rows_first))
            return out_path
        except (LayoutError, TypeError):
            if rows_first:
                raise
    return out_path
