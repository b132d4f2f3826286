"""Column names met in published plans beyond the samples, mapped as a reader would.

Each row below is a header as a trust might print it; the expected field of each column
was decided by reading the name against RECORD_FORMAT's fields, not by running the code.
"""

from __future__ import annotations

import pytest

from wres.normalise.headers import header_map

CASES = [
    (["#", "Initiative", "Lead(s)", "Deadline", "Progress as at March 2024", "Status (RAG)"],
     ["ref", "action", "owner", "due", "status", "rag"]),
    (["Objective", "Activity", "Lead", "Start", "Finish", "Status update", "RAG"],
     ["objective", "action", "owner", "ignore", "due", "status", "rag"]),
    (["Action #", "Action", "Lead", "Target quarter", "Comments"],
     ["ref", "action", "owner", "due", "status"]),
    (["Ref", "Intervention", "Responsible lead", "Completion date", "Update (Sept 2024)",
      "RAG rating (Mar 24)"], ["ref", "action", "owner", "due", "status", "rag"]),
    (["WRES Metric", "Gap identified", "Action required", "Action owner",
      "Target completion", "Monitoring", "RAG"],
     ["indicator", "issue", "action", "owner", "due", "measure", "rag"]),
    (["Workstream", "Deliverable", "SRO", "Date", "BRAG"],
     ["section", "action", "sponsor", "due", "rag"]),
]


@pytest.mark.parametrize(("names", "fields"), CASES, ids=[c[0][1] for c in CASES])
def test_each_column_gets_its_field(names: list[str], fields: list[str]) -> None:
    mapping = header_map(names)
    assert mapping is not None
    assert [mapping.fields.get(col) for col in range(len(names))] == fields
