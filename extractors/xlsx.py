"""Excel (.xlsx) extraction with openpyxl: every visible sheet becomes one table.

Why openpyxl: it is the reader that keeps merges and cell styles (python-calamine is faster
but gives neither), and the table model needs both: merged banners become spans, shading
becomes ``fill`` for colour RAG. Values are rendered as the sheet displays them
(``xlsx_format``), so a "Mar-24" due date and a "1.1" ref read as printed.

What is left out, and why: hidden sheets (lookup lists behind drop-downs, scratch data) and
hidden columns (helper formulas) are not what the trust published; hidden rows are kept,
since a filter that hides completed actions does not take them out of the plan. Rows and
columns with nothing in them are dropped, and single-cell rows above the first row of
several cells (the sheet's title lines) become text blocks, as a Word title would be.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from wres.errors import DamagedDocumentError, EmptyDocumentError
from wres.extractors.docx_guard import check_ooxml
from wres.extractors.marks import is_mark_text
from wres.extractors.model import Cell, ExtractedDocument, Row, Table, TextBlock, clean_text
from wres.extractors.xlsx_colour import font_colour, solid_fill, theme_palette
from wres.extractors.xlsx_format import display_value

ENGINE = "openpyxl"
MAX_ROWS = 5000  # no action plan is longer; a sheet of data is cut here with a warning
MAX_COLS = 64


@dataclass
class _Slot:
    """One source cell before empty rows and columns are dropped."""

    text: str
    fill: str | None
    mark: str | None
    row_span: int = 1  # in source rows / columns
    col_span: int = 1


def extract_xlsx(path: Path) -> ExtractedDocument:
    """Read every visible sheet of a workbook into the format-neutral model."""
    import openpyxl  # imported here: only workbooks pay for it

    check_ooxml(path, ("[Content_Types].xml", "xl/workbook.xml"), "Excel workbook")
    try:
        book = openpyxl.load_workbook(str(path), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError,
            etree.XMLSyntaxError) as exc:
        raise DamagedDocumentError(f"not a readable Excel workbook ({exc})") from exc
    result = ExtractedDocument(path=str(path), format="xlsx", engines=[ENGINE])
    palette = theme_palette(getattr(book, "loaded_theme", None))
    for sheet_index, sheet in enumerate(book.worksheets):
        if sheet.sheet_state != "visible":
            result.warnings.append(f"sheet {sheet.title!r} is hidden: not read")
            continue
        _read_sheet(sheet, sheet_index, palette, path.name, result)
    if not result.tables and not result.text_blocks:
        raise EmptyDocumentError("the workbook has no text in any visible sheet")
    return result


def _read_sheet(sheet, sheet_index: int, palette: list[str], file_name: str,
                result: ExtractedDocument) -> None:
    slots, covered = _slots(sheet, palette, result.warnings)
    rows = sorted({r for (r, _), slot in slots.items() if slot.text} | _spanned_rows(slots))
    cols = sorted({c for (_, c), slot in slots.items() if slot.text or slot.fill or slot.mark})
    if not rows:
        return
    titles, rows = _title_rows(slots, rows)
    context = [clean_text(sheet.title)] + titles
    result.blocks.extend(TextBlock(text=t, style="Title" if i == 0 else None)
                         for i, t in enumerate(titles))
    if not rows:
        return
    table = _table(slots, covered, rows, cols, file_name)
    table.index, table.source_table = len(result.tables), sheet_index
    table.context, table.sheet = context, sheet.title
    result.blocks.append(table)


def _slots(sheet, palette: list[str], warnings: list[str]) -> tuple[dict, set]:
    """Source cells with text, fill or a merge, keyed (row, col); and the merged-over keys."""
    hidden_cols = _hidden_columns(sheet)
    last_row, last_col = _used_extent(sheet)
    if last_row > MAX_ROWS or last_col > MAX_COLS:
        warnings.append(f"sheet {sheet.title!r} is {last_row} x {last_col} cells: read only "
                        f"the first {MAX_ROWS} rows and {MAX_COLS} columns")
    last_row, last_col = min(last_row, MAX_ROWS), min(last_col, MAX_COLS)
    slots: dict[tuple[int, int], _Slot] = {}
    for (r, c), cell in list(sheet._cells.items()):
        if r > last_row or c > last_col or c in hidden_cols:
            continue
        text = clean_text(display_value(cell.value, cell.number_format))
        mark = font_colour(cell, palette) if text and is_mark_text(text) else None
        slots[(r, c)] = _Slot(text=text, fill=solid_fill(cell, palette), mark=mark)
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        top, left = merged.min_row, merged.min_col
        if top > last_row or left > last_col or left in hidden_cols:
            continue
        anchor = slots.setdefault((top, left), _Slot(text="", fill=None, mark=None))
        anchor.row_span = min(merged.max_row, last_row) - top + 1
        anchor.col_span = min(merged.max_col, last_col) - left + 1
        covered.update((r, c) for r in range(top, top + anchor.row_span)
                       for c in range(left, left + anchor.col_span) if (r, c) != (top, left))
    for key in covered:
        slots.pop(key, None)
    return slots, covered


def _hidden_columns(sheet) -> set[int]:
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.max:
            hidden.update(range(dimension.min, min(dimension.max, MAX_COLS) + 1))
    return hidden


def _used_extent(sheet) -> tuple[int, int]:
    """The last row and column holding a value (formatting alone does not count)."""
    used = [key for key, cell in sheet._cells.items() if cell.value not in (None, "")]
    if not used:
        return 0, 0
    return max(r for r, _ in used), max(c for _, c in used)


def _spanned_rows(slots: dict) -> set[int]:
    """Rows that a merge with text reaches into keep their place (its span stays honest)."""
    rows: set[int] = set()
    for (r, _), slot in slots.items():
        if slot.text and slot.row_span > 1:
            rows.update(range(r, r + slot.row_span))
    return rows


def _title_rows(slots: dict, rows: list[int]) -> tuple[list[str], list[int]]:
    """Lines of one cell each above the first row of several cells are the sheet's title."""
    titles: list[str] = []
    while len(rows) > 1:
        texts = [s.text for (r, _), s in sorted(slots.items()) if r == rows[0] and s.text]
        if len(texts) > 1:
            break
        titles.extend(texts)
        rows = rows[1:]
    return titles, rows


def _table(slots: dict, covered: set, rows: list[int], cols: list[int], file_name: str) -> Table:
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}
    out = [Row(cells=[], source_row=r - 1) for r in rows]
    for r in rows:
        for c in cols:
            if (r, c) in covered:
                continue
            slot = slots.get((r, c)) or _Slot(text="", fill=None, mark=None)
            row_span = sum(1 for x in range(r, r + slot.row_span) if x in row_at)
            col_span = sum(1 for x in range(c, c + slot.col_span) if x in col_at)
            out[row_at[r]].cells.append(Cell(
                text=slot.text, row=row_at[r], col=col_at[c], row_span=max(row_span, 1),
                col_span=max(col_span, 1), fill=slot.fill, mark_colour=slot.mark))
    return Table(rows=out, n_cols=max(len(cols), 1), engine=ENGINE, source_file=file_name)
