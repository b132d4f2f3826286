"""tesseract for PDF pages that are pictures (``--ocr``): one run per page, words with boxes.

Why the command-line program and not a Python binding: ``tesseract`` is the one OCR
engine already on the machines that need OCR, and its TSV output gives every word with its
box, which becomes ``Word`` objects in PDF points, so the usual line and text-block logic
runs on it unchanged. The page picture is rendered in-process (pypdfium2, which pdfplumber
already needs) and cleaned first (``ocr_image``); it reaches tesseract on its standard
input, so no temporary files are written. tesseract runs single-threaded: its OpenMP
threads only fight over the cores when several documents are read at once.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import statistics
import subprocess

import cv2
import numpy as np

from wres.errors import ResourceLimitError, ScannedDocumentError
from wres.extractors.pdf_layout import Word

PAGE_TIMEOUT_S = 120
MIN_CONFIDENCE = 30.0
SURE_CONFIDENCE = 60.0
# what the edge of a ruling or a speck beside a word is read as, stuck to the word: no
# plan starts a word with these or ends one with the second set
FRINGE_LEAD = "|_~=`,;:"
FRINGE_TAIL = "|_~=`"
SHORT_WORD = 0.5  # a "word" less than half as tall as the usual word is a speck
# --psm 4 ("one column of text of variable sizes"): measured on scanned plans, the default
# layout analysis (3) and sparse text (11) both drop a cell holding one lone digit (a Ref
# column's "5"), and 4 read the cells' text as well or better; the words are placed into
# cells by their boxes, so how tesseract groups them into lines does not matter
PAGE_SEGMENTATION = "4"


def missing_ocr_tools() -> list[str]:
    """Names of the OCR programs that are not installed."""
    return [tool for tool in ("tesseract",) if shutil.which(tool) is None]


def require_ocr_tools() -> None:
    missing = missing_ocr_tools()
    if missing:
        raise ScannedDocumentError(
            "no text layer: the pages are images, and OCR needs "
            + " and ".join(missing) + ", which is not installed "
            "(install tesseract-ocr)")


def tesseract_words(image: np.ndarray, dpi: float, page_number: int, language: str = "eng",
                    segmentation: str = PAGE_SEGMENTATION) -> list[Word]:
    """Words of a page picture (grey or binary, white paper) in PDF points."""
    require_ocr_tools()
    ok, png = cv2.imencode(".png", image)
    if not ok:
        raise ScannedDocumentError(f"OCR of page {page_number} failed: the picture of the "
                                   "page could not be encoded")
    command = ["tesseract", "stdin", "stdout", "-l", language, "--dpi", str(round(dpi)),
               "--psm", segmentation, "tsv"]
    return parse_tsv(_run(command, png.tobytes(), page_number), dpi)


def _run(command: list[str], data: bytes, page_number: int) -> str:
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, input=data, capture_output=True, check=False,
                              timeout=PAGE_TIMEOUT_S, env=environment)
    except subprocess.TimeoutExpired as exc:
        raise ResourceLimitError(
            f"OCR of page {page_number} took longer than {PAGE_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()[:200]
        raise ScannedDocumentError(
            f"OCR of page {page_number} failed: {command[0]} said {said or 'nothing'}")
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, dpi: float) -> list[Word]:
    """tesseract TSV (level 5 rows are words) to ``Word`` objects scaled to points, with
    the specks and ruling fringes that tesseract reads as marks left out."""
    scale = 72.0 / dpi
    found = []
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = strip_fringe((record.get("text") or "").strip())
        if record.get("level") != "5" or not text:
            continue
        box = [float(record[key]) for key in ("left", "top", "width", "height")]
        found.append((text, float(record.get("conf") or -1), box))
    if not found:
        return []
    usual_height = statistics.median(box[3] for _, _, box in found)
    words = []
    for text, confidence, (left, top, width, height) in found:
        if not is_real_word(text, confidence, height / usual_height):
            continue
        words.append(Word(text=text, x0=left * scale, x1=(left + width) * scale,
                          top=top * scale, bottom=(top + height) * scale,
                          size=max(1.0, height * scale * 1.2)))
    return words


def is_real_word(text: str, confidence: float, relative_height: float) -> bool:
    """Keep a word tesseract is sure of, or one with two or more letters or digits even
    when it is not (it scores "2.1" or a hyphenated "De-badge" near zero, yet reads them
    right); drop marks without a letter or digit and anything much shorter than a line of
    text unless it is sure: those are specks and the fringes of rulings."""
    if confidence < 0 or not text.strip(FRINGE_TAIL):
        return False  # not a word, or only rule-like strokes ("_", "|")
    sure = confidence >= SURE_CONFIDENCE
    alphanumerics = sum(1 for char in text if char.isalnum())
    if not sure and (alphanumerics == 0 or relative_height < SHORT_WORD):
        return False
    return confidence >= MIN_CONFIDENCE or alphanumerics >= 2


def strip_fringe(text: str) -> str:
    """A word without the marks a ruling's edge or a speck stuck to it (",RAG" is "RAG");
    a word that is only marks ("=" in "Blue = complete") is left as it is."""
    core = text.lstrip(FRINGE_LEAD).rstrip(FRINGE_TAIL)
    return core if any(char.isalnum() for char in core) else text
