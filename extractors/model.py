"""The one format-neutral table model every extractor emits.

Why one model: the normaliser must not care whether a table came from a Word file, from
pdfplumber or from camelot. A table is a list of rows; each row holds only the cells that
*start* in it (a cell merged across or down appears once, with its span), so nothing is
repeated; ``Table.grid()`` expands the spans when a full matrix is easier to walk.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from wres.safe_text import strip_controls

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass
class Cell:
    """One real cell: its text, where it sits in the grid, its fill and where it came from."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    fill: str | None = None  # "RRGGBB", upper case, None when the cell is not shaded
    page: int | None = None  # 1-based page (PDF); None for Word
    bbox: BBox | None = None  # PDF only
    # PDF only: box of the cell's own text. Tells a row that a page break cut (its text
    # runs to the cell's bottom edge) from one that ended on the page (see stitch.py).
    text_bbox: BBox | None = None
    lines: int | None = None  # visual lines of text (PDF); soft wraps are not newlines
    # "RRGGBB" of a coloured mark that is the cell's only content (a "●" glyph, a Wingdings
    # character, a small filled shape in a PDF): a rating by colour, read like ``fill``
    mark_colour: str | None = None


@dataclass
class Row:
    """The cells that start in one row, left to right, and where the row came from."""

    cells: list[Cell]
    page: int | None = None
    source_row: int | None = None  # row index in the source table (Word) or page table (PDF)
    repeat_header: bool = False  # the source itself marks it as a header repeated per page


@dataclass
class Table:
    """A table of one document, possibly stitched together from several pages."""

    rows: list[Row]
    n_cols: int
    engine: str
    index: int = 0  # 0-based order of the table in its document
    source_file: str = ""
    pages: list[int] = field(default_factory=list)
    source_table: int | None = None  # Word: index of the table in the body; PDF: None
    context: list[str] = field(default_factory=list)  # text above it since the last table
    nested: bool = False  # a Word table found inside another table's cell
    sheet: str | None = None  # spreadsheets: the name of the sheet the table was read from

    def grid(self) -> list[list[Cell | None]]:
        """Full n_rows x n_cols matrix; a spanning cell fills every slot it covers."""
        matrix: list[list[Cell | None]] = [[None] * self.n_cols for _ in self.rows]
        for row in self.rows:
            for cell in row.cells:
                for r in range(cell.row, min(cell.row + cell.row_span, len(self.rows))):
                    for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                        matrix[r][c] = cell
        return matrix

    def text_rows(self) -> list[list[str]]:
        """Each row as n_cols strings; a span's text only in its first slot."""
        out = [[""] * self.n_cols for _ in self.rows]
        for row in self.rows:
            for cell in row.cells:
                if cell.row < len(out) and cell.col < self.n_cols:
                    out[cell.row][cell.col] = cell.text
        return out

    def renumber(self) -> None:
        """Make every cell's ``row`` agree with the row list after rows moved or merged."""
        for index, row in enumerate(self.rows):
            for cell in row.cells:
                cell.row = index


@dataclass
class TextBlock:
    """Text outside tables (titles, headings, paragraphs), in reading order."""

    text: str
    page: int | None = None
    style: str | None = None  # e.g. "Title", "Heading 1"; None when unknown


@dataclass
class ExtractedDocument:
    """Everything an extractor found in one file, in reading order."""

    path: str
    format: str  # "pdf", "docx" or "xlsx"
    pages: int | None = None
    blocks: list[TextBlock | Table] = field(default_factory=list)
    engines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def text_blocks(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]

    def to_dict(self) -> dict:
        """Plain JSON-able form (``wres tables --json``)."""
        blocks = [{"type": "table" if isinstance(b, Table) else "text", **asdict(b)}
                  for b in self.blocks]
        return {"path": self.path, "format": self.format, "pages": self.pages,
                "engines": self.engines, "warnings": self.warnings, "blocks": blocks}


_SOFT_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def _join_hyphen_break(match: re.Match[str]) -> str:
    """"recruit-\nment" is one word split by the line; "trust-\nwide" keeps its hyphen."""
    from wres.extractors.pdf_words import join_at_mark

    start = match.string.rfind("\n", 0, match.start()) + 1
    before = match.string[start:match.end() - 1]  # the line up to and with its hyphen
    after = match.string[match.end():match.end() + 40].split("\n", 1)[0]
    joined = join_at_mark(before, after)
    return match.group(1) + ("-" if joined.startswith(before) else "")


def clean_text(text: str | None) -> str:
    """Fold white space inside lines, keep paragraph breaks as single newlines, and join
    words a line break hyphenated ("recruit-\\nment" -> "recruitment", but "trust-\\nwide"
    -> "trust-wide"). Control characters (ESC, BEL, C1 codes...) become spaces: document
    text is untrusted."""
    if not text:
        return ""
    text = text.replace("\u00ad", "").replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(text)
    text = _SOFT_HYPHEN_BREAK.sub(_join_hyphen_break, text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def drop_control_chars(document: ExtractedDocument) -> ExtractedDocument:
    """Make sure no control character is left anywhere in ``document``'s text.

    Why a pass after the engine: ``clean_text`` cleans what the engines build with it,
    but an engine (or a future one) may set text another way; this is the one gate every
    extracted document passes before the normaliser sees it. Tab and newline stay.
    """
    for block in document.blocks:
        if isinstance(block, TextBlock):
            block.text = strip_controls(block.text)
            continue
        block.context = [strip_controls(line) for line in block.context]
        for row in block.rows:
            for cell in row.cells:
                cell.text = strip_controls(cell.text)
    document.warnings = [strip_controls(w) for w in document.warnings]
    return document
