"""Word (.docx) extraction with python-docx, walking the XML for the real cells.

Why not ``row.cells``: python-docx repeats the same cell object for a horizontal merge and
silently repeats the top cell for a vertical merge, which would duplicate banner and
indicator texts. Walking ``w:tr``/``w:tc`` gives each real cell once with its span.
Paragraphs numbered by Word's lists get the label Word draws (``docx_numbering``), and a
cell holding only a coloured glyph carries the glyph's colour (``docx_marks``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from wres.errors import DamagedDocumentError, EmptyDocumentError
from wres.extractors.docx_guard import check_docx
from wres.extractors.docx_marks import cell_mark, cell_paragraphs
from wres.extractors.docx_numbering import paragraph_labels
from wres.extractors.marks import is_mark_text
from wres.extractors.model import Cell, ExtractedDocument, Row, Table, TextBlock, clean_text

ENGINE = "python-docx"
MAX_GRID_COLUMNS = 64  # no real action plan is wider; a crafted gridSpan is clamped to this


def extract_docx(path: Path) -> ExtractedDocument:
    """Read a .docx into the format-neutral model: text blocks and tables in body order."""
    check_docx(path)
    try:
        document = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise DamagedDocumentError(f"not a readable Word document ({exc})") from exc
    result = ExtractedDocument(path=str(path), format="docx", engines=[ENGINE])
    labels = paragraph_labels(document)
    result.blocks.extend(_header_blocks(document))
    context: list[str] = [b.text for b in result.blocks]
    for element in content_children(document.element.body):
        if element.tag == qn("w:p"):
            block = _paragraph_block(Paragraph(element, document), labels.get(element))
            if block:
                result.blocks.append(block)
                context.append(block.text)
        elif element.tag == qn("w:tbl"):
            for table in _tables_of(element, path.name, len(result.tables), context, labels):
                result.blocks.append(table)
            context = []
    if not result.tables and not result.text_blocks:
        raise EmptyDocumentError("the Word document has no text and no tables")
    return result


_WRAPPERS = frozenset({qn("w:sdt"), qn("w:customXml")})


def content_children(parent, tag: str | None = None) -> Iterator:
    """Children of ``parent`` as Word lays them out, looking through content controls
    (``w:sdt``) and custom XML wrappers: forms and templates put whole tables, rows or
    cells inside them, and a plain ``findall`` would drop those actions without a word."""
    for child in parent.iterchildren():
        if child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from content_children(content, tag)
        elif tag is None or child.tag == tag:
            yield child


def _header_blocks(document) -> list[TextBlock]:
    """Text of the first section's page header: some trusts put the plan title there."""
    seen: list[str] = []
    for section in document.sections[:1]:
        for paragraph in section.header.paragraphs:
            text = clean_text(_paragraph_text(paragraph._p))
            if text and text not in seen:
                seen.append(text)
    return [TextBlock(text=t, style="Header") for t in seen]


def _paragraph_block(paragraph: Paragraph, label: str | None = None) -> TextBlock | None:
    # all the runs, as Word shows them: python-docx's ``text`` leaves out the runs of a
    # tracked insertion (w:ins), so an edited plan lost the words added to it
    text = clean_text(_labelled(label, _paragraph_text(paragraph._p)))
    if not text:
        return None
    try:
        style = paragraph.style.name if paragraph.style is not None else None
    except (KeyError, ValueError):
        style = None
    return TextBlock(text=text, style=style)


def _tables_of(tbl, file_name: str, first_index: int, context: list[str],
               labels: dict) -> list[Table]:
    """The table itself, then any tables nested inside its cells (flagged ``nested``)."""
    source_index = first_index
    table = _read_table(tbl, file_name, source_index, labels)
    table.index = first_index
    table.context = list(context)
    out = [table]
    for inner in tbl.iter(qn("w:tbl")):
        if inner is tbl:
            continue
        nested = _read_table(inner, file_name, source_index, labels)
        nested.nested = True
        nested.index = first_index + len(out)
        out.append(nested)
    return out


def _grid_width(tbl) -> int:
    grid = tbl.find(qn("w:tblGrid"))
    count = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    return max(1, min(count, MAX_GRID_COLUMNS))


def _read_table(tbl, file_name: str, source_index: int, labels: dict) -> Table:
    n_cols = _grid_width(tbl)
    rows: list[Row] = []
    open_merges: dict[int, Cell] = {}  # grid column -> top cell of a merge down
    for tr in content_children(tbl, qn("w:tr")):
        row_index = len(rows)
        row = Row(cells=[], source_row=row_index, repeat_header=_is_repeat_header(tr))
        col = _grid_before(tr)
        for tc in content_children(tr, qn("w:tc")):
            span = max(1, min(_int_attr(tc, "w:tcPr/w:gridSpan"), n_cols))
            if col >= n_cols:
                n_cols = min(col + span, MAX_GRID_COLUMNS)
            span = max(1, min(span, n_cols - col)) if col < n_cols else 1
            merge = _vmerge(tc)
            if merge == "continue" and col in open_merges:
                open_merges[col].row_span = row_index - open_merges[col].row + 1
            else:
                cell = _new_cell(tc, labels, row_index, col, span)
                row.cells.append(cell)
                if merge == "restart":
                    open_merges[col] = cell
                else:
                    open_merges.pop(col, None)
            col += span
        rows.append(row)
    return Table(rows=rows, n_cols=n_cols, engine=ENGINE, source_file=file_name,
                 source_table=source_index)


def _new_cell(tc, labels: dict, row: int, col: int, span: int) -> Cell:
    text = _cell_text(tc, labels)
    is_mark, colour = cell_mark(tc)
    if is_mark and not is_mark_text(text):
        text = ""  # a symbol font's letter ("l" in Wingdings) shows a glyph, not a word
    return Cell(text=text, row=row, col=col, col_span=span, fill=_fill(tc),
                mark_colour=colour)


def _cell_text(tc, labels: dict) -> str:
    """Direct paragraphs of the cell (and of content controls in it), one per line; nested
    tables are read as tables of their own, not folded into this text."""
    return clean_text("\n".join(_labelled(labels.get(p), _paragraph_text(p))
                                 for p in cell_paragraphs(tc)))


def _labelled(label: str | None, text: str) -> str:
    """A numbered paragraph as Word shows it: its list label, then its text."""
    if not label:
        return text
    return f"{label} {text}" if text.strip() else label


_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _in_fallback(node) -> bool:
    """Word stores a text box twice (mc:Choice for new readers, mc:Fallback for old)."""
    return any(ancestor.tag == _FALLBACK for ancestor in node.iterancestors())


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.getparent().tag == qn("w:tabs") or _in_fallback(node):
            continue  # a tab stop of the paragraph's style; a second copy of a text box
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _is_repeat_header(tr) -> bool:
    flag = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    if flag is None:
        return False
    value = flag.get(qn("w:val"))
    return value not in ("0", "false", "off")


def _grid_before(tr) -> int:
    return min(_int_attr(tr, "w:trPr/w:gridBefore", default=0), MAX_GRID_COLUMNS)


def _vmerge(tc) -> str | None:
    node = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if node is None:
        return None
    return node.get(qn("w:val")) or "continue"


def _fill(tc) -> str | None:
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    if shd is None:
        return None
    fill = (shd.get(qn("w:fill")) or "").upper()
    if len(fill) != 6 or fill in ("AUTO", "FFFFFF"):
        return None
    try:
        int(fill, 16)
    except ValueError:
        return None
    return fill


def _int_attr(node, path: str, default: int = 1) -> int:
    parts = [qn(p) for p in path.split("/")]
    found = node.find("/".join(parts))
    if found is None:
        return default
    try:
        return int(found.get(qn("w:val")) or default)
    except ValueError:
        return default

