"""Words a narrow PDF column broke are put back; words that merely filled a line are not.

The pieces below are the kinds of break met in published plans and in LibreOffice's
rendering of a nine-column table: a word cut anywhere ("traini" / "ng", "Comp" / "any"),
cut twice ("repres" / "entati" / "on"), cut at its own hyphen ("non-" / "mandatory") or at a
slash ("2023/" / "24"). Expected texts are the words as written in the source document.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.normalise.handmade import add_table, new_document, save
from wres.extractors.model import clean_text
from wres.extractors.pdf_words import TextLine, is_broken_word, join_at_mark, join_lines
from wres.ingest.pipeline import process_file


@pytest.mark.parametrize(("before", "after"), [
    ("traini", "ng"), ("Reduc", "e"), ("Comp", "any"), ("Secret", "ary"), ("reflect", "s"),
    ("Object", "ive"), ("Responsibilit", "y for action"), ("capability/gri", "evance/"),
])
def test_pieces_of_one_word_are_joined(before: str, after: str) -> None:
    assert is_broken_word(before, after)


@pytest.mark.parametrize(("before", "after"), [
    ("understood", "and"), ("any", "one"), ("in", "to"), ("the", "new"), ("with", "in"),
])
def test_two_words_that_filled_a_line_stay_two(before: str, after: str) -> None:
    assert not is_broken_word(before, after)


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("non-", "mandatory", "non-mandatory"), ("trust-", "wide", "trust-wide"),
    ("roll-", "out", "roll-out"), ("recruit-", "ment", "recruitment"),
    ("Q4 2023/", "24", "Q4 2023/24"), ("Head of HR/", "OD", "Head of HR/OD"),
])
def test_a_line_ending_on_a_hyphen_or_slash_joins_without_a_space(before, after, joined):
    assert join_at_mark(before, after) == joined


def test_a_word_cut_twice_is_put_back_from_three_full_lines() -> None:
    lines = [TextLine("Set a", 40, 5, 20), TextLine("target", 40, 5, 20),
             TextLine("repres", 49.8, 5, 30), TextLine("entati", 49.8, 5, 30),
             TextLine("on on the", 45, 5, 10)]
    assert join_lines(lines, right_limit=50) == "Set a target representation on the"


def test_paragraph_text_keeps_real_hyphens_and_drops_split_ones() -> None:
    assert clean_text("a trust-\nwide re-\nview of recruit-\nment") == \
        "a trust-wide review of recruitment"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_nine_column_plan_printed_narrow_reads_as_written(tmp_path: Path) -> None:
    document = new_document("Greyfriars Community Healthcare NHS Trust",
                            "Race Equality Action Plan 2023-2025")
    add_table(document, [
        ["No", "WRES Indicator", "Objective", "Action", "Key milestones", "Lead",
         "Timescale", None, "RAG"],
        ["^", "^", "^", "^", "^", "^", "Start", "End", "^"],
        ["1", "4", "Equal access to non-mandatory training",
         "Publish quarterly CPD uptake by ethnicity", "Dashboard built", "Head of Learning",
         "Apr 2023", "Jun 2023", "Green"],
        ["2", "9", "A board that reflects our community",
         "Set a target for BME representation on the Board", "Pilot; trust-wide roll-out",
         "Company Secretary", "Sept 2023", "Q4 2023/24", "Red"],
    ])
    source = save(document, tmp_path, "greyfriars.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    actions = process_file(tmp_path / "greyfriars.pdf").actions
    assert [(a.objective, a.action, a.steps, a.owner, a.due) for a in actions] == [
        ("Equal access to non-mandatory training", "Publish quarterly CPD uptake by ethnicity",
         "Dashboard built", "Head of Learning", "Jun 2023"),
        ("A board that reflects our community",
         "Set a target for BME representation on the Board", "Pilot; trust-wide roll-out",
         "Company Secretary", "Q4 2023/24"),
    ]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_words_broken_in_a_narrow_column_of_a_table_ruled_only_across(tmp_path: Path) -> None:
    """Rules only between rows: read as a borderless table, whose column edge is only its
    widest line's end; "Recruit" / "ment" ended 9 pt short of it and stayed two words."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = new_document("Rivermead NHS Trust", "WRES action plan 2024-25")
    table = add_table(document, [
        ["Ref", "Objective", "Action", "Lead", "Due", "Progress", "RAG"],
        ["1", "Fair recruitment", "Introduce de-biased shortlisting for band 7 posts",
         "Head of Recruitment", "March 2025", "Pilot running in two divisions", "Amber"],
        ["2", "Fair recruitment", "Publish shortlisting outcomes by ethnicity",
         "Workforce Information Manager", "June 2024", "Done", "Green"]])
    table.style = None
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblBorders {nsdecls("w")}><w:top w:val="single" w:sz="8"/>'
        '<w:bottom w:val="single" w:sz="8"/><w:insideH w:val="single" w:sz="4"/>'
        '<w:left w:val="nil"/><w:right w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'))
    source = save(document, tmp_path, "rivermead.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    actions = process_file(tmp_path / "rivermead.pdf").actions
    assert [(a.objective, a.owner) for a in actions] == [
        ("Fair recruitment", "Head of Recruitment"),
        ("Fair recruitment", "Workforce Information Manager")]
