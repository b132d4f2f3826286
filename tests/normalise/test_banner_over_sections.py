"""A banner row that names WRES indicators, above a column of workstreams.

Plans group actions twice: a full-width banner ("Fair recruitment (WRES 2)") and, under it,
a first column naming each workstream. The workstream is the section; the indicator the
banner named holds for every workstream under it until the next banner. "WRES 2" names
indicator 2 as "Indicator 2" does; a year ("WRES 2023 report") names none. Expected values
were read off the table below.
"""

from __future__ import annotations

from pathlib import Path

from tests.normalise.handmade import add_table, new_document, save
from wres.ingest.pipeline import process_file
from wres.normalise.indicators import parse_indicators


def test_wres_followed_by_a_number_names_an_indicator() -> None:
    assert parse_indicators("Fair recruitment (WRES 2)") == [2]
    assert parse_indicators("Safe to speak (WRES 5, 6 and 8)") == [5, 6, 8]
    assert parse_indicators("Our WRES 2023 report and WRES 2024/25 data") == []


def test_the_banners_indicator_holds_under_each_workstream(tmp_path: Path) -> None:
    document = new_document("Hollowmere and District NHS Foundation Trust",
                            "WRES Improvement Plan 2025 to 2026")
    add_table(document, [
        ["Workstream", "Deliverable", "Operational Lead", "Target Date", "BRAG"],
        ["Fair recruitment (WRES 2)", None, None, None, None],
        ["Inclusive panels", "Every Band 8a+ interview panel includes an inclusion assessor",
         "Head of Resourcing", "Summer 2025", "B"],
        ["Application forms", "Anonymise application forms for all clinical posts",
         "Recruitment Lead", "March 2026", "A"],
        ["Safe to speak (WRES 5, 6 and 8)", None, None, None, None],
        ["Tackling abuse", "Introduce a sanctions process for abusive patients",
         "Head of Security", "Q2 2025/26", "G"],
    ])
    actions = process_file(save(document, tmp_path, "hollowmere.docx")).actions
    assert [(a.section, a.indicator, a.indicators, a.rag) for a in actions] == [
        ("Inclusive panels", 2, [2], "blue"),
        ("Application forms", 2, [2], "amber"),
        ("Tackling abuse", None, [5, 6, 8], "green"),
    ]


def test_a_label_word_without_a_number_is_not_part_of_the_section() -> None:
    from wres.normalise.context import section_from_heading

    assert section_from_heading("Theme: Recruitment and progression") == \
        "Recruitment and progression"
    assert section_from_heading("Workstream - Data and insight") == "Data and insight"
    assert section_from_heading("Priority 2 - Culture") == "Culture"
    assert section_from_heading("Governance/Assurance") == "Governance/Assurance"
    assert section_from_heading("Section 2.1 Training") == "Section 2.1 Training"


def test_how_we_will_measure_success_is_the_measure_not_the_steps() -> None:
    from wres.normalise.headers import header_map

    mapping = header_map(["Action No.", "What we will do", "Who", "When",
                          "How we will measure success", "RAG"])
    assert mapping is not None and mapping.fields[4] == "measure"
