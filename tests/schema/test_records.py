"""The canonical record validates what RECORD_FORMAT.md promises."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from wres.schema import ActionRecord, PlanInfo, json_schema

FIELDS = ["source_file", "trust", "period_start", "period_end", "page", "ref", "section",
          "indicator", "objective", "action", "steps", "outcome", "measure", "owner", "owners",
          "due", "due_date", "status", "rag", "themes"]
# keys beyond RECORD_FORMAT's (the scorer ignores them): why each theme, every indicator
EXTRA_FIELDS = ["theme_evidence", "indicators"]


def record(**changes):
    return ActionRecord(**{"source_file": "plan.pdf", "action": "Do a thing", **changes})


def test_field_names_are_exactly_the_record_format():
    assert list(record().to_json_dict()) == FIELDS + EXTRA_FIELDS
    assert set(json_schema()["properties"]) == set(FIELDS + EXTRA_FIELDS)


def test_due_date_exports_as_iso_and_must_be_a_real_date():
    assert record(due_date="2024-03-31").to_json_dict()["due_date"] == "2024-03-31"
    assert record(due_date=dt.date(2016, 9, 30)).due_date == dt.date(2016, 9, 30)
    with pytest.raises(ValidationError):
        record(due_date="2023-02-30")


@pytest.mark.parametrize("changes", [
    {"rag": "purple"}, {"indicator": 0}, {"indicator": 10}, {"action": "  "},
    {"period_start": 2024, "period_end": 2023}, {"period_start": 1066},
])
def test_invalid_values_are_refused(changes):
    with pytest.raises(ValidationError):
        record(**changes)


def test_rag_is_folded_to_lower_case():
    assert record(rag="AMBER").rag == "amber"


def test_plan_years_must_be_ordered():
    with pytest.raises(ValidationError):
        PlanInfo(period_start=2022, period_end=2021)
