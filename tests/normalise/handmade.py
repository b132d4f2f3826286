"""Build small Word plans by hand, in layouts none of the seed plans has.

Why build at test time: each layout is a few lines of python-docx, readable next to the
expected answers that were worked out by reading the table, not by running the code.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    properties.append(shd)


def add_table(document, rows: list[list[str]], fills: dict[tuple[int, int], str] | None = None):
    """A ruled table; a cell text of None merges it into the cell on its left, "^" into
    the cell above (so layouts with spans read like the printed page)."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None or text == "^":
                continue
            table.cell(r, c).text = text
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is None:
                table.cell(r, c - 1).merge(table.cell(r, c))
            elif text == "^":
                table.cell(r - 1, c).merge(table.cell(r, c))
    for (r, c), fill in (fills or {}).items():
        shade(table.cell(r, c), fill)
    return table


def save(document, folder: Path, name: str) -> Path:
    path = folder / name
    document.save(str(path))
    return path


def new_document(*title_lines: str):
    document = Document()
    for line in title_lines:
        document.add_heading(line, level=1)
    return document


def simple_plan(path: Path, header: list[str], rows: list[list[str]],
                title: str = "Rivermead NHS Trust WRES action plan 2024-25") -> Path:
    """A titled one-table plan: the header row, then the rows, every cell plain text."""
    document = new_document(title)
    add_table(document, [header, *rows])
    return save(document, path.parent, path.name)
