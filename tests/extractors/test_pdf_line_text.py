"""The fast line text against pdfplumber's own ``extract_text``, which it stands in for.

Why every line of every sample PDF: ``line_text`` is only worth having if no cell text
changes. Lines are taken both across the whole page (long lines, wide gaps, several fonts)
and inside each ruled cell (how the ruled-table reader asks for them), from both page
sources (pdfminer and PDFium).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest

from tests.conftest import DOCS
from wres.extractors.pdf_line_text import _plain_line, line_text, plain_page_words
from wres.extractors.pdf_pdfium import PdfiumSource
from wres.extractors.pdf_ruled import _visual_lines, find_pdfplumber_tables

SAMPLE_PDFS = sorted(p for p in DOCS.glob("*.pdf") if not p.name.startswith("bad-"))


def _lines_of(page) -> list[list[dict]]:
    """Every visual line of the page, then of each ruled cell, each sorted by x0."""
    groups = [page.chars]
    for table in find_pdfplumber_tables(page):
        for x0, top, x1, bottom in table.cells:
            groups.append([c for c in page.chars
                           if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                           and top <= (c["top"] + c["bottom"]) / 2 <= bottom])
    lines = [line for chars in groups for line in _visual_lines(chars)]
    for line in lines:
        line.sort(key=lambda ch: ch["x0"])
    return lines


def _pages_from_both_sources(path: Path) -> Iterator:
    """Every page of ``path`` as pdfminer parses it, then as PDFium does."""
    for use_pdfium in (False, True):
        source = PdfiumSource(path) if use_pdfium else None
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                if source is not None:
                    source.install(page)
                yield page
        if source is not None:
            source.close()


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_line_text_equals_pdfplumber_on_every_line(path: Path) -> None:
    compared = plain = 0
    for page in _pages_from_both_sources(path):
        for line in _lines_of(page):
            assert line_text(line) == pdfplumber.utils.extract_text(line), line
            compared += 1
            plain += _plain_line(line)
    assert compared > 20 and plain > compared * 0.9  # the fast path, not the fallback


WORD_KEYS = ("text", "x0", "x1", "top", "bottom", "upright", "size", "fontname")


@pytest.mark.parametrize("path", SAMPLE_PDFS, ids=lambda p: p.name)
def test_page_words_equal_pdfplumber_on_every_page(path: Path) -> None:
    pages = plain = 0
    for page in _pages_from_both_sources(path):
        reference = page.extract_words(extra_attrs=["size", "fontname"])
        fast = plain_page_words(page.chars)
        pages += 1
        if fast is not None:
            plain += 1
            assert fast == [{k: w[k] for k in WORD_KEYS} for w in reference]
    assert plain == pages  # no sample page needs pdfplumber's own words


def _char(text: str, x0: float, x1: float, top: float = 100.0, upright: bool = True) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 10,
            "doctop": top, "upright": upright, "height": 10, "width": x1 - x0, "size": 10}


@pytest.mark.parametrize("line", [
    [_char("o", 0, 5), _char("ﬁ", 5, 10), _char("t", 10, 14)],  # a ligature spelled out
    [_char("a", 0, 5), _char("b", 8.5, 12), _char("c", 15.01, 19)],  # gap at, over 3 pt
    [_char("a", 0, 5), _char(" ", 5, 7), _char(" ", 7, 9), _char("b", 9, 12)],
    [_char(" ", 0, 2), _char("a", 2, 5)],  # a blank first
    [_char("a", 0, 5, top=100), _char("b", 5, 9, top=103.5)],  # tops apart: pdfplumber's
    [_char("a", 0, 5), _char("b", 5, 9, upright=False)],  # sideways: pdfplumber's
    [_char("b", 5, 9), _char("a", 0, 5)],  # not in x order: pdfplumber's
    [_char("a", 0, 5), _char("", 5, 5), _char("b", 5, 9)],  # an empty char: pdfplumber's
    [_char("a", 0, 5), _char("b", 4, 9), _char("c", 4, 8)],  # overlapping boxes
])
def test_line_text_equals_pdfplumber_on_made_lines(line: list[dict]) -> None:
    assert line_text(line) == pdfplumber.utils.extract_text(line)


@pytest.mark.parametrize("chars", [
    [_char("a", 0, 5, top=100), _char("b", 5, 9, top=102), _char("c", 9, 12, top=104.5)],
    [_char("b", 9, 12, top=120), _char("a", 0, 5, top=100), _char("c", 0, 5, top=121)],
    [_char("x", 0, 5), _char("ﬂ", 5, 9), _char(" ", 9, 11), _char("y", 11, 14)],
    [_char("a", 0, 5), _char("b", 5, 9, top=96.5)],  # one line, two words by height
])
@pytest.mark.parametrize("fonts", ["one", "alternating"])
def test_page_words_equal_pdfplumber_on_made_pages(chars: list[dict], fonts: str) -> None:
    for index, char in enumerate(chars):
        char.update(fontname="F1" if fonts == "one" or index % 2 else "F2", size=10)
    reference = pdfplumber.utils.extract_words(chars, extra_attrs=["size", "fontname"])
    assert plain_page_words(chars) == [{k: w[k] for k in WORD_KEYS} for w in reference]
