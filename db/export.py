"""Exporting stored actions as JSONL, CSV, Parquet or Excel.

Why JSONL goes through ``ActionRecord``: the scorer reads exactly the canonical field
names and types, and a record rebuilt from the database dumps the same way as one fresh
from the pipeline. The tabular formats carry the same columns; the two list fields
(owners, themes) are joined with "; " where a cell cannot hold a list (CSV, Excel).
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
from wres.db.query import CANONICAL_FIELDS, Db, records
from wres.errors import BadInputError
from wres.safe_text import spreadsheet_cell

FORMATS = ("jsonl", "csv", "parquet", "xlsx")
BINARY_FORMATS = ("parquet", "xlsx")
LIST_FIELDS = ("owners", "themes")
LIST_SEPARATOR = "; "


def export(db: Db, fmt: str, destination: Path | TextIO | None = None, *,
           query: str | None = None, trusts: list[str] | None = None) -> int:
    """Write the (matching) actions to ``destination`` (stdout when None); return how many."""
    if fmt not in FORMATS:
        raise BadInputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and not isinstance(destination, Path):
        raise BadInputError(f"{fmt} is a binary format: give an output file")
    if isinstance(destination, Path):
        refuse_database_output(destination, db if isinstance(db, str | Path) else None)
    found = records(db, query=query, trusts=trusts)
    if fmt == "jsonl":
        lines = "".join(json.dumps(r.to_json_dict(), ensure_ascii=False) + "\n" for r in found)
        _write_text(lines, destination)
        return len(found)
    frame = pd.DataFrame([r.model_dump() for r in found],
                         columns=list(CANONICAL_FIELDS))
    if fmt == "parquet":
        frame.to_parquet(destination, index=False)
        return len(found)
    for name in LIST_FIELDS:
        if name in frame:
            frame[name] = [LIST_SEPARATOR.join(values) for values in frame[name]]
    for name in frame.columns:
        if any(isinstance(value, str) for value in frame[name]):
            frame[name] = [spreadsheet_cell(value) for value in frame[name]]
    if fmt == "csv":
        _write_text(frame.to_csv(index=False), destination)
    else:
        frame.to_excel(destination, index=False, sheet_name="actions")
    return len(found)


def _write_text(content: str, destination: Path | TextIO | None) -> None:
    if destination is None:
        sys.stdout.write(content)
    elif isinstance(destination, Path):
        destination.write_text(content, encoding="utf-8")
    else:
        destination.write(content)
