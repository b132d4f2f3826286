"""Clean a scanned page picture for OCR and find its ruling lines (OpenCV).

Why these steps, in this order:
- **Deskew first.** A scanner feeds paper a degree or two askew; every later step (long
  horizontal kernels, rows of words, cell boxes) assumes rows are level. The angle comes
  from the page's long ruling strokes: each stroke kept by a short horizontal (or vertical)
  opening is fitted with a straight line, and the length-weighted median of their slopes is
  the skew. Text alone gives no reliable angle, so a page without rulings is left as it is.
- **Flatten the background.** Dividing the grey image by its local maximum (a dilation wider
  than any stroke) turns a grey banner or a green RAG cell white while black text stays
  black, so one global threshold serves shaded and plain cells alike.
- **Denoise on the binary image.** Salt-and-pepper dots are tiny connected components and
  are dropped by size; a median filter would also eat one-pixel rulings.
- **Rulings by morphology.** Opening with a long thin kernel keeps only strokes at least
  that long in one direction: letters are far shorter, rulings far longer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

MAX_SKEW_DEGREES = 8.0  # steeper than this is a page turned on purpose, not a skew
BACKGROUND_WINDOW_IN = 0.15  # the background window: mostly paper even over a text line
SPECK_MAX_AREA_IN2 = 0.00005  # dots smaller than this are noise (a full stop is larger)
RULE_MIN_LENGTH_IN = 0.25  # a horizontal stroke this long is a ruling, never a letter
# a vertical ruling of a one-line row is shorter than a tall letter's stem; letters are
# told apart later, by not reaching the rulings above and below (``ocr_grid``)
VERTICAL_MIN_LENGTH_IN = 0.1
RULE_GAP_IN = 0.012  # gaps this small in a ruling (noise, a faint scan) are bridged
BORDER_REACH_IN = 0.025  # a ruling lies this close to the cell border it draws
RULE_INK_LEVEL = 215  # a ruling is anything darker than this on the flattened page
SKEW_STROKE_IN = 0.12  # strokes kept to measure the skew (short: they are still tilted)
SKEW_MIN_LENGTH_IN = 1.5  # only strokes at least this long vote on the skew


@dataclass
class CleanPage:
    """A deskewed page: its colour picture, the binary ink, and the ruling masks."""

    colour: np.ndarray  # H x W x 3 RGB, deskewed
    ink: np.ndarray  # H x W uint8, 255 where there is ink (text or rulings), noise removed
    horizontal: np.ndarray  # H x W uint8, 255 on horizontal rulings
    vertical: np.ndarray  # H x W uint8, 255 on vertical rulings
    dpi: float
    skew: float  # degrees the scan was turned counter-clockwise (corrected here)

    def text_only(self, cell_boxes: Sequence[tuple[int, int, int, int]]) -> np.ndarray:
        """Black text on white with the rulings along the given cells' borders painted
        out: what tesseract reads best (a ruling beside a word is otherwise read as "|" or
        "l", or splits the line). Only the cells' own borders are painted: elsewhere a
        long stroke may be the stem of a large letter."""
        reach = max(2, round(BORDER_REACH_IN * self.dpi))
        level, plumb = np.zeros_like(self.ink), np.zeros_like(self.ink)
        for x0, top, x1, bottom in cell_boxes:
            for y in (top, bottom):
                cv2.line(level, (x0, y), (x1, y), 255, 2 * reach + 1)
            for x in (x0, x1):
                cv2.line(plumb, (x, top), (x, bottom), 255, 2 * reach + 1)
        across, down = ruling_pixels(self.ink, self.dpi)
        across, down = cv2.bitwise_and(across, level), cv2.bitwise_and(down, plumb)
        text = cv2.bitwise_and(self.ink, cv2.bitwise_not(cv2.bitwise_or(across, down)))
        text = cv2.bitwise_or(text, strokes_through(text, across, steps=reach))
        return cv2.bitwise_not(text)


def ruling_pixels(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """The rulings' own pixels, horizontal and vertical: runs of ink as long as a ruling,
    taken from the ink itself rather than the thickened masks, grown by two pixels across
    to take the ruling's faint fringe with them."""
    length = _px(VERTICAL_MIN_LENGTH_IN, dpi, 6)
    across = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(length, 1))
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, _kernel(1, length))
    return cv2.dilate(across, _kernel(1, 5)), cv2.dilate(down, _kernel(5, 1))


def strokes_through(text: np.ndarray, painted: np.ndarray, steps: int) -> np.ndarray:
    """The painted pixels of horizontal rulings that carry on a letter's stroke: a row
    is often set so tight that the tails of "p" and "g" run into the ruling below, and
    painting the ruling would cut them to "o" and "a". Grown down from text touching the
    ruling's top and up from text touching its bottom, one pixel row per step."""
    kept = np.zeros_like(text)
    for shift in (1, -1):
        grown = text.copy()
        for _ in range(steps):
            moved = np.zeros_like(grown)
            if shift > 0:
                moved[1:] = grown[:-1]
            else:
                moved[:-1] = grown[1:]
            grown = cv2.bitwise_or(grown, cv2.bitwise_and(moved, painted))
        kept = cv2.bitwise_or(kept, cv2.bitwise_and(grown, painted))
    return kept


def _px(inches: float, dpi: float, least: int = 1) -> int:
    return max(least, round(inches * dpi))


def _kernel(width: int, height: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))


def clean_page(rgb: np.ndarray, dpi: float) -> CleanPage:
    """Deskew, flatten, binarise and denoise a page picture; find its rulings."""
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    skew = estimate_skew(binarise(grey, dpi), dpi)
    if abs(skew) >= 0.05:
        rgb = rotate(rgb, -skew)
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    flat = flatten(grey, dpi)
    ink = remove_specks(_otsu(flat), dpi)
    horizontal, vertical = ruling_masks(np.where(flat < RULE_INK_LEVEL, 255, 0).astype(np.uint8),
                                        dpi)
    return CleanPage(rgb, ink, horizontal, vertical, dpi, skew)


def flatten(grey: np.ndarray, dpi: float) -> np.ndarray:
    """The grey image divided by its local background (the median of a window much larger
    than a letter, taken on a picture shrunk fourfold for speed): shaded cells become
    white paper, their text stays dark, and the noise of a dark shading is not magnified
    as it would be by dividing by a local maximum."""
    height, width = grey.shape
    small = cv2.resize(grey, (max(1, width // 4), max(1, height // 4)),
                       interpolation=cv2.INTER_AREA)
    size = _px(BACKGROUND_WINDOW_IN / 4, dpi, 3) | 1
    background = cv2.resize(cv2.medianBlur(small, size), (width, height),
                            interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, np.maximum(background, 1), scale=255)


def _otsu(flat: np.ndarray) -> np.ndarray:
    _, ink = cv2.threshold(flat, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return ink


def binarise(grey: np.ndarray, dpi: float) -> np.ndarray:
    """255 where there is ink: the flattened page cut by one Otsu threshold."""
    return _otsu(flatten(grey, dpi))


def remove_specks(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Drop connected blobs of ink too small to be part of a letter or a ruling."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    smallest = max(2, round(SPECK_MAX_AREA_IN2 * dpi * dpi))
    keep = stats[:, cv2.CC_STAT_AREA] > smallest
    keep[0] = False  # the background
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def ruling_masks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rulings: long thin strokes, then small gaps bridged (bridging
    first would join the letters of a text line into one long stroke)."""
    length = _px(RULE_MIN_LENGTH_IN, dpi, 10)
    gap = _px(RULE_GAP_IN, dpi, 2)
    # a thin ruling drawn between two pixel rows shows in one row, then the other: a
    # 3-pixel thickening across it first keeps it one unbroken stroke
    horizontal = cv2.dilate(ink, _kernel(1, 3))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_OPEN, _kernel(length, 1))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, _kernel(gap, 1))
    vertical = cv2.dilate(ink, _kernel(3, 1))
    upright = _px(VERTICAL_MIN_LENGTH_IN, dpi, 6)
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_OPEN, _kernel(1, upright))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, _kernel(1, gap))
    return horizontal, vertical


def estimate_skew(ink: np.ndarray, dpi: float) -> float:
    """The page's tilt in degrees (positive: turned counter-clockwise), from the slopes
    of its long ruling strokes; 0.0 when it has none."""
    votes: list[tuple[float, float]] = []
    stroke = _px(SKEW_STROKE_IN, dpi, 6)
    least = _px(SKEW_MIN_LENGTH_IN, dpi, 40)
    for kernel, upright in ((_kernel(stroke, 1), False), (_kernel(1, stroke), True)):
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        votes += _stroke_angles(mask, least, upright)
    if not votes:
        return 0.0
    return _weighted_median(votes)


def _stroke_angles(mask: np.ndarray, least: int, upright: bool) -> list[tuple[float, float]]:
    """(angle, length) of every long connected stroke in ``mask``, angles measured so that
    a level horizontal line and a plumb vertical line are both 0."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    votes = []
    for index in range(1, count):
        x, y, width, height = stats[index, :4]
        length = height if upright else width
        if length < least:
            continue
        ys, xs = np.nonzero(labels[y:y + height, x:x + width] == index)
        points = np.column_stack((xs, ys)).astype(np.float32)
        vx, vy, _, _ = cv2.fitLine(points, cv2.DIST_L2, 0, 0.01, 0.01).ravel()
        if upright:
            angle = math.degrees(math.atan2(float(vx), float(vy)))
        else:
            angle = -math.degrees(math.atan2(float(vy), float(vx)))
        angle = (angle + 90.0) % 180.0 - 90.0
        if abs(angle) <= MAX_SKEW_DEGREES:
            votes.append((angle, float(length)))
    return votes


def _weighted_median(votes: list[tuple[float, float]]) -> float:
    votes.sort()
    half = sum(weight for _, weight in votes) / 2
    running = 0.0
    for angle, weight in votes:
        running += weight
        if running >= half:
            return angle
    return votes[-1][0]


def rotate(rgb: np.ndarray, degrees: float) -> np.ndarray:
    """The picture turned ``degrees`` counter-clockwise about its centre, white corners."""
    height, width = rgb.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(rgb, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255))
