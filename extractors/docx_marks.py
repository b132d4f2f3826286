"""A Word cell whose only content is a coloured glyph: the colour is the rating.

Why: many plans fill their RAG column with a "●" (or a Wingdings circle inserted through
Insert > Symbol, stored as ``w:sym``) coloured red, amber or green, and no words. The cell
has no shading, so without the glyph's run colour (``w:rPr/w:color``) the rating is lost.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn

from wres.extractors.marks import is_mark_text

_HEX = re.compile(r"[0-9A-Fa-f]{6}")


def cell_paragraphs(tc) -> list:
    """The cell's own paragraphs and those of content controls in it (not nested tables')."""
    paragraphs = [child for child in tc if child.tag == qn("w:p")]
    for sdt_content in tc.findall(f"{qn('w:sdt')}/{qn('w:sdtContent')}"):
        paragraphs.extend(sdt_content.findall(qn("w:p")))
    return paragraphs


def _run_font(run) -> str | None:
    fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None:
        return None
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        name = fonts.get(qn(attribute))
        if name:
            return name
    return None


def _run_colour(run) -> str | None:
    colour = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
    value = colour.get(qn("w:val")) if colour is not None else None
    return value.upper() if value and _HEX.fullmatch(value) else None


def cell_mark(tc) -> tuple[bool, str | None]:
    """(whether every visible run of the cell is a mark, "RRGGBB" of the first coloured one).
    A letter set in a symbol font ("l" in Wingdings is a circle) is such a mark."""
    colour, marks = None, 0
    for paragraph in cell_paragraphs(tc):
        for run in paragraph.iter(qn("w:r")):
            text = "".join(t.text or "" for t in run.iter(qn("w:t")))
            symbols = run.findall(qn("w:sym"))
            if not text.strip() and not symbols:
                continue
            font = _run_font(run)
            if text.strip() and not is_mark_text(text, font):
                return False, None
            marks += len(symbols) + len(text.split())
            colour = colour or _run_colour(run)
    if 0 < marks <= 3:
        return True, colour
    return False, None
