"""Key/value plans in two more layouts: a small table per action under an "Action N"
heading, and actions laid side by side as columns ("| Action 1 | Action 2" over "Action |
... | ...", "Who | ... | ..."). Expected values were read off the tables written below.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from wres.ingest.pipeline import process_file

TITLE = "Ashby Vale NHS Trust - WRES Action Plan 2024/25"
PLANS = [("Indicator 2", "Introduce de-biased shortlisting for all posts at band 7 and above",
          "Head of Recruitment", "March 2025", "Amber"),
         ("Indicator 6", "Launch a civility and respect campaign across all wards",
          "Director of Nursing", "Q3 2024/25", "Green")]


def _table(document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text


def test_an_action_heading_over_its_own_table_is_its_ref_not_a_section(tmp_path: Path) -> None:
    document = Document()
    document.add_heading(TITLE, level=1)
    for number, (indicator, action, lead, due, rag) in enumerate(PLANS, start=1):
        document.add_heading(f"Action {number}", level=2)
        _table(document, [["WRES indicator", indicator], ["Action", action], ["Lead", lead],
                          ["Deadline", due], ["RAG rating", rag]])
    document.save(str(tmp_path / "ashby.docx"))
    actions = process_file(tmp_path / "ashby.docx").actions
    assert [(a.ref, a.section, a.indicator, a.owner, a.rag) for a in actions] == [
        ("1", None, 2, "Head of Recruitment", "amber"),
        ("2", None, 6, "Director of Nursing", "green")]


def test_actions_side_by_side_are_one_record_per_column(tmp_path: Path) -> None:
    document = Document()
    document.add_heading(TITLE, level=1)
    _table(document, [["", "Action 1", "Action 2"],
                      ["Action", PLANS[0][1], PLANS[1][1]],
                      ["Who", PLANS[0][2], PLANS[1][2]],
                      ["When", PLANS[0][3], PLANS[1][3]]])
    document.save(str(tmp_path / "ashby.docx"))
    actions = process_file(tmp_path / "ashby.docx").actions
    assert [(a.ref, a.action, a.owner, a.due) for a in actions] == [
        ("1", PLANS[0][1], "Head of Recruitment", "March 2025"),
        ("2", PLANS[1][1], "Director of Nursing", "Q3 2024/25")]
