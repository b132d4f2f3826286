"""camelot as the second engine, for pages pdfplumber reads badly.

Why only as a fallback: camelot parses the page again (lattice also renders it), which is
two to three times slower than pdfplumber, and its stream mode silently drops text (it lost
the top half of a page in our measurements). So it runs only on pages where pdfplumber
found no table although the text is laid out in columns, or found one whose columns do not
line up, and a stream result is kept only when it holds nearly all the page's words.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from wres.extractors.model import Cell, Row, Table, clean_text
from wres.extractors.pdf_layout import Fill, PageTable, Word, cell_fill

STREAM_MIN_COVERAGE = 0.9
_TOKEN = re.compile(r"\w+")


def camelot_tables(path: Path, page_number: int, page_height: float, fills: Sequence[Fill],
                   flavor: str) -> list[PageTable]:
    """camelot's tables on one page in the neutral model ("lattice" or "stream")."""
    import camelot  # imported here: it pulls OpenCV, which most runs never need

    logging.getLogger("camelot").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(str(path), pages=str(page_number), flavor=flavor)
    engine = f"camelot-{flavor}"
    tables = [_convert(t, page_number, page_height, fills, engine) for t in found]
    return [t for t in tables if t is not None]


def _top_down(x1: float, y1: float, x2: float, y2: float, height: float) -> tuple:
    """camelot measures y from the page bottom; the model measures from the top."""
    return (float(x1), float(height - y2), float(x2), float(height - y1))


def _spans(grid: list[list], row: int, col: int) -> tuple[int, int]:
    """Row and column span of the cell at (row, col) from camelot's missing edges."""
    col_span = 1
    while col + col_span < len(grid[row]) and not grid[row][col + col_span - 1].right:
        col_span += 1
    row_span = 1
    while row + row_span < len(grid) and not grid[row + row_span - 1][col].bottom:
        row_span += 1
    return row_span, col_span


def _convert(found, page_number: int, page_height: float, fills: Sequence[Fill],
             engine: str) -> PageTable | None:
    grid = found.cells
    if not grid or len(grid[0]) < 2:
        return None
    covered: set[tuple[int, int]] = set()
    rows: list[Row] = []
    lattice = engine.endswith("lattice")
    for r, source_row in enumerate(grid):
        cells = []
        for c, source in enumerate(source_row):
            if (r, c) in covered:
                continue
            row_span, col_span = _spans(grid, r, c) if lattice else (1, 1)
            parts = [grid[rr][cc] for rr in range(r, r + row_span)
                     for cc in range(c, c + col_span)]
            covered.update((rr, cc) for rr in range(r, r + row_span)
                           for cc in range(c, c + col_span))
            last = grid[r + row_span - 1][c + col_span - 1]
            bbox = _top_down(source.x1, last.y1, last.x2, source.y2, page_height)
            text = clean_text("\n".join(p.text for p in parts if p.text and p.text.strip()))
            cells.append(Cell(text=text, row=r, col=c, row_span=row_span, col_span=col_span,
                              fill=cell_fill(fills, bbox), page=page_number, bbox=bbox))
        rows.append(Row(cells=cells, page=page_number, source_row=r))
    table = Table(rows=rows, n_cols=len(grid[0]), engine=engine, pages=[page_number])
    if not any(cell.text for row in rows for cell in row.cells):
        return None
    return PageTable(table=table, bbox=_top_down(*_outer_box(found), page_height))


def _outer_box(found) -> tuple[float, float, float, float]:
    """The table's outline in PDF space (x1, y1 bottom, x2, y2 top), from its public cell
    grid: ``Table._bbox`` is private to camelot and changed between releases."""
    top_left, bottom_right = found.cells[0][0], found.cells[-1][-1]
    return top_left.x1, bottom_right.y1, bottom_right.x2, top_left.y2


def tokens(texts: Sequence[str]) -> Counter:
    return Counter(t.lower() for text in texts for t in _TOKEN.findall(text))


def word_coverage(table: Table, words: Sequence[Word]) -> float:
    """Share of ``words`` (as tokens) that the table's cells hold."""
    wanted = tokens([w.text for w in words])
    if not wanted:
        return 1.0
    held = tokens([cell.text for row in table.rows for cell in row.cells])
    found = sum(min(count, held[token]) for token, count in wanted.items())
    return found / sum(wanted.values())


def empty_share(table: Table) -> float:
    slots = len(table.rows) * table.n_cols
    if not slots:
        return 1.0
    covered = sum(cell.row_span * cell.col_span for row in table.rows for cell in row.cells
                  if cell.text)
    return 1.0 - min(1.0, covered / slots)


def camelot_quality(page_table: PageTable, page_words: Sequence[Word]) -> float:
    """Words the table holds, less a little for empty slots: the per-page quality check."""
    return word_coverage(page_table.table, page_words) - 0.3 * empty_share(page_table.table)
