"""Exporting stored actions as JSONL, CSV, Parquet or Excel.

Why JSONL goes through ``ActionRecord``: the scorer reads exactly the canonical field
names and types, and a record rebuilt from the database dumps the same way as one fresh
from the pipeline. Every format then adds the keys a researcher joins on (``EXPORT_IDS``:
action id, plan id, document path). The tabular formats carry the same columns; the two
list fields (owners, themes) are joined with "; " where a cell cannot hold a list (CSV,
Excel). Integers stay integers (page, indicator are nullable Int64, not floats).
Spreadsheet cells are plan text from outside websites: every text cell goes through
``safe_text.spreadsheet_cell``, so none can start a formula (OWASP CSV injection) and none
holds a control character (Excel files cannot store them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

import pandas as pd

from wres.db.output_guard import refuse_database_output
from wres.db.query import (
    CANONICAL_FIELDS,
    EXPORT_IDS,
    Db,
    identified_records,
    integer_columns,
)
from wres.errors import BadInputError
from wres.optional import require
from wres.safe_text import spreadsheet_cell

FORMATS = ("jsonl", "csv", "parquet", "xlsx")
BINARY_FORMATS = ("parquet", "xlsx")
LIST_FIELDS = ("owners", "themes", "indicators")
MAPPING_FIELDS = ("theme_evidence",)  # per theme, its words: JSON text in a table cell
LIST_SEPARATOR = "; "
XLSX_MAX_WIDTH = 60  # characters: long texts wrap in the cell rather than widen the sheet
XLSX_MIN_WIDTH = 6


def export(db: Db, fmt: str, destination: Path | TextIO | None = None, *,
           query: str | None = None, trusts: list[str] | None = None,
           all_documents: bool = False) -> int:
    """Write the (matching) actions to ``destination`` (stdout when None); return how many.

    Each plan's current document only, unless ``all_documents``.
    """
    if fmt not in FORMATS:
        raise BadInputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and not isinstance(destination, Path):
        raise BadInputError(f"{fmt} is a binary format: give an output file")
    if isinstance(destination, Path):
        refuse_database_output(destination, db if isinstance(db, str | Path) else None)
    found = identified_records(db, query=query, trusts=trusts, all_documents=all_documents)
    if fmt == "jsonl":
        lines = "".join(json.dumps({**r.to_json_dict(), **ids}, ensure_ascii=False) + "\n"
                        for ids, r in found)
        _write_text(lines, destination)
        return len(found)
    frame = integer_columns(pd.DataFrame([{**r.model_dump(), **ids} for ids, r in found],
                                         columns=[*CANONICAL_FIELDS, *EXPORT_IDS]))
    for name in MAPPING_FIELDS:
        frame[name] = [json.dumps(value, ensure_ascii=False) for value in frame[name]]
    if fmt == "parquet":
        require("pyarrow", "parquet", "Parquet export")
        frame.to_parquet(destination, index=False)
        return len(found)
    for name in LIST_FIELDS:
        if name in frame:
            frame[name] = [LIST_SEPARATOR.join(map(str, values)) for values in frame[name]]
    for name in frame.columns:
        if any(isinstance(value, str) for value in frame[name]):
            frame[name] = [spreadsheet_cell(value) for value in frame[name]]
    if fmt == "csv":
        _write_text(frame.to_csv(index=False), destination)
    else:
        write_xlsx(frame, destination)
    return len(found)


def write_xlsx(frame: pd.DataFrame, destination: Path, sheet: str = "actions") -> None:
    """One sheet with a frozen header row, an autofilter and widths that fit the columns."""
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(destination, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet)
        worksheet = writer.sheets[sheet]
        worksheet.freeze_panes = "A2"
        worksheet.auto_filter.ref = worksheet.dimensions
        for index, name in enumerate(frame.columns, start=1):
            longest = max([len(str(name)), *(len(str(v)) for v in frame[name].head(500)
                                              if not _missing(v))], default=0)
            width = min(max(longest + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
            worksheet.column_dimensions[get_column_letter(index)].width = width


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _write_text(content: str, destination: Path | TextIO | None) -> None:
    if destination is None:
        sys.stdout.write(content)
    elif isinstance(destination, Path):
        destination.write_text(content, encoding="utf-8")
    else:
        destination.write(content)
