"""The PDFium page source against the pdfplumber reference, on every sample PDF.

Why compare whole documents: the PDFium source is only worth having if nothing a plan
reader sees changes: the same blocks, tables, cells, cell texts, fills and mark colours.
Coordinates may differ in the last float digits (PDFium works in float32), so numbers are
compared to a hundredth of a point; every string must be identical.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.conftest import DOCS
from wres.extractors.pdf import extract_pdf
from wres.extractors.pdf_layout import colour_hex
from wres.extractors.pdf_page import read_page
from wres.extractors.pdf_pdfium import PdfiumSource
from wres.extractors.registry import extract

SAMPLE_PDFS = sorted(p for p in DOCS.glob("*.pdf") if not p.name.startswith("bad-"))
TOLERANCE = 0.011


def _same(left: Any, right: Any) -> bool:
    """Equal, numbers to within ``TOLERANCE`` (PDFium's float32 against pdfminer's)."""
    if isinstance(left, float) and isinstance(right, float):
        return abs(left - right) <= TOLERANCE
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_same(left[k], right[k]) for k in left)
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        return len(left) == len(right) and all(
            _same(a, b) for a, b in zip(left, right, strict=True))
    return left == right


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.stem)
def test_pdfium_gives_the_reference_document(path: Path) -> None:
    reference = extract(path, engine="pdfplumber")
    fast = extract(path, engine="pdfium")
    assert fast.warnings == reference.warnings
    assert len(fast.blocks) == len(reference.blocks)
    for ours, theirs in zip(fast.blocks, reference.blocks, strict=True):
        mine, expected = dataclasses.asdict(ours), dataclasses.asdict(theirs)
        assert _same(mine, expected), f"{path.name}: {str(expected)[:300]}"


def test_pdfium_chars_and_fills_match_pdfminer_on_a_sample() -> None:
    path = DOCS / "kent-community-health-2021-22.pdf"
    source = PdfiumSource(path)
    with pdfplumber.open(path) as reference, pdfplumber.open(path) as fast:
        for ref_page, page in zip(reference.pages, fast.pages, strict=True):
            assert source.install(page)
            for kind in ("rect", "line", "curve"):
                assert len(page.objects.get(kind, [])) == len(ref_page.objects.get(kind, []))
            ref_fills = sorted(colour_hex(r["non_stroking_color"]) for r in ref_page.rects
                               if r["fill"])
            assert sorted(colour_hex(r["non_stroking_color"]) for r in page.rects
                          if r["fill"]) == ref_fills
            ref_words = ref_page.extract_words(extra_attrs=["size", "fontname"])
            words = page.extract_words(extra_attrs=["size", "fontname"])
            assert [w["text"] for w in words] == [w["text"] for w in ref_words]
            assert [w["fontname"] for w in words] == [w["fontname"] for w in ref_words]
            assert _same([(w["x0"], w["top"], w["x1"], w["bottom"]) for w in words],
                         [(w["x0"], w["top"], w["x1"], w["bottom"]) for w in ref_words])
    source.close()


def test_a_page_pdfium_cannot_read_is_read_by_pdfplumber() -> None:
    """PDFium's document is gone (as when it cannot load a page): every page falls back
    to pdfminer's parse, and the pages read exactly as the reference reads them."""
    path = DOCS / "synthetic2-calderbank-priority-2021-22.pdf"
    source = PdfiumSource(path)
    source.document.close()
    with pdfplumber.open(path) as pdf, pdfplumber.open(path) as reference:
        for page, ref_page in zip(pdf.pages, reference.pages, strict=True):
            assert not source.install(page)
            ours = read_page(page, page.page_number, path, use_camelot=False)
            theirs = read_page(ref_page, ref_page.page_number, path, use_camelot=False)
            assert [t.table.rows for t in ours.items if hasattr(t, "table")] == \
                [t.table.rows for t in theirs.items if hasattr(t, "table")]
    assert source.fallbacks == list(range(1, len(pdf.pages) + 1))


def test_a_file_pdfium_cannot_open_is_read_by_pdfplumber(tmp_path: Path) -> None:
    """A path PDFium cannot open leaves every page to pdfplumber, without an error."""
    source = PdfiumSource(tmp_path / "absent.pdf")
    path = DOCS / "kent-community-health-2019-20.pdf"
    with pdfplumber.open(path) as pdf:
        assert not source.install(pdf.pages[0])
    assert source.fallbacks == [1]
    assert extract_pdf(path, pdfium=True).tables
