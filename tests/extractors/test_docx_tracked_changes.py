"""Word plans with tracked changes read as Word shows them with the changes accepted.

Why: trusts publish plans with revisions still tracked. python-docx's ``Paragraph.text``
leaves out the runs inside a tracked insertion (w:ins), so words added in review vanished
from headings and prose; deleted text (w:delText) must stay out. Cells and paragraphs are
read alike.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from wres.extractors.docx import extract_docx

INSERTED = ('<w:ins {ns} w:id="1" w:author="Reviewer"><w:r><w:t xml:space="preserve">diverse '
            '</w:t></w:r></w:ins>')
DELETED = ('<w:del {ns} w:id="2" w:author="Reviewer"><w:r><w:delText>all-white </w:delText>'
           '</w:r></w:del>')


def _revised(paragraph) -> None:
    paragraph.add_run("Introduce ")
    paragraph._p.append(parse_xml(INSERTED.format(ns=nsdecls("w"))))
    paragraph._p.append(parse_xml(DELETED.format(ns=nsdecls("w"))))
    paragraph.add_run("interview panels for band 7 posts.")


def test_tracked_insertions_are_read_and_deletions_are_not(tmp_path: Path) -> None:
    document = Document()
    _revised(document.add_paragraph())
    table = document.add_table(rows=1, cols=1)
    _revised(table.cell(0, 0).paragraphs[0])
    document.save(str(tmp_path / "revised.docx"))
    extracted = extract_docx(tmp_path / "revised.docx")
    wanted = "Introduce diverse interview panels for band 7 posts."
    assert [block.text for block in extracted.text_blocks] == [wanted]
    assert extracted.tables[0].rows[0].cells[0].text == wanted


def test_a_text_box_stored_twice_is_read_once(tmp_path: Path) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = ('<w:r {ns} xmlns:mc="{mc}"><mc:AlternateContent><mc:Choice Requires="wps">'
           '<w:t>Owner: Head of People</w:t></mc:Choice><mc:Fallback>'
           '<w:t>Owner: Head of People</w:t></mc:Fallback></mc:AlternateContent></w:r>')
    document = Document()
    document.add_paragraph()._p.append(parse_xml(box.format(ns=nsdecls("w"), mc=mc)))
    document.save(str(tmp_path / "box.docx"))
    assert [b.text for b in extract_docx(tmp_path / "box.docx").text_blocks] == [
        "Owner: Head of People"]
