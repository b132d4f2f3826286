"""A second look at the cells that tesseract's page reading left empty.

Why: reading a whole page, tesseract's layout analysis drops a lone short mark as noise;
in a plan that is the "4" or "6" of a Ref column, whose neighbours "3" and "5" it read.
The cells that hold ink but got no word are cut out, stacked on one white sheet and read
in one more tesseract run as a uniform block of text (``--psm 6``), which keeps lone
characters; each word found goes back to the cell it came from. One extra run per page,
and only when a cell needs it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from wres.extractors.ocr import tesseract_words
from wres.extractors.pdf_layout import Word, centre_inside

MIN_INK_IN2 = 0.0005  # a cell with less dark area than this is empty (a stray speck)
INSET_IN = 0.02  # cut inside the cell's rulings
GAP_IN = 0.15  # white space between the stacked cells
BLOCK_SEGMENTATION = "6"

Box = tuple[int, int, int, int]


def reread_empty_cells(text_image: np.ndarray, boxes: Sequence[Box], words: Sequence[Word],
                       dpi: float, page_number: int) -> list[Word]:
    """Words, in page points, of the cells (pixel boxes) that hold ink but no word."""
    scale = 72.0 / dpi
    inset, gap = max(1, round(INSET_IN * dpi)), max(4, round(GAP_IN * dpi))
    least = MIN_INK_IN2 * dpi * dpi
    crops: list[tuple[Box, np.ndarray]] = []
    for box in boxes:
        x0, top, x1, bottom = box
        crop = text_image[top + inset:bottom - inset, x0 + inset:x1 - inset]
        if crop.size == 0 or np.count_nonzero(crop < 128) < least:
            continue
        points = (x0 * scale, top * scale, x1 * scale, bottom * scale)
        if not any(centre_inside(word, points) for word in words):
            crops.append((box, crop))
    if not crops:
        return []
    width = max(crop.shape[1] for _, crop in crops) + 2 * gap
    height = sum(crop.shape[0] + gap for _, crop in crops) + gap
    sheet = np.full((height, width), 255, np.uint8)
    placed: list[tuple[int, int, Box]] = []
    y = gap
    for box, crop in crops:
        sheet[y:y + crop.shape[0], gap:gap + crop.shape[1]] = crop
        placed.append((y, y + crop.shape[0], box))
        y += crop.shape[0] + gap
    found = tesseract_words(sheet, dpi, page_number, segmentation=BLOCK_SEGMENTATION)
    return [_moved(word, placed, inset, gap, scale) for word in found
            if _home(word, placed, scale) is not None]


def _home(word: Word, placed: Sequence[tuple[int, int, Box]], scale: float):
    middle = (word.top + word.bottom) / 2 / scale
    for top, bottom, box in placed:
        if top <= middle <= bottom:
            return top, box
    return None


def _moved(word: Word, placed: Sequence[tuple[int, int, Box]], inset: int, gap: int,
           scale: float) -> Word:
    """The word moved from its place on the sheet back to its cell on the page."""
    top, box = _home(word, placed, scale)
    dx = (box[0] + inset - gap) * scale
    dy = (box[1] + inset - top) * scale
    return Word(word.text, word.x0 + dx, word.x1 + dx, word.top + dy, word.bottom + dy,
                word.size, word.bold)
