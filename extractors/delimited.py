"""CSV and tab-separated plans, read as a one-sheet workbook.

Why through the workbook reader: a plan exported to CSV is a spreadsheet without styles;
laying its rows into an in-memory workbook (every value as text, exactly as the file has
it) lets the one spreadsheet reader find title rows, the table and its header, so a CSV
and the workbook it came from give the same records. The delimiter is sniffed (comma,
semicolon, tab, pipe); the text is UTF-8 (with or without a BOM), else Windows-1252.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from wres.errors import DamagedDocumentError, EmptyDocumentError, ResourceLimitError
from wres.extractors.model import ExtractedDocument

ENGINE = "csv"
MAX_BYTES = 50 * 1024 * 1024  # a plan is kilobytes; more is a data dump, not a plan
MAX_CELLS = 200_000
SNIFF_CHARS = 64 * 1024


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (a BOM dropped), else Windows-1252 as Excel writes it."""
    size = path.stat().st_size
    if size == 0:
        raise EmptyDocumentError("the file is empty (0 bytes)")
    if size > MAX_BYTES:
        raise ResourceLimitError(f"{size // 1024 // 1024} MB of delimited text, more than "
                                 f"the limit of {MAX_BYTES // 1024 // 1024} MB")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(text: str) -> list[list[str]]:
    """Rows of cells, with the delimiter the text itself uses."""
    sample = text[:SNIFF_CHARS]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise DamagedDocumentError(f"not readable as delimited text ({exc})") from exc
    if sum(len(row) for row in rows) > MAX_CELLS:
        raise ResourceLimitError(f"more than {MAX_CELLS} cells: a data dump, not a plan")
    return rows


def extract_delimited(path: Path) -> ExtractedDocument:
    """A CSV or TSV plan in the format-neutral model, by way of the workbook reader."""
    import openpyxl  # imported here: only spreadsheets pay for it

    from wres.extractors.xlsx import extract_xlsx

    rows = read_rows(read_text(path))
    if not any(cell.strip() for row in rows for cell in row):
        raise EmptyDocumentError("the file has no text")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = path.stem[:31] or "Sheet1"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value.strip():
                sheet.cell(r, c).value = value  # text as written: no date or number guessing
                sheet.cell(r, c).data_type = "s"
    with tempfile.TemporaryDirectory(prefix="wres-csv-") as workdir:
        workbook = Path(workdir) / f"{path.stem}.xlsx"
        book.save(str(workbook))
        document = extract_xlsx(workbook)
    document.path, document.format, document.engines = str(path), "csv", [ENGINE]
    for table in document.tables:
        table.source_file, table.engine = path.name, ENGINE
    return document
