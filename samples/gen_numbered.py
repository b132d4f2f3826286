"""Write the Word sample whose refs are Word's automatic numbering and whose RAG is a glyph.

Why: many trusts number their plan with Word's multi-level lists, so the Ref column holds
no text at all ("1.1" is drawn from ``numbering.xml``), and mark progress with a coloured
"●" instead of shading the cell. This plan has one table per priority under numbered
headings ("Priority %1:"), refs at the second level ("%1.%2") that continue from table to
table, a second part whose list restarts (``w:startOverride``), one glyph inserted as a
Wingdings symbol (``w:sym``), and a key table that explains the glyphs (not actions). Its
PDF is LibreOffice's print of it. The gold answers are written by hand in ``gold/``.

    .venv/bin/python samples/gen_numbered.py          # the .docx and its PDF
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_docx import save_deterministic  # noqa: E402
from gen_pdf import convert_with_soffice  # noqa: E402
from gen_xlsx import append_manifest  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parent
STEM = "synthetic3-larchmont-numbered-2023-24"
TRUST = "Larchmont Valley Community NHS Trust"
RED, AMBER, GREEN = "FF0000", "FFC000", "00B050"
HEADER = ["Ref", "Action we will take", "Outcome we expect", "Lead director", "Completion by",
          "RAG"]
WIDTHS_MM = (16, 92, 70, 40, 30, 15)
MAIN_LIST, RESTARTED_LIST = 91, 92
WINGDINGS = "wingdings"  # a RAG cell whose circle is Insert > Symbol > Wingdings 0x6C

# (priority heading, part, [(action, outcome, lead, due, colour)])
PART_A = [
    ("Fair access to promotion", [
        ("Require every vacancy at band 7 and above to be advertised internally for at least "
         "five working days before it is opened to external applicants",
         "More internal candidates from minority ethnic backgrounds apply for senior posts",
         "Director of Workforce", "September 2023", GREEN),
        ("Create a talent pool of minority ethnic staff at bands 5 and 6 who are ready for a "
         "step up, with protected time for acting-up opportunities",
         "A pipeline of ready-now candidates for band 7 roles", "Director of Workforce",
         "Q4 2023/24", AMBER),
        ("Audit the shortlisting decisions for every senior post each quarter",
         "Gaps at shortlisting are found and challenged early",
         "Head of Equality and Inclusion", "Ongoing", WINGDINGS),
    ]),
    ("Respect at work", [
        ("Train a network of dignity at work advisers to support staff who experience racism "
         "from patients or colleagues", "Staff who report racism have someone to turn to",
         "Chief Nurse", "December 2023", AMBER),
        ("Add a question on racist incidents to the quarterly staff pulse survey and report "
         "the answers by ethnicity", "Earlier warning of teams where racism is rising",
         "Director of Workforce", "January 2024", RED),
    ]),
    ("Inclusive leadership", [
        ("Give every executive director an appraisal objective on race equality",
         "Leaders own the delivery of this plan", "Chief Executive", "June 2023", GREEN),
        ("Run a programme of listening events on race for managers in every division",
         "Managers understand the working lives of minority ethnic colleagues",
         "Director of Organisational Development", "March 2024", RED),
    ]),
]
PART_B = [
    ("Data we can trust", [
        ("Improve the recording of ethnicity on the electronic staff record until fewer than "
         "3% of records are blank", "Reliable data for the WRES return",
         "Head of Workforce Information", "July 2023", GREEN),
        ("Review the disciplinary policy with the race equality network, including an "
         "equality impact assessment", "Fairer and more consistent handling of cases",
         "Director of Workforce", "Nov 2023", AMBER),
    ]),
]
KEY = [(RED, "Red - not started or behind plan"),
       (AMBER, "Amber - started, with some risk to delivery"),
       (GREEN, "Green - complete or on track")]

NUMBERING_XML = f"""
<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="Priority %1:"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
    <w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""
NUM_XML = [
    f'<w:num {nsdecls("w")} w:numId="{MAIN_LIST}"><w:abstractNumId w:val="90"/></w:num>',
    f'<w:num {nsdecls("w")} w:numId="{RESTARTED_LIST}"><w:abstractNumId w:val="90"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
]


def add_numbering(doc) -> None:
    """The multi-level list: "Priority 1:" headings and "1.1" refs; a restarted copy."""
    root = doc.part.numbering_part.element
    first_num = root.find(qn("w:num"))
    abstract = parse_xml(NUMBERING_XML)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    for xml in NUM_XML:
        root.append(parse_xml(xml))


def number(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl, numid = OxmlElement("w:ilvl"), OxmlElement("w:numId")
    ilvl.set(qn("w:val"), str(level))
    numid.set(qn("w:val"), str(num_id))
    numpr.extend([ilvl, numid])
    ppr.append(numpr)


def glyph(paragraph, colour: str) -> None:
    """A coloured "●", or a Wingdings circle inserted as a symbol, as the cell's only run."""
    if colour == WINGDINGS:
        run = paragraph.add_run()
        rpr = run._r.get_or_add_rPr()
        rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{GREEN}"/>'))
        run._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="Wingdings" w:char="F06C"/>'))
        return
    run = paragraph.add_run("\u25cf")
    run.font.size = Pt(14)
    rpr = run._r.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:color {nsdecls("w")} w:val="{colour}"/>'))


def plan_table(doc, rows: list[tuple], num_id: int) -> None:
    table = doc.add_table(rows=1 + len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    for index, width in enumerate(WIDTHS_MM):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
    for row, (action, outcome, lead, due, colour) in zip(table.rows[1:], rows, strict=True):
        cells = row.cells
        number(cells[0].paragraphs[0], num_id, 1)
        for cell, text in zip(cells[1:5], (action, outcome, lead, due), strict=True):
            cell.paragraphs[0].add_run(text)
        glyph(cells[5].paragraphs[0], colour)


def key_table(doc) -> None:
    doc.add_paragraph("Key to ratings")
    table = doc.add_table(rows=len(KEY), cols=2)
    table.style = "Table Grid"
    for row, (colour, meaning) in zip(table.rows, KEY, strict=True):
        glyph(row.cells[0].paragraphs[0], colour)
        row.cells[1].paragraphs[0].add_run(meaning)


def part(doc, priorities: list[tuple], num_id: int) -> None:
    for heading, rows in priorities:
        paragraph = doc.add_heading(heading, level=2)
        number(paragraph, num_id, 0)
        plan_table(doc, rows, num_id)


def build_document():
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    add_numbering(doc)
    doc.add_heading(f"{TRUST}: Workforce Race Equality Standard action plan 2023/24", level=1)
    doc.add_paragraph("Our plan sets out what we will do this year to close the gaps that our "
                      "WRES data shows. Progress is rated with a coloured circle.")
    part(doc, PART_A, MAIN_LIST)
    key_table(doc)
    doc.add_heading("Part B: actions carried forward from 2022/23", level=1)
    part(doc, PART_B, RESTARTED_LIST)
    props = doc.core_properties
    props.author, props.title = "Equality and Inclusion Team", "WRES action plan 2023/24"
    props.created = props.modified = dt.datetime(2023, 5, 2, 9, 0, 0)
    props.last_modified_by, props.revision = "Equality and Inclusion Team", 1
    return doc


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    out = SAMPLES_DIR / "docs" / f"{STEM}.docx"
    save_deterministic(build_document(), out)
    append_manifest(out.name, TRUST, 2023, 2024)
    print(f"wrote {out.relative_to(SAMPLES_DIR)}")
    if "--no-pdf" not in args:
        for pdf in convert_with_soffice([out], out.parent):
            append_manifest(pdf.name, TRUST, 2023, 2024)
            print(f"wrote {pdf.relative_to(SAMPLES_DIR)}")


if __name__ == "__main__":
    main()
