"""RAG ratings from status text and from cell shading (inputs from real plans)."""

from __future__ import annotations

import pytest

from wres.normalise.rag import rag_from_fill, rag_from_text, rag_key_from_text

NORTHAMPTONSHIRE_HEADER = (
    "Date achieved/progress Red = yet to begin Amber = in progress Green = completed"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RED", "red"),
        ("AMBER", "amber"),
        ("Amber", "amber"),
        ("green", "green"),
        ("Blue", "blue"),
        ("G", "green"),
        ("R", "red"),
        ("R/A", "amber"),
        ("A/G", "green"),
        ("Amber/Green", "green"),
        ("RAG: Green", "green"),
        ("Status - Red", "red"),
        ("Green - policy reviewed and published", "green"),
        ("Amber: awaiting sign-off", "amber"),
        (
            "24.08.21 – Lincs ICS commitment of which ULHT is a lead player. Initial training "
            "sessions delivered June 21. Roll-out plan in development. AMBER",
            "amber",
        ),
        (
            "24.08.21 – Implementation plan 2021-2022 completed and submitted to NHSE&I region. "
            "Further detail of action delivery to follow. AMBER",
            "amber",
        ),
        ("24.08.21 – ED&I workforce dashboard work in progress AMBER", "amber"),
        ("Complete (blue)", "blue"),
        ("Complete", "green"),
        ("Completed", "green"),
        ("Achieved", "green"),
        ("Not started", "red"),
        ("Yet to begin", "red"),
        ("Not yet started", "red"),
        ("In progress", "amber"),
        ("On-going", "amber"),
        ("On track", "green"),
        ("Partially completed", "amber"),
    ],
)
def test_rag_words(text: str, expected: str) -> None:
    assert rag_from_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "Reduced turnover of BME staff",
        "Greenhouse gas",
        "Review Trust's 'Zero Tolerance' campaign (yellow/red card scheme)",
        "Red tape removed from the process",
        "Blue Light services engaged in the campaign",
        NORTHAMPTONSHIRE_HEADER,
        "Red = yet to begin Amber = in progress Green = completed",
        "HR reports being shared regularly at EAIB and Trust Performance Committee.",
        # a long narrative that mentions completion is progress text, not a rating
        "Recruitment Policy and Procedure review completed. Final policy publication on hold "
        "to incorporate any recommendations from external audit undertaken in May 2017.",
        "Status update (RAG)",
    ],
)
def test_not_a_rating(text: str | None) -> None:
    assert rag_from_text(text) is None


def test_key_parsed_from_header() -> None:
    assert rag_key_from_text(NORTHAMPTONSHIRE_HEADER) == {
        "yet to begin": "red",
        "in progress": "amber",
        "completed": "green",
    }


@pytest.mark.parametrize(
    "header",
    [None, "", "PROGRESS (R/A/G)", "Status update (RAG)", "Red = off track"],
)
def test_no_key(header: str | None) -> None:
    assert rag_key_from_text(header) == {}


def test_key_with_blue_and_separators() -> None:
    key = rag_key_from_text("Key: Red - not started, Amber - in progress, Green - on track, "
                            "Blue - complete")
    assert key == {
        "not started": "red",
        "in progress": "amber",
        "on track": "green",
        "complete": "blue",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yet to begin", "red"),
        ("in progress", "amber"),
        ("Completed", "green"),
    ],
)
def test_text_with_plan_key(text: str, expected: str) -> None:
    key = rag_key_from_text(NORTHAMPTONSHIRE_HEADER)
    assert rag_from_text(text, key=key) == expected


def test_complete_is_blue_where_the_key_says_so() -> None:
    key = {"not started": "red", "in progress": "amber", "on track": "green", "complete": "blue"}
    assert rag_from_text("Completed", key=key) == "blue"
    assert rag_from_text("Achieved", key=key) == "blue"  # same meaning, other word
    assert rag_from_text("Achieved") == "green"


def test_colour_word_beats_key_phrase() -> None:
    key = {"completed": "blue"}
    assert rag_from_text("Completed - GREEN", key=key) == "green"


@pytest.mark.parametrize(
    ("fill", "expected"),
    [
        ("FF0000", "red"),
        ("C00000", "red"),
        ("FFC7CE", "red"),  # Excel "Bad" tint
        ("FFC000", "amber"),
        ("FFFF00", "amber"),
        ("FFEB9C", "amber"),  # Excel "Neutral"
        ("F79646", "amber"),
        ("00B050", "green"),
        ("92D050", "green"),
        ("C6EFCE", "green"),  # Excel "Good"
        ("0070C0", "blue"),
        ("00B0F0", "blue"),
        ("9BC2E6", "blue"),
        ("#00b050", "green"),
        ("ffc000", "amber"),
    ],
)
def test_rag_fills(fill: str, expected: str) -> None:
    assert rag_from_fill(fill) == expected


@pytest.mark.parametrize(
    "fill",
    [
        None,
        "",
        "auto",
        "FFFFFF",
        "000000",
        "D9D9D9",  # header grey
        "F2F2F2",
        "BFBFBF",
        "DEEAF6",  # pale blue banners
        "DAEEF3",
        "BDD7EE",
        "DBE5F1",
        "1F497D",  # navy header
        "002060",
        "E2EFDA",  # pale green banner
        "FCE4D6",  # pale orange banner
        "7030A0",  # purple
        "12345",
    ],
)
def test_fills_that_are_no_rating(fill: str | None) -> None:
    assert rag_from_fill(fill) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Slipped", "amber"),
        ("Fully implemented", "green"),
        ("Not implemented", "red"),
        ("Partially implemented", "amber"),
        ("RAG rating: G", "green"),
        ("BRAG: B", "blue"),
        ("Rating - A", "amber"),
        ("Implemented the new policy across all divisions of the trust", None),  # not short
    ],
)
def test_more_progress_words_and_labelled_letters(text: str, expected: str | None) -> None:
    assert rag_from_text(text) == expected
