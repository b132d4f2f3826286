"""Ruled tables: pdfplumber's line-based table finder, turned into the neutral model.

Why explicit edges instead of pdfplumber's plain "lines" strategy: that strategy also uses
the edges of *filled* rectangles, so the shading behind a borderless table's header or a
RAG cell turns into a false table. Here only rulings count: stroked lines, stroked
rectangles and filled rectangles thin enough to be a drawn rule (Word draws borders so).

Merged cells: pdfplumber reports a spanning cell once (and ``None`` in the slots it
covers); its row and column spans are worked out from the grid of cell edges.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from wres.extractors.model import Cell, Row, Table, clean_text
from wres.extractors.pdf_layout import (
    Fill,
    PageTable,
    Word,
    cell_fill,
    cluster_values,
    count_between,
    is_box_curve,
    nearest_index,
)
from wres.extractors.pdf_line_text import line_text
from wres.extractors.pdf_words import TextLine, join_lines

RULE_THICKNESS = 2.0  # a filled rectangle at most this thin in one direction is a rule
GRID_TOLERANCE = 2.0  # cell edges closer than this are the same grid line
LINE_TOLERANCE = 3.0  # characters whose tops differ less than this share a line
ENGINE = "pdfplumber-lines"


def ruling_objects(page) -> list[dict]:
    """Lines and rectangles that draw rules, not shading. Rectangles drawn under a
    transformation come out of pdfminer as four-point curves and count as rectangles."""
    rulings = [_straightened(line) for line in page.lines if line.get("stroke", True)]
    for rect in [*page.rects, *(c for c in page.curves if is_box_curve(c))]:
        thin = min(rect["width"], rect["height"]) <= RULE_THICKNESS
        if rect.get("stroke") or (thin and rect.get("fill")):
            rulings.append(rect)
    return rulings


def _straightened(line: dict) -> dict:
    """pdfplumber calls a line horizontal only when its top equals its bottom exactly;
    rounding in a transformed page leaves them a hair apart."""
    if abs(line["top"] - line["bottom"]) < 0.5 and line["top"] != line["bottom"]:
        middle = (line["top"] + line["bottom"]) / 2
        return {**line, "top": middle, "bottom": middle, "height": 0.0}
    if abs(line["x0"] - line["x1"]) < 0.5 and line["x0"] != line["x1"]:
        middle = (line["x0"] + line["x1"]) / 2
        return {**line, "x0": middle, "x1": middle, "width": 0.0}
    return line


def _has_two_directions(rulings: Sequence[dict]) -> bool:
    horizontal = sum(1 for r in rulings if r["width"] >= r["height"])
    return horizontal >= 2 and len(rulings) - horizontal >= 2


def find_pdfplumber_tables(page) -> list:
    """pdfplumber Table objects built only from rulings; empty when there are none."""
    rulings = ruling_objects(page)
    if not _has_two_directions(rulings):
        return []
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": rulings,
        "explicit_horizontal_lines": rulings,
        "snap_tolerance": 3,
        "join_tolerance": 3,
        "intersection_tolerance": 3,
    }
    return page.find_tables(table_settings=settings)


def read_ruled_tables(page, chars: list[dict], fills: Sequence[Fill],
                      page_number: int) -> list[PageTable]:
    """Every ruled table on the page with at least two columns and some text."""
    found = []
    for plumber_table in find_pdfplumber_tables(page):
        page_table = build_table(plumber_table.cells, plumber_table.bbox, chars, fills,
                                 page_number)
        if page_table is not None:
            found.append(page_table)
    return found


class Grid:
    """Row and column lines of a table worked out from its cell boxes."""

    def __init__(self, cell_boxes: Sequence[tuple], bbox: tuple) -> None:
        self.xs = cluster_values((c[0] for c in cell_boxes), GRID_TOLERANCE)
        self.ys = cluster_values((c[1] for c in cell_boxes), GRID_TOLERANCE)
        self.x_end = float(bbox[2])
        self.y_end = float(bbox[3])

    def position(self, box: tuple) -> tuple[int, int, int, int]:
        """(row, col, row_span, col_span) of a cell box."""
        col = nearest_index(self.xs, box[0])
        row = nearest_index(self.ys, box[1])
        col_span = max(1, count_between(self.xs, self.xs[col], box[2] - GRID_TOLERANCE))
        row_span = max(1, count_between(self.ys, self.ys[row], box[3] - GRID_TOLERANCE))
        return row, col, row_span, col_span

    def slot_of(self, x: float, y: float) -> tuple[int, int]:
        """The grid slot a point falls in (-1 when left of or above the grid)."""
        return bisect.bisect_right(self.ys, y) - 1, bisect.bisect_right(self.xs, x) - 1


def _chars_by_slot(chars: list[dict], grid: Grid, bbox: tuple) -> dict[tuple[int, int], list]:
    slots: dict[tuple[int, int], list] = {}
    for char in chars:
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        if not (bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]):
            continue
        slots.setdefault(grid.slot_of(x, y), []).append(char)
    return slots


def _visual_lines(chars: list[dict]) -> list[list[dict]]:
    """A cell's characters grouped into the lines they are printed on, top to bottom."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda ch: (ch["top"], ch["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= LINE_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [line for line in lines if any(ch["text"].strip() for ch in line)]


def cell_text(lines: list[list[dict]], cell_box: tuple) -> str:
    """Text of a cell from its characters' visual lines (``_visual_lines``): one line per
    visual line, words broken at the cell's edge put back together, white space folded."""
    if not lines:
        return ""
    padding = min(ch["x0"] for line in lines for ch in line if ch["text"].strip()) - cell_box[0]
    text_lines = []
    for line in lines:
        line.sort(key=lambda ch: ch["x0"])
        shown = [ch for ch in line if ch["text"].strip()]
        text_lines.append(TextLine(line_text(line), shown[-1]["x1"],
                                   shown[0]["x1"] - shown[0]["x0"], _first_word_width(line)))
    return clean_text(join_lines(text_lines, cell_box[2] - max(0.0, padding)))


def _first_word_width(line: list[dict]) -> float:
    """Width of a line's first word (its characters up to the first space)."""
    shown = [ch for ch in line if ch["text"].strip()]
    end = shown[0]["x1"]
    for char in line:
        if char["x0"] < shown[0]["x0"]:
            continue
        if not char["text"].strip():
            break
        end = char["x1"]
    return end - shown[0]["x0"]


def _text_bbox(chars: list[dict]) -> tuple | None:
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return None
    return (min(c["x0"] for c in visible), min(c["top"] for c in visible),
            max(c["x1"] for c in visible), max(c["bottom"] for c in visible))


def build_table(cell_boxes: Sequence[tuple], bbox: tuple, chars: list[dict],
                fills: Sequence[Fill], page_number: int) -> PageTable | None:
    """Neutral ``Table`` from pdfplumber cell boxes: spans from the grid, text from the
    characters whose centre lies in the cell, fill from the shading under its centre."""
    if not cell_boxes:
        return None
    grid = Grid(cell_boxes, bbox)
    if len(grid.xs) < 2:
        return None
    slots = _chars_by_slot(chars, grid, bbox)
    rows: list[Row] = [Row(cells=[], page=page_number, source_row=i)
                       for i in range(len(grid.ys))]
    for box in sorted(cell_boxes, key=lambda b: (b[1], b[0])):
        row, col, row_span, col_span = grid.position(box)
        cell_chars = [ch for r in range(row, row + row_span) for c in range(col, col + col_span)
                      for ch in slots.get((r, c), [])]
        cell_box = tuple(float(v) for v in box)
        lines = _visual_lines(cell_chars)
        rows[row].cells.append(Cell(
            text=cell_text(lines, cell_box),
            row=row, col=col, row_span=row_span, col_span=col_span,
            fill=cell_fill(fills, cell_box), page=page_number, bbox=cell_box,
            text_bbox=_text_bbox(cell_chars), lines=len(lines)))
    for row in rows:
        row.cells.sort(key=lambda cell: cell.col)
    table = Table(rows=rows, n_cols=len(grid.xs), engine=ENGINE, pages=[page_number])
    if not any(cell.text for row in rows for cell in row.cells):
        return None
    return PageTable(table=table, bbox=tuple(float(v) for v in bbox))


def words_cut_by_columns(words: Sequence[Word], table: PageTable) -> float:
    """Share of words inside the table whose left and right ends fall in different cells."""
    inside = [w for w in words if _word_in(w, table.bbox)]
    if not inside:
        return 0.0
    grid = table.table.grid()
    xs = _starts(table.table, across=True)
    ys = _starts(table.table, across=False)
    if not xs or not ys:
        return 0.0
    cut = 0
    for word in inside:
        r = max(0, bisect.bisect_right(ys, (word.top + word.bottom) / 2) - 1)
        left = max(0, bisect.bisect_right(xs, word.x0 + 1) - 1)
        right = max(0, bisect.bisect_right(xs, word.x1 - 1) - 1)
        if (r < len(grid) and left != right and right < len(grid[r])
                and grid[r][left] is not grid[r][right]):
            cut += 1
    return cut / len(inside)


def _word_in(word: Word, bbox: tuple) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _starts(table: Table, *, across: bool) -> list[float]:
    """Left edge of each column (``across``) or top edge of each row, from the cell boxes."""
    size = table.n_cols if across else len(table.rows)
    starts = [float("inf")] * size
    for row in table.rows:
        for cell in row.cells:
            index = cell.col if across else cell.row
            if cell.bbox and index < size:
                starts[index] = min(starts[index], cell.bbox[0] if across else cell.bbox[1])
    return starts if all(s != float("inf") for s in starts) else []
