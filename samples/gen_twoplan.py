"""Write the sample report that holds two plans: last year's with progress, and next year's.

Why: trusts' annual WRES reports often close one plan and open the next in the same file.
Each part has its own heading naming its years, its own template (the first rates progress
with a shaded RAG column, the second names an executive sponsor beside the action lead),
and every action must carry the period of its own plan, not the report's. Its PDF is
LibreOffice's print of it. The gold answers are written by hand in ``gold/``.

    .venv/bin/python samples/gen_twoplan.py          # the .docx and its PDF
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_docx import save_deterministic  # noqa: E402
from gen_pdf import convert_with_soffice  # noqa: E402
from gen_xlsx import append_manifest  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parent
STEM = "synthetic3-fairholme-twoplans-2022-24"
TRUST = "Fairholme Mental Health NHS Foundation Trust"
FILLS = {"Green": "00B050", "Amber": "FFC000", "Red": "FF0000"}

PART_A = [
    ["No.", "Action", "Lead", "Due", "Progress at March 2023", "RAG"],
    ["1", "Introduce inclusive recruitment training for every recruiting manager",
     "Head of Resourcing", "September 2022", "410 managers trained (86%)", "Green"],
    ["2", "Set up a reverse mentoring scheme for the executive team",
     "Director of Organisational Development", "December 2022",
     "Six pairs matched; evaluation due in May", "Amber"],
    ["3", "Review every suspension of a BME colleague within 72 hours",
     "Head of Employee Relations", "June 2022", "Review panel not yet in place", "Red"],
]
PART_B = [
    ["Ref", "What we will do", "Executive sponsor", "Action lead", "Timescale"],
    ["B1", "Publish a quarterly dashboard of disciplinary cases by ethnicity",
     "Chief People Officer", "Workforce Intelligence Manager", "Q2 2023/24"],
    ["B2", "Guarantee an interview to BME applicants for Band 8a posts who meet the "
           "essential criteria", "Chief People Officer", "Head of Resourcing", "April 2023"],
    ["B3", "Fund two days a month of protected time for the Race Equality Network chair",
     "Chief Executive", "EDI Lead", "March 2024"],
]


def shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def add_table(doc, rows: list[list[str]], rag_column: int | None = None) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r and c == rag_column:
                shade(cell, FILLS[text])


def build_document():
    doc = Document()
    doc.add_heading(TRUST, level=0)
    doc.add_heading("Workforce Race Equality Standard annual report 2023", level=1)
    doc.add_paragraph("This report closes our 2022/23 plan and sets out the plan we agreed "
                      "with the Race Equality Network for 2023/24.")
    doc.add_heading("Part A: our 2022/23 action plan - progress at year end", level=2)
    add_table(doc, PART_A, rag_column=5)
    doc.add_paragraph("")
    doc.add_heading("Part B: our action plan for 2023/24", level=2)
    doc.add_paragraph("Actions not completed in Part A continue as business as usual.")
    add_table(doc, PART_B)
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
