"""Spreadsheets: the committed workbook sample, display formats, a workbook in another shape
made here (expected values written by hand from the rows below), and unsafe or broken files."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.styles import Color, PatternFill

from tests.conftest import DOCS
from wres.errors import (
    DamagedDocumentError,
    MislabelledFileError,
    ResourceLimitError,
    UnsupportedFormatError,
)
from wres.extractors.detect import detect_format
from wres.extractors.registry import extract
from wres.extractors.xlsx_format import display_value
from wres.ingest.files import expand_paths
from wres.normalise.document import normalise_document

SAMPLE = DOCS / "synthetic3-wrenfield-workbook-2024-25.xlsx"


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (dt.datetime(2024, 3, 1), "mmm-yy", "Mar-24"),
    (dt.datetime(2024, 3, 5), "dd/mm/yyyy", "05/03/2024"),
    (dt.datetime(2024, 3, 5), "d mmmm yyyy", "5 March 2024"),
    (dt.datetime(2024, 11, 30), "dd-mmm-yy", "30-Nov-24"),
    (dt.datetime(2024, 3, 5, 9, 5), "h:mm", "9:05"),
    (dt.datetime(2024, 3, 5), "General", "05/03/2024"),
    (1.1, "General", "1.1"),
    (2.0, "General", "2"),
    (3, "0.0", "3.0"),
    (0.25, "0%", "25%"),
    (0.094, "0.0%", "9.4%"),
    (1234.5, "#,##0.00", "1,234.50"),
    (1.61, "0.00", "1.61"),
    ("Q3 2024/25", "@", "Q3 2024/25"),
    (True, "General", "TRUE"),
    (1234.5, '"Q"0', "Q1235"),
    (-1234, "#,##0;(#,##0)", "(1,234)"),
    (-3.14159, "0.00", "-3.14"),
    (0, '0;-0;"-"', "-"),
    (7, '0" days"', "7 days"),
    (dt.datetime(2024, 3, 5), "[$-809]dd mmmm yyyy;@", "05 March 2024"),
    (dt.datetime(2024, 3, 5), "mmm\\-yy", "Mar-24"),
    (None, "General", ""),
])
def test_values_read_as_the_sheet_displays_them(value, number_format, shown):
    assert display_value(value, number_format) == shown


def test_workbook_sample_is_read_sheet_by_sheet():
    document = extract(SAMPLE)
    assert document.format == "xlsx" and document.engines == ["openpyxl"]
    sheets = [t.sheet for t in document.tables]
    assert sheets == ["About this plan", "Action plan 2024-25", "WRES data 2024"]
    assert any("'Lists' is hidden" in w for w in document.warnings)
    plan = document.tables[1]
    assert plan.context[0] == "Action plan 2024-25"
    assert "Wrenfield and Moor Partnership NHS Foundation Trust" in plan.context
    texts = plan.text_rows()
    assert texts[0] == ["Ref", "WRES indicator", "Gap identified", "What we will do",
                        "Responsible lead", "Target date", "RAG", "Progress to date"]
    banner = plan.rows[1].cells[0]
    assert banner.text == "Recruitment and career progression" and banner.col_span == 8
    assert texts[2][0] == "1.1" and texts[2][5] == "Sep-24"
    assert plan.rows[2].cells[6].fill == "00B050"
    gap = plan.rows[2].cells[2]
    assert gap.row_span == 2 and gap.text.startswith("Shortlisted Black")


def test_workbook_sample_gives_the_plan_sheet_actions_only():
    document = extract(SAMPLE)
    records = normalise_document(document, SAMPLE.name).actions
    assert [r.ref for r in records] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2",
                                        "3.3", "3.4"]
    assert [r.rag for r in records] == ["green", "amber", "red", "green", "amber", None,
                                        "green", "blue", "amber", "green"]
    hidden_row = records[7]  # filtered out of view, still an action of the plan
    assert hidden_row.due == "Jun-24" and hidden_row.due_date == dt.date(2024, 6, 30)
    assert records[1].indicator == 2 and records[1].objective.startswith("Shortlisted")


def _unseen_workbook(path):
    """A plan in a shape the samples lack: title and date lines, no ref column, objectives
    merged down over their actions, text status, theme-coloured and legacy-indexed fills."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Race equality plan"
    sheet["B2"] = "Oakhurst Coast Ambulance Service NHS Trust"
    sheet["B3"] = "WRES improvement plan 2025 to 2026"
    sheet.append([])
    sheet.append([None, "Objective", "Actions", "Owner", "Timescale", "Status"])
    rows = [
        ("Widen the routes into paramedic roles",
         "Run taster days for students from local colleges with diverse intakes",
         "Education Manager", dt.datetime(2025, 6, 15), "Complete", None),
        (None, "Guarantee an interview to every internal applicant from an under-represented "
         "group who meets the essential criteria", "Recruitment Lead", dt.datetime(2025, 9, 1),
         "On track", Color(theme=6)),
        ("Make it safe to speak up",
         "Publish a quarterly summary of racism reports and what was done about them",
         "Head of Patient Safety", dt.datetime(2026, 1, 10), "Delayed", Color(indexed=10)),
    ]
    for index, (objective, action, owner, due, status, colour) in enumerate(rows, start=6):
        sheet.append([None, objective, action, owner, due, status])
        sheet.cell(row=index, column=5).number_format = "mmmm yyyy"
        if colour is not None:
            sheet.cell(row=index, column=6).fill = PatternFill("solid", fgColor=colour)
    sheet.merge_cells("B6:B7")
    book.save(path)
    return path


def test_a_workbook_of_another_shape(tmp_path):
    path = _unseen_workbook(tmp_path / "oakhurst.xlsx")
    document = extract(path)
    records = normalise_document(document, path.name).actions
    got = [(r.objective, r.action[:30], r.owner, r.due, r.due_date, r.status, r.rag)
           for r in records]
    assert got == [
        ("Widen the routes into paramedic roles", "Run taster days for students f",
         "Education Manager", "June 2025", dt.date(2025, 6, 30), "Complete", "green"),
        ("Widen the routes into paramedic roles", "Guarantee an interview to ever",
         "Recruitment Lead", "September 2025", dt.date(2025, 9, 30), "On track", "green"),
        ("Make it safe to speak up", "Publish a quarterly summary of",
         "Head of Patient Safety", "January 2026", dt.date(2026, 1, 31), "Delayed", "amber"),
    ]  # SPEC.md: the word wins over the shading, and "delayed" is at risk (amber)
    plan = normalise_document(document, path.name).plan
    assert (plan.trust, plan.period_start, plan.period_end) == (
        "Oakhurst Coast Ambulance Service NHS Trust", 2025, 2026)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_ods_and_xls_are_converted_and_read_alike(tmp_path, suffix):
    source = _unseen_workbook(tmp_path / "oakhurst.xlsx")
    out = tmp_path / "converted"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", suffix, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    converted = out / f"oakhurst.{suffix}"
    assert detect_format(converted) == suffix
    document = extract(converted)
    assert document.engines[:2] == ["libreoffice", "openpyxl"]
    records = normalise_document(document, converted.name).actions
    assert [(r.due, r.rag) for r in records] == [
        ("June 2025", "green"), ("September 2025", "green"), ("January 2026", "amber")]


def test_folders_yield_spreadsheets(tmp_path):
    for name in ("plan.xlsx", "plan.ods", "plan.xls", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = expand_paths([tmp_path])
    assert sorted(p.name for p in found.files) == ["plan.ods", "plan.xls", "plan.xlsx"]


def test_workbook_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (150 * 2**20))
    with pytest.raises(ResourceLimitError, match="zip bomb"):
        extract(path)


def test_macro_workbook_and_broken_workbook_fail_clearly(tmp_path):
    macro = tmp_path / "plan.xlsm"
    with zipfile.ZipFile(macro, "w") as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types><Override ContentType="application/vnd.ms-excel.sheet.'
                         'macroEnabled.main+xml"/></Types>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="macro-enabled workbook"):
        extract(macro)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(SAMPLE.read_bytes()[:3000])
    with pytest.raises((DamagedDocumentError, MislabelledFileError), match="damaged|broken"):
        extract(broken)


def test_a_coloured_glyph_in_a_workbook_cell_is_a_rating(tmp_path):
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Action", "Lead", "RAG"])
    sheet.append([1, "Publish a quarterly race equality dashboard", "Head of Analytics",
                  "\u25cf"])
    sheet.append([2, "Introduce reciprocal mentoring for senior leaders", "Chief People Officer",
                  "\u25cf"])
    sheet["D2"].font = Font(color="FFC00000")
    sheet["D3"].font = Font(color="FFFFC000")
    path = tmp_path / "dots.xlsx"
    book.save(path)
    document = extract(path)
    assert [row.cells[3].mark_colour for row in document.tables[0].rows[1:]] == [
        "C00000", "FFC000"]
    records = normalise_document(document, path.name).actions
    assert [(r.ref, r.rag) for r in records] == [("1", "red"), ("2", "amber")]


def test_wres_tables_names_the_sheet_and_engine_and_prints_text_as_text(tmp_path):
    import sys

    book = Workbook()
    sheet = book.active
    sheet.title = "Plan 2024"
    sheet.append(["Ref", "Action", "Lead"])
    sheet.append(["1", "[bold]Hold [/x] listening events", "HR"])
    path = tmp_path / "markup.xlsx"
    book.save(path)
    done = subprocess.run([sys.executable, "-m", "wres.ingest", "tables", str(path)],
                          capture_output=True, text=True, timeout=300,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "sheet Plan 2024" in done.stdout and "openpyxl" in done.stdout
    assert "[bold]Hold [/x]" in done.stdout
