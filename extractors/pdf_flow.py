"""Rows and cells of a borderless table, read column by column.

Why per column: in a table without rulings the only sign of a new cell is white space, and
rows do not line up line by line. A cell merged down over several rows (an indicator beside
its actions) keeps flowing in its own column while the rows beside it start and end, so
its lines sit between theirs. Reading each column on its own, a line belongs to the cell
above it when it follows at the usual line spacing, and starts a new cell after a taller
step (cell padding). Rows are then the places where cells start; a cell whose text runs on
past the start of later rows is merged down over them.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from wres.extractors.model import Cell, Row, clean_text
from wres.extractors.pdf_layout import Fill, Line, Word, fill_at, words_bbox
from wres.extractors.pdf_words import TextLine, join_lines


@dataclass
class Piece:
    """The words of one line that belong to one cell."""

    words: list[Word]
    col: int
    reach: int  # last column the text runs into
    line: int  # index of its line in the table region

    @property
    def baseline(self) -> float:
        return statistics.median(w.bottom for w in self.words)


@dataclass
class FlowCell:
    """A cell being assembled from pieces in one column."""

    col: int
    reach: int
    pieces: list[Piece] = field(default_factory=list)
    row: int = 0
    row_span: int = 1
    col_span: int = 1

    @property
    def words(self) -> list[Word]:
        return [w for piece in self.pieces for w in piece.words]

    @property
    def top(self) -> float:
        return min(w.top for w in self.pieces[0].words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def first_baseline(self) -> float:
        return self.pieces[0].baseline

    @property
    def last_baseline(self) -> float:
        return self.pieces[-1].baseline

    @property
    def text(self) -> str:
        return clean_text("\n".join(" ".join(w.text for w in p.words) for p in self.pieces))

    def text_within(self, right_limit: float) -> str:
        """The text with soft wraps joined by a space and paragraph breaks kept, judged
        against the column's right edge (no ruling line shows it: the widest line does)."""
        lines = [TextLine(" ".join(w.text for w in p.words), p.words[-1].x1,
                          _edge_slack(p.words[0]), p.words[0].x1 - p.words[0].x0)
                 for p in self.pieces]
        return clean_text(join_lines(lines, right_limit))


EDGE_SLACK = 1.5  # in characters of the next line's first word


def _edge_slack(word: Word) -> float:
    """How close to the column's edge a line must end for a break after it to be a word
    broken at the edge. Without a ruling line the edge is only the widest line's end, so
    the room is judged in the next line's own characters, with half a character to spare
    ("Recruit" / "ment" ended 9 pt short of the widest line of its column)."""
    return EDGE_SLACK * (word.x1 - word.x0) / max(1, len(word.text))


def column_right_edges(cells: Sequence[FlowCell]) -> dict[int, float]:
    """Per column, the right end of its widest line among cells that span one column."""
    edges: dict[int, float] = {}
    for cell in cells:
        if cell.col_span == 1 and cell.words:
            edges[cell.col] = max(edges.get(cell.col, 0.0), max(w.x1 for w in cell.words))
    return edges


LINE_PITCH_MAX = 1.4  # a step between lines of one paragraph is at most this x the size


def usual_pitch(pieces: Sequence[Piece], size: float) -> float:
    """The distance between baselines of successive lines of one cell.

    The most common step between lines in one column, preferring steps no taller than
    ordinary line spacing: where most cells hold two lines, the step between rows (line
    spacing plus padding) is as common as the one inside a cell, and taking it for the
    pitch would run every row of a column into one cell."""
    steps: Counter = Counter()
    last: dict[int, float] = {}
    for piece in pieces:
        if piece.col in last:
            step = piece.baseline - last[piece.col]
            if 0.5 * size < step < 3 * size:
                steps[round(step * 4) / 4] += 1
        last[piece.col] = piece.baseline
    line_steps = Counter({s: n for s, n in steps.items() if s <= LINE_PITCH_MAX * size})
    if sum(line_steps.values()) >= 2:
        return line_steps.most_common(1)[0][0]
    return steps.most_common(1)[0][0] if steps else 1.2 * size


def flow_cells(pieces: Sequence[Piece], pitch: float, tolerance: float,
               forced_breaks: frozenset[int] = frozenset()) -> list[FlowCell]:
    """Join each piece to the cell above it in its column when it follows at the usual
    pitch and nothing else has started in those columns since."""
    cells: list[FlowCell] = []
    latest: dict[int, FlowCell] = {}  # column -> cell most recently placed over it
    for piece in pieces:
        above = latest.get(piece.col)
        step = piece.baseline - above.last_baseline if above else None
        if (above is not None and above.col == piece.col and step is not None
                and -tolerance <= step <= pitch + tolerance
                and piece.line not in forced_breaks):
            above.pieces.append(piece)
            above.reach = max(above.reach, piece.reach)
            cell = above
        else:
            cell = FlowCell(col=piece.col, reach=piece.reach, pieces=[piece])
            cells.append(cell)
        for col in range(piece.col, cell.reach + 1):
            latest[col] = cell
    return cells


def row_starts(cells: Sequence[FlowCell], tolerance: float) -> list[float]:
    """Baselines where rows start: the first lines of cells, clustered."""
    starts: list[float] = []
    for baseline in sorted(c.first_baseline for c in cells):
        if not starts or baseline - starts[-1] > tolerance:
            starts.append(baseline)
    return starts


def settle_rows(cells: Sequence[FlowCell], tolerance: float) -> int:
    """Place every cell in its row and return the number of rows.

    A row start is dropped when its cells only fill columns the row above left empty while
    a cell of the row above is still flowing: that is one row whose cells begin at
    slightly different heights (a page-cut row's pieces often do), not a new row."""
    starts = row_starts(cells, tolerance)
    place_rows(cells, starts, tolerance)
    index = 1
    while index < len(starts):
        mine = [c for c in cells if c.row == index]
        above = [c for c in cells if c.row < index < c.row + c.row_span or c.row == index - 1]
        used = {col for c in above for col in range(c.col, c.reach + 1)}
        flowing = any(c.last_baseline >= starts[index] - tolerance
                      for c in cells if c.row == index - 1)
        if flowing and all(c.col not in used for c in mine):
            starts.pop(index)
            place_rows(cells, starts, tolerance)
        else:
            index += 1
    return len(starts)


def place_rows(cells: Sequence[FlowCell], starts: Sequence[float], tolerance: float) -> None:
    """Row of each cell, and how many row starts its text runs past (its merge down)."""
    for cell in cells:
        cell.row = max(i for i, s in enumerate(starts) if s <= cell.first_baseline + tolerance)
        later = [s for s in starts[cell.row + 1:] if s <= cell.last_baseline + tolerance]
        cell.row_span = 1 + len(later)


def place_spans(cells: Sequence[FlowCell], n_rows: int, n_cols: int,
                fills: Sequence[Fill], column_of) -> None:
    """Column span of each cell: as far as its text or the shading under it (no taller
    than the cell) runs, never into a slot another cell holds."""
    taken = [[False] * n_cols for _ in range(n_rows)]
    for cell in cells:
        for r in range(cell.row, min(n_rows, cell.row + cell.row_span)):
            taken[r][cell.col] = True
    for cell in sorted(cells, key=lambda c: (c.row, c.col)):
        target = cell.reach
        first = cell.words[0]
        fill = fill_at(fills, (first.x0 + first.x1) / 2, (first.top + first.bottom) / 2)
        if fill is not None and fill.bbox[3] - fill.bbox[1] <= cell.bottom - cell.top + 12:
            target = max(target, column_of(fill.bbox[2] - 6.0))
        rows = range(cell.row, min(n_rows, cell.row + cell.row_span))
        col = cell.col + 1
        while col <= min(target, n_cols - 1) and not any(taken[r][col] for r in rows):
            for r in rows:
                taken[r][col] = True
            col += 1
        cell.col_span = col - cell.col


def build_rows(cells: Sequence[FlowCell], n_rows: int, bounds: Sequence[float],
               fills: Sequence[Fill], page_number: int) -> list[Row]:
    """Model rows: every real cell plus an empty cell in each slot nothing covers."""
    tops = [min((c.top for c in cells if c.row == r), default=0.0) - 1 for r in range(n_rows)]
    last_bottom = max(c.bottom for c in cells) + 2
    bottoms = [*tops[1:], last_bottom]
    covered = [[False] * (len(bounds) - 1) for _ in range(n_rows)]
    placed: list[list[Cell]] = [[] for _ in range(n_rows)]
    edges = column_right_edges(cells)
    for cell in cells:
        last_row = min(n_rows, cell.row + cell.row_span) - 1
        bbox = (bounds[cell.col], tops[cell.row], bounds[cell.col + cell.col_span],
                bottoms[last_row])
        text = cell.text_within(edges[cell.col]) if cell.col in edges and \
            cell.col_span == 1 else cell.text
        placed[cell.row].append(Cell(
            text=text, row=cell.row, col=cell.col, row_span=last_row - cell.row + 1,
            col_span=cell.col_span, fill=_fill(fills, bbox, cell.words), page=page_number,
            bbox=bbox, text_bbox=words_bbox(cell.words), lines=len(cell.pieces)))
        for r in range(cell.row, last_row + 1):
            for c in range(cell.col, cell.col + cell.col_span):
                covered[r][c] = True
    for r in range(n_rows):
        for c in range(len(bounds) - 1):
            if not covered[r][c]:
                bbox = (bounds[c], tops[r], bounds[c + 1], bottoms[r])
                placed[r].append(Cell(text="", row=r, col=c, fill=_fill(fills, bbox, []),
                                      page=page_number, bbox=bbox))
    return [Row(cells=sorted(cells_, key=lambda c: c.col), page=page_number, source_row=r)
            for r, cells_ in enumerate(placed)]


def _fill(fills: Sequence[Fill], bbox: tuple, words: Sequence[Word]) -> str | None:
    fill = fill_at(fills, (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
    if fill is None and words:
        first = words[0]
        fill = fill_at(fills, (first.x0 + first.x1) / 2, (first.top + first.bottom) / 2)
    return fill.colour if fill else None


def trailing_paragraph(cells: Sequence[FlowCell], n_rows: int, fills: Sequence[Fill]) -> bool:
    """Is the last row plain text in the first column only: the paragraph after the table
    (a banner row inside a table is shaded or bold, and is not last)?"""
    last = [c for c in cells if c.row == n_rows - 1]
    merged_over = any(c.row < n_rows - 1 < c.row + c.row_span for c in cells)
    if len(last) != 1 or last[0].col != 0 or merged_over:
        return False
    words = last[0].words
    first = words[0]
    shaded = fill_at(fills, (first.x0 + first.x1) / 2, (first.top + first.bottom) / 2)
    return not shaded and not all(w.bold for w in words)


def restart_lines(lines: Sequence[Line], pieces: Sequence[Piece]) -> frozenset[int]:
    """For tables with no taller steps between rows: the lines where a column that had
    finished starts again begin a new row."""
    columns_by_line: dict[int, set[int]] = {}
    for piece in pieces:
        columns_by_line.setdefault(piece.line, set()).add(piece.col)
    breaks = set()
    for index in range(1, len(lines)):
        if not columns_by_line.get(index, set()) <= columns_by_line.get(index - 1, set()):
            breaks.add(index)
    return frozenset(breaks)
