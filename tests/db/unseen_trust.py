"""Three plans of a trust no sample has, written as Word files at test time (not a test module).

Why: the linker's threshold was chosen on samples/gold-links, so it must be scored on plans
it has never seen, in other words and other templates. The chains below were written by
hand, with the plans, before the linker ever ran on them. Near misses that must not link:
2019-20 item 4 ("Commission an external review of the bullying and harassment procedure")
and 2018-19 item 3 (the same words about the grievance procedure); 2021-22 item 5 (an
external review of medical recruitment) and 2019-20 item 4.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tests.samples.sample_files import import_generator

TRUST = "Hollinsbrook Partnership NHS Foundation Trust"
FILL = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}


def _rag_cell(rag: str) -> dict:
    return {"text": rag.capitalize(), "fill": FILL[rag]}


PLAN_2018 = ("hollinsbrook-2018-19.docx", 2018, 2019, [
    ["Ref", "Objective", "Action", "Owner", "Due", "RAG"],
    ["1", "Fair recruitment", "Require at least one panel member from an ethnic minority "
     "background on all shortlisting and interview panels for Band 6 and above",
     "Head of Talent", "March 2019", _rag_cell("amber")],
    ["2", "Inclusive care teams", "Provide cultural awareness workshops for ward sisters and "
     "charge nurses", "Practice Education Lead", "January 2019", _rag_cell("green")],
    ["3", "Fair treatment", "Commission an external review of the grievance procedure",
     "Head of HR", "December 2018", _rag_cell("red")],
    ["4", "Celebrating diversity", "Celebrate South Asian Heritage Month across the Trust",
     "Communications Manager", "August 2018", _rag_cell("blue")],
    ["5", "Transparency", "Report workforce race data to the Board twice a year",
     "Workforce Analyst", "March 2019", _rag_cell("amber")],
    ["6", "Staff voice", "Recruit a BME network chair and secure executive sponsorship",
     "Chief People Officer", "October 2018", _rag_cell("green")],
])
PLAN_2019 = ("hollinsbrook-2019-20.docx", 2019, 2020, [
    ["No.", "What we will do", "Lead", "Timescale", "Progress"],
    ["1", "Ensure that ethnically diverse panels are used for every shortlisting and interview "
     "at Band 6 and above", "Recruitment Manager", "June 2019",
     {"text": "Agreed for nursing posts", "fill": FILL["amber"]}],
    ["2", "Extend the cultural awareness workshops to all registered nurses",
     "Practice Education Lead", "March 2020",
     {"text": "Two workshops held", "fill": FILL["amber"]}],
    ["3", "Report race equality workforce figures to the Board every six months",
     "Workforce Analyst", "September 2019",
     {"text": "Reported in May and November", "fill": FILL["green"]}],
    ["4", "Commission an external review of the bullying and harassment procedure",
     "Head of HR", "December 2019", {"text": "Reviewer appointed", "fill": FILL["amber"]}],
    ["5", "Introduce a buddy scheme for internationally educated nurses in their first year",
     "Deputy Chief Nurse", "November 2019", {"text": "Buddies recruited", "fill": FILL["amber"]}],
    ["6", "Audit the outcomes of disciplinary investigations by ethnicity each quarter",
     "Employee Relations Lead", "March 2020", {"text": "Not started", "fill": FILL["red"]}],
])
PLAN_2021 = ("hollinsbrook-2021-22.docx", 2021, 2022, [
    ["Indicator", "Action ref", "Our actions", "Responsible", "Deadline", "Status"],
    ["1", "1", "Diverse shortlisting and interview panels for all Band 6+ vacancies, with "
     "compliance checked monthly", "Recruitment Manager", "September 2021",
     "Amber - 80% of panels compliant"],
    ["3", "2", "Analyse disciplinary investigation outcomes by ethnicity every quarter and act "
     "on differences", "Employee Relations Lead", "March 2022", "Green - reported quarterly"],
    ["8", "3", "Commission an external review of the bullying and harassment procedure and "
     "publish its findings", "Head of HR", "December 2021", "Amber - report drafted"],
    ["7", "4", "Offer a coaching programme for BME staff at Bands 5 and 6",
     "Head of Leadership Development", "January 2022", "Red - no coaches yet"],
    ["1", "5", "Commission an external review of the recruitment process for medical staff",
     "Medical Director", "March 2022", "Amber - scope agreed"],
    ["5", "6", "Continue buddying for internationally recruited nurses during their first "
     "twelve months", "Deputy Chief Nurse", "Ongoing", "Green - 40 pairs"],
])
PLANS = (PLAN_2018, PLAN_2019, PLAN_2021)

# written by hand with the plans above, before the linker ran on them
GOLD = {
    "trust": TRUST,
    "plans": [p[0] for p in PLANS],
    "chains": [
        {"outcome": "ongoing", "actions": [["hollinsbrook-2018-19.docx", "1"],
                                           ["hollinsbrook-2019-20.docx", "1"],
                                           ["hollinsbrook-2021-22.docx", "1"]]},
        {"outcome": "dropped", "actions": [["hollinsbrook-2018-19.docx", "2"],
                                           ["hollinsbrook-2019-20.docx", "2"]]},
        {"outcome": "dropped", "actions": [["hollinsbrook-2018-19.docx", "3"]]},
        {"outcome": "completed", "actions": [["hollinsbrook-2018-19.docx", "4"]]},
        {"outcome": "completed", "actions": [["hollinsbrook-2018-19.docx", "5"],
                                             ["hollinsbrook-2019-20.docx", "3"]]},
        {"outcome": "completed", "actions": [["hollinsbrook-2018-19.docx", "6"]]},
        {"outcome": "ongoing", "actions": [["hollinsbrook-2019-20.docx", "4"],
                                           ["hollinsbrook-2021-22.docx", "3"]]},
        {"outcome": "ongoing", "actions": [["hollinsbrook-2019-20.docx", "5"],
                                           ["hollinsbrook-2021-22.docx", "6"]]},
        {"outcome": "ongoing", "actions": [["hollinsbrook-2019-20.docx", "6"],
                                           ["hollinsbrook-2021-22.docx", "2"]]},
        {"outcome": "ongoing", "actions": [["hollinsbrook-2021-22.docx", "4"]]},
        {"outcome": "ongoing", "actions": [["hollinsbrook-2021-22.docx", "5"]]},
    ],
}


def write_plans(folder: Path, plans: tuple = PLANS,
                trust: str = TRUST) -> tuple[list[Path], Path]:
    """The Word files of ``plans`` and a manifest naming their trust and years."""
    import_generator()
    from gen_docx import write_docx

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, start, end, rows in plans:
        widths = [4.0 if len(cell) > 40 else 1.3 for cell in rows[1] if isinstance(cell, str)]
        widths += [1.3] * (len(rows[0]) - len(widths))
        spec = {"stem": name[:-5], "trust": trust, "period_start": start, "period_end": end,
                "landscape": True, "font_size": 9, "blocks": [
                    {"type": "title", "text": f"{trust} WRES action plan {start}-{end}"},
                    {"type": "table", "widths": widths, "header_rows": 1, "rows": rows}]}
        paths.append(write_docx(spec, folder / name))
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "trust", "period_start", "period_end"])
        writer.writerows([name, trust, start, end] for name, start, end, _ in plans)
    return paths, manifest


# A second trust, written after the subject-theme rule was added (the first trust above
# showed its need), so that the linker as it stands is scored on plans it has not seen.
# Near misses: 2022-23 item 3 ("Refresh the appraisal policy ...") and 2021-22 item 2
# ("Refresh the flexible working policy ..."); 2024-25 item 4 (reverse mentoring for
# governors) and 2022-23 item 5 (a mentoring programme for nurses).
TRUST_2 = "Marlow Heath Integrated Care NHS Trust"
PLANS_2 = (
    ("marlow-2021-22.docx", 2021, 2022, [
        ["Item", "Action", "Lead", "Target", "RAG"],
        ["A1", "Advertise every Band 8a and above vacancy through BME professional networks",
         "Resourcing Lead", "June 2021", _rag_cell("amber")],
        ["A2", "Refresh the flexible working policy so that line managers approve requests "
         "consistently", "Policy Manager", "September 2021", _rag_cell("green")],
        ["A3", "Set up a race equality steering group chaired by the Chief Executive",
         "Chief Executive", "May 2021", _rag_cell("blue")],
        ["A4", "Offer bystander intervention training to staff in emergency departments",
         "Head of Education", "March 2022", _rag_cell("amber")],
        ["A5", "Publish pay gap figures by ethnicity on the staff intranet",
         "Workforce Intelligence Manager", "December 2021", _rag_cell("red")],
    ]),
    ("marlow-2022-23.docx", 2022, 2023, [
        ["Ref", "Key action", "Accountable lead", "Completion date", "Progress update"],
        ["1", "Promote senior vacancies (Band 8a+) through BME professional networks and "
         "community media", "Resourcing Lead", "July 2022",
         {"text": "Adverts placed with two networks", "fill": FILL["amber"]}],
        ["2", "Roll out active bystander training across emergency and urgent care teams",
         "Head of Education", "March 2023", {"text": "Half of teams trained",
                                             "fill": FILL["green"]}],
        ["3", "Refresh the appraisal policy to include a race equality objective for every "
         "manager", "Policy Manager", "January 2023", {"text": "Draft consulted on",
                                                        "fill": FILL["amber"]}],
        ["4", "Publish ethnicity pay gap data for staff on the intranet every year",
         "Workforce Intelligence Manager", "December 2022",
         {"text": "Published in November", "fill": FILL["green"]}],
        ["5", "Start a mentoring programme for newly qualified BME nurses",
         "Deputy Director of Nursing", "October 2022", {"text": "First 12 pairs",
                                                        "fill": FILL["amber"]}],
    ]),
    ("marlow-2024-25.docx", 2024, 2025, [
        ["Ref", "WRES indicator", "Action", "Owner", "Due date", "Status"],
        ["1", "1", "Use BME professional networks and community media to advertise all posts at "
         "Band 8a and above", "Head of Resourcing", "June 2024", "Green - in place"],
        ["2", "6", "Give emergency and urgent care staff active bystander training", "Head of "
         "Education", "March 2025", "Amber - 70% trained"],
        ["3", "2", "Continue the mentoring programme for newly qualified BME nurses with a third "
         "cohort", "Deputy Director of Nursing", "September 2024", "Amber - recruiting"],
        ["4", "9", "Start reverse mentoring for governors with BME staff members",
         "Trust Secretary", "December 2024", "Red - not started"],
    ]),
)
GOLD_2 = {
    "trust": TRUST_2,
    "plans": [p[0] for p in PLANS_2],
    "chains": [
        {"outcome": "ongoing", "actions": [["marlow-2021-22.docx", "A1"],
                                           ["marlow-2022-23.docx", "1"],
                                           ["marlow-2024-25.docx", "1"]]},
        {"outcome": "completed", "actions": [["marlow-2021-22.docx", "A2"]]},
        {"outcome": "completed", "actions": [["marlow-2021-22.docx", "A3"]]},
        {"outcome": "ongoing", "actions": [["marlow-2021-22.docx", "A4"],
                                           ["marlow-2022-23.docx", "2"],
                                           ["marlow-2024-25.docx", "2"]]},
        {"outcome": "completed", "actions": [["marlow-2021-22.docx", "A5"],
                                             ["marlow-2022-23.docx", "4"]]},
        {"outcome": "dropped", "actions": [["marlow-2022-23.docx", "3"]]},
        {"outcome": "ongoing", "actions": [["marlow-2022-23.docx", "5"],
                                           ["marlow-2024-25.docx", "3"]]},
        {"outcome": "ongoing", "actions": [["marlow-2024-25.docx", "4"]]},
    ],
}
