"""Plans written as lists: bullet or numbered items under an action heading or lead-in.

A report made here with no table and no labelled paragraph: bullets after "Over the next
year we will:", a numbered list under an "Our actions" heading, and a bulleted list of
findings that is no action. Read as Word and as LibreOffice's PDF of it. Expected values
were read off the paragraphs written below.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from wres.ingest.pipeline import process_file

EXPECTED = [
    (None, 2, "Introduce diverse interview panels for all posts at band 7 and above."),
    (None, 2, "Provide interview skills coaching to BME staff applying for promotion."),
    ("1", 5, "Launch a zero tolerance campaign against racist abuse from patients and visitors."),
    ("2", 5, "Give ward managers training in supporting staff after an incident."),
]


def _report(path: Path) -> Path:
    document = Document()
    document.add_heading("Thornbury Community NHS Trust: WRES report 2024", 0)
    document.add_paragraph("This report sets out our WRES data and the actions we will take.")
    document.add_heading("Indicator 2: Relative likelihood of appointment from shortlisting", 1)
    document.add_paragraph("BME applicants remain less likely to be appointed.")
    document.add_paragraph("Over the next year we will:")
    for _, _, text in EXPECTED[:2]:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Indicator 5: Harassment, bullying or abuse from patients", 1)
    document.add_heading("Our actions", 2)
    for _, _, text in EXPECTED[2:]:
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("We will report progress to the Board twice a year.")
    document.add_heading("Our data", 1)
    document.add_paragraph("Key findings:")
    document.add_paragraph("BME staff make up 21% of the workforce.", style="List Bullet")
    document.add_paragraph("The relative likelihood of appointment is 1.45.", style="List Bullet")
    document.save(str(path))
    return path


def _read(path: Path) -> list[tuple]:
    return [(a.ref, a.indicator, a.action) for a in process_file(path).actions]


def test_list_items_under_action_lead_ins_are_actions_in_word(tmp_path: Path) -> None:
    assert _read(_report(tmp_path / "thornbury.docx")) == EXPECTED


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_same_report_as_pdf(tmp_path: Path) -> None:
    source = _report(tmp_path / "thornbury.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    assert _read(tmp_path / "thornbury.pdf") == EXPECTED
