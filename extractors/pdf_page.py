"""Read one PDF page: its tables (ruled, borderless, or camelot's) and its text blocks.

Why per page: a plan can have thousands of pages; each page is parsed once, turned into
small model objects, and released before the next one is opened. The choice between
pdfplumber and camelot is made here, page by page, by a quality check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wres.extractors.model import Table
from wres.extractors.pdf_borderless import find_borderless_tables
from wres.extractors.pdf_camelot import STREAM_MIN_COVERAGE, camelot_quality, camelot_tables
from wres.extractors.pdf_camelot import word_coverage as table_word_coverage
from wres.extractors.pdf_layout import (
    Fill,
    Line,
    PageTable,
    Word,
    centre_inside,
    group_lines,
    page_fills,
    split_phrases,
    words_from_page,
)
from wres.extractors.pdf_marks import mark_cells
from wres.extractors.pdf_ruled import read_ruled_tables, ruling_objects, words_cut_by_columns
from wres.extractors.pdf_text import PlacedBlock, body_font_size, text_blocks

QUALITY_FLOOR = 0.6  # below this a pdfplumber table is worth a second opinion
CAMELOT_MARGIN = 0.1  # camelot must beat pdfplumber by this much to be chosen
MIN_COLUMNAR_LINES = 3


@dataclass
class PageResult:
    """What one page gave: tables and text blocks in reading order."""

    number: int
    items: list[PlacedBlock | PageTable] = field(default_factory=list)
    has_text: bool = False
    has_images: bool = False
    warnings: list[str] = field(default_factory=list)


def read_page(page, number: int, path: Path, *, use_camelot: bool = True) -> PageResult:
    """Tables and text of a pdfplumber page (the caller closes the page)."""
    result = PageResult(number=number, has_images=bool(page.images))
    words = words_from_page(page)
    result.has_text = bool(words)
    if not words:
        if any(char["text"].strip() for char in page.chars):
            result.has_text = True
            result.warnings.append(f"page {number}: only sideways text, which was not read")
        return result
    fills = page_fills(page)
    tables = read_ruled_tables(page, page.chars, fills, number)
    for table in tables:
        table.quality = 1.0 - words_cut_by_columns(words, table)
    free = [w for w in words if not _in_any(w, tables)]
    tables += find_borderless_tables(group_lines(free), fills, number)
    if use_camelot and _needs_second_engine(tables, words):
        tables = _second_opinion(tables, words, path, number, float(page.height), fills,
                                 bool(ruling_objects(page)), result.warnings)
    mark_cells(tables, page)
    result.items = arrange(words, tables, number, float(page.height))
    return result


def layout_words(words: Sequence[Word], number: int, page_height: float,
                 fills: Sequence[Fill] = ()) -> list[PlacedBlock | PageTable]:
    """Tables and text blocks from bare words (the OCR path: no rulings, no chars)."""
    tables = find_borderless_tables(group_lines(words), fills, number)
    return arrange(words, tables, number, page_height)


def arrange(words: Sequence[Word], tables: Sequence[PageTable], number: int,
            page_height: float) -> list[PlacedBlock | PageTable]:
    """Text blocks from the words outside tables, interleaved with the tables by their
    vertical position on the page."""
    free_lines = group_lines(w for w in words if not _in_any(w, tables))
    body = body_font_size(group_lines(words))
    blocks = text_blocks(free_lines, number, page_height, body)
    items: list[PlacedBlock | PageTable] = [*blocks, *tables]
    items.sort(key=lambda item: item.top if isinstance(item, PlacedBlock) else item.bbox[1])
    return items


def _in_any(word: Word, tables: Sequence[PageTable]) -> bool:
    return any(centre_inside(word, t.bbox, margin=1.0) for t in tables)


def columnar_lines(words: Sequence[Word]) -> list[Line]:
    """Lines whose words fall into three or more separate runs (text laid out in columns)."""
    return [line for line in group_lines(words) if len(split_phrases(line)) >= 3]


def _needs_second_engine(tables: Sequence[PageTable], words: Sequence[Word]) -> bool:
    if any(t.quality < QUALITY_FLOOR for t in tables):
        return True
    if tables:
        return False
    return len(columnar_lines(words)) >= MIN_COLUMNAR_LINES


def _second_opinion(tables: list[PageTable], words: Sequence[Word], path: Path, number: int,
                    height: float, fills: Sequence[Fill], ruled: bool,
                    warnings: list[str]) -> list[PageTable]:
    """Try camelot (lattice where the page has rulings, else stream) and keep whichever
    reading of the page scores better."""
    flavor = "lattice" if ruled else "stream"
    try:
        candidates = camelot_tables(path, number, height, fills, flavor)
    except Exception as exc:  # camelot is optional help: its failure is never fatal
        warnings.append(f"page {number}: camelot {flavor} failed ({type(exc).__name__})")
        return tables
    if not candidates:
        return tables
    if flavor == "stream":
        columnar = [w for line in columnar_lines(words) for w in line.words]
        combined = _combined(candidates)
        coverage = table_word_coverage(combined, columnar)
        if coverage < STREAM_MIN_COVERAGE:
            warnings.append(f"page {number}: camelot stream result rejected: it holds only "
                            f"{coverage:.0%} of the words laid out in columns")
            return tables
    for candidate in candidates:
        inside = [w for w in words if centre_inside(w, candidate.bbox, margin=2.0)]
        candidate.quality = camelot_quality(candidate, inside)
    ours = min((t.quality for t in tables), default=0.0)
    theirs = min(t.quality for t in candidates)
    if theirs >= ours + CAMELOT_MARGIN and theirs >= QUALITY_FLOOR:
        return candidates
    return tables


def _combined(page_tables: Sequence[PageTable]) -> Table:
    """All candidate tables' rows as one table, to count the words they hold together."""
    rows = [row for t in page_tables for row in t.table.rows]
    return Table(rows=rows, n_cols=max(t.table.n_cols for t in page_tables), engine="")
