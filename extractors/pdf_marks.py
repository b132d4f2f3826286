"""PDF cells whose only content is a coloured mark: a "●" glyph or a small filled shape.

Why: a Word plan's RAG column of coloured "●" becomes, in its PDF, a character whose fill
colour (pdfplumber's ``non_stroking_color``) is the rating; a plan drawn in a design tool
may instead place a small filled circle or square (a curve or rect) in an empty cell. Cell
shading is read elsewhere (``pdf_layout.page_fills``); this reads what sits *in* the cell.
"""

from __future__ import annotations

from collections.abc import Sequence

from wres.extractors.marks import is_mark_text
from wres.extractors.model import Cell
from wres.extractors.pdf_layout import PageTable, colour_hex

MAX_MARK_CHARS = 3
MAX_SHAPE_SIZE = 30.0  # points: a dot or a swatch, not a cell's shading
MIN_SHAPE_SIZE = 2.0  # thinner is a line
MAX_SHAPE_SHARE = 0.8  # of the cell's width and height


def mark_cells(tables: Sequence[PageTable], page) -> None:
    """Set ``mark_colour`` on every cell of ``tables`` that holds only a coloured mark.

    Only the page's mark characters and small filled shapes are looked at (usually none),
    so a page without marks costs one pass over its characters."""
    candidates = [cell for t in tables for row in t.table.rows for cell in row.cells
                  if cell.bbox and len(cell.text.replace(" ", "")) <= MAX_MARK_CHARS]
    if not candidates:
        return
    marks = [c for c in page.chars
             if c["text"].strip() and is_mark_text(c["text"], c.get("fontname"))]
    shapes = [s for s in [*page.rects, *page.curves] if s.get("fill") and _small(s)]
    for cell in candidates:
        shown = cell.text.replace(" ", "")
        if shown and marks:
            inside = [c for c in marks if _centre_in(c, cell.bbox)]
            if inside and len(inside) >= len(shown):  # every character shown is a mark
                cell.mark_colour = colour_hex(inside[0].get("non_stroking_color"))
        elif not shown and shapes:
            cell.mark_colour = _shape_colour(shapes, cell)


def _small(shape: dict) -> bool:
    width = float(shape["x1"]) - float(shape["x0"])
    height = float(shape["bottom"]) - float(shape["top"])
    return min(width, height) >= MIN_SHAPE_SIZE and max(width, height) <= MAX_SHAPE_SIZE


def _centre_in(obj: dict, bbox: tuple) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _shape_colour(shapes: list[dict], cell: Cell) -> str | None:
    """The colour of the one small filled shape drawn inside an otherwise empty cell."""
    x0, top, x1, bottom = cell.bbox
    limit_w = min(MAX_SHAPE_SIZE, (x1 - x0) * MAX_SHAPE_SHARE)
    limit_h = min(MAX_SHAPE_SIZE, (bottom - top) * MAX_SHAPE_SHARE)
    found = None
    for shape in shapes:
        width = float(shape["x1"]) - float(shape["x0"])
        height = float(shape["bottom"]) - float(shape["top"])
        if not (width <= limit_w and height <= limit_h and _centre_in(shape, cell.bbox)):
            continue
        colour = colour_hex(shape.get("non_stroking_color"))
        if colour and colour != "FFFFFF":
            if found and found != colour:
                return None  # several colours: a chart or a legend, not one rating
            found = colour
    return found
