"""Read a scanned PDF page (``--ocr``): its ruled tables rebuilt from the picture, its words
from tesseract, its other text as text blocks.

Why rebuild the grid ourselves rather than add a text layer with OCRmyPDF and run the
ruled-table reader (considered for issue 11, not installed or measured): OCRmyPDF adds
words only, while the rulings of a scan stay pixels of the picture, which pdfplumber cannot
see; the grid would still have to come from the image, and OCRmyPDF brings Ghostscript, a
Python package tree and a second rendering of every page. Here one rendering serves
everything: the page is deskewed and cleaned (``ocr_image``), the cell grid with its merged
cells and shading is read from the ruling masks (``ocr_grid``), tesseract reads the page
once with the rulings painted out (plus one run for cells it left empty, ``ocr_cells``),
and each word goes to the cell that holds its centre. The result is the same ``Table``
model the other readers emit (bbox in PDF points, spans, fills), so the normaliser and the
page stitching work unchanged. A page with no ruled grid falls back to the word-layout
reader used for borderless tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pypdfium2

from wres.errors import DamagedDocumentError
from wres.extractors.model import Cell, Row, Table, clean_text
from wres.extractors.ocr import tesseract_words
from wres.extractors.ocr_cells import reread_empty_cells
from wres.extractors.ocr_grid import Grid, GridCell, cell_fill, find_grids
from wres.extractors.ocr_image import BORDER_REACH_IN, CleanPage, clean_page
from wres.extractors.pdf_layout import PageTable, Word, centre_inside, group_lines, words_bbox
from wres.extractors.pdf_page import arrange, layout_words
from wres.extractors.pdf_text import PlacedBlock
from wres.extractors.pdf_words import TextLine, join_lines

DPI = 300  # tesseract reads 8-point table text far better at 300 dpi than at a scan's 200
ENGINE = "ocr-grid"


def render_page(path: Path, page_number: int, dpi: float = DPI) -> np.ndarray:
    """The page as an RGB picture at ``dpi``."""
    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as exc:
        raise DamagedDocumentError(f"damaged PDF: page {page_number} cannot be rendered "
                                   f"for OCR ({exc})") from exc
    try:
        bitmap = document[page_number - 1].render(scale=dpi / 72)
        return np.asarray(bitmap.to_pil().convert("RGB"))
    finally:
        document.close()


def ocr_page(path: Path, page_number: int, page_height: float,
             dpi: float = DPI) -> tuple[list[PlacedBlock | PageTable], list[str]]:
    """Tables and text blocks of a scanned page, and notes on how it was read."""
    page = clean_page(render_page(path, page_number, dpi), dpi)
    grids = find_grids(page.horizontal, page.vertical, dpi)
    cell_boxes = [cell.box for grid in grids for cell in grid.cells]
    text_image = page.text_only(cell_boxes)
    words = tesseract_words(text_image, dpi, page_number)
    words += reread_empty_cells(text_image, cell_boxes, words, dpi, page_number)
    notes = [f"page {page_number}: text read by OCR"]
    if abs(page.skew) >= 0.05:
        notes.append(f"page {page_number}: the scan was {page.skew:+.1f} degrees askew; "
                     "straightened before OCR")
    tables = [t for t in (grid_table(g, words, page, page_number) for g in grids) if t]
    if not tables:
        return layout_words(words, page_number, page_height), notes
    return arrange(words, tables, page_number, page_height), notes


def grid_table(grid: Grid, words: Sequence[Word], page: CleanPage,
               page_number: int) -> PageTable | None:
    """The neutral ``Table`` of one grid, its cells filled with the words whose centre
    they hold; None when no word fell in it."""
    scale = 72.0 / page.dpi
    boxes = {id(cell): _points(cell.box, scale) for cell in grid.cells}
    placed: dict[int, list[Word]] = {id(cell): [] for cell in grid.cells}
    reach = BORDER_REACH_IN * 72.0
    for word in words:
        if _mark_on_border(word, grid, scale, reach):
            continue
        cell = _cell_holding(grid.cells, boxes, word)
        if cell is not None:
            placed[id(cell)].append(word)
    if not any(placed.values()):
        return None
    rows = [Row(cells=[], page=page_number, source_row=i) for i in range(len(grid.ys) - 1)]
    for cell in grid.cells:
        cell_words, box = placed[id(cell)], boxes[id(cell)]
        lines = group_lines(cell_words)
        rows[cell.row].cells.append(Cell(
            text=cell_text(lines, box), row=cell.row, col=cell.col, row_span=cell.row_span,
            col_span=cell.col_span, fill=cell_fill(page.colour, page.ink, cell.box, page.dpi),
            page=page_number, bbox=box,
            text_bbox=words_bbox(cell_words) if cell_words else None, lines=len(lines)))
    table = Table(rows=rows, n_cols=len(grid.xs) - 1, engine=ENGINE, pages=[page_number])
    return PageTable(table=table, bbox=_points(grid.box, scale))


def _mark_on_border(word: Word, grid: Grid, scale: float, reach: float) -> bool:
    """A "word" of marks only ("=", "'") lying on a column's ruling: the ruling's edge,
    read as a character."""
    if any(char.isalnum() for char in word.text):
        return False
    return any(word.x0 - reach <= x * scale <= word.x1 + reach for x in grid.xs)


def _points(box: tuple[int, int, int, int], scale: float) -> tuple[float, float, float, float]:
    return box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale


def _cell_holding(cells: Sequence[GridCell], boxes: dict[int, tuple], word: Word):
    for cell in cells:
        if centre_inside(word, boxes[id(cell)]):
            return cell
    return None


def cell_text(lines, box: tuple[float, float, float, float]) -> str:
    """A cell's OCR lines joined as the ruled reader joins a text layer's: a space where a
    line merely wrapped, a newline where a new paragraph began."""
    if not lines:
        return ""
    padding = max(0.0, min(line.x0 for line in lines) - box[0])
    text_lines = []
    for line in lines:
        first = line.words[0]
        width = first.x1 - first.x0
        text_lines.append(TextLine(line.text, line.x1, width / max(1, len(first.text)), width))
    return clean_text(join_lines(text_lines, box[2] - padding))
