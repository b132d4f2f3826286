"""Plans in layouts none of the seeds has: the mapping must stay general.

Expected values were worked out by reading each hand-made table, following
RECORD_FORMAT.md and samples/SPEC.md.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.normalise.handmade import add_table, new_document, save
from wres.ingest.pipeline import process_file


def run(path):
    result = process_file(path)
    return result, {a.ref or a.action[:20]: a for a in result.actions}


@pytest.fixture()
def report_with_metrics_first(tmp_path):
    """A WRES report: metrics table (percentages, likelihood ratios), then an action plan
    with columns named and ordered unlike any seed, RAG as letters and words."""
    doc = new_document("Riverside Mental Health NHS Trust",
                       "Workforce Race Equality Standard report 2022/23")
    doc.add_paragraph("Our WRES indicators compared with last year.")
    add_table(doc, [
        ["WRES indicator", "2021", "2022", "Change"],
        ["1. BME staff in bands 8a and above", "9.1%", "10.4%", "+1.3"],
        ["2. Relative likelihood of appointment from shortlisting", "1.62", "1.48", "-0.14"],
        ["3. Relative likelihood of formal disciplinary", "1.21", "0.98", "-0.23"],
    ])
    doc.add_heading("Our action plan", level=2)
    add_table(doc, [
        ["No.", "What we will do", "Lead officer", "By when", "RAG rating", "Success measure"],
        ["A1", "Introduce diverse interview panels for all posts at band 7 and above",
         "Head of Recruitment", "Q2 2022/23", "G", "Panel diversity audit shows 95% compliance"],
        ["A2", "Launch a reverse mentoring programme for the executive team",
         "Chief People Officer & Head of EDI", "March 2023", "Amber",
         "Every executive has a reverse mentor"],
        ["A3", "Publish ethnicity pay gap report", "Workforce Intelligence Manager",
         "31/12/2022", "", "Report published on website"],
    ], fills={(3, 4): "FF0000"})
    return save(doc, tmp_path, "riverside-wres-report.docx")


def test_metrics_table_gives_no_actions_and_plan_maps_unseen_names(report_with_metrics_first):
    result, by_ref = run(report_with_metrics_first)
    assert len(result.actions) == 3
    assert result.plan.trust == "Riverside Mental Health NHS Trust"
    assert (result.plan.period_start, result.plan.period_end) == (2022, 2023)
    a1, a2, a3 = by_ref["A1"], by_ref["A2"], by_ref["A3"]
    assert a1.owner == "Head of Recruitment" and a1.rag == "green"
    assert a1.due_date == dt.date(2022, 9, 30)  # Q2 of 2022/23 is July-September 2022
    assert a1.measure == "Panel diversity audit shows 95% compliance"
    assert a2.rag == "amber" and a2.due_date == dt.date(2023, 3, 31)
    assert a2.owners == ["Chief People Officer", "Head of EDI"]
    assert a3.rag == "red"  # no word: the red shading of the RAG cell
    assert a3.due_date == dt.date(2022, 12, 31)
    assert all(a.indicator is None for a in result.actions)


@pytest.fixture()
def key_value_plan(tmp_path):
    """One small "Label | value" table per action, under priority headings."""
    doc = new_document("Hillside Community Health NHS Foundation Trust WRES Action Plan 2024-25")
    doc.add_heading("Priority 1", level=2)
    add_table(doc, [
        ["Action", "Deliver cultural awareness training to all line managers"],
        ["Indicator", "WRES Indicator 5"],
        ["Lead", "Learning and Development Manager"],
        ["Timescale", "Q3 2024/25"],
        ["Measure of success", "90% of line managers trained"],
        ["Progress", "On track"],
    ])
    doc.add_heading("Priority 2", level=2)
    add_table(doc, [
        ["Action", "Set up a staff network for ethnic minority colleagues with executive sponsor"],
        ["Indicator", "Indicators 7 & 8"],
        ["Lead", "Director of People"],
        ["Timescale", "September 2024"],
        ["Measure of success", "Network meets monthly"],
        ["Progress", "Complete"],
    ])
    return save(doc, tmp_path, "hillside-2024-25.docx")


def test_key_value_tables_give_one_action_each(key_value_plan):
    result, _ = run(key_value_plan)
    assert [a.action[:18] for a in result.actions] == ["Deliver cultural a", "Set up a staff net"]
    first, second = result.actions
    # "Indicators 7 & 8" ties the row to two indicators, not to one: no single indicator
    assert first.indicator == 5 and second.indicator is None
    assert first.owner == "Learning and Development Manager"
    assert first.due_date == dt.date(2024, 12, 31)
    assert second.due_date == dt.date(2024, 9, 30)
    assert first.measure == "90% of line managers trained"
    assert first.status == "On track" and second.status == "Complete"
    assert result.plan.trust == "Hillside Community Health NHS Foundation Trust"
    assert (result.plan.period_start, result.plan.period_end) == (2024, 2025)


@pytest.fixture()
def grouped_theme_plan(tmp_path):
    """Theme and objective merged down; one objective with two tasks; the header repeated
    part-way down; columns in an order no seed uses (owner before action)."""
    header = ["Theme", "Objective", "Owner", "Actions", "Timescale", "Evidence of progress"]
    doc = new_document("WRES Action Plan 2020-21")
    add_table(doc, [
        header,
        ["WRES metric 2: Shortlisting", "Close the shortlisting gap", "Recruitment Lead",
         "Anonymise application forms", "June 2020", "Pilot running in two directorates"],
        ["^", "^", "HR Business Partners", "Train shortlisting panels in fair selection",
         "Sept 20", "Not started"],
        header,
        ["Culture", "Leaders model inclusive behaviour", "Chief Executive",
         "Add inclusion objective to every senior appraisal", "tbc", "Complete"],
    ])
    return save(doc, tmp_path, "wres-action-plan-2020-21.docx")


def test_merged_groups_carry_down_and_repeated_header_is_skipped(grouped_theme_plan):
    result, _ = run(grouped_theme_plan)
    actions = result.actions
    starts = [a.action[:14] for a in actions]
    assert starts == ["Anonymise appl", "Train shortlis", "Add inclusion "]
    assert actions[0].objective == actions[1].objective == "Close the shortlisting gap"
    assert actions[0].indicator == actions[1].indicator == 2
    assert actions[0].section == actions[1].section == "Shortlisting"
    assert actions[2].section == "Culture" and actions[2].indicator is None
    assert actions[1].owner == "HR Business Partners"
    assert actions[1].due_date == dt.date(2020, 9, 30)
    assert actions[2].due_date is None and actions[2].due == "tbc"
    assert actions[1].rag == "red"  # "Not started" in a short status
    assert (result.plan.period_start, result.plan.period_end) == (2020, 2021)
    assert result.plan.trust is None


def test_contents_page_table_is_not_an_action_plan(tmp_path):
    doc = new_document("Annual equality report 2023")
    add_table(doc, [["Contents", "Page"], ["Introduction", "2"], ["WRES data", "4"],
                    ["Action plan", "9"]])
    result, _ = run(save(doc, tmp_path, "contents.docx"))
    assert result.actions == []
    assert any(i.kind == "no-actions" for i in result.issues)
