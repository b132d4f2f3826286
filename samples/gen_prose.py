"""Write the sample WRES report whose actions are paragraphs, not a table (issue 11).

Why: some trusts publish their plan inside a report, as labelled paragraphs under each
indicator's heading: "Action 2.1: ..." then "Lead: ...", "Timescale: ...", "Progress: ..."
on lines of their own, or every label inside one paragraph. Around them is narrative that
mentions actions without being one ("The actions below were agreed with ...", "Action on
race equality: the Board discussed ..."). Its PDF is LibreOffice's print of it. The gold
answers are written by hand in ``gold/``.

    .venv/bin/python samples/gen_prose.py          # the .docx and its PDF
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_docx import save_deterministic  # noqa: E402
from gen_pdf import convert_with_soffice  # noqa: E402
from gen_xlsx import append_manifest  # noqa: E402

SAMPLES_DIR = Path(__file__).resolve().parent
STEM = "synthetic3-brackenfield-prose-2024-25"
TRUST = "Brackenfield Community Health NHS Trust"

# (kind, text): "h1"/"h2" headings, "p" paragraphs, in reading order.
REPORT: list[tuple[str, str]] = [
    ("title", TRUST),
    ("h1", "Workforce Race Equality Standard report and action plan 2024/25"),
    ("p", "This report sets out our WRES data for 2024 and what we will do about it in "
          "2024/25. The actions below were agreed with the Race Equality Network in May 2024."),
    ("p", "Last year we completed 9 of our 12 actions; the three that remain are carried "
          "into this plan."),
    ("h2", "Indicator 2: Relative likelihood of white applicants being appointed from "
           "shortlisting"),
    ("p", "White applicants remain 1.4 times more likely to be appointed than BME applicants."),
    ("p", "Action 2.1: Introduce diverse interview panels for every post at Band 7 and above."),
    ("p", "Lead: Head of Recruitment"),
    ("p", "Timescale: September 2024"),
    ("p", "Progress: Panels are in place in two of our five divisions. RAG: Amber"),
    ("p", "Action 2.2: Give feedback and a development conversation to every internal BME "
          "candidate who is not appointed. Lead: Recruitment Manager. By when: Q3 2024/25. "
          "Progress: Not yet started."),
    ("h2", "Indicator 5: Staff experiencing harassment, bullying or abuse from patients, "
           "relatives or the public"),
    ("p", "Objective: Fewer BME staff experience abuse from patients and the public."),
    ("p", "Action 5.1: Launch a zero tolerance campaign on racist abuse, with posters in every "
          "clinic and a letter for patients who abuse staff."),
    ("p", "Responsible: Head of Security and Communications Lead"),
    ("p", "Target date: December 2024"),
    ("p", "Update: The campaign was launched in October. RAG: Green"),
    ("p", "Action 5.2: Train all receptionists in conflict resolution and de-escalation."),
    ("p", "Owner: Learning and Development Manager"),
    ("p", "Deadline: March 2025"),
    ("p", "We will report progress on these actions to the People Committee every quarter."),
    ("h2", "Indicator 9: Board representation"),
    ("p", "Action 9.1: Set a target for BME representation among our non-executive directors "
          "and report against it every year."),
    ("p", "Executive lead: Chair of the Trust"),
    ("p", "Timescale: March 2025"),
    ("p", "Status: Red – no vacancies have arisen."),
    ("h2", "Next steps"),
    ("p", "Action on race equality: the Board discussed this report in June 2024 and asked "
          "for a mid-year review."),
]


def build_document():
    doc = Document()
    for kind, text in REPORT:
        if kind == "title":
            doc.add_heading(text, level=0)
        elif kind in ("h1", "h2"):
            doc.add_heading(text, level=int(kind[1]))
        else:
            doc.add_paragraph(text)
    return doc


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    out = SAMPLES_DIR / "docs" / f"{STEM}.docx"
    save_deterministic(build_document(), out)
    append_manifest(out.name, TRUST, 2024, 2025)
    print(f"wrote {out.relative_to(SAMPLES_DIR)}")
    if "--no-pdf" not in args:
        for pdf in convert_with_soffice([out], out.parent):
            append_manifest(pdf.name, TRUST, 2024, 2025)
            print(f"wrote {pdf.relative_to(SAMPLES_DIR)}")


if __name__ == "__main__":
    main()
