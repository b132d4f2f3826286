"""Small geometry helpers shared by the PDF table and text readers.

Why a module of its own: the ruled-table reader, the borderless-table reader, the camelot
adapter, the OCR path and the text-block builder all need the same notions of a word, a
text line, a phrase (words close enough to belong to one cell) and a cell's fill colour.
Keeping them here means OCR output (words from tesseract) goes through exactly the same
layout logic as words from a text layer.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from wres.extractors.model import BBox, Table
from wres.extractors.pdf_line_text import plain_page_words

BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demi")


@dataclass(frozen=True)
class Word:
    """One word with its box (PDF points, top-down) and the font facts we use."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False


@dataclass
class Line:
    """Words sharing one baseline band, left to right."""

    words: list[Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def baseline(self) -> float:
        """Median bottom of the words: steady even when OCR boxes vary in height."""
        return statistics.median(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def size(self) -> float:
        return statistics.median(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class PageTable:
    """A table found on one page plus the box it occupies (for reading order and to keep
    its words out of the text blocks)."""

    table: Table
    bbox: BBox
    quality: float = 1.0
    notes: list[str] = field(default_factory=list)


def is_bold_font(fontname: str | None) -> bool:
    """Font names carry the weight ("ABCDEF+Arial-BoldMT"); there is no other bold flag."""
    name = (fontname or "").lower()
    return any(marker in name for marker in BOLD_MARKERS)


def words_from_page(page) -> list[Word]:
    """All words of a pdfplumber page as ``Word`` objects, upright text only."""
    raw = plain_page_words(page.chars)  # pdfplumber's words, made faster (pdf_line_text)
    if raw is None:
        raw = page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
    return [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
             float(w["size"]), is_bold_font(w.get("fontname")))
        for w in raw
        if w.get("upright", True)
    ]


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Cluster words into lines: a word joins the line when its vertical middle is within
    0.4 of a word height of the line's first word (OCR boxes vary with ascenders and
    descenders, so tops alone are not enough)."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom, w.x0)):
        if lines:
            first = lines[-1].words[0]
            height = max(first.bottom - first.top, word.bottom - word.top)
            tolerance = max(1.5, 0.4 * height)
            if abs((word.top + word.bottom) - (first.top + first.bottom)) / 2 <= tolerance:
                lines[-1].words.append(word)
                continue
        lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def phrase_gap(size: float) -> float:
    """A horizontal gap wider than this separates two cells rather than two words. A space
    is about a quarter of the font size; cell padding makes column gaps wider than half."""
    return max(3.5, 0.55 * size)


def split_phrases(line: Line) -> list[list[Word]]:
    """Split a line at gaps too wide to be a space between words."""
    phrases: list[list[Word]] = []
    for word in line.words:
        if phrases and word.x0 - phrases[-1][-1].x1 <= phrase_gap(word.size):
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


def words_bbox(words: Sequence[Word]) -> BBox:
    return (min(w.x0 for w in words), min(w.top for w in words),
            max(w.x1 for w in words), max(w.bottom for w in words))


def centre_inside(word: Word, bbox: BBox, margin: float = 0.0) -> bool:
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return (bbox[0] - margin <= x <= bbox[2] + margin
            and bbox[1] - margin <= y <= bbox[3] + margin)


def colour_hex(colour) -> str | None:
    """pdfplumber colour (gray, RGB or CMYK floats) as "RRGGBB"; None for patterns."""
    if colour is None or isinstance(colour, str):
        return None
    values = list(colour) if isinstance(colour, (tuple, list)) else [colour]
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return None
    if len(values) == 1:
        rgb = values * 3
    elif len(values) == 3:
        rgb = values
    elif len(values) == 4:
        c, m, y, k = values
        rgb = [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)]
    else:
        return None
    # half up, as PDFium rounds (Python's round() takes 0.3 * 255 = 76.5 to 76, PDFium to 77)
    return "".join(f"{math.floor(max(0.0, min(1.0, v)) * 255 + 0.5):02X}" for v in rgb)


@dataclass(frozen=True)
class Fill:
    """A filled rectangle of the page with its colour."""

    bbox: BBox
    colour: str

    @property
    def area(self) -> float:
        return (self.bbox[2] - self.bbox[0]) * (self.bbox[3] - self.bbox[1])


def is_box_curve(curve: dict) -> bool:
    """A curve that is really an axis-aligned rectangle (a transformed "re" operator)."""
    points = curve.get("pts") or []
    if not 4 <= len(points) <= 5:
        return False
    x0, top, x1, bottom = curve["x0"], curve["top"], curve["x1"], curve["bottom"]
    return all(min(abs(x - x0), abs(x - x1)) < 0.5 and min(abs(y - top), abs(y - bottom)) < 0.5
               for x, y in points)


def page_fills(page) -> list[Fill]:
    """Filled, non-white rectangles, smallest first so the first hit is the tightest."""
    fills = []
    for rect in [*page.rects, *(c for c in page.curves if is_box_curve(c))]:
        if not rect.get("fill"):
            continue
        colour = colour_hex(rect.get("non_stroking_color"))
        if colour is None or colour == "FFFFFF":
            continue
        fills.append(Fill((float(rect["x0"]), float(rect["top"]),
                           float(rect["x1"]), float(rect["bottom"])), colour))
    fills.sort(key=lambda f: f.area)
    return fills


def fill_at(fills: Sequence[Fill], x: float, y: float) -> Fill | None:
    """The smallest fill under a point (``fills`` sorted smallest first)."""
    for fill in fills:
        x0, top, x1, bottom = fill.bbox
        if x0 <= x <= x1 and top <= y <= bottom:
            return fill
    return None


def cell_fill(fills: Sequence[Fill], bbox: BBox) -> str | None:
    """Colour of the smallest filled rectangle under the centre of ``bbox``."""
    fill = fill_at(fills, (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
    return fill.colour if fill else None


def cluster_values(values: Iterable[float], tolerance: float) -> list[float]:
    """Sorted representatives of values that lie within ``tolerance`` of each other."""
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [statistics.fmean(c) for c in clusters]


def nearest_index(points: Sequence[float], value: float) -> int:
    return min(range(len(points)), key=lambda i: abs(points[i] - value))


def count_between(points: Sequence[float], low: float, high: float) -> int:
    return sum(1 for p in points if low <= p < high)
