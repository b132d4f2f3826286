"""Stitching tables across page breaks, on hand-built model tables.

Geometry in these tables is in PDF points and chosen by hand: text lines are 10 points
tall and start at the cell's top, so a cell of n lines has text down to top + 10 n; a
cut row's fullest cells end 2 points above the cell's bottom edge (the padding).
"""

from __future__ import annotations

from wres.extractors.model import Cell, Row, Table, TextBlock
from wres.extractors.stitch import (
    FURNITURE_STYLE,
    drop_repeated_header_rows,
    is_page_cut_fragment,
    stitch_blocks,
)

COLUMNS = [0.0, 100.0, 300.0, 400.0]  # left edges of four columns
RIGHT = 550.0


def cell(text: str, col: int, *, top: float, bottom: float, row_span: int = 1,
         col_span: int = 1, page: int = 1) -> Cell:
    """A cell whose text starts at its top, 10 points a line."""
    x1 = COLUMNS[col + col_span] if col + col_span < len(COLUMNS) else RIGHT
    bbox = (COLUMNS[col], top, x1, bottom)
    text_bbox = (COLUMNS[col] + 2, top, x1 - 2, top + 10 * (text.count("\n") + 1))
    return Cell(text, 0, col, row_span, col_span, None, page, bbox, text_bbox if text else None)


def lines(count: int, last: str) -> str:
    """A cell text of ``count`` lines ending with the line ``last``."""
    return "\n".join(["filler words"] * (count - 1) + [last])


def table(page: int, rows: list[list[Cell]]) -> Table:
    built = Table(rows=[Row(cells=r, page=page) for r in rows], n_cols=4,
                  engine="pdfplumber-lines", pages=[page])
    built.renumber()
    return built


HEADER_TEXTS = ["Indicator", "Action", "Responsible\nLead", "Status"]


def header(page: int, top: float = 0.0, texts: list[str] = HEADER_TEXTS) -> list[Cell]:
    return [cell(t, c, top=top, bottom=top + 20, page=page) for c, t in enumerate(texts)]


def texts(block: Table) -> list[list[str]]:
    return block.text_rows()


def test_continued_table_becomes_one_and_repeated_header_is_dropped():
    first = table(1, [header(1), [cell(f"{t} 1", c, top=20, bottom=60) for c, t in
                                   enumerate(["I1", "A", "Lead", "RED"])]])
    # same header again, with its line break in another place: only white space differs
    second = table(2, [header(2, texts=["Indicator", "Action", "Responsible Lead", "Status"]),
                       [cell(f"{t} 2", c, top=20, bottom=60, page=2) for c, t in
                        enumerate(["I2", "B", "Lead", "AMBER"])]])
    blocks = stitch_blocks([TextBlock("Plan title", 1), first, second])
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].pages == [1, 2]
    assert texts(tables[0]) == [HEADER_TEXTS, ["I1 1", "A 1", "Lead 1", "RED 1"],
                                ["I2 2", "B 2", "Lead 2", "AMBER 2"]]
    assert tables[0].context == ["Plan title"]


def test_furniture_between_parts_does_not_stop_stitching_but_text_does():
    def parts():
        return (table(1, [header(1), [cell("x", c, top=20, bottom=40) for c in range(4)]]),
                table(2, [header(2), [cell("y", c, top=20, bottom=40, page=2) for c in range(4)]]))

    first, second = parts()
    footer = TextBlock("Page 1", 1, FURNITURE_STYLE)
    running = TextBlock("WRES Action Plan 2019-20", 2, FURNITURE_STYLE)
    assert len([b for b in stitch_blocks([first, footer, running, second])
                if isinstance(b, Table)]) == 1
    first, second = parts()
    note = TextBlock("Section 2: Engagement", 2)
    out = stitch_blocks([first, note, second])
    assert [b.index for b in out if isinstance(b, Table)] == [0, 1]
    assert out[2].context == ["Section 2: Engagement"]


def test_not_stitched_when_columns_or_pages_do_not_match():
    first = table(1, [header(1), [cell("x", c, top=20, bottom=40) for c in range(4)]])
    moved = table(2, [header(2), [cell("y", c, top=20, bottom=40, page=2) for c in range(4)]])
    for row in moved.rows:  # every column line 30 points further right
        for c in row.cells:
            c.bbox = (c.bbox[0] + 30, c.bbox[1], c.bbox[2] + 30, c.bbox[3])
    assert len(stitch_blocks([first, moved])) == 2
    far = table(3, [header(3), [cell("y", c, top=20, bottom=40, page=3) for c in range(4)]])
    assert len(stitch_blocks([first, far])) == 2


def test_row_cut_by_page_break_is_joined_back():
    # last row of page 1: action and status run to the bottom (10 lines, 2 points above the
    # cell's edge); the fragment on page 2 has an empty first cell and continues them
    first = table(1, [header(1), [
        cell("Indicator 1", 0, top=20, bottom=122),
        cell(lines(10, "develop plans for"), 1, top=20, bottom=122),
        cell("Tim Couchman", 2, top=20, bottom=122),
        cell(lines(10, "dashboard work in"), 3, top=20, bottom=122)]])
    second = table(2, [header(2), [
        cell("", 0, top=20, bottom=40, page=2),
        cell("positive action.", 1, top=20, bottom=40, page=2),
        cell("", 2, top=20, bottom=40, page=2),
        cell("progress AMBER", 3, top=20, bottom=40, page=2)]])
    assert is_page_cut_fragment(first, table(2, [second.rows[1].cells]))
    (merged,) = stitch_blocks([first, second])
    assert texts(merged) == [HEADER_TEXTS, [
        "Indicator 1", lines(10, "develop plans for") + " positive action.",
        "Tim Couchman", lines(10, "dashboard work in") + " progress AMBER"]]


def test_new_row_under_merged_indicator_is_not_joined_and_the_merge_is_extended():
    # page 1 ends with the second action under "Indicator 1" (merged down over 2 rows);
    # the action runs to the bottom but the lead and the RAG word end far above it
    first = table(1, [header(1), [
        cell("Indicator 1", 0, top=20, bottom=222, row_span=2),
        cell("First action", 1, top=20, bottom=60), cell("Lead A", 2, top=20, bottom=60),
        cell("RED", 3, top=20, bottom=60)], [
        cell(lines(16, "bottom of the page."), 1, top=60, bottom=222),
        cell("Lead B", 2, top=60, bottom=222), cell("GREEN", 3, top=60, bottom=222)]])
    # page 2: the indicator cell goes on (empty, merged over two rows) beside new actions
    second = table(2, [header(2), [
        cell("", 0, top=20, bottom=100, page=2, row_span=2),
        cell("Third action", 1, top=20, bottom=60, page=2),
        cell("Lead C", 2, top=20, bottom=60, page=2),
        cell("AMBER", 3, top=20, bottom=60, page=2)], [
        cell("Fourth action", 1, top=60, bottom=100, page=2),
        cell("Lead D", 2, top=60, bottom=100, page=2),
        cell("RED", 3, top=60, bottom=100, page=2)]])
    (merged,) = stitch_blocks([first, second])
    assert [row[1] for row in texts(merged)] == [
        "Action", "First action", lines(16, "bottom of the page."), "Third action",
        "Fourth action"]
    indicator = merged.grid()[1][0]
    assert indicator.text == "Indicator 1" and indicator.row_span == 4
    assert all(merged.grid()[r][0] is indicator for r in range(1, 5))
    assert [len(row.cells) for row in merged.rows] == [4, 4, 3, 3, 3]


def test_fragment_beside_a_merged_cell_that_goes_on_below_it():
    first = table(1, [header(1), [
        cell("Indicator 2", 0, top=20, bottom=122),
        cell(lines(10, "intelligence and"), 1, top=20, bottom=122),
        cell("Tim Couchman", 2, top=20, bottom=122),
        cell(lines(10, "Sessions delivered in"), 3, top=20, bottom=122)]])
    second = table(2, [[
        cell("", 0, top=20, bottom=100, page=2, row_span=2),
        cell("inclusion training", 1, top=20, bottom=60, page=2),
        cell("", 2, top=20, bottom=60, page=2),
        cell("June 21.", 3, top=20, bottom=60, page=2)], [
        cell("Next action", 1, top=60, bottom=100, page=2),
        cell("Lead E", 2, top=60, bottom=100, page=2),
        cell("RED", 3, top=60, bottom=100, page=2)]])
    (merged,) = stitch_blocks([first, second])
    assert texts(merged)[1] == [
        "Indicator 2", lines(10, "intelligence and") + " inclusion training", "Tim Couchman",
        lines(10, "Sessions delivered in") + " June 21."]
    assert texts(merged)[2] == ["", "Next action", "Lead E", "RED"]
    assert merged.grid()[2][0] is merged.grid()[1][0]  # the indicator covers "Next action"
    assert merged.grid()[1][0].row_span == 2


def test_complete_row_with_cells_a_line_short_is_not_a_fragment():
    # North Tees page 3 -> 4: two of three carried cells end a line (10 points) higher than
    # the fullest one, and the next page's texts start new sentences
    first = table(1, [header(1), [
        cell("", 0, top=20, bottom=122),
        cell(lines(9, "Deliver training. (Ongoing)"), 1, top=20, bottom=122),
        cell(lines(9, "Programme in place."), 2, top=20, bottom=122),
        cell(lines(10, "Policies are updated."), 3, top=20, bottom=122)]])
    following = table(2, [[
        cell("", 0, top=20, bottom=60, page=2),
        cell("The Trust continues to embed the programme.", 1, top=20, bottom=60, page=2),
        cell("The programme commenced in 2021.", 2, top=20, bottom=60, page=2),
        cell("Updated policy.", 3, top=20, bottom=60, page=2)]])
    assert not is_page_cut_fragment(first, following)
    # the same geometry where the texts below plainly go on is a cut row (LibreOffice's
    # widow control can end a cut cell a line early)
    following.rows[0].cells[1].text = "and the network. (Ongoing)"
    following.rows[0].cells[2].text = "in each division."
    assert is_page_cut_fragment(first, following)


def test_banner_at_page_foot_is_not_joined_with_the_next_numbered_row():
    first = table(1, [header(1), [cell("Governance/Assurance", 0, top=20, bottom=32,
                                       col_span=4)]])
    second = table(2, [[cell(t, c, top=20, bottom=32, page=2) for c, t in
                        enumerate(["1", "KPI reporting", "HR", "On going"])]])
    (merged,) = stitch_blocks([first, second])
    assert len(merged.rows) == 3 and texts(merged)[2][0] == "1"


def test_first_cell_cut_mid_sentence_is_joined():
    first = table(1, [header(1), [
        cell(lines(10, "Indicator 3: Recruitment and"), 0, top=20, bottom=122),
        cell(lines(10, "Action text that runs on"), 1, top=20, bottom=122),
        cell("Lead F", 2, top=20, bottom=122),
        cell(lines(10, "Status that runs on"), 3, top=20, bottom=122)]])
    second = table(2, [[cell(t, c, top=20, bottom=32, page=2) for c, t in
                        enumerate(["Promotion", "to the next page.", "", "and here."])]])
    (merged,) = stitch_blocks([first, second])
    # the cut text goes on mid-sentence: joined with a space, not a paragraph break
    assert texts(merged)[1][0] == lines(10, "Indicator 3: Recruitment and") + " Promotion"
    assert len(merged.rows) == 2


def test_a_cell_cut_just_after_a_hyphen_is_joined_without_a_space():
    first = table(1, [header(1), [
        cell("Indicator 1", 0, top=20, bottom=122),
        cell(lines(10, "Run the recruit-"), 1, top=20, bottom=122),
        cell(lines(10, "Tim Couchman / Valerie Almira-"), 2, top=20, bottom=122),
        cell(lines(10, "Data for 2023/"), 3, top=20, bottom=122)]])
    second = table(2, [[cell(t, c, top=20, bottom=32, page=2) for c, t in
                        enumerate(["", "ment campaign", "Smith", "24 is in"])]])
    (merged,) = stitch_blocks([first, second])
    assert texts(merged)[1][1:] == [lines(10, "Run the recruitment campaign"),
                                    lines(10, "Tim Couchman / Valerie Almira-Smith"),
                                    lines(10, "Data for 2023/24 is in")]


def test_without_geometry_words_decide():
    def word_table(page, rows):
        built = table(page, rows)
        for row in built.rows:
            for c in row.cells:
                c.bbox = c.text_bbox = None
        return built

    first = word_table(1, [[cell(t, c, top=0, bottom=10) for c, t in
                            enumerate(["5", "Audit of recruitment", "HR", "Review the"])]])
    cut = word_table(2, [[cell(t, c, top=0, bottom=10, page=2) for c, t in
                          enumerate(["", "", "", "outcomes quarterly."])]])
    assert is_page_cut_fragment(first, cut)
    merged_above = word_table(1, [[cell("Indicator 1", 0, top=0, bottom=20, row_span=2),
                                   cell("Action A.", 1, top=0, bottom=10),
                                   cell("Lead", 2, top=0, bottom=10),
                                   cell("RED", 3, top=0, bottom=10)],
                                  [cell("Action B.", 1, top=10, bottom=20),
                                   cell("Lead", 2, top=10, bottom=20),
                                   cell("RED", 3, top=10, bottom=20)]])
    new_row = word_table(2, [[cell(t, c, top=0, bottom=10, page=2) for c, t in
                              enumerate(["", "Action C.", "Lead", "AMBER"])]])
    assert not is_page_cut_fragment(merged_above, new_row)


def test_header_drawn_again_mid_table_is_dropped():
    rows = [header(1), [cell("a", c, top=20, bottom=40) for c in range(4)],
            header(1, top=40), [cell("b", c, top=60, bottom=80) for c in range(4)]]
    built = table(1, rows)
    drop_repeated_header_rows(built)
    assert texts(built) == [HEADER_TEXTS, ["a"] * 4, ["b"] * 4]
    assert [c.row for row in built.rows for c in row.cells][-1] == 2
