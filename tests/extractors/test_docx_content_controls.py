"""Word content controls (``w:sdt``) around a table, a row or a cell hide no action.

Forms and trust templates wrap parts of a plan in content controls: the whole table (a
block control in the body), each row (a repeating-section control) or a single cell. Each
layout below holds the same two actions, written here by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement

from wres.ingest.pipeline import process_file

ROWS = [["Ref", "Action", "Lead", "Deadline"],
        ["1", "Publish a race equality dashboard every quarter", "Head of Workforce Information",
         "June 2023"],
        ["2", "Introduce reciprocal mentoring for all executive directors", "Director of OD",
         "October 2023"]]
EXPECTED = [("1", "Publish a race equality dashboard every quarter",
             "Head of Workforce Information", "June 2023"),
            ("2", "Introduce reciprocal mentoring for all executive directors",
             "Director of OD", "October 2023")]


def _wrap(element) -> None:
    """Put ``element`` inside a new content control at the same place."""
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    control.append(OxmlElement("w:sdtPr"))
    control.append(content)
    element.addprevious(control)
    content.append(element)


def _plan(path: Path, wrap: str) -> Path:
    document = Document()
    document.add_heading("Penrose Community NHS Trust", 1)
    document.add_paragraph("WRES action plan 2023/24")
    table = document.add_table(rows=len(ROWS), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    if wrap == "table":
        _wrap(table._tbl)
    elif wrap == "rows":
        for row in table.rows[1:]:
            _wrap(row._tr)
    elif wrap == "cells":
        for row in table.rows:
            _wrap(row.cells[1]._tc)
    document.save(str(path))
    return path


@pytest.mark.parametrize("wrap", ["table", "rows", "cells"])
def test_actions_inside_content_controls_are_read(tmp_path: Path, wrap: str) -> None:
    result = process_file(_plan(tmp_path / f"penrose-{wrap}.docx", wrap))
    assert [(a.ref, a.action, a.owner, a.due) for a in result.actions] == EXPECTED
    assert {a.trust for a in result.actions} == {"Penrose Community NHS Trust"}
