"""Write the workbook sample: a WRES action plan kept as an Excel workbook (openpyxl).

Why a workbook of several sheets: trusts keep plans in Excel as often as in Word, with a
cover sheet, the plan itself (banners merged across, the indicator and gap merged down,
ratings as cell shading, dates typed as dates and shown "Sep-24", refs typed as numbers
1.1, 1.2), a sheet of WRES figures that holds no action, a hidden list sheet that feeds
the RAG drop-down, a hidden helper column and a filtered (hidden) row. The gold answers are
written by hand in ``gold/<file>.json``; nothing here writes them.

    .venv/bin/python samples/gen_xlsx.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Color, Font, PatternFill

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_docx import save_deterministic  # noqa: E402  (fixed zip times; any .save(file) works)

SAMPLES_DIR = Path(__file__).resolve().parent
STEM = "synthetic3-wrenfield-workbook-2024-25"
TRUST = "Wrenfield and Moor Partnership NHS Foundation Trust"
RED, AMBER, GREEN, BLUE = "FFFF0000", "FFFFC000", "FF00B050", "FF0070C0"
THEME_GREEN = Color(theme=6, tint=0.0)  # accent 3 of the theme openpyxl writes: 9BBB59
HEADER = ["Ref", "WRES indicator", "Gap identified", "What we will do", "Responsible lead",
          "Target date", "RAG", "Progress to date", "Score (helper)"]

# (ref, indicator, gap, action, lead, target date, fill, progress)
Plan = tuple[float, int, str, str, str, dt.date, object, str]
BANNERS: list[tuple[str, list[Plan]]] = [
    ("Recruitment and career progression", [
        (1.1, 2, "Shortlisted Black and minority ethnic applicants are less likely to be "
         "appointed than white applicants (relative likelihood 1.61)",
         "Put a trained equality adviser on every interview panel for posts at band 8a and "
         "above", "Deputy Director of People", dt.date(2024, 9, 30), GREEN,
         "Advisers sat on 46 of 50 panels since June"),
        (1.2, 2, None,
         "Offer every unsuccessful internal candidate at band 6 and above a structured "
         "feedback conversation within ten working days", "Head of Talent Acquisition",
         dt.date(2024, 12, 1), AMBER, "Template agreed; roll-out started in two divisions"),
        (1.3, 4, "Black and minority ethnic staff are less likely to access non-mandatory "
         "training and CPD",
         "Ring-fence a share of the continuing professional development budget for Black and "
         "minority ethnic nurses and allied health professionals", "Chief Nurse",
         dt.date(2025, 3, 31), RED, "Not yet started: awaiting budget setting"),
    ]),
    ("Bullying, harassment and discrimination", [
        (2.1, 5, "Staff from minority ethnic backgrounds report more harassment and abuse "
         "from patients and visitors",
         "Launch a zero-tolerance campaign against racist abuse of staff, with posters in "
         "every ward and reception area", "Director of Estates and Facilities",
         dt.date(2024, 7, 1), THEME_GREEN, "Campaign launched on 1 July"),
        (2.2, 6, "Staff from minority ethnic backgrounds report more bullying from colleagues "
         "and managers",
         "Set up a confidential reporting route for racism, staffed by trained Freedom to "
         "Speak Up champions", "Freedom to Speak Up Guardian", dt.date(2024, 10, 15), AMBER,
         "Champions recruited; training booked"),
        (2.3, 8, "Discrimination from a manager or colleague remains higher for minority "
         "ethnic staff", "Deliver active bystander workshops to all ward and department "
         "managers", "Head of Organisational Development", dt.date(2025, 1, 31), None, ""),
    ]),
    ("Leadership, governance and data", [
        (3.1, 9, "The Board does not reflect the ethnic make-up of the workforce or the "
         "communities it serves",
         "Set a target for minority ethnic representation among non-executive directors "
         "before the next three vacancies are filled", "Trust Chair", dt.date(2025, 3, 1),
         GREEN, "Target of two appointments agreed"),
        (3.2, 1, "Workforce ethnicity data is published only once a year",
         "Publish a quarterly workforce race dashboard broken down by pay band and division",
         "Head of Workforce Information", dt.date(2024, 6, 28), BLUE,
         "Complete: first dashboard published in June"),
        (3.3, 3, "Minority ethnic staff are more likely to enter the formal disciplinary "
         "process",
         "Introduce an independent pre-disciplinary check by a senior manager before any "
         "formal investigation begins", "Director of People", dt.date(2024, 11, 30), AMBER,
         "Checklist drafted with staff side"),
        (3.4, 7, "Fewer minority ethnic staff believe the trust offers equal opportunities "
         "for progression",
         "Pair each member of the executive team with a reverse mentor from the race "
         "equality network", "Chief Executive", dt.date(2025, 2, 28), THEME_GREEN,
         "Eight pairs matched"),
    ]),
]
HIDDEN_REF = 3.2  # completed and filtered out of view: still an action of the plan

FIGURES = [
    ["Indicator", "Description", "2022", "2023", "2024", "Change"],
    [1, "BME staff in bands 8a to VSM (% of those bands)", 0.081, 0.094, 0.112, 0.018],
    [2, "Relative likelihood of white applicants being appointed from shortlisting",
     1.74, 1.68, 1.61, -0.07],
    [3, "Relative likelihood of BME staff entering the formal disciplinary process",
     1.32, 1.45, 1.29, -0.16],
    [4, "Relative likelihood of white staff accessing non-mandatory training", 1.05, 1.11,
     1.09, -0.02],
    [5, "BME staff experiencing harassment from patients or the public (%)", 0.29, 0.31,
     0.3, -0.01],
    [9, "Board voting membership minus overall workforce (percentage points)", -0.12, -0.1,
     -0.09, 0.01],
]


def _cover(book: Workbook) -> None:
    sheet = book.active
    sheet.title = "About this plan"
    sheet["A1"] = "About this plan"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A3"] = ("This workbook holds our Workforce Race Equality Standard action plan for "
                   "2024/25, agreed by the People Committee in April 2024.")
    sheet["A4"] = ("Ratings are shown by colour: red is behind plan, amber is under way, "
                   "green is on track and blue is complete.")
    sheet.column_dimensions["A"].width = 110


def _plan_rows(sheet) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 5
    for banner, items in BANNERS:
        sheet.cell(row=row, column=1, value=banner).font = Font(bold=True)
        sheet.cell(row=row, column=1).fill = PatternFill("solid", fgColor="FFD9E1F2")
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
        row += 1
        for ref, indicator, gap, action, lead, due, fill, progress in items:
            values = [ref, indicator, gap, action, lead, due, None, progress or None,
                      round(ref * 7)]
            for col, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=col, value=value)
                cell.alignment = wrap
            sheet.cell(row=row, column=6).number_format = "mmm-yy"
            if fill is not None:
                sheet.cell(row=row, column=7).fill = PatternFill("solid", fgColor=fill)
            if gap is None:  # the gap of the row above covers this one too
                for col in (2, 3):
                    sheet.merge_cells(start_row=row - 1, start_column=col, end_row=row,
                                      end_column=col)
            if ref == HIDDEN_REF:
                sheet.row_dimensions[row].hidden = True
            row += 1


def _plan(book: Workbook) -> None:
    sheet = book.create_sheet("Action plan 2024-25")
    sheet["A1"] = TRUST
    sheet["A2"] = "Workforce Race Equality Standard action plan 2024/25"
    for row in (1, 2):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=8)
        sheet.cell(row=row, column=1).font = Font(bold=True, size=13)
    for col, name in enumerate(HEADER, start=1):
        cell = sheet.cell(row=4, column=col, value=name)
        cell.font = Font(bold=True, color="FFFFFFFF")
        cell.fill = PatternFill("solid", fgColor="FF1F4E79")
    _plan_rows(sheet)
    sheet.column_dimensions["I"].hidden = True
    for letter, width in zip("ABCDEFGH", (6, 10, 40, 45, 24, 11, 6, 34), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"


def _figures(book: Workbook) -> None:
    sheet = book.create_sheet("WRES data 2024")
    for values in FIGURES:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        label = str(row[1].value)
        for cell in row[2:]:
            cell.number_format = "0.00" if "likelihood" in label else "0.0%"


def _lists(book: Workbook) -> None:
    sheet = book.create_sheet("Lists")
    for index, word in enumerate(("Red", "Amber", "Green", "Blue"), start=1):
        sheet.cell(row=index, column=1, value=word)
    sheet.sheet_state = "hidden"


def build_workbook() -> Workbook:
    book = Workbook()
    _cover(book)
    _plan(book)
    _figures(book)
    _lists(book)
    book.properties.creator = "Workforce Information"
    book.properties.created = book.properties.modified = dt.datetime(2024, 4, 1, 9, 0, 0)
    return book


def append_manifest(file_name: str, trust: str, start: int, end: int) -> None:
    """Add the document's manifest row once (generate.py writes the rows of the specs)."""
    manifest = SAMPLES_DIR / "manifest.csv"
    lines = manifest.read_text().splitlines()
    if not any(line.startswith(file_name + ",") for line in lines):
        lines.append(f"{file_name},{trust},{start},{end}")
        manifest.write_text("\n".join(lines) + "\n")


def main() -> None:
    out = SAMPLES_DIR / "docs" / f"{STEM}.xlsx"
    save_deterministic(build_workbook(), out)
    append_manifest(out.name, TRUST, 2024, 2025)
    print(f"wrote {out.relative_to(SAMPLES_DIR)}")


if __name__ == "__main__":
    main()
