"""Optical character recognition for PDF pages that are pictures (``--ocr``).

Why the command-line tools and not a Python binding: ``pdftoppm`` (poppler) and
``tesseract`` are already on the machines that need OCR and add no Python dependency.
tesseract's TSV output gives every word with its box, which becomes ``Word`` objects in
PDF points, so the usual line, table and text-block logic runs on it unchanged.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from wres.errors import ResourceLimitError, ScannedDocumentError
from wres.extractors.pdf_layout import Word

DPI = 300
PAGE_TIMEOUT_S = 120
MIN_CONFIDENCE = 30.0


def missing_ocr_tools() -> list[str]:
    """Names of the OCR programs that are not installed."""
    return [tool for tool in ("pdftoppm", "tesseract") if shutil.which(tool) is None]


def require_ocr_tools() -> None:
    missing = missing_ocr_tools()
    if missing:
        raise ScannedDocumentError(
            "no text layer: the pages are images, and OCR needs "
            + " and ".join(missing) + ", which is not installed "
            "(install poppler-utils and tesseract-ocr)")


def ocr_page_words(path: Path, page_number: int, language: str = "eng") -> list[Word]:
    """Render one page and read its words with tesseract, in PDF points."""
    require_ocr_tools()
    with tempfile.TemporaryDirectory(prefix="wres-ocr-") as tmp:
        stem = Path(tmp) / "page"
        _run(["pdftoppm", "-f", str(page_number), "-l", str(page_number), "-r", str(DPI),
              "-png", "-singlefile", str(path), str(stem)], page_number)
        tsv = _run(["tesseract", f"{stem}.png", "stdout", "-l", language, "tsv"], page_number)
    return parse_tsv(tsv, DPI)


def _run(command: list[str], page_number: int) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=PAGE_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise ResourceLimitError(
            f"OCR of page {page_number} took longer than {PAGE_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        raise ScannedDocumentError(
            f"OCR of page {page_number} failed: {command[0]} said "
            f"{done.stderr.strip()[:200] or 'nothing'}")
    return done.stdout


def parse_tsv(tsv: str, dpi: int) -> list[Word]:
    """tesseract TSV (level 5 rows are words) to ``Word`` objects scaled to points."""
    scale = 72.0 / dpi
    words = []
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (record.get("text") or "").strip()
        if record.get("level") != "5" or not text:
            continue
        if float(record.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        left, top = float(record["left"]), float(record["top"])
        width, height = float(record["width"]), float(record["height"])
        words.append(Word(text=text, x0=left * scale, x1=(left + width) * scale,
                          top=top * scale, bottom=(top + height) * scale,
                          size=max(1.0, height * scale * 1.2)))
    return words
