"""The cell grid of a ruled table in a page picture, from its ruling masks.

Why this way: a ruled table is its lines. Every horizontal ruling gives a row edge and
every vertical one a column edge (positions clustered, since a scan never draws one line at
exactly one pixel row); between two neighbouring grid slots the separator is either drawn
or not, and a separator that is not drawn means the two slots are one merged cell. A
candidate line that separates nothing (an underline, a stray stroke) is dropped. Tables
are told apart as the connected pieces of the ruling masks: a title's rule or a letter's
long stem touches no grid and is not a table.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

LINE_TOLERANCE_IN = 0.025  # ruling pieces this close across their length are one line
# a separator is drawn when its ink covers this share of the edge, end to end: a letter's
# stem standing where a merged cell has no separator stops short of the rulings above and
# below (the cell's padding), a drawn one runs into them
SEPARATOR_COVERAGE = 0.8
MIN_TABLE_IN = 0.5  # a table is at least this wide and this tall
WHITE_LEVEL = 235  # a cell whose background is lighter than this in every channel is unshaded
FILL_MARGIN_IN = 0.04  # keep clear of the rulings when sampling a cell's shading


@dataclass
class GridCell:
    """One cell of a grid: its slot span and its box in picture pixels."""

    row: int
    col: int
    row_span: int
    col_span: int
    box: tuple[int, int, int, int]  # x0, top, x1, bottom


@dataclass
class Grid:
    """A ruled table: the row and column edges (pixels) and its cells, merged ones once."""

    xs: list[int]
    ys: list[int]
    cells: list[GridCell]

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


def find_grids(horizontal: np.ndarray, vertical: np.ndarray, dpi: float) -> list[Grid]:
    """Every ruled table in the picture with at least one row and two columns, top first."""
    rules = cv2.bitwise_or(horizontal, vertical)
    count, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    least = max(10, round(MIN_TABLE_IN * dpi))
    grids = []
    for index in range(1, count):
        x, y, width, height = (int(v) for v in stats[index, :4])
        if width < least or height < least:
            continue
        region = (slice(y, y + height), slice(x, x + width))
        grid = grid_in(horizontal[region], vertical[region], dpi)
        if grid is not None:
            grids.append(_shifted(grid, x, y))
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _shifted(grid: Grid, dx: int, dy: int) -> Grid:
    cells = [GridCell(c.row, c.col, c.row_span, c.col_span,
                      (c.box[0] + dx, c.box[1] + dy, c.box[2] + dx, c.box[3] + dy))
             for c in grid.cells]
    return Grid([x + dx for x in grid.xs], [y + dy for y in grid.ys], cells)


def grid_in(horizontal: np.ndarray, vertical: np.ndarray, dpi: float) -> Grid | None:
    """The grid of one table region (masks cropped to it); None when it is no grid."""
    tolerance = max(2, round(LINE_TOLERANCE_IN * dpi))
    ys = _line_positions(horizontal, tolerance, across=False)
    xs = _line_positions(vertical, tolerance, across=True)
    if len(ys) < 2 or len(xs) < 3:
        return None
    edges = _Edges(horizontal, vertical, tolerance)
    ys = [ys[0], *[y for y in ys[1:-1] if edges.row_line_used(y, xs)], ys[-1]]
    xs = [xs[0], *[x for x in xs[1:-1] if edges.column_line_used(x, ys)], xs[-1]]
    if len(xs) < 3:
        return None
    return Grid(xs, ys, _merged_cells(xs, ys, edges))


def _line_positions(mask: np.ndarray, tolerance: int, *, across: bool) -> list[int]:
    """Positions of the ruling lines in a mask: vertical lines' x when ``across``, else
    horizontal lines' y; pieces within ``tolerance`` are one line."""
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    pieces = []
    for index in range(1, count):
        length = stats[index, cv2.CC_STAT_HEIGHT if across else cv2.CC_STAT_WIDTH]
        pieces.append((float(centroids[index][0 if across else 1]), float(length)))
    pieces.sort()
    lines: list[list[tuple[float, float]]] = []
    for position, length in pieces:
        if lines and position - lines[-1][-1][0] <= tolerance:
            lines[-1].append((position, length))
        else:
            lines.append([(position, length)])
    return [round(sum(p * w for p, w in line) / sum(w for _, w in line)) for line in lines]


class _Edges:
    """Is a separator drawn along one slot's edge? Reads the masks in a band around it."""

    def __init__(self, horizontal: np.ndarray, vertical: np.ndarray, tolerance: int) -> None:
        self.horizontal, self.vertical = horizontal, vertical
        self.tolerance = tolerance

    def horizontal_drawn(self, y: int, x0: int, x1: int) -> bool:
        band = self.horizontal[max(0, y - self.tolerance):y + self.tolerance + 1, x0:x1 + 1]
        return bool(band.size) and float(band.any(axis=0).mean()) >= SEPARATOR_COVERAGE

    def vertical_drawn(self, x: int, y0: int, y1: int) -> bool:
        band = self.vertical[y0:y1 + 1, max(0, x - self.tolerance):x + self.tolerance + 1]
        return bool(band.size) and float(band.any(axis=1).mean()) >= SEPARATOR_COVERAGE

    def row_line_used(self, y: int, xs: list[int]) -> bool:
        return any(self.horizontal_drawn(y, a, b) for a, b in zip(xs, xs[1:], strict=False))

    def column_line_used(self, x: int, ys: list[int]) -> bool:
        return any(self.vertical_drawn(x, a, b) for a, b in zip(ys, ys[1:], strict=False))


def _merged_cells(xs: list[int], ys: list[int], edges: _Edges) -> list[GridCell]:
    """Join neighbouring slots where no separator is drawn between them; each group of
    slots is one cell spanning its bounding rows and columns."""
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def root(slot: int) -> int:
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]
            slot = parent[slot]
        return slot

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not edges.vertical_drawn(xs[c + 1], ys[r], ys[r + 1]):
                parent[root(r * cols + c + 1)] = root(r * cols + c)
            if r + 1 < rows and not edges.horizontal_drawn(ys[r + 1], xs[c], xs[c + 1]):
                parent[root((r + 1) * cols + c)] = root(r * cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for slot in range(rows * cols):
        groups.setdefault(root(slot), []).append(divmod(slot, cols))
    cells = []
    for slots in groups.values():
        r0, r1 = min(s[0] for s in slots), max(s[0] for s in slots)
        c0, c1 = min(s[1] for s in slots), max(s[1] for s in slots)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                              (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    cells.sort(key=lambda cell: (cell.row, cell.col))
    return cells


def cell_fill(colour: np.ndarray, ink: np.ndarray, box: tuple[int, int, int, int],
              dpi: float) -> str | None:
    """The shading of a cell as "RRGGBB" (the median colour of its paper, not its ink),
    or None when the paper is white."""
    margin = max(1, round(FILL_MARGIN_IN * dpi))
    x0, top, x1, bottom = box
    region = (slice(top + margin, bottom - margin), slice(x0 + margin, x1 - margin))
    paper = ink[region] == 0
    if paper.sum() < 16:
        return None
    median = np.median(colour[region][paper], axis=0)
    if all(value >= WHITE_LEVEL for value in median):
        return None
    return "".join(f"{int(round(value)):02X}" for value in median)
