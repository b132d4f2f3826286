"""Word's automatic numbering rendered as Word shows it: the committed sample (refs that
continue across tables and restart in part B), a document of another shape made here
(letters, roman numerals, style numbering, bullets, lvlRestart), and a .odt via LibreOffice.
Expected labels are written by hand from how Word numbers the lists built below."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.conftest import DOCS
from wres.extractors.docx_numbering import format_number
from wres.extractors.registry import extract
from wres.normalise.document import normalise_document

SAMPLE = DOCS / "synthetic3-larchmont-numbered-2023-24.docx"


@pytest.mark.parametrize(("number", "fmt", "shown"), [
    (4, "lowerRoman", "iv"), (1999, "upperRoman", "MCMXCIX"), (3, "lowerLetter", "c"),
    (28, "upperLetter", "BB"), (7, "decimalZero", "07"), (12, "decimal", "12"),
    (5, "someFormatWordKnowsAndWeDoNot", "5"),
])
def test_number_formats(number, fmt, shown):
    assert format_number(number, fmt) == shown


def test_sample_refs_continue_across_tables_and_restart():
    document = extract(SAMPLE)
    refs = [t.text_rows()[r][0] for t in document.tables if t.n_cols == 6
            for r in range(1, len(t.rows))]
    assert refs == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "1.1", "1.2"]
    headings = [b.text for b in document.text_blocks if b.text.startswith("Priority")]
    assert headings == ["Priority 1: Fair access to promotion", "Priority 2: Respect at work",
                        "Priority 3: Inclusive leadership", "Priority 1: Data we can trust"]


ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="70">
  <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="Part %1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
    <w:lvlText w:val="\u2022"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlRestart w:val="0"/><w:lvlText w:val="%4)"/></w:lvl>
</w:abstractNum>"""


def _numbered(paragraph, num_id: int, level: int) -> None:
    numpr = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                      f'<w:numId w:val="{num_id}"/></w:numPr>')
    paragraph._p.get_or_add_pPr().append(numpr)


def _other_shape(path):
    doc = Document()
    root = doc.part.numbering_part.element
    first = root.find(qn("w:num"))
    first.addprevious(parse_xml(ABSTRACT))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="70"/>'
                          "</w:num>"))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="72"><w:abstractNumId w:val="70"/>'
                          '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/>'
                          "</w:lvlOverride></w:num>"))
    plan = [(0, "Recruitment"), (1, "Widen the pool"), (2, "a bullet, no label"),
            (1, "Shortlist fairly"), (3, "first step"), (0, "Culture"), (3, "second step"),
            (1, "Listen to staff")]
    for level, text in plan:
        _numbered(doc.add_paragraph(text), 71, level)
    table = doc.add_table(rows=2, cols=2)
    for row, text in zip(table.rows, ("Carry on", "And again"), strict=True):
        _numbered(row.cells[0].paragraphs[0], 72, 1)
        row.cells[1].paragraphs[0].add_run(text)
    doc.add_paragraph("A numbered item by its style", style="List Number")
    off = doc.add_paragraph("Numbering switched off")
    _numbered(off, 0, 0)
    doc.save(path)
    return path


def test_levels_formats_bullets_restarts_and_styles(tmp_path):
    document = extract(_other_shape(tmp_path / "other.docx"))
    texts = [b.text for b in document.text_blocks]
    assert texts[:8] == ["Part III Recruitment", "(a) Widen the pool", "a bullet, no label",
                         "(b) Shortlist fairly", "1) first step", "Part IV Culture",
                         "2) second step", "(a) Listen to staff"]
    assert texts[8] == "1. A numbered item by its style"
    assert texts[9] == "Numbering switched off"
    # numId 72 restarts level 2 at 5 the first time it is used, then counts on
    assert document.tables[0].text_rows() == [["(e)", "Carry on"], ["(f)", "And again"]]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_odt_numbering_survives_conversion(tmp_path):
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(SAMPLE)],
                   check=True, capture_output=True, timeout=180)
    document = extract(tmp_path / SAMPLE.with_suffix(".odt").name)
    records = normalise_document(document, "plan.odt").actions
    assert [r.ref for r in records] == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2", "1.1",
                                        "1.2"]


def test_a_plan_numbered_through_its_list_style(tmp_path):
    """Another shape: the "No." column is numbered only by the "List Number" paragraph style,
    the RAG column holds a coloured large circle, and the table sits under a plain title."""
    doc = Document()
    doc.add_paragraph("Harrowgate Mental Health NHS Trust WRES action plan 2021/22")
    rows = [("Ensure shortlisting panels for band 8a posts and above include a member from a "
             "minority ethnic background", "Deputy Chief People Officer", "31 March 2022",
             "00B050"),
            ("Launch a reciprocal mentoring scheme for the Board", "Company Secretary",
             "Autumn 2021", "FFC000"),
            ("Analyse the outcomes of formal disciplinary cases by ethnicity each quarter",
             "Head of Employee Relations", "Quarterly", "FF0000")]
    table = doc.add_table(rows=1 + len(rows), cols=5)
    for cell, name in zip(table.rows[0].cells, ("No.", "Action", "Lead", "Timescale", "RAG"),
                          strict=True):
        cell.paragraphs[0].add_run(name)
    for row, (action, lead, when, colour) in zip(table.rows[1:], rows, strict=True):
        row.cells[0].paragraphs[0].style = doc.styles["List Number"]
        for cell, text in zip(row.cells[1:4], (action, lead, when), strict=True):
            cell.paragraphs[0].add_run(text)
        run = row.cells[4].paragraphs[0].add_run("\u2b24")
        run._r.get_or_add_rPr().append(parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))
    path = tmp_path / "harrowgate.docx"
    doc.save(path)
    records = normalise_document(extract(path), path.name).actions
    assert [(r.ref, r.owner, r.rag) for r in records] == [
        ("1", "Deputy Chief People Officer", "green"), ("2", "Company Secretary", "amber"),
        ("3", "Head of Employee Relations", "red")]
