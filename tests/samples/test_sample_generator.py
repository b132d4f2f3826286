"""The generator itself, on a small spec written here (no LibreOffice needed).

Expected values come from the spec below and from Word's own units (A4 is 297 x 210 mm,
1 inch = 914400 EMU), not from the generator's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.samples.sample_files import import_generator

import_generator()
from gen_docx import write_docx, write_empty_docx  # noqa: E402
from gen_pdf import span_commands, write_borderless_pdf  # noqa: E402
from gen_spec import SpecError, load_spec, parse_cell  # noqa: E402

LONG_TEXT = "A long action that wraps over several lines inside its narrow column. " * 3


def tiny_spec(n_rows: int = 3) -> dict:
    rows = [
        ["Ref", "Action", "Lead"],
        [{"text": "Theme one", "span": 3, "fill": "d9d9d9", "bold": True}],
        [{"text": "1", "vmerge": "restart"}, "First action\nsecond paragraph",
         {"text": "HR", "fill": "00B050"}],
        [{"vmerge": "continue"}, "Second action", "OD"],
    ]
    rows += [[str(i), f"Action number {i}. {LONG_TEXT}", "Lead"] for i in range(n_rows)]
    return {
        "stem": "tiny", "trust": "Tiny NHS Trust", "period_start": 2022, "period_end": 2023,
        "landscape": True, "font_size": 9,
        "blocks": [
            {"type": "title", "text": "Tiny NHS Trust WRES Action Plan 2022-23"},
            {"type": "paragraph", "text": "First line\nSecond line"},
            {"type": "table", "widths": [1, 6, 3], "header_rows": 1, "rows": rows},
        ],
        "actions": [],
    }


def test_docx_page_is_landscape_a4_with_narrow_margins(tmp_path: Path) -> None:
    doc = Document(str(write_docx(tiny_spec(), tmp_path / "tiny.docx")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert round(section.left_margin.mm, 1) == 12.7
    assert [p.text for p in doc.paragraphs[:3]] == [
        "Tiny NHS Trust WRES Action Plan 2022-23", "First line", "Second line"]


def test_docx_table_structure(tmp_path: Path) -> None:
    doc = Document(str(write_docx(tiny_spec(), tmp_path / "tiny.docx")))
    table = doc.tables[0]
    assert table.style.name == "Table Grid"
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.gridCol_lst]
    usable_twips = round((297 - 2 * 12.7) / 25.4 * 1440)
    assert sum(grid) == pytest.approx(usable_twips, abs=3)
    assert grid[1] == pytest.approx(6 * grid[0], abs=2)
    trs = table._tbl.tr_lst
    assert trs[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert trs[1].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    header_fill = trs[0].tc_lst[0].find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill"))
    assert header_fill == "D9D9D9"
    banner = trs[1].tc_lst
    assert len(banner) == 1 and banner[0].grid_span == 3
    assert [tc.vMerge for tc in (trs[2].tc_lst[0], trs[3].tc_lst[0])] == ["restart", "continue"]
    assert [p.text for p in table.cell(2, 1).paragraphs] == ["First action", "second paragraph"]
    status = trs[2].tc_lst[2].find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    assert status.get(qn("w:fill")) == "00B050"
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for tr in trs)


def test_docx_is_byte_for_byte_repeatable(tmp_path: Path) -> None:
    first = write_docx(tiny_spec(), tmp_path / "a.docx").read_bytes()
    second = write_docx(tiny_spec(), tmp_path / "b.docx").read_bytes()
    assert first == second
    props = Document(str(tmp_path / "a.docx")).core_properties
    assert props.created.year == 2022 and props.author == "Tiny NHS Trust"


def test_empty_docx_is_valid_and_empty(tmp_path: Path) -> None:
    doc = Document(str(write_empty_docx(tmp_path / "empty.docx")))
    assert doc.paragraphs == [] and doc.tables == []


def test_borderless_pdf_breaks_pages_and_repeats_header(tmp_path: Path) -> None:
    path = write_borderless_pdf(tiny_spec(n_rows=30), tmp_path / "tiny.pdf")
    again = write_borderless_pdf(tiny_spec(n_rows=30), tmp_path / "again.pdf")
    assert path.read_bytes() == again.read_bytes()
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 2
        for number, page in enumerate(pdf.pages, start=1):
            text = page.extract_text()
            assert page.width > page.height
            assert not page.lines and not page.rects and not page.curves
            assert ("WRES Action Plan" in text) == (number == 1)
            words = page.extract_words()
            if number > 1:  # the repeated header is the first line of every later page
                top = min(w["top"] for w in words)
                words = [w for w in words if abs(w["top"] - top) < 2]
            assert {"Ref", "Action", "Lead"} <= {w["text"] for w in words}, number


def test_span_commands_merge_across_and_down() -> None:
    spec_rows = tiny_spec(0)["blocks"][2]["rows"]
    rows = [[parse_cell(c, header=False) for c in row] for row in spec_rows]
    _, commands = span_commands(rows)
    assert ("SPAN", (0, 1), (2, 1)) in commands  # the banner
    assert ("SPAN", (0, 2), (0, 3)) in commands  # ref "1" merged down over two rows
    assert len(commands) == 2


def test_spec_with_short_row_is_refused(tmp_path: Path) -> None:
    spec = tiny_spec()
    spec["blocks"][2]["rows"].append(["only", "two"])
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError, match="spans 2 columns"):
        load_spec(path)
