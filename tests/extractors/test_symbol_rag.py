"""RAG told by a coloured symbol: "●" glyphs and Wingdings characters in Word cells, the same
glyphs in the LibreOffice PDF, and small filled shapes drawn in PDF cells. Expected ratings
are written by hand from the colours put into the documents."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.graphics.shapes import Circle, Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from tests.conftest import DOCS
from wres.extractors.marks import is_mark_text
from wres.extractors.registry import extract
from wres.normalise.document import normalise_document

STEM = "synthetic3-larchmont-numbered-2023-24"
SAMPLE_RAGS = ["green", "amber", "green", "amber", "red", "green", "red", "green", "amber"]


@pytest.mark.parametrize(("text", "font", "mark"), [
    ("●", None, True), ("■", None, True), (" ⬤ ", None, True), ("▲", None, True),
    ("\uf06c", None, True), ("l", "Wingdings", True), ("l", "Arial", False),
    ("● On track", None, False), ("", None, False), ("●●●●", None, False),
])
def test_what_counts_as_a_mark(text, font, mark):
    assert is_mark_text(text, font) is mark


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_sample_glyph_colours_give_the_ratings(suffix):
    path = DOCS / f"{STEM}{suffix}"
    document = extract(path)
    records = normalise_document(document, path.name).actions
    assert [r.rag for r in records] == SAMPLE_RAGS
    assert all(r.status is None for r in records)
    plan_tables = [t for t in document.tables if t.n_cols == 6]
    assert all(row.cells[-1].fill is None for t in plan_tables for row in t.rows)


def test_the_key_table_is_no_action():
    document = extract(DOCS / f"{STEM}.docx")
    key = [t for t in document.tables if t.n_cols == 2][0]
    assert [row.cells[0].mark_colour for row in key.rows] == ["FF0000", "FFC000", "00B050"]
    records = normalise_document(document, f"{STEM}.docx").actions
    assert not any("not started or behind plan" in r.action for r in records)


def _run(paragraph, text: str, colour: str | None, font: str | None = None) -> None:
    run = paragraph.add_run(text)
    props = run._r.get_or_add_rPr()
    if font:
        props.append(parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{font}" w:hAnsi="{font}"/>'))
    if colour:
        props.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))


def test_word_squares_and_wingdings_letters(tmp_path):
    doc = Document()
    doc.add_paragraph("Wexcombe Health NHS Trust race equality plan 2022-23")
    rows = [("Item", "Task", "Who", "When", "Progress", None, None),
            ("A", "Hold a celebration of Black History Month in every hospital",
             "Communications Lead", "October 2022", "■", "00B050", None),
            ("B", "Review the grievance procedure with staff side colleagues",
             "Employee Relations Lead", "January 2023", "l", "C00000", "Wingdings"),
            ("C", "Offer coaching to every minority ethnic band 7 applicant",
             "Coaching Lead", "March 2023", "● On track", "FF0000", None),
            ("D", "Recruit a second race equality network vice-chair", "Network Chair",
             "May 2023", "■", None, None)]
    table = doc.add_table(rows=len(rows), cols=5)
    for row, (item, task, who, when, progress, colour, font) in zip(table.rows, rows,
                                                                     strict=True):
        for cell, text in zip(row.cells[:4], (item, task, who, when), strict=True):
            cell.paragraphs[0].add_run(text)
        _run(row.cells[4].paragraphs[0], progress, colour, font)
    path = tmp_path / "wexcombe.docx"
    doc.save(path)
    records = normalise_document(extract(path), path.name).actions
    assert [(r.ref, r.rag, r.status) for r in records] == [
        ("A", "green", None), ("B", "red", None),
        ("C", "green", "● On track"),  # words win over the glyph's colour
        ("D", None, None)]  # an uncoloured square is no rating


def _dot(colour, square: bool = False) -> Drawing:
    drawing = Drawing(20, 12)
    shape = Rect(5, 1, 10, 10) if square else Circle(10, 6, 5)
    shape.fillColor, shape.strokeColor = colour, None
    drawing.add(shape)
    return drawing


def test_pdf_small_shapes_in_empty_cells(tmp_path):
    path = tmp_path / "brackenby.pdf"
    data = [["Ref", "Action to be taken", "Owner", "Deadline", "RAG rating"],
            ["4.1", "Publish ethnicity pay gap figures alongside the annual report", "Director of "
             "Finance", "July 2024", _dot(colors.HexColor("#00B050"))],
            ["4.2", "Train all investigating officers in fair and just culture principles",
             "Head of Employee Relations", "October 2024", _dot(colors.HexColor("#FFC000"), True)],
            ["4.3", "Set up a sponsorship scheme pairing senior leaders with minority ethnic "
             "staff", "Chief People Officer", "December 2024", _dot(colors.HexColor("#E00000"))],
            ["4.4", "Add race equality questions to every exit interview", "HR Business Partner",
             "March 2025", ""]]
    table = Table(data, colWidths=[40, 330, 150, 90, 70])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4),
                      title="Brackenby NHS Trust WRES plan 2024-25").build([table])
    records = normalise_document(extract(path), path.name).actions
    assert [(r.ref, r.rag) for r in records] == [
        ("4.1", "green"), ("4.2", "amber"), ("4.3", "red"), ("4.4", None)]


def test_a_key_row_inside_the_plan_table_is_neither_action_nor_section(tmp_path):
    doc = Document()
    table = doc.add_table(rows=4, cols=4)
    for cell, name in zip(table.rows[0].cells, ("Ref", "Action", "Lead", "RAG"), strict=True):
        cell.text = name
    key = table.rows[1].cells[0].merge(table.rows[1].cells[3])
    key.text = "Key: \u25cf Red \u2013 not started \u25cf Amber \u2013 in progress " \
               "\u25cf Green \u2013 complete"
    plan = [("1", "Hold listening events on race in every division", "FF0000"),
            ("2", "Publish the WRES figures to all staff", "00B050")]
    for row, (ref, action, colour) in zip(table.rows[2:], plan, strict=True):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = ref, action, "HR Director"
        _run(row.cells[3].paragraphs[0], "\u25cf", colour)
    path = tmp_path / "keyed.docx"
    doc.save(path)
    records = normalise_document(extract(path), path.name).actions
    assert [(r.ref, r.section, r.rag) for r in records] == [("1", None, "red"),
                                                            ("2", None, "green")]
