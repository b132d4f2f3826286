"""Borderless tables: columns from the header row's word positions, rows from text lines.

Why not pdfplumber's own "text" strategy: it infers column edges from every word on the
page, cuts words in two and finds a dozen columns in a five-column plan. Plans put a header
row on top of each table, and every body cell is left-aligned under its header, so the
header's phrases (runs of words separated by more than a space) say how many columns there
are, and the body's left-aligned text says exactly where they start (headers are often
centred). Cells and rows are then read column by column (``pdf_flow``).

Everything here works on ``Word``/``Line`` objects, so the OCR path reuses it unchanged.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from wres.extractors.model import Table
from wres.extractors.pdf_flow import (
    Piece,
    build_rows,
    flow_cells,
    place_spans,
    restart_lines,
    settle_rows,
    trailing_paragraph,
    usual_pitch,
)
from wres.extractors.pdf_layout import (
    Fill,
    Line,
    PageTable,
    Word,
    cluster_values,
    phrase_gap,
    split_phrases,
)

ENGINE = "pdfplumber-text"
MIN_COLUMNS = 3
ALIGN_TOLERANCE = 3.0  # points a left-aligned cell may sit off its column start


def find_borderless_tables(lines: Sequence[Line], fills: Sequence[Fill], page_number: int,
                           engine: str = ENGINE) -> list[PageTable]:
    """Tables made of aligned text; ``lines`` are the page's lines outside ruled tables."""
    found: list[PageTable] = []
    index = 0
    while index < len(lines):
        header = split_phrases(lines[index])
        if len(header) >= MIN_COLUMNS:
            end = _region_end(lines, index, _left_limit(header))
            starts = column_starts(header, lines[index + 1:end])
            table = _build(lines[index:end], starts, fills, page_number, engine)
            if table is not None:
                found.append(table)
                index = end
                continue
        index += 1
    return found


def _left_limit(header: Sequence[Sequence[Word]]) -> float:
    """How far left of the first header phrase the table's text may start: a centred
    header sits right of its column's left edge, by at most half the gap to the next."""
    gap = header[1][0].x0 - header[0][-1].x1
    return header[0][0].x0 - max(2 * ALIGN_TOLERANCE, min(60.0, gap / 2))


def _region_end(lines: Sequence[Line], first: int, left_limit: float) -> int:
    """Index after the last line that still belongs to the table starting at ``first``."""
    body_size = lines[first].size
    for index in range(first + 1, len(lines)):
        line, previous = lines[index], lines[index - 1]
        if line.top - previous.bottom > 2.5 * body_size:
            return index
        if line.x0 < left_limit:
            return index
        if line.size > 1.2 * body_size and len(split_phrases(line)) == 1:
            return index
    return len(lines)


def column_starts(header: Sequence[Sequence[Word]], body: Sequence[Line]) -> list[float]:
    """Left edge of each column. The header's phrases say how many columns there are and
    roughly where; the body's left-aligned text says exactly where (headers are often
    centred). Body starts the header missed (two header texts run together) are added."""
    phrase_starts = [p[0].x0 for line in body for p in split_phrases(line)]
    starts = []
    for index, phrase in enumerate(header):
        # column i starts right of header i-1 (which lies inside column i-1) and at or
        # left of its own header text
        low = header[index - 1][-1].x1 if index else float("-inf")
        high = phrase[0].x0 + ALIGN_TOLERANCE
        best = _most_used([x for x in phrase_starts if low < x <= high])
        starts.append(min(phrase[0].x0, best) if best is not None else phrase[0].x0)
    return _add_missed_starts(starts, phrase_starts, len(body))


def _most_used(xs: Sequence[float]) -> float | None:
    """The x most phrases start at (left-most of equals), if at least two do."""
    best, best_support = None, 1
    for candidate in cluster_values(xs, ALIGN_TOLERANCE):
        support = sum(1 for x in xs if abs(x - candidate) <= ALIGN_TOLERANCE)
        if support > best_support:
            members = [x for x in xs if abs(x - candidate) <= ALIGN_TOLERANCE]
            best, best_support = min(members), support
    return best


def _add_missed_starts(starts: list[float], phrase_starts: Sequence[float],
                       n_lines: int) -> list[float]:
    if len(phrase_starts) < 6:
        return starts
    extra = []
    for candidate in cluster_values(phrase_starts, ALIGN_TOLERANCE):
        support = sum(1 for x in phrase_starts if abs(x - candidate) <= ALIGN_TOLERANCE)
        near_known = any(abs(candidate - s) <= 4 * ALIGN_TOLERANCE for s in starts)
        if not near_known and candidate > starts[0] and support >= max(4, n_lines // 4):
            extra.append(candidate)
    return sorted(starts + extra)


def column_of(starts: Sequence[float], x: float) -> int:
    """Column whose start is the last one at or left of ``x`` (with tolerance)."""
    column = 0
    for index, start in enumerate(starts):
        if x >= start - ALIGN_TOLERANCE:
            column = index
    return column


def line_segments(line: Line, starts: Sequence[float]) -> list[list[Word]]:
    """Split a line into cell pieces: at wide gaps, and where a word starts exactly at a
    column start other than the current piece's column."""
    segments: list[list[Word]] = []
    for word in line.words:
        if segments:
            last = segments[-1][-1]
            gap = word.x0 - last.x1
            aligned = any(abs(word.x0 - s) <= ALIGN_TOLERANCE for s in starts)
            moved = column_of(starts, word.x0) != column_of(starts, segments[-1][0].x0)
            new_column = aligned and moved and gap > 0.4 * word.size
            if gap <= phrase_gap(word.size) and not new_column:
                segments[-1].append(word)
                continue
        segments.append([word])
    return segments


def _build(lines: Sequence[Line], starts: list[float], fills: Sequence[Fill],
           page_number: int, engine: str) -> PageTable | None:
    """The table held by ``lines`` (header first) with columns starting at ``starts``."""
    pieces = [Piece(segment, column_of(starts, segment[0].x0),
                    column_of(starts, segment[-1].x1 - ALIGN_TOLERANCE), index)
              for index, line in enumerate(lines) for segment in line_segments(line, starts)]
    size = statistics.median(w.size for p in pieces for w in p.words)
    pitch, tolerance = usual_pitch(pieces, size), max(2.0, 0.3 * size)
    cells = flow_cells(pieces, pitch, tolerance)
    if len(cells) <= len(starts) and len(lines) > 2:  # no taller steps between rows
        cells = flow_cells(pieces, pitch, tolerance, restart_lines(lines, pieces))
    n_rows = settle_rows(cells, tolerance)
    while n_rows > 2 and trailing_paragraph(cells, n_rows, fills):
        cells = [c for c in cells if c.row < n_rows - 1]
        n_rows -= 1
    if n_rows < 2:
        return None
    place_spans(cells, n_rows, len(starts), fills, lambda x: column_of(starts, x))
    bounds = [s - 2 for s in starts] + [max(w.x1 for c in cells for w in c.words) + 2]
    rows = build_rows(cells, n_rows, bounds, fills, page_number)
    if sum(1 for row in rows if sum(1 for c in row.cells if c.text) >= 2) < 2:
        return None
    table = Table(rows=rows, n_cols=len(starts), engine=engine, pages=[page_number])
    top = min(c.bbox[1] for c in rows[0].cells if c.bbox)
    bottom = max(c.bbox[3] for row in rows for c in row.cells if c.bbox)
    bbox = (bounds[0], top, bounds[-1], bottom)
    return PageTable(table=table, bbox=bbox, quality=borderless_quality(table))


def borderless_quality(table: Table) -> float:
    """1.0 for a tidy grid; lower when many slots are empty or body cells straddle columns
    (the columns do not line up with the text)."""
    slots = len(table.rows) * table.n_cols
    if not slots:
        return 0.0
    empty = sum(1 for row in table.rows for cell in row.cells if not cell.text)
    spanning_body = sum(1 for row in table.rows[1:] for cell in row.cells
                        if cell.col_span > 1 and cell.col_span < table.n_cols)
    body_cells = max(1, sum(len(row.cells) for row in table.rows[1:]))
    return max(0.0, 1.0 - 0.5 * empty / slots - spanning_body / body_cells)
