"""Put tables that a page break cut into pieces back together.

Pure functions on the neutral model (``wres.extractors.model``), so any extractor can use
them. Three things happen when one table goes on over the next page:

1. the two parts become one table (same column count, columns at the same places, the
   second part first on the next page with only page furniture in between);
2. a header row repeated at the top of the next page is dropped;
3. a row the page break cut in two is joined back: the first row of the next page, when
   its first cell is empty and it only continues the cells of the previous page's last
   row, is appended to that row cell by cell. An empty first cell can also be a cell
   merged down (an indicator spanning many actions) going on over the page: then the row
   is a new row, and the merged cell above is simply extended over it.

How a cut row is told from a new row under a merged cell: in a cut row, every cell that
has text on the new page also had text at the bottom of the previous page, and (where the
PDF geometry is known) that text ran right down to the cell's bottom edge, because the
page ended inside it. A new row has text in columns where the previous row's text ended
well above the bottom (a short owner name, a RAG word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from wres.extractors.model import Cell, Row, Table, TextBlock
from wres.extractors.pdf_words import ends_at_mark, join_at_mark

FURNITURE_STYLE = "furniture"
OCR_SAME_ROW = 85.0  # per cent: rapidfuzz ratio of two OCR readings of one header cell
COLUMN_TOLERANCE = 6.0  # points two parts' column lines may differ
COLUMN_SAMPLE_ROWS = 60  # rows of a long table looked at to find its column lines
# A cut cell's text ends on the same line as the cut row's fullest cell; a complete row's
# shorter cells end at least a line higher. LibreOffice sometimes ends a cut cell a line
# early (its paragraph's widow control), so one in three cut cells may fall short.
REACH_LINES = 0.6
FULL_ROW_SLACK = 6.0  # points of cell padding below the fullest cell's text
FLOOR_SLACK = 14.0  # points: a cut row ends this close to the lowest row bottom of any page
_UNFINISHED_END = re.compile(r"([-,;:&/(\u2013]|\b(and|or|to|the|of|for|with|a|an|in|by))$",
                             re.IGNORECASE)

Block = TextBlock | Table


def stitch_blocks(blocks: Sequence[Block]) -> list[Block]:
    """Merge continued tables, then number the tables and fill in their context."""
    out: list[Block] = []
    last_table: Table | None = None
    only_furniture_since = True
    floor = page_floor([b for b in blocks if isinstance(b, Table)])
    for block in blocks:
        if isinstance(block, Table):
            if last_table is not None and only_furniture_since and continues(last_table, block):
                merge_continuation(last_table, block, floor)
                continue
            out.append(block)
            last_table, only_furniture_since = block, True
        else:
            out.append(block)
            if block.style != FURNITURE_STYLE:
                only_furniture_since = False
    for block in out:
        if isinstance(block, Table):
            drop_repeated_header_rows(block)
    assign_context(out)
    return out


def drop_repeated_header_rows(table: Table) -> None:
    """Remove rows further down that repeat the header row word for word (a layout engine
    that splits a table may draw its header again in the middle of a page)."""
    if len(table.rows) < 3:
        return
    header = [_squash(t) for t in _column_texts(table, 0)]
    if sum(1 for t in header if t) < 2:
        return
    keep = [table.rows[0]]
    for index in range(1, len(table.rows)):
        if [_squash(t) for t in _column_texts(table, index)] != header:
            keep.append(table.rows[index])
    if len(keep) != len(table.rows):
        table.rows = keep
        table.renumber()


def assign_context(blocks: Sequence[Block]) -> None:
    """Number tables in order and give each the text blocks since the previous table."""
    pending: list[str] = []
    index = 0
    for block in blocks:
        if isinstance(block, Table):
            block.index, block.context = index, pending
            index, pending = index + 1, []
        elif block.style != FURNITURE_STYLE:
            pending.append(block.text)


def continues(first: Table, second: Table) -> bool:
    """Is ``second`` the continuation of ``first`` on the next page?"""
    if not first.pages or not second.pages or second.pages[0] != first.pages[-1] + 1:
        return False
    if first.n_cols != second.n_cols or _starts_like_a_new_table(first, second):
        return False
    left, right = column_lines(first, last_rows=COLUMN_SAMPLE_ROWS), column_lines(second)
    if left is None or right is None:
        return True
    return all(abs(a - b) <= COLUMN_TOLERANCE for a, b in zip(left, right, strict=True))


def _starts_like_a_new_table(first: Table, second: Table) -> bool:
    """The next page's table opens with the same first label as this one ("Ref | 3.3"
    after "Ref | 3.2") without repeating its whole first row: a new table of the same form
    (one small key/value table per action), not this one continued."""
    if not first.rows or not second.rows:
        return False
    mine, theirs = _column_texts(first, 0), _column_texts(second, 0)
    return bool(mine[0].strip()) and _squash(mine[0]) == _squash(theirs[0]) and \
        not same_row_text(mine, theirs, read_by_ocr(first, second))


def column_lines(table: Table, last_rows: int | None = None) -> list[float] | None:
    """Left edge of every column, from the boxes of cells that start there (only in the
    last ``last_rows`` rows, so checking a long stitched table stays cheap)."""
    lines: list[float | None] = [None] * table.n_cols
    rows = table.rows if last_rows is None else table.rows[-last_rows:]
    for row in rows:
        for cell in row.cells:
            if cell.bbox is not None and cell.col < table.n_cols:
                known = lines[cell.col]
                lines[cell.col] = cell.bbox[0] if known is None else min(known, cell.bbox[0])
    if any(x is None for x in lines):
        return None
    return [float(x) for x in lines if x is not None]


def read_by_ocr(*tables: Table) -> bool:
    return any(table.engine.startswith("ocr") for table in tables)


def same_row_text(mine: Sequence[str], theirs: Sequence[str], loose: bool = False) -> bool:
    """Do two rows say the same, cell by cell? Word for word, or, for rows read by OCR
    (which misreads a letter here and there, differently on each page: "tead" for
    "lead"), each cell at least OCR_SAME_ROW similar."""
    if len(mine) != len(theirs):
        return False
    pairs = [(_squash(a), _squash(b)) for a, b in zip(mine, theirs, strict=True)]
    if not loose:
        return all(a == b for a, b in pairs)
    return all(a == b or (a and b and fuzz.ratio(a, b) >= OCR_SAME_ROW) for a, b in pairs)


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def repeated_header_rows(first: Table, second: Table) -> int:
    """How many rows at the top of ``second`` repeat the header rows of ``first``."""
    count = 0
    while count < min(len(first.rows), len(second.rows)):
        if second.rows[count].repeat_header:
            count += 1
            continue
        mine, theirs = _column_texts(first, count), _column_texts(second, count)
        if not any(mine) or not same_row_text(mine, theirs, read_by_ocr(first, second)):
            break
        count += 1
    return count


def page_floor(tables: Sequence[Table]) -> float | None:
    """The lowest bottom edge any table row reaches on any page: the page's usable end.
    A row that a page break cut runs down to it; a row that ended before it was whole."""
    bottoms = [cell.bbox[3] for table in tables for row in table.rows for cell in row.cells
               if cell.bbox is not None]
    return max(bottoms) if bottoms else None


def _ends_at_floor(table: Table, floor: float | None) -> bool:
    last = table.rows[-1] if table.rows else None
    bottoms = [c.bbox[3] for c in (last.cells if last else []) if c.bbox is not None]
    if floor is None or not bottoms:
        return True  # no geometry: let the text rules decide
    return max(bottoms) >= floor - FLOOR_SLACK


def merge_continuation(first: Table, second: Table, floor: float | None = None) -> None:
    """Append ``second`` (next page's part) to ``first`` in place."""
    drop = repeated_header_rows(first, second)
    rows = second.rows[drop:]
    for page in second.pages:
        if page not in first.pages:
            first.pages.append(page)
    if not rows:
        return
    part = Table(rows=rows, n_cols=second.n_cols, engine=second.engine)
    part.renumber()
    if first.rows and _ends_at_floor(first, floor) and is_page_cut_fragment(first, part):
        _join_fragment(first, part)
        rows = part.rows[1:]
    elif first.rows:
        _extend_merged_cells(first, part.rows[0])
    first.rows.extend(rows)
    first.renumber()


def _column_texts(table: Table, row_index: int) -> list[str]:
    """One row as n_cols strings (a span's text in its first slot), without building the
    whole table's matrix: stitching a 2,000-page table must not be quadratic."""
    texts = [""] * table.n_cols
    for cell in table.rows[row_index].cells:
        if cell.col < table.n_cols:
            texts[cell.col] = cell.text
    return texts


def last_row_owners(table: Table, look_back: int = 500) -> list[Cell | None]:
    """For each column, the cell that covers the table's last row (None for a gap)."""
    last = len(table.rows) - 1
    owners: list[Cell | None] = [None] * table.n_cols
    for index in range(last, max(-1, last - look_back), -1):
        for cell in table.rows[index].cells:
            if index + cell.row_span - 1 < last:
                continue
            for col in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                owners[col] = owners[col] or cell
        if all(owners):
            break
    return owners


def is_page_cut_fragment(first: Table, second: Table) -> bool:
    """Is the first row of ``second`` the rest of the last row of ``first``?

    Required: every cell of the row that has text sits under a cell of the last row that
    has text and the same columns (a cut row keeps its cell structure on both pages). If
    the first cell has text too, it must read as the rest of a sentence. Then, where the
    geometry is known, the cells above must have text down to the row's bottom or be
    plainly continued by the text below (one in three may fail both)."""
    if not first.rows or not second.rows:
        return False
    carried = [cell for cell in second.rows[0].cells if cell.text]
    if not carried:
        return False
    owners = last_row_owners(first)
    for cell in carried:
        owner = owners[cell.col] if cell.col < len(owners) else None
        if (owner is None or not owner.text or owner.col != cell.col
                or owner.col_span != cell.col_span):
            return False  # text where the last row had none, or other cells: a new row
    targets = [owners[cell.col] for cell in carried]
    first_cell_has_text = carried[0].col == 0
    if first_cell_has_text and (not continues_sentence(targets[0].text, carried[0].text)
                                or _label_after_label(targets[0].text, carried[0].text)):
        return False
    if all(cell.bbox and cell.text_bbox for cell in targets):
        reaching = text_reaches_bottom(targets, owners)
        short = [(target, cell) for reaches, target, cell in zip(reaching, targets, carried,
                                                                  strict=True)
                 if not reaches and not clearly_continues(target.text, cell.text)]
        if any(_starts_new_item(cell.text) for _, cell in short):
            return False  # a cell that ended early above and starts afresh below: a new row
        return len(short) <= (len(targets) - 1) // 3
    if first_cell_has_text:
        return True
    return _text_says_continued(first, len(first.rows) - 1, _column_texts(second, 0), owners)


def _label_after_label(before: str, after: str) -> bool:
    """"Progress" then "RAG": two short capitalised labels (a key/value table's first
    column) are two rows, not one label cut in half."""
    def label(text: str) -> bool:
        words = text.split()
        return 0 < len(words) <= 4 and "\n" not in text.strip() and text.strip()[0].isupper()
    return label(before) and label(after) and not clearly_continues(before, after)


_DATE_START = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-]+\d{2,4}\b|^q[1-4]\b",
    re.IGNORECASE)


def _starts_new_item(text: str) -> bool:
    """A date, a number, a bullet: the start of another row's value, never the rest of a
    sentence ("March 2024" above, "Jan 2024" below)."""
    stripped = text.lstrip()
    first = stripped[:1]
    return bool(first) and (first.isdigit() or first in "\u2022*-\u25aa\u25cf"
                            or bool(_DATE_START.match(stripped)))


def clearly_continues(before: str, after: str) -> bool:
    """``after`` starts in lower case, or ``before`` breaks off mid-phrase."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    return after[0].islower() or bool(_UNFINISHED_END.search(before))


def continues_sentence(before: str, after: str) -> bool:
    """Does ``after`` read as the rest of the text ``before`` (not a new item)?"""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return False
    if clearly_continues(before, after) or after[0] in ",;:)\u2013-":
        return True
    return before[-1] not in ".!?" and not after[0].isdigit() and after[0] not in "\u2022*"


def text_reaches_bottom(targets: Sequence[Cell], row: Sequence[Cell | None]) -> list[bool]:
    """For each target cell: does its text run down to the bottom of the row, as far as
    the row's fullest cell does (so the page cut it off)? A cell of a complete row that
    simply had less to say ends at least one line higher than the fullest cell."""
    measured = [c for c in row if c is not None and c.text and c.bbox and c.text_bbox]
    fullest = min(c.bbox[3] - c.text_bbox[3] for c in measured)
    pitch = max((c.text_bbox[3] - c.text_bbox[1]) / (c.lines or c.text.count("\n") + 1)
                for c in measured)
    if fullest > max(FULL_ROW_SLACK, pitch):
        return [False] * len(targets)  # not even the fullest cell reached the page's end
    return [t.bbox[3] - t.text_bbox[3] - fullest < REACH_LINES * pitch for t in targets]


def _text_says_continued(first: Table, last: int, frag: list[str],
                         owners: list[Cell | None]) -> bool:
    """Without geometry: judge by the words and by which columns carry on."""
    previous = _column_texts(first, last)
    for column, text in enumerate(frag):
        if not text:
            continue
        if text[0].islower() or text[0] in ",;:)":
            return True
        if _UNFINISHED_END.search(previous[column] or ""):
            return True
    head = owners[0]
    if head is not None and head.text and head.row == last and head.row_span == 1:
        return True  # the last row had its own first cell (an item number) and this not
    own = sum(1 for c, cell in enumerate(owners)
              if cell is not None and cell.row == last and cell.col == c and cell.text)
    carried = sum(1 for text in frag if text)
    return own > 0 and carried / own < 0.5


def _join_fragment(first: Table, part: Table) -> None:
    """Append each fragment cell's text to the cell above it; merged cells that go on
    below the fragment are extended."""
    owners = last_row_owners(first)
    for cell in part.rows[0].cells:
        owner = owners[cell.col] if cell.col < len(owners) else None
        if owner is None:
            continue
        if cell.text:
            owner.text = _continue_text(owner.text, cell.text)
        if cell.row_span > 1 and owner.col == cell.col:
            owner.row_span += cell.row_span - 1


def _continue_text(before: str, after: str) -> str:
    """A cell's text that a page break cut goes on mid-paragraph (a space) unless the part
    before ended a sentence (a new paragraph may start there). A part that ends on a hyphen
    or slash joined to a word broke there, as a line does: no space ("Almira-" + "Smith",
    "recruit-" + "ment" is one word)."""
    if not before or not after:
        return before or after
    if ends_at_mark(before, after):
        return join_at_mark(before, after)
    return f"{before}\n{after}" if before.rstrip().endswith((".", ":", ";", "!", "?")) \
        else f"{before} {after}"


def _extend_merged_cells(first: Table, row: Row) -> None:
    """Leading cells of the new page's first row that continue a merged cell of the
    previous page become part of that cell: empty ones, and ones whose text goes on with
    the merged cell's cut sentence ("... harassment or" / "discrimination from ...")."""
    owners = last_row_owners(first)
    for cell in list(row.cells):
        owner = owners[cell.col] if cell.col < len(owners) else None
        if cell.text and not _goes_on_merged(owner, cell):
            break
        if owner is None or not owner.text or owner.col != cell.col:
            continue
        single = owner.row_span == 1 and cell.row_span == 1
        if owner.col_span != cell.col_span or (single and not cell.text):
            continue
        owner.text = _continue_text(owner.text, cell.text)
        owner.row_span += cell.row_span
        row.cells.remove(cell)


def _goes_on_merged(owner: Cell | None, cell: Cell) -> bool:
    """A merged cell cut by the page break: its text breaks off mid-phrase or the next
    page's text starts in lower case."""
    if owner is None or owner.col != cell.col or owner.col_span != cell.col_span:
        return False
    if owner.row_span > 1 or cell.row_span > 1:
        return clearly_continues(owner.text, cell.text)
    # one row on each side of the break: only a sentence that plainly goes on
    return cell.text.lstrip()[:1].islower() and not owner.text.rstrip().endswith((".", "!", "?"))
