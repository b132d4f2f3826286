"""A plan that gives when work starts as well as when it ends: the end is the due date.

Plans split "Timescale" into "Start" and "End" under a merged header, or name "Start date"
and "End date" side by side; the start column must never be read as the target. Expected
values were read off the hand-made tables below.
"""

from __future__ import annotations

from pathlib import Path

from tests.normalise.handmade import add_table, new_document, save
from wres.ingest.pipeline import process_file
from wres.normalise.headers import header_map


def test_timescale_over_start_and_end_gives_the_end_as_due(tmp_path: Path) -> None:
    document = new_document("Greyfriars Community Healthcare NHS Trust",
                            "Race Equality Action Plan 2023-2025")
    add_table(document, [
        ["No", "Objective", "Action", "Key milestones", "Lead", "Timescale", None, "RAG"],
        ["^", "^", "^", "^", "^", "Start", "End", "^"],
        ["1", "Equal access to training", "Publish CPD uptake by ethnicity every quarter",
         "Dashboard built", "Head of Learning", "Apr 2023", "Jun 2023", "Green"],
        ["2", "Reduce bullying by colleagues", "Roll out active bystander training",
         "Pilot in two divisions", "EDI Lead", "May 2023", "Q4 2023/24", "Amber"],
    ])
    result = process_file(save(document, tmp_path, "greyfriars.docx"))
    found = [(a.ref, a.due, str(a.due_date), a.steps) for a in result.actions]
    assert found == [
        ("1", "Jun 2023", "2023-06-30", "Dashboard built"),
        ("2", "Q4 2023/24", "2024-03-31", "Pilot in two divisions"),
    ]


def test_start_and_end_side_by_side_map_the_end_to_due() -> None:
    for start, end in (("Start", "End"), ("Start date", "End date"),
                       ("Date started", "Completion date")):
        mapping = header_map(["Ref", "Action", "Lead", start, end, "RAG"])
        assert mapping is not None
        assert mapping.fields[4] == "due" and mapping.fields.get(3) != "due", (start, end)
