"""Colours from the PDFium page source against the pdfminer reference, on made PDFs.

Why made here: no sample PDF sets a CMYK colour or a colour off the 8-bit grid, and both
are common in plans laid out for print. PDFium converts CMYK its own way, so such a page
must be read by pdfminer; RGB and gray values must round to the same hex in both.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen import canvas

from wres.extractors.pdf_layout import colour_hex
from wres.extractors.pdf_pdfium import PdfiumSource
from wres.extractors.registry import extract


def _plan(path: Path, fills: list, text_colour) -> Path:
    """A three-column ruled plan whose RAG cells are filled with ``fills``."""
    page = canvas.Canvas(str(path), pagesize=(600, 800))
    rows = [["Action", "Lead", "RAG"], ["Run reverse mentoring", "HRD", "Green"],
            ["Audit shortlists", "DoN", "Red"]]
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            x, y = 50 + k * 160, 700 - r * 40
            if r and k == 2:
                page.setFillColor(fills[r - 1])
                page.rect(x, y, 160, 40, fill=1, stroke=0)
            page.setStrokeColor(text_colour)
            page.rect(x, y, 160, 40, fill=0, stroke=1)
            line = page.beginText(x + 4, y + 25)
            line.setFont("Helvetica", 10)
            line.setFillColor(text_colour)
            if r == 2 and k == 0:  # squeezed, spaced and raised text too
                line.setHorizScale(80)
                line.setCharSpace(0.5)
                line.textOut(text)
                line.setRise(4)
                line.textOut("2")
            else:
                line.textOut(text)
            page.drawText(line)
    page.showPage()
    page.save()
    return path


def _cells(path: Path, engine: str) -> list[list[tuple]]:
    document = extract(path, engine=engine)
    return [[(c.text, c.fill, c.mark_colour) for c in row.cells]
            for block in document.blocks if hasattr(block, "rows") for row in block.rows]


def _fallbacks(path: Path) -> list[int]:
    source = PdfiumSource(path)
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            source.install(page)
    source.close()
    return source.fallbacks


def test_a_cmyk_page_is_read_by_pdfminer_and_gives_the_reference_colours(tmp_path: Path):
    path = _plan(tmp_path / "cmyk.pdf", [CMYKColor(0.6, 0, 1, 0), CMYKColor(0, 1, 1, 0)],
                 CMYKColor(0.2, 0.3, 0.1, 0.6))
    assert _fallbacks(path) == [1]
    reference = _cells(path, "pdfplumber")
    assert [row[2][1] for row in reference[1:]] == ["66FF00", "FF0000"]  # C,M,Y,K -> RGB
    assert _cells(path, "pdfium") == reference


def test_rgb_and_gray_off_the_8_bit_grid_round_alike(tmp_path: Path):
    """0.3 x 255 = 76.5: both engines must give 4D (PDFium rounds half up)."""
    from reportlab.lib.colors import Color

    path = _plan(tmp_path / "rgb.pdf", [Color(0.3, 0.61, 0.07), Color(0.7, 0.3, 0.3)],
                 Color(0.3, 0.3, 0.3))
    assert _fallbacks(path) == []  # read by PDFium
    reference = _cells(path, "pdfplumber")
    assert [row[2][1] for row in reference[1:]] == ["4D9C12", "B34D4D"]
    assert _cells(path, "pdfium") == reference


def test_colour_hex_rounds_half_up() -> None:
    assert colour_hex((0.3, 0.5, 0.7)) == "4D80B3"
    assert colour_hex(0.3) == "4D4D4D"
    assert colour_hex((0, 0, 0, 1)) == "000000"
