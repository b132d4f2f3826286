"""Walk a document's tables row by row: tell each row's role and collect raw actions.

Row roles: header (sets the column map), banner (one text across the table: a section),
ref row (only an item number: opens an objective group), label row ("Issue | text",
"What's already in place? | text"), grouping row (only objective/indicator cells), action
row (the action column has text of its own), continuation (a fragment that a page break
cut off the row above). Tables with no header and no mapping carried in produce nothing:
metrics tables and contents pages are not action plans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wres.extractors.marks import is_mark_text
from wres.extractors.model import Cell, Table
from wres.normalise.context import GROUPING, Carry, indicator_of_heading, section_from_heading
from wres.normalise.headers import (
    ColumnMap,
    header_map,
    infer_unnamed_columns,
    looks_like_ref,
    promote_stand_ins,
    refine_with_subheader,
    same_layout,
    settle_by_values,
)
from wres.normalise.indicators import indicators_of_cell
from wres.normalise.keyvalue import keyvalue_actions
from wres.normalise.lexicon import match_field
from wres.normalise.plan_parts import heading_period
from wres.normalise.prose import ACTION_FIELDS, labelled_part
from wres.normalise.rag import rag_key_from_text
from wres.normalise.raw import RawAction, context_values

_ACTION_NUMBER = re.compile(
    r"^\s*action\s*(?:no\.?|number|#)?\s*(\d{1,2}(?:\.\d{1,2})*[a-z]?)\s*[:.]?\s*$", re.I)
LABEL_FIELDS = ("issue", "objective", "context", "section", "indicator")
LABEL_MIN = 95.0
MAX_LABEL_WORDS = 6
STRONG_HEADER = 0.95
MIN_LABEL_VALUE_WORDS = 3
MAX_HEADING_WORDS = 14
MAX_INDICATOR_HEADING_WORDS = 45
_INDICATOR_LABEL = re.compile(r"^\s*(?:wres\s+)?(?:indicator|metric)s?\s*\d", re.IGNORECASE)
_WORDS = re.compile(r"[A-Za-z]{2,}")


@dataclass
class WalkState:
    mapping: ColumnMap | None = None
    mapping_cols: int = 0
    carry: Carry = field(default_factory=Carry)
    actions: list[RawAction] = field(default_factory=list)
    mappings: list[dict] = field(default_factory=list)  # per table, for the report


def walk_tables(tables: list[Table]) -> WalkState:
    """Raw actions of every table in document order, context carried across tables."""
    state = WalkState()
    _walk_each(tables, state)
    _sections_from_headings(tables, state.actions)
    return state


def _heading_of(lines: list[str]) -> str | None:
    """The last short line above a table that reads as a heading, not a sentence (an
    "Indicator N: ..." line is a heading however long the indicator's official wording)."""
    for line in reversed(lines):
        words = line.split()
        if indicator_of_heading(line) is not None and _INDICATOR_LABEL.match(line) \
                and len(words) <= MAX_INDICATOR_HEADING_WORDS:
            return line.strip()
        if 0 < len(words) <= MAX_HEADING_WORDS and not line.rstrip().endswith((".", ",")):
            return line.strip()
    return None


def _sections_from_headings(tables: list[Table], actions: list[RawAction]) -> None:
    """Headings that group several action tables ("Priority 1: ...", "Priority 2: ...")
    are the section of actions that have no banner or issue heading of their own (they
    outrank an indicator's wording). A single heading over the only action table is its
    title, not a section."""
    current, heading_by_table = None, {}
    for table in tables:
        current = _heading_of(table.context) or current
        heading_by_table[table.index] = current
    used = {heading_by_table.get(a.table) for a in actions} - {None}
    if len(used) < 2:
        return
    for action in actions:
        heading = heading_by_table.get(action.table)
        numbered = _ACTION_NUMBER.match(heading) if heading else None
        if numbered:  # "Action 3" over its own small table numbers it; it groups nothing
            action.values.setdefault("ref", numbered[1])
            continue
        if heading and (not action.context.get("section")
                        or action.context.get("section_is_indicator")):
            action.context["section"] = _section_of(heading)
        if heading and action.context.get("indicator") is None:
            action.context["indicator"] = indicator_of_heading(heading)
        if heading and not action.context.get("indicators"):
            action.context["indicators"] = indicators_of_cell(heading)


def _section_of(heading: str) -> str:
    """A theme heading loses its numbering label ("Priority 1: Culture" is "Culture"); a
    heading that names a plan and its years ("Part B: our plan for 2023/24") has no theme
    to pull out, so it stays whole."""
    return heading if heading_period([heading]) else section_from_heading(heading)


def _walk_each(tables: list[Table], state: WalkState) -> None:
    for table in tables:  # nested tables too: a layout table may wrap the real plan
        # a sheet of a workbook stands alone: another sheet's header never reads it
        if state.mapping is not None and (table.n_cols != state.mapping_cols
                                          or table.sheet is not None):
            state.mapping = None
        records = keyvalue_actions(table, state.carry)
        if records:
            state.actions.extend(records)
            state.mappings.append({"table": table.index, "columns": "key/value"})
        else:
            walk_table(table, state)


def walk_table(table: Table, state: WalkState) -> None:
    grid = table.grid()
    texts = table.text_rows()
    last: RawAction | None = None
    skip = -1
    for r, row in enumerate(table.rows):
        if r == skip:
            continue
        header = header_map(texts[r])
        if header is not None and _takes_over(header, state.mapping):
            if _has_subheader(header, table, r):
                skip = r + 1
            _use_header(header, table, texts[r + 1:], state)
            continue
        starting = [c for c in row.cells if c.text.strip()]
        label = _label_of(starting, state.mapping) if starting else None
        if label is not None:
            _label_row(starting, label, state.carry)
            continue
        if not starting or state.mapping is None:
            continue
        action_cell = _cell_at(grid[r], state.mapping.column_of("action"))
        if _is_banner(starting, table):
            if not _labelled_follow_up(last, starting[0].text):
                _context_row(starting, table, state)
        elif action_cell is not None and action_cell.row == r and action_cell.text.strip():
            last = _action(table, r, grid[r], state)
            state.actions.append(last)
        elif not _context_row(starting, table, state):
            _continue_row(last, starting, state.mapping)


def _has_subheader(header: ColumnMap, table: Table, r: int) -> bool:
    """Refine ``header`` from the row below when that row names the columns under a
    header cell merged across."""
    if r + 1 >= len(table.rows):
        return False
    spans = {c.col: c.col_span for c in table.rows[r].cells if c.col_span > 1 and c.text}
    below = {c.col: c.text for c in table.rows[r + 1].cells if c.text.strip()}
    return bool(spans) and refine_with_subheader(header, spans, below)


def _takes_over(header: ColumnMap, current: ColumnMap | None) -> bool:
    """Inside a mapped table a new header must repeat the layout or be unmistakable, so
    that body text that happens to use column words is never read as a header."""
    return current is None or same_layout(current, header) or header.confidence >= STRONG_HEADER


def _use_header(header: ColumnMap, table: Table, below: list[list[str]],
                state: WalkState) -> None:
    infer_unnamed_columns(header, below)
    settle_by_values(header, below)
    promote_stand_ins(header, below)
    header.key_text = "\n".join([header.key_text, *table.context])
    if header.column_of("action") is None:
        state.mapping = None
        return
    state.mapping, state.mapping_cols = header, table.n_cols
    state.mappings.append({"table": table.index, "columns": header.summary(),
                           "confidence": header.confidence})


def _cell_at(row: list[Cell | None], col: int | None) -> Cell | None:
    return row[col] if col is not None and col < len(row) else None


def _context_row(starting: list[Cell], table: Table, state: WalkState) -> bool:
    """Banner, ref, label or grouping rows update the carried context; True if it was one."""
    mapping, carry = state.mapping, state.carry
    fields = [mapping.fields.get(c.col) for c in starting]
    if len(starting) == 1 and rag_key_from_text(starting[0].text):
        mapping.key_text = f"{mapping.key_text}\n{starting[0].text}"  # a key, not a banner
        return True
    if len(starting) == 1:
        return _single_cell_row(starting[0], fields[0], table, carry)
    if all(f in GROUPING for f in fields):
        for cell, name in zip(starting, fields, strict=True):
            carry.read_grouping(name, cell.text)
            carry.seen.add(id(cell))
        return True
    return False


def _single_cell_row(cell: Cell, name: str | None, table: Table, carry: Carry) -> bool:
    text = cell.text.strip()
    if looks_like_ref(text) and name in (None, "ref", "objective", "issue", "indicator"):
        carry.start_group(text.rstrip("."))
        return True
    if name in GROUPING and cell.col_span < max(2, table.n_cols // 2):
        carry.read_grouping(name, text)
        carry.seen.add(id(cell))
        return True
    if cell.col_span >= max(2, table.n_cols // 2) or name in (None, "ref") or cell.col == 0:
        carry.start_banner(text)
        return True
    return False


def _is_banner(starting: list[Cell], table: Table) -> bool:
    """One text laid across most of the table: a section banner, whatever column it is in."""
    return len(starting) == 1 and starting[0].col_span >= max(2, table.n_cols // 2)


def _label_of(starting: list[Cell], mapping: ColumnMap | None) -> tuple[str, int] | None:
    """(field, index of the label cell) when a row reads "[ref] | label | value" and the
    value is prose (a metrics table's "Description | 2021 | 2022" is no label row). A cell
    in the column the header gives that same field ("Indicator 2" under "WRES indicator")
    is that column's value, not a label."""
    at = 1 if len(starting) > 2 and looks_like_ref(starting[0].text) else 0
    if len(starting) < at + 2 or len(starting[at].text.split()) > MAX_LABEL_WORDS:
        return None
    value = " ".join(c.text for c in starting[at + 1:])
    if len(_WORDS.findall(value)) < MIN_LABEL_VALUE_WORDS:
        return None
    found = match_field(starting[at].text)
    if mapping is not None and mapping.fields.get(starting[at].col) == found.field:
        return None
    if found.field in LABEL_FIELDS and found.score >= LABEL_MIN:
        return found.field, at
    return None


def _label_row(starting: list[Cell], label: tuple[str, int], carry: Carry) -> None:
    name, at = label
    carry.read_label_row(name, "\n".join(c.text for c in starting[at + 1:]).strip())


def _action(table: Table, r: int, cells: list[Cell | None], state: WalkState) -> RawAction:
    mapping, carry = state.mapping, state.carry
    values: dict[str, str] = {}
    fills: dict[str, str | None] = {}
    for col, name in sorted(mapping.fields.items()):
        cell = _cell_at(cells, col)
        if cell is None:
            continue
        if name in GROUPING:
            if cell.text.strip() and id(cell) not in carry.seen:
                carry.read_grouping(name, cell.text)
                carry.seen.add(id(cell))
            continue
        if name not in ("context", "ignore"):
            values[name] = "" if is_mark_text(cell.text) else cell.text  # "●" is no words
            fills[name] = cell.fill or cell.mark_colour
    if "due" not in values and mapping.periods:
        values["due"] = _timeline_due(cells, mapping)
    return RawAction(
        values=values, fills=fills, page=table.rows[r].page, table=table.index, row=r,
        row_fills=[c.fill or c.mark_colour for c in cells
                   if c is not None and (c.fill or c.mark_colour) and c.row == r
                   and c.col not in mapping.periods],  # a timeline's bars are no rating
        context=context_values(carry),
        rag_key_text=mapping.key_text,
    )


def _labelled_follow_up(last: RawAction | None, text: str) -> bool:
    """A row across the table under an action that starts with one of an action's own
    labels ("Progress update: ...", "Outcome: ...") is more of that action, not a banner
    naming the next section. True when it was taken."""
    name, _, value, _ = labelled_part(" ".join(text.split()))
    if last is None or name not in ACTION_FIELDS or rag_key_from_text(text):
        return False  # a RAG key across the table is the table's key
    previous = last.values.get(name)
    last.values[name] = f"{previous}\n{value}" if previous else value
    return True


def _timeline_due(cells: list[Cell | None], mapping: ColumnMap) -> str:
    """A plan drawn as a timeline (ticks or shading under "Q1".."Q4") is due in the last
    period it marks."""
    marked = [col for col in mapping.periods
              if (cell := _cell_at(cells, col)) is not None
              and (cell.text.strip() or cell.fill or cell.mark_colour)]
    return mapping.headers.get(marked[-1], "") if marked else ""


def _continue_row(last: RawAction | None, starting: list[Cell], mapping: ColumnMap) -> None:
    """A fragment of the row above (a page break cut it): append its texts there."""
    if last is None:
        return
    for cell in starting:
        name = mapping.fields.get(cell.col)
        if name and name not in GROUPING and name not in ("context", "ignore"):
            before = last.values.get(name, "")
            last.values[name] = f"{before}\n{cell.text}".strip()
