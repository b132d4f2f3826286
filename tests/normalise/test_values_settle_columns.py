"""Columns whose name alone does not settle what they hold, read by their values.

Why: "Target" is a date in one plan ("March 2025") and a measure in another ("Relative
likelihood below 1.25"); an indicator column may number its rows "1 - Percentage of staff
in each band" rather than "Indicator 1". Expected values were read off the rows below.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.normalise.handmade import simple_plan
from wres.ingest.pipeline import process_file

ACTIONS = ["Introduce de-biased shortlisting for all posts at band 7 and above",
           "Launch a civility and respect campaign across all wards"]


@pytest.mark.parametrize(("targets", "due", "measure"), [
    (["March 2025", "Ongoing"], ["March 2025", "Ongoing"], [None, None]),
    (["Relative likelihood of appointment below 1.25",
      "Ten per cent fewer staff report bullying in the survey"],
     [None, None],
     ["Relative likelihood of appointment below 1.25",
      "Ten per cent fewer staff report bullying in the survey"]),
])
def test_a_target_column_is_a_date_or_a_measure_by_what_it_holds(
        tmp_path: Path, targets: list[str], due: list, measure: list) -> None:
    rows = [[action, "Head of People", target, "Amber"]
            for action, target in zip(ACTIONS, targets, strict=True)]
    path = simple_plan(tmp_path / "plan.docx", ["Action", "Owner", "Target", "RAG"], rows)
    actions = process_file(path).actions
    assert [a.due for a in actions] == due
    assert [a.measure for a in actions] == measure


def test_a_number_before_the_indicators_wording_names_it(tmp_path: Path) -> None:
    rows = [["1 - Percentage of staff in each AfC band", ACTIONS[0], "HRD", "March 2025"],
            ["5. Staff experiencing harassment from patients", ACTIONS[1], "DoN", "Q3"]]
    path = simple_plan(tmp_path / "plan.docx", ["Indicator", "Action", "Owner", "Due"], rows)
    assert [a.indicator for a in process_file(path).actions] == [1, 5]
