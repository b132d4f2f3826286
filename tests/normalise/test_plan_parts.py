"""Which headings open a plan of their own (issue 11, item 6). Expected by reading each."""

from __future__ import annotations

import pytest

from tests.conftest import DOCS
from wres.ingest.pipeline import process_file
from wres.normalise.plan_parts import heading_period


@pytest.mark.parametrize(("heading", "period"), [
    ("Part A: our 2022/23 action plan - progress at year end", (2022, 2023)),
    ("Our action plan for 2023/24", (2023, 2024)),
    ("Priorities for 2024-2026", (2024, 2026)),
    ("Part B: actions carried forward from 2022/23", None),  # they belong to this plan
    ("Our WRES data 2022/23", None),
    ("Indicator 2: Relative likelihood of appointment", None),
])
def test_plan_headings(heading: str, period: tuple[int, int] | None) -> None:
    assert heading_period([heading]) == period


def test_a_single_plan_keeps_the_documents_period_in_every_table() -> None:
    actions = process_file(DOCS / "synthetic3-larchmont-numbered-2023-24.docx").actions
    assert {(a.period_start, a.period_end) for a in actions} == {(2023, 2024)}


def test_two_plans_in_one_pdf_give_each_action_its_own_years() -> None:
    actions = process_file(DOCS / "synthetic3-fairholme-twoplans-2022-24.pdf").actions
    # each part's heading groups its table's rows, so it is their section too, whole: it
    # names a plan, not a theme behind a numbering label
    part_a = "Part A: our 2022/23 action plan - progress at year end"
    part_b = "Part B: our action plan for 2023/24"
    assert [(a.ref, a.period_start, a.section) for a in actions] == [
        ("1", 2022, part_a), ("2", 2022, part_a), ("3", 2022, part_a),
        ("B1", 2023, part_b), ("B2", 2023, part_b), ("B3", 2023, part_b)]
