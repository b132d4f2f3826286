"""Key/value tables: one action laid out as "Label | value" rows.

Why: some plans give each action its own small table ("Action: ...", "Lead: ...",
"Timescale: ...") instead of one row per action. A table whose first column is mostly
field labels is read as a run of records; a label seen again starts the next record.
"""

from __future__ import annotations

import re

from wres.extractors.model import Cell, Table
from wres.normalise.context import GROUPING, Carry
from wres.normalise.lexicon import match_field
from wres.normalise.raw import RawAction, context_values

MIN_LABELS = 3
LABEL_SHARE = 0.6
MAX_LABEL_WORDS = 7
LABEL_SCORE = 85.0
_TRAILING_NUMBER = re.compile(r"[\s:#.\-]*\d*[.:]?\s*$")
_REF_IN_HEADING = re.compile(r"\d{1,2}(?:\.\d{1,2})*[a-z]?$")


def _label_field(text: str) -> str | None:
    words = text.split()
    if not words or len(words) > MAX_LABEL_WORDS:
        return None
    found = match_field(_TRAILING_NUMBER.sub("", text) or text)
    return found.field if found.score >= LABEL_SCORE else None


def _pairs(table: Table) -> list[tuple[str | None, str, int]]:
    """(field or None, value text, row index) for each non-empty row."""
    pairs = []
    for index, row in enumerate(table.rows):
        cells = [c for c in row.cells if c.text.strip()]
        if not cells:
            continue
        label = cells[0].text.strip()
        value = "\n".join(c.text for c in cells[1:]).strip()
        pairs.append((_label_field(label) if value else None, value, index))
    return pairs


def is_keyvalue(table: Table) -> bool:
    pairs = _pairs(table)
    named = [f for f, _, _ in pairs if f]
    return (len(named) >= MIN_LABELS and len(named) >= LABEL_SHARE * len(pairs)
            and "action" in named)


def _labelled_rows(table: Table) -> list[tuple[str | None, list[Cell]]]:
    """Each non-empty row's cells and the field its first-column label names (None where
    the row does not start in the first column or its first cell is no label). Read once,
    for finding the record columns and for every record."""
    rows = []
    for row in table.rows:
        cells = [c for c in row.cells if c.text.strip()]
        if cells:
            name = _label_field(cells[0].text.strip()) if cells[0].col == 0 else None
            rows.append((name, cells))
    return rows


def _record_columns(rows: list[tuple[str | None, list[Cell]]]) -> list[int]:
    """The value columns when a key/value table lays several actions side by side
    ("| Action 1 | Action 2" over "What | ... | ...", "Who | ... | ..."): the columns that
    most label rows fill. One column (or none) means one record per run of labels."""
    counts: dict[int, int] = {}
    label_rows = [cells for name, cells in rows if name is not None and len(cells) >= 2]
    for cells in label_rows:
        for cell in cells[1:]:
            counts[cell.col] = counts.get(cell.col, 0) + 1
    columns = sorted(col for col, n in counts.items() if n >= LABEL_SHARE * len(label_rows))
    return columns if len(columns) >= 2 else []


def _side_by_side(table: Table, rows: list[tuple[str | None, list[Cell]]],
                  columns: list[int], carry: Carry) -> list[RawAction]:
    """One record per value column; a top row over the values ("Action 1") gives refs."""
    actions = []
    for col in columns:
        values: dict[str, str] = {}
        for name, cells in rows:
            value = next((c.text.strip() for c in cells if c.col == col), "")
            if not value:
                continue
            if cells[0].col != 0:  # a heading over the records: "Action 1", "Objective 2"
                number = _REF_IN_HEADING.search(value)
                values.setdefault("ref", number[0] if number else "")
            elif name and name not in values:
                values[name] = value
        values = {k: v for k, v in values.items() if v}
        if "action" in values:
            actions.append(_raw(values, table, 0, carry))
    return actions


def keyvalue_actions(table: Table, carry: Carry) -> list[RawAction]:
    """Raw actions of a key/value table (empty when it is not one)."""
    if not is_keyvalue(table):
        return []
    rows = _labelled_rows(table)
    columns = _record_columns(rows)
    if columns:
        return _side_by_side(table, rows, columns, carry)
    actions: list[RawAction] = []
    current: dict[str, str] = {}
    first_row = 0
    for name, value, index in _pairs(table) + [(None, "", len(table.rows))]:
        if name is None and index < len(table.rows):
            continue
        if name is None or (name in current and name not in ("context", "ignore")):
            if "action" in current:
                actions.append(_raw(current, table, first_row, carry))
            current, first_row = {}, index
        if name:
            current[name] = value
    return actions


def _raw(values: dict[str, str], table: Table, row: int, carry: Carry) -> RawAction:
    for name in GROUPING:
        if name in values:
            carry.read_grouping(name, values.pop(name))
    page = table.rows[row].page if row < len(table.rows) else None
    return RawAction(
        values={k: v for k, v in values.items() if k not in ("context", "ignore")},
        fills={}, row_fills=[], page=page, table=table.index, row=row,
        context=context_values(carry), rag_key_text="\n".join(table.context),
    )
