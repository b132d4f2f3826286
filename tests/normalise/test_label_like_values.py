"""A cell that reads like a label but sits in its own column is that column's value.

Why: label rows ("Objective | improve ...") carry context down a table, and they are found
by matching the first cell against the column lexicon. A plan whose "WRES Indicator" column
holds "Indicator 2" on every row had every row taken for a label row, and the whole plan
gave no action. Expected values below were read off the rows written here.
"""

from __future__ import annotations

from pathlib import Path

from tests.normalise.handmade import simple_plan
from wres.ingest.pipeline import process_file

HEADER = ["WRES Indicator", "What the data tells us", "What we will do", "Who", "By when",
          "How we will measure success", "RAG"]
ROWS = [
    ["Indicator 2", "Shortlisted BME applicants are less likely to be appointed",
     "Introduce de-biased shortlisting for all posts at band 7 and above",
     "Head of Recruitment", "March 2025", "Relative likelihood below 1.25", "Amber"],
    ["Indicator 6", "More BME staff report bullying from colleagues",
     "Launch a civility and respect campaign across all wards", "Director of Nursing",
     "Q3 2024/25", "Staff survey question 14", "Green"],
]


def test_indicator_cells_under_an_indicator_column_are_values(tmp_path: Path) -> None:
    actions = process_file(simple_plan(tmp_path / "rivermead.docx", HEADER, ROWS)).actions
    assert [(a.indicator, a.action, a.owner, a.rag) for a in actions] == [
        (2, "Introduce de-biased shortlisting for all posts at band 7 and above",
         "Head of Recruitment", "amber"),
        (6, "Launch a civility and respect campaign across all wards",
         "Director of Nursing", "green")]
    assert actions[0].objective == "Shortlisted BME applicants are less likely to be appointed"

