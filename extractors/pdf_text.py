"""Text outside tables: titles, headings and paragraphs, plus page furniture.

Why furniture matters: a running header ("WRES Action Plan 2019-20") or a page number
between the end of a table on one page and its continuation on the next would otherwise
look like real text and stop the two parts being stitched together. Such blocks are kept
(nothing is thrown away) but marked with ``style="furniture"`` so the stitcher and the
table context skip them.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from wres.extractors.model import TextBlock, clean_text
from wres.extractors.pdf_layout import Line
from wres.extractors.stitch import FURNITURE_STYLE

HEADING_STYLE = "Heading"
TOP_BAND = 0.15  # share of the page height counted as the header band
BOTTOM_BAND = 0.12
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-\u2013 ]*\d{1,4}[-\u2013 ]*((of|/)\s*\d{1,4})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass
class PlacedBlock:
    """A text block with where it sat on its page, for reading order and furniture."""

    block: TextBlock
    top: float
    bottom: float
    page_height: float


def text_blocks(lines: Sequence[Line], page_number: int, page_height: float,
                body_size: float) -> list[PlacedBlock]:
    """Group lines into blocks: a new block starts at a gap wider than line spacing, or
    where the font size or weight changes (a heading above a paragraph)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups and _same_block(groups[-1][-1], line):
            groups[-1].append(line)
        else:
            groups.append([line])
    placed = []
    for group in groups:
        text = clean_text("\n".join(line.text for line in group))
        if not text:
            continue
        style = HEADING_STYLE if _looks_like_heading(group, body_size) else None
        block = TextBlock(text=text, page=page_number, style=style)
        placed.append(PlacedBlock(block, group[0].top, group[-1].bottom, page_height))
    return placed


def _same_block(previous: Line, line: Line) -> bool:
    size = max(previous.size, line.size)
    if line.top - previous.bottom > 0.8 * size:
        return False
    if abs(previous.size - line.size) > 0.15 * size:
        return False
    return previous.bold == line.bold


def _looks_like_heading(group: Sequence[Line], body_size: float) -> bool:
    size = statistics.median(line.size for line in group)
    words = sum(len(line.words) for line in group)
    if size >= 1.15 * body_size:
        return True
    return all(line.bold for line in group) and words <= 15


def body_font_size(lines: Sequence[Line]) -> float:
    """The font size most of the page's words use."""
    sizes = [round(w.size, 1) for line in lines for w in line.words]
    if not sizes:
        return 10.0
    return statistics.mode(sizes)


def _furniture_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def _in_margin(placed: PlacedBlock) -> str | None:
    if placed.bottom <= TOP_BAND * placed.page_height:
        return "top"
    if placed.top >= (1 - BOTTOM_BAND) * placed.page_height:
        return "bottom"
    return None


def mark_furniture(placed_blocks: Sequence[PlacedBlock]) -> None:
    """Mark page numbers and text repeated in the top or bottom band of several pages.

    A repeated top line on page 1 stays unmarked there: it is usually the document's title
    and the normaliser wants it."""
    seen: dict[str, list[PlacedBlock]] = {}
    for placed in placed_blocks:
        band = _in_margin(placed)
        if band is None:
            continue
        if _PAGE_NUMBER.match(placed.block.text.strip()):
            placed.block.style = FURNITURE_STYLE
            continue
        seen.setdefault(band + ":" + _furniture_key(placed.block.text), []).append(placed)
    for key, group in seen.items():
        if len({p.block.page for p in group}) < 2:
            continue
        for position, placed in enumerate(group):
            if position == 0 and key.startswith("top:") and placed.block.page == 1:
                continue
            placed.block.style = FURNITURE_STYLE
