"""Write a spec as the Word file a trust would publish (python-docx).

Why build the table from ``w:tr``/``w:tc`` elements instead of ``add_table(rows, cols)`` and
``cell.merge``: a real Word table holds one ``w:tc`` per visible cell, with ``w:gridSpan`` for
a merge across and ``w:vMerge`` restart/continue for a merge down. ``cell.merge`` would glue
the texts of the merged cells together; writing the elements directly gives exactly the
structure the Word extractor has to read in published plans.

Why the zip is rewritten at the end: python-docx stamps every zip member with the current
time, so two runs would give different bytes. Fixed member times and fixed core properties
make a re-run produce the identical file, and ``git status`` stays quiet.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt
from docx.table import Table, _Cell
from gen_spec import SpecCell, table_rows, title_of

A4_LONG, A4_SHORT = Mm(297), Mm(210)
NARROW_MARGIN = Mm(12.7)  # Word's "Narrow" margins: 0.5 inch
BODY_FONT = "Arial"
DEFAULT_FONT_SIZE = 10
BODY_SPACE_AFTER = 4  # points
FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)


def fixed_timestamp(spec: dict) -> dt.datetime:
    """A made-up but plausible save time: 1 September of the plan's first year."""
    year = int(spec.get("period_start") or 2020)
    return dt.datetime(year, 9, 1, 9, 0, 0)


def set_page(doc: DocumentObject, landscape: bool) -> int:
    """A4 with narrow margins; returns the usable text width in EMU."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width = A4_LONG if landscape else A4_SHORT
    section.page_height = A4_SHORT if landscape else A4_LONG
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, NARROW_MARGIN)
    return int(section.page_width - section.left_margin - section.right_margin)


def set_base_font(doc: DocumentObject, size: float) -> None:
    """Body text and table text share the Normal style, so one font setting covers both."""
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(0)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), BODY_FONT)


def set_core_properties(doc: DocumentObject, spec: dict) -> None:
    """Fixed metadata, so the docx is the same on every run."""
    props = doc.core_properties
    stamp = fixed_timestamp(spec)
    props.author = spec["trust"]
    props.last_modified_by = spec["trust"]
    props.title = title_of(spec)
    props.subject = "Workforce Race Equality Standard action plan"
    props.keywords = "WRES"
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def shade(tc: OxmlElement, fill: str) -> None:
    """Cell shading as Word writes it: ``<w:shd w:val="clear" w:fill="RRGGBB"/>``."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shd)  # after tcW/gridSpan/vMerge, as the schema orders them


def fill_cell_text(cell: _Cell, spec_cell: SpecCell) -> None:
    """One Word paragraph per spec paragraph; a continue cell keeps its one empty paragraph."""
    if spec_cell.vmerge == "continue":
        return
    for index, text in enumerate(spec_cell.paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if text:
            paragraph.add_run(text).bold = spec_cell.bold or None


def add_row(table: Table, cells: list[SpecCell], col_widths: list[int], header: bool) -> None:
    """Append one ``w:tr`` holding one ``w:tc`` per spec cell."""
    tr = table._tbl.add_tr()
    if header:
        tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    col = 0
    for spec_cell in cells:
        tc = tr.add_tc()
        tc.width = Emu(sum(col_widths[col:col + spec_cell.span]))
        if spec_cell.span > 1:
            tc.grid_span = spec_cell.span
        if spec_cell.vmerge:
            tc.vMerge = spec_cell.vmerge
        if spec_cell.fill:
            shade(tc, spec_cell.fill)
        fill_cell_text(_Cell(tc, table), spec_cell)
        col += spec_cell.span


def scaled_widths(widths: list[float], usable: int) -> list[int]:
    """Spec widths are proportions; scale them to the text width, in whole EMU."""
    total = sum(widths)
    return [int(usable * w / total) for w in widths]


def add_table(doc: DocumentObject, block: dict, usable: int) -> None:
    """A ruled (Table Grid) table with fixed column widths and its header rows repeating."""
    col_widths = scaled_widths(block["widths"], usable)
    table = doc.add_table(rows=0, cols=len(col_widths))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, col_widths, strict=True):
        column.width = Emu(width)  # LibreOffice reads gridCol, Word reads tcW: set both
    header_rows = int(block.get("header_rows", 0))
    for index, cells in enumerate(table_rows(block)):
        add_row(table, cells, col_widths, header=index < header_rows)


def add_text_block(doc: DocumentObject, block: dict) -> None:
    """Title, heading or body paragraph(s); a newline starts a new paragraph."""
    kind = block["type"]
    for text in str(block.get("text", "")).split("\n"):
        if kind == "title":
            doc.add_paragraph(text, style="Title")
        elif kind == "heading":
            doc.add_heading(text, level=int(block.get("level", 1)))
        else:  # Normal has no space after (for table cells); body text needs a little
            doc.add_paragraph(text).paragraph_format.space_after = Pt(BODY_SPACE_AFTER)


def build_document(spec: dict) -> DocumentObject:
    """The whole Word document of one spec, in memory."""
    doc = Document()
    usable = set_page(doc, bool(spec.get("landscape", True)))
    set_base_font(doc, float(spec.get("font_size") or DEFAULT_FONT_SIZE))
    for block in spec["blocks"]:
        kind = block.get("type")
        if kind == "table":
            add_table(doc, block, usable)
        elif kind == "page_break":
            doc.add_page_break()
        elif kind in ("title", "heading", "paragraph"):
            add_text_block(doc, block)
        else:
            raise ValueError(f"{spec.get('stem')}: unknown block type {kind!r}")
    set_core_properties(doc, spec)
    return doc


def save_deterministic(doc: DocumentObject, out_path: Path) -> None:
    """Save with fixed zip member times so equal content gives equal bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    out_path.write_bytes(out.getvalue())


def write_docx(spec: dict, out_path: Path) -> Path:
    """Build and save ``<stem>.docx``; returns its path."""
    save_deterministic(build_document(spec), out_path)
    return out_path


def write_empty_docx(out_path: Path) -> Path:
    """A valid Word file whose body holds no paragraph and no table (a bad input)."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    set_core_properties(doc, {"trust": "", "period_start": 2020, "blocks": [],
                              "period_end": 2020})
    doc.core_properties.title = ""
    save_deterministic(doc, out_path)
    return out_path
