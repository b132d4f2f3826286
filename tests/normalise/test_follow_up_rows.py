"""A row across the table under an action, starting with one of the action's labels
("Progress update: ..."), is more of that action, not a banner naming the next section.

Why: plans that keep a progress line under each action had it read as a section banner:
the first action lost its progress and the second took it as its section. A RAG key laid
across the table stays the table's key. Expected values were read off the rows below.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from wres.ingest.pipeline import process_file

ROWS = [
    ["Ref", "Action", "Lead", "Due", "RAG"],
    ["Key: Red = not started, Amber = in progress, Green = complete", None, None, None, None],
    ["1", "Introduce de-biased shortlisting for all posts at band 7 and above",
     "Head of Recruitment", "March 2025", "Amber"],
    ["Progress update: pilot running in two divisions.", None, None, None, None],
    ["2", "Launch a civility and respect campaign across all wards", "Director of Nursing",
     "Q3 2024/25", "in progress"],
    ["Progress update: campaign launched in October.", None, None, None, None],
]


def test_progress_rows_across_the_table_belong_to_the_action_above(tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Rivermead NHS Trust WRES action plan 2024-25", level=1)
    table = document.add_table(rows=len(ROWS), cols=5)
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
        if row[1] is None:
            table.cell(r, 0).merge(table.cell(r, 4))
    document.save(str(tmp_path / "rivermead.docx"))
    actions = process_file(tmp_path / "rivermead.docx").actions
    assert [(a.ref, a.section, a.status, a.rag) for a in actions] == [
        ("1", None, "pilot running in two divisions.", "amber"),
        ("2", None, "campaign launched in October.", "amber")]
