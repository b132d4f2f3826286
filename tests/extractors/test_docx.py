"""The Word extractor on the sample .docx files: each merged cell comes out once with its
span, shading is read, repeated-header rows are flagged, and text blocks keep their order.
Expected values were read off the specs in samples/specs/ (what the documents were built
from) and checked against the rendered pages."""

from __future__ import annotations

import pytest

from tests.conftest import DOCS
from wres.errors import EmptyDocumentError, MislabelledFileError
from wres.extractors.registry import UnknownEngineError, extract


def table_of(name: str, index: int = 0):
    return extract(DOCS / name).tables[index]


def test_northamptonshire_banner_spans_whole_width_and_progress_is_shaded():
    table = table_of("northamptonshire-healthcare-2016-17.docx")
    assert table.n_cols == 7
    assert table.rows[0].repeat_header
    assert [c.text for c in table.rows[0].cells][:2] == ["Item", "Activity/Work Piece"]
    banner = table.rows[1].cells
    assert len(banner) == 1 and banner[0].col_span == 7
    assert banner[0].text == "Governance/Assurance"
    first_item = table.rows[2].cells
    assert first_item[0].text == "1"
    assert first_item[6].fill == "00B050"  # item 1's progress is shaded green
    # 20 items + 6 banners + 1 header row
    assert len(table.rows) == 27


def test_ulht_indicator_cell_is_merged_down_once_not_repeated():
    table = table_of("united-lincolnshire-2021-23.docx")
    indicator = table.rows[1].cells[0]
    assert indicator.text.startswith("Indicator 1:")
    assert indicator.row_span == 5
    assert [c.col for c in table.rows[2].cells] == [1, 2, 3, 4]  # no repeated column 0
    grid = table.grid()
    assert grid[5][0] is indicator and grid[6][0] is not indicator
    assert "\n" in indicator.text  # the Objective paragraph stays a separate line


def test_kent_2019_has_one_table_per_issue_block_in_order():
    document = extract(DOCS / "kent-community-health-2019-20.docx")
    assert [len(t.rows) for t in document.tables] == [10, 7, 10, 4, 5, 4]
    assert document.text_blocks[0].text == "WRES ACTION PLAN 2019-2020"
    issue_row = document.tables[0].rows[0].cells
    assert [c.text for c in issue_row[:2]] == ["1.", "Issue"]
    assert issue_row[2].col_span == 4 and issue_row[2].fill == "DEEAF6"


def test_kent_2021_shared_cells_span_two_task_rows():
    table = table_of("kent-community-health-2021-22.docx")
    objective = table.rows[3].cells[0]
    assert objective.text.startswith("Having a diverse workforce")
    assert objective.row_span == 2
    assert table.rows[3].cells[4].fill == "FFC000"


def test_empty_docx_is_a_typed_error():
    with pytest.raises(EmptyDocumentError):
        extract(DOCS / "bad-empty.docx")


def test_text_named_pdf_says_what_it_holds():
    with pytest.raises(MislabelledFileError, match="plain text"):
        extract(DOCS / "bad-not-a-pdf.pdf")


def test_unknown_engine_lists_known_ones():
    with pytest.raises(UnknownEngineError, match="known engines: .*python-docx"):
        extract(DOCS / "kent-community-health-2019-20.docx", engine="nope")
