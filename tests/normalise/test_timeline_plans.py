"""Plans drawn as a timeline: quarter columns ticked or shaded instead of a due date.

Why: a header "Action | Lead | Q1 | Q2 | Q3 | Q4" named too few known fields to be read as
a header at all, so such a plan gave no action. The quarters are a timeline: the action is
due in the last quarter it marks, and the shading of its bar is no RAG rating. Expected
values were read off the rows written below (the plan runs April 2024 to March 2025).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from wres.ingest.pipeline import process_file

ACTIONS = ["Introduce de-biased shortlisting for all posts at band 7 and above",
           "Launch a civility and respect campaign across all wards",
           "Publish shortlisting outcomes by ethnicity every quarter"]


def _shade(cell, colour: str) -> None:
    cell._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{colour}"/>'))


def test_the_last_marked_quarter_is_the_due_date(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Rivermead NHS Trust WRES action plan 2024-25", level=1)
    rows = [["Action", "Lead", "Q1", "Q2", "Q3", "Q4"],
            [ACTIONS[0], "Head of Recruitment", "X", "X", "", ""],
            [ACTIONS[1], "Director of Nursing", "", "", "", ""],
            [ACTIONS[2], "Workforce Information Manager", "\u2713", "", "", "\u2713"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    for col in (3, 4):  # the second action's bar is shaded green, not ticked
        _shade(table.cell(2, col), "00B050")
    document.save(str(tmp_path / "rivermead.docx"))
    actions = process_file(tmp_path / "rivermead.docx").actions
    assert [(a.action, a.owner, a.due, a.due_date) for a in actions] == [
        (ACTIONS[0], "Head of Recruitment", "Q2", dt.date(2024, 9, 30)),
        (ACTIONS[1], "Director of Nursing", "Q3", dt.date(2024, 12, 31)),
        (ACTIONS[2], "Workforce Information Manager", "Q4", dt.date(2025, 3, 31))]
    assert [a.rag for a in actions] == [None, None, None]
