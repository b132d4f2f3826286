"""The committed sample documents exist, open, and are built the way their specs say.

Reads only committed files (no LibreOffice needed). The Word checks walk the real
``w:tr``/``w:tc`` elements, because ``row.cells`` hides merges by repeating cells.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.samples.sample_files import DOCS, SPECS, load_json, manifest_rows

MANIFEST_ROWS = manifest_rows() if (DOCS.parent / "manifest.csv").exists() else []


def spec_path(file_name: str) -> Path:
    return SPECS / f"{Path(file_name).stem.removesuffix('-borderless')}.json"


def spec_of(file_name: str) -> dict:
    return load_json(spec_path(file_name))


# Documents built from specs/ are checked against their spec; the few made by their own
# generators (gen_xlsx.py, gen_numbered.py: workbooks, Word numbering) have no spec.
SPEC_ROWS = [r for r in MANIFEST_ROWS if spec_path(r["file"]).exists()]
DOCX_FILES = [r["file"] for r in SPEC_ROWS if r["file"].endswith(".docx")]
PDF_FILES = [r["file"] for r in SPEC_ROWS if r["file"].endswith(".pdf")]


def spec_tables(spec: dict) -> list[dict]:
    return [b for b in spec["blocks"] if b["type"] == "table"]


def cell_dict(raw: str | dict) -> dict:
    return {"text": raw} if isinstance(raw, str) else raw


def words(text: str) -> set[str]:
    return set(re.sub(r"\s+", " ", text).split())


def test_manifest_lists_existing_documents() -> None:
    assert MANIFEST_ROWS, "manifest.csv is missing or empty"
    for row in MANIFEST_ROWS:
        assert (DOCS / row["file"]).exists(), row["file"]
        has_spec = spec_path(row["file"]).exists()
        spec = spec_of(row["file"]) if has_spec else load_json(
            DOCS.parent / "gold" / f"{row['file']}.json")
        assert row["trust"] == (spec["trust"] or "")
        assert (int(row["period_start"]), int(row["period_end"])) == (
            spec["period_start"], spec["period_end"])
    assert any(r["file"].endswith("-borderless.pdf") for r in MANIFEST_ROWS)


@pytest.mark.parametrize("name", DOCX_FILES)
def test_docx_opens_and_is_landscape_a4(name: str) -> None:
    doc = Document(str(DOCS / name))
    assert doc.tables or not spec_tables(spec_of(name))  # a prose plan has none
    section = doc.sections[0]
    landscape = spec_of(name).get("landscape", True)
    assert (section.page_width > section.page_height) == landscape
    assert round(max(section.page_width, section.page_height).mm) == 297


@pytest.mark.parametrize("name", DOCX_FILES)
def test_docx_tables_match_spec(name: str) -> None:
    """Header marks, spans, merges down, fills and cell paragraphs are as the spec says."""
    doc = Document(str(DOCS / name))
    blocks = spec_tables(spec_of(name))
    assert len(doc.tables) == len(blocks)
    for table, block in zip(doc.tables, blocks, strict=True):
        trs = table._tbl.tr_lst
        assert len(trs) == len(block["rows"])
        for index, (tr, row) in enumerate(zip(trs, block["rows"], strict=True)):
            header = index < block.get("header_rows", 0)
            assert (tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None) == header
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None
            assert len(tr.tc_lst) == len(row)
            for tc, raw in zip(tr.tc_lst, row, strict=True):
                check_cell(tc, cell_dict(raw), header)


def check_cell(tc, cell: dict, header: bool) -> None:
    assert tc.grid_span == cell.get("span", 1)
    assert tc.vMerge == cell.get("vmerge")
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    fill = shd.get(qn("w:fill")) if shd is not None else None
    expected_fill = cell.get("fill") or ("D9D9D9" if header else None)
    assert fill == (expected_fill.upper() if expected_fill else None)
    if cell.get("vmerge") != "continue":
        paragraphs = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.p_lst]
        assert paragraphs == cell.get("text", "").split("\n")
    if header and cell.get("text"):
        assert all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
                   for r in tc.iter(qn("w:r")))


@pytest.mark.parametrize("name", DOCX_FILES)
def test_docx_column_widths_follow_spec(name: str) -> None:
    doc = Document(str(DOCS / name))
    for table, block in zip(doc.tables, spec_tables(spec_of(name)), strict=True):
        grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.gridCol_lst]
        widths = block["widths"]
        for got, share in zip(grid, widths, strict=True):
            assert got / sum(grid) == pytest.approx(share / sum(widths), abs=0.002)


@pytest.mark.parametrize("name", PDF_FILES)
def test_plan_pdf_has_text_in_its_orientation(name: str) -> None:
    landscape = spec_of(name).get("landscape", True)
    with pdfplumber.open(DOCS / name) as pdf:
        first = pdf.pages[0]
        assert (first.width > first.height) == landscape
        assert len(first.extract_text() or "") > 50


@pytest.mark.parametrize("name", [n for n in PDF_FILES if not n.endswith("-borderless.pdf")])
def test_ruled_pdf_repeats_header_on_last_page(name: str) -> None:
    if not spec_tables(spec_of(name)):
        pytest.skip("a plan written as prose: no table")
    last_table = spec_tables(spec_of(name))[-1]
    if not last_table.get("header_rows"):
        pytest.skip("this plan's table has no repeating header row")
    header = " ".join(cell_dict(c).get("text", "") for c in last_table["rows"][0])
    with pdfplumber.open(DOCS / name) as pdf:
        if len(pdf.pages) < 2:
            pytest.skip("a one-page PDF")
        last = pdf.pages[-1]
        # white space folded away: a narrow column may break a header word ("Completio/n")
        squashed = "".join((last.extract_text() or "").split())
        assert all(word in squashed for word in words(header))
        assert last.rects or last.lines, "ruled table expected"


def borderless_name() -> str:
    names = [n for n in PDF_FILES if n.endswith("-borderless.pdf")]
    assert len(names) == 1
    return names[0]


def test_borderless_pdf_layout() -> None:
    """No lines, no fills; title on page 1; header on every page; all action words present."""
    name = borderless_name()
    spec = spec_of(name)
    table = spec_tables(spec)[-1]
    header = words(" ".join(cell_dict(c).get("text", "") for c in table["rows"][0]))
    title = next(b["text"] for b in spec["blocks"] if b["type"] == "title")
    seen: set[str] = set()
    with pdfplumber.open(DOCS / name) as pdf:
        assert len(pdf.pages) >= 2
        assert title in (pdf.pages[0].extract_text() or "")
        for page in pdf.pages:
            assert not page.lines and not page.rects and not page.curves
            page_words = {w["text"] for w in page.extract_words()}
            assert header <= page_words, f"header missing on page {page.page_number}"
            seen |= set(re.split(r"[\s/]+", " ".join(page_words)))
    for action in spec["actions"]:
        # split at slashes too: reportlab may wrap a long a/b/c word after a slash
        missing = set(re.split(r"[\s/]+", action["action"].strip())) - seen
        assert not missing, f"{action['action'][:40]!r}: {sorted(missing)}"


def test_scanned_pdf_has_an_image_and_no_text() -> None:
    with pdfplumber.open(DOCS / "bad-scanned-no-text.pdf") as pdf:
        assert len(pdf.pages) == 1
        assert not pdf.pages[0].chars
        assert pdf.pages[0].images


def test_truncated_pdf_is_a_cut_real_sample() -> None:
    data = (DOCS / "bad-truncated.pdf").read_bytes()
    source = (DOCS / borderless_name()).read_bytes()
    assert data.startswith(b"%PDF-") and source.startswith(data)
    assert len(data) == int(len(source) * 0.4)
    assert b"%%EOF" not in data


def test_password_pdf_needs_its_password() -> None:
    reader = PdfReader(DOCS / "bad-password-protected.pdf")
    assert reader.is_encrypted
    assert reader.decrypt("wrong password") == 0
    assert reader.decrypt("wres-sample") != 0
    assert "Action" in reader.pages[0].extract_text()


def test_empty_docx_has_no_content() -> None:
    doc = Document(str(DOCS / "bad-empty.docx"))
    assert not doc.paragraphs and not doc.tables


def test_not_a_pdf_is_text() -> None:
    data = (DOCS / "bad-not-a-pdf.pdf").read_bytes()
    assert not data.startswith(b"%PDF")
    data.decode("utf-8")
