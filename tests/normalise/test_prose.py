"""Plans written as prose: labelled action paragraphs under headings (issue 11, item 2).

The sample report (samples/gen_prose.py) is scored against its hand-written gold by
test_samples_score; here are layouts it does not have: other label words, a dash instead
of a colon, labels run together in one paragraph, headings by style, an objective label,
and narrative that mentions actions without being one. Expected values were read off the
paragraphs written below.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

from tests.conftest import DOCS
from wres.ingest.pipeline import process_file


def _report(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    document = Document()
    for kind, text in paragraphs:
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def test_other_label_words_and_headings_by_style(tmp_path: Path) -> None:
    path = _report(tmp_path / "fernhill.docx", [
        ("h1", "Fernhill University Hospitals NHS Trust: WRES report 2023-24"),
        ("p", "Our board approved the plan below in September 2023."),
        ("h2", "Culture and leadership"),
        ("p", "Aim: Every leader owns race equality."),
        ("p", "What we will do: Add a race equality objective to every executive's appraisal"),
        ("p", "Responsible – Chief People Officer"),
        ("p", "By when – April 2024"),
        ("p", "Agreed action: Hold four listening events a year with minority ethnic staff. "
              "Owner: Chief Executive. Target date: Quarterly. Update: Two held. "
              "RAG: Green"),
        ("h2", "Recruitment"),
        ("p", "Action A3 - Publish shortlisting outcomes by ethnicity every six months"),
        ("p", "Timescale: 31/03/2024"),
    ])
    actions = process_file(path).actions
    assert [(a.ref, a.section, a.objective, a.action, a.owner, a.due, a.status, a.rag)
            for a in actions] == [
        (None, "Culture and leadership", "Every leader owns race equality.",
         "Add a race equality objective to every executive's appraisal",
         "Chief People Officer", "April 2024", None, None),
        (None, "Culture and leadership", "Every leader owns race equality.",
         "Hold four listening events a year with minority ethnic staff.", "Chief Executive",
         "Quarterly", "Two held", "green"),
        ("A3", "Recruitment", None,
         "Publish shortlisting outcomes by ethnicity every six months", None, "31/03/2024",
         None, None),
    ]
    assert {(a.period_start, a.period_end) for a in actions} == {(2023, 2024)}


def test_narrative_that_mentions_actions_gives_none(tmp_path: Path) -> None:
    path = _report(tmp_path / "narrative.docx", [
        ("h1", "Oakvale NHS Trust WRES report 2024"),
        ("p", "The actions below were agreed with the BME network."),
        ("p", "Last year we completed 12 actions."),
        ("p", "Action on bullying: we consulted staff in every division during the year."),
        ("p", "Actions: see the appendix for the full plan."),
    ])
    result = process_file(path)
    assert result.actions == []
    assert any("no action table, labelled action paragraphs" in i.message
               for i in result.issues)


def test_a_table_plan_is_not_read_again_from_its_paragraphs() -> None:
    result = process_file(DOCS / "synthetic-ashworth-keyvalue-2025-26.docx")
    assert all(a.ref != "" for a in result.actions)
    assert len(result.actions) == 11  # its gold: the key/value tables, nothing more


def test_the_sample_report_reads_the_same_from_word_and_pdf() -> None:
    stem = "synthetic3-brackenfield-prose-2024-25"
    word, pdf = (process_file(DOCS / f"{stem}.{ext}").actions for ext in ("docx", "pdf"))
    fields = ("ref", "section", "indicator", "objective", "action", "owner", "due", "rag")
    assert [[getattr(a, f) for f in fields] for a in word] == \
        [[getattr(a, f) for f in fields] for a in pdf]
    assert [a.ref for a in word] == ["2.1", "2.2", "5.1", "5.2", "9.1"]


def test_wres_tables_shows_the_paragraph_blocks_it_read() -> None:
    import json

    from typer.testing import CliRunner

    from wres.ingest.cli import app

    sample = DOCS / "synthetic3-brackenfield-prose-2024-25.docx"
    result = CliRunner().invoke(app, ["tables", str(sample), "--json"])
    assert result.exit_code == 0, result.output
    blocks = json.loads(result.stdout)["paragraph_blocks"]
    assert [b["action"][:20] for b in blocks] == [
        "Introduce diverse in", "Give feedback and a ", "Launch a zero tolera",
        "Train all receptioni", "Set a target for BME"]
    assert blocks[0]["labels"] == ["action", "ref", "owner", "due", "status", "rag"]


def test_a_narrative_line_after_a_short_label_line_is_no_part_of_the_rating() -> None:
    """In the PDF the label lines and the narrative after them fall into one text block:
    "RAG: Green" ends short of the margin, so "Our staff survey results show..." on the next
    line is a paragraph of its own, not more of the rating."""
    actions = process_file(DOCS / "harrowdene-valley-2023-24.pdf").actions
    assert [(a.ref, a.rag) for a in actions] == [("2.1", "amber"), ("2.2", "green"),
                                                 ("5.1", "green")]
    assert "staff survey" not in " ".join(str(a.model_dump()) for a in actions)


def test_split_parts_keeps_a_wrapped_value_and_cuts_after_a_short_line() -> None:
    from wres.normalise.prose import split_parts

    parts = split_parts("Action 3.1: Run a reverse mentoring programme pairing executives\n"
                        "with minority ethnic staff across every division of the trust\n"
                        "Lead: Chief People Officer\nRAG: Amber\n"
                        "The network chose the pairs in the first round of the scheme.")
    assert [(name, value) for name, _, value, _ in parts] == [
        ("action", "Run a reverse mentoring programme pairing executives with minority "
                   "ethnic staff across every division of the trust"),
        ("owner", "Chief People Officer"), ("rag", "Amber"),
        (None, "The network chose the pairs in the first round of the scheme.")]
