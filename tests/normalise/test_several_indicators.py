"""Several indicators for one action: "Indicators 5 & 6", "2, 3", "1-4", "All indicators".

Expected values were worked out by reading the hand-made table below: ``indicators`` lists
every indicator the plan ties a row to, ``indicator`` keeps its meaning (the one indicator
named, null where the plan names several: the sample gold and layouts follow that).
"""

from __future__ import annotations

import pytest

from tests.normalise.handmade import add_table, new_document, save
from wres.ingest.pipeline import process_file
from wres.normalise.indicators import indicators_of_cell
from wres.schema import ActionRecord


@pytest.mark.parametrize(("text", "column", "expected"), [
    ("Indicators 5 & 6", False, [5, 6]),
    ("Indicators 1-4", False, [1, 2, 3, 4]),
    ("All indicators", False, list(range(1, 10))),
    ("All WRES indicators", False, list(range(1, 10))),
    ("2, 3", True, [2, 3]),
    ("1 and 7", True, [1, 7]),
    ("All", True, list(range(1, 10))),
    ("5", True, [5]),
    ("Indicator 3: Disciplinary", True, [3]),
    ("2, 3", False, []),  # bare numbers outside an indicator column are anything at all
    ("All", False, []),
    ("N/A", True, []),
    ("2021, 2022", True, []),
    ("", True, []),
])
def test_indicators_of_cell(text: str, column: bool, expected: list[int]) -> None:
    assert indicators_of_cell(text, indicator_column=column) == expected


def test_the_record_keeps_its_one_indicator_in_the_list() -> None:
    record = ActionRecord(source_file="x.docx", action="Do it", indicator=4)
    assert record.indicators == [4]
    assert ActionRecord(source_file="x.docx", action="Do it",
                        indicators=[5, 6, 5]).indicators == [5, 6]
    with pytest.raises(ValueError):
        ActionRecord(source_file="x.docx", action="Do it", indicators=[10])


def several_indicators_plan(folder):
    doc = new_document("Westmoor Community NHS Trust", "WRES action plan 2024-25")
    add_table(doc, [
        ["WRES indicator", "Action", "Lead", "Progress update"],
        ["Indicators 5 & 6", "Launch a zero tolerance campaign on abuse from patients",
         "Head of Security", "Campaign materials drafted"],
        ["2, 3", "Introduce a senior review before any formal investigation starts",
         "Director of People", "Delayed: bullying and harassment data and the mentoring "
         "audit come first"],
        ["All indicators", "Publish a quarterly workforce race equality dashboard",
         "Head of Workforce Information", "First edition due in June"],
        ["Indicators 1-4", "Offer career conversations to all BME staff in Bands 2 to 5",
         "Head of Talent", "In progress"],
        ["8", "Train all managers in active bystander skills", "Head of OD", "Complete"],
    ])
    return save(doc, folder, "westmoor-2024-25.docx")


def test_a_plan_with_several_indicators_per_row(tmp_path) -> None:
    actions = process_file(several_indicators_plan(tmp_path)).actions
    assert [a.indicators for a in actions] == [
        [5, 6], [2, 3], list(range(1, 10)), [1, 2, 3, 4], [8]]
    assert [a.indicator for a in actions] == [None, None, None, None, 8]


def test_themes_come_from_the_action_never_the_progress_text(tmp_path) -> None:
    actions = process_file(several_indicators_plan(tmp_path)).actions
    assert actions[0].themes == ["bullying and harassment", "communications"]
    assert actions[1].themes == ["disciplinary"]  # "bullying reports" is only in a status
    assert actions[1].theme_evidence == {"disciplinary": ["formal investigation"]}
