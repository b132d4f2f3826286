"""Scanned ruled plans read with ``--ocr``: the table is rebuilt from the picture.

The scans are made here, at test time, from committed sample PDFs whose gold was written by
hand (``samples/gen_scan.py``: 200 dpi, turned a degree and a half either way, speckle and
salt-and-pepper noise), and scored by the shared scorer against that gold. Two layouts: a
six-column plan whose issue cells are merged down over several actions, and a seven-column
plan with a long action column. The grid reader is also checked on drawn pictures whose
answer is known by construction, without tesseract.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import cv2
import numpy as np
import pytest

from tests.conftest import DOCS, ROOT, SAMPLES, SCORER
from wres.errors import ScannedDocumentError
from wres.extractors.ocr_grid import find_grids
from wres.extractors.ocr_image import clean_page, estimate_skew, rotate
from wres.extractors.pdf import extract_pdf

if str(SAMPLES) not in sys.path:
    sys.path.insert(0, str(SAMPLES))
from gen_scan import make_scan, scan_gold  # noqa: E402

WRES = [sys.executable, "-m", "wres.ingest"]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract is not installed")
DPI = 200


def drawn_plan(shade: tuple[int, int, int] = (0, 176, 80)) -> np.ndarray:
    """A 4-column, 4-row ruled grid at 200 dpi on white: the first column's cell merged
    down over rows 2-3 (no separator drawn there), the last row's cells 2-3 merged across,
    and cell (1, 3) shaded ``shade``."""
    image = np.full((1200, 1700, 3), 255, np.uint8)
    xs, ys = [100, 400, 900, 1300, 1600], [200, 300, 500, 700, 900]
    cv2.rectangle(image, (xs[3] + 2, ys[1] + 2), (xs[4] - 2, ys[2] - 2), shade, -1)
    for y in ys:
        cv2.line(image, (xs[0], y), (xs[-1], y), (0, 0, 0), 2)
    cv2.line(image, (xs[0], ys[2]), (xs[1], ys[2]), (255, 255, 255), 4)  # merged down
    for x in xs:
        cv2.line(image, (x, ys[0]), (x, ys[-1]), (0, 0, 0), 2)
    cv2.line(image, (xs[3], ys[3] + 3), (xs[3], ys[4] - 3), (255, 255, 255), 4)  # across
    cv2.putText(image, "Ref", (120, 270), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (0, 0, 0), 3)
    return image


@pytest.mark.parametrize("angle", [1.5, -1.5, 3.0])
def test_skew_is_measured_from_the_rulings_either_way(angle):
    image = cv2.cvtColor(rotate(drawn_plan(), angle), cv2.COLOR_RGB2GRAY)
    _, ink = cv2.threshold(image, 128, 255, cv2.THRESH_BINARY_INV)
    assert estimate_skew(ink, DPI) == pytest.approx(angle, abs=0.1)


def test_a_page_without_rulings_is_not_turned():
    blank = np.full((800, 800), 0, np.uint8)
    cv2.putText(blank, "just words here", (50, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, 255, 4)
    assert estimate_skew(blank, DPI) == 0.0


@pytest.mark.parametrize("angle", [-1.5, 1.5])
def test_grid_spans_and_shading_come_from_the_picture(angle):
    page = clean_page(rotate(drawn_plan(), angle), DPI)
    (grid,) = find_grids(page.horizontal, page.vertical, DPI)
    assert (len(grid.ys) - 1, len(grid.xs) - 1) == (4, 4)
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in grid.cells}
    assert spans[(1, 0)] == (2, 1) and (2, 0) not in spans
    assert spans[(3, 2)] == (1, 2) and (3, 3) not in spans
    assert len(grid.cells) == 16 - 2
    from wres.extractors.ocr_grid import cell_fill

    fills = {(c.row, c.col): cell_fill(page.colour, page.ink, c.box, DPI) for c in grid.cells}
    red, green, blue = (int(fills[(1, 3)][i:i + 2], 16) for i in (0, 2, 4))
    assert red < 40 and 140 < green < 210 and 40 < blue < 120  # the green RAG swatch
    assert fills[(0, 0)] is None and fills[(2, 2)] is None


def test_the_committed_scan_still_asks_for_ocr():
    with pytest.raises(ScannedDocumentError, match="no text layer: the pages are images; try"):
        extract_pdf(DOCS / "bad-scanned-no-text.pdf")


def scored_scan(tmp_path, stem: str, angle: float) -> tuple[dict, str]:
    """Scan the sample ``stem`` at ``angle``, run ``wres extract --ocr`` on it and score the
    records against the sample's own hand-written gold."""
    source = DOCS / f"{stem}.pdf"
    scan = make_scan(source, tmp_path / f"{stem}-scan.pdf", angle=angle, seed=7)
    scan_gold(source, scan, tmp_path / "gold")
    done = subprocess.run(WRES + ["extract", str(scan), "--ocr", "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    (tmp_path / "out.jsonl").write_text(done.stdout)
    report = subprocess.run([sys.executable, str(SCORER), "--gold", str(tmp_path / "gold"),
                             "--pred", str(tmp_path / "out.jsonl"), "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(report.stdout)["total"], done.stdout


@needs_tesseract
@pytest.mark.parametrize(("stem", "angle"), [
    ("synthetic-fenwick-terse-2024-25", 1.5),  # 6 columns, issue cells merged down
    ("synthetic2-calderbank-priority-2021-22", -1.5),  # 7 columns, long action cells
])
def test_skewed_noisy_scan_gives_the_plans_actions(tmp_path, stem, angle):
    total, _ = scored_scan(tmp_path, stem, angle)
    assert total["recall"] >= 0.9 and total["precision"] >= 0.9
    assert total["fidelity"] >= 0.95
    fields = {name: value["accuracy"] for name, value in total["fields"].items()}
    # the title (a text block outside the table) still names the trust and the year
    assert fields["trust"] == fields["period_start"] == fields["period_end"] == 1.0
    assert fields["action"] >= 0.9 and fields["owner"] >= 0.85 and fields["ref"] >= 0.85


@needs_tesseract
def test_tables_command_says_the_table_was_read_by_ocr(tmp_path):
    scan = make_scan(DOCS / "synthetic-fenwick-terse-2024-25.pdf", tmp_path / "scan.pdf",
                     angle=-1.5, seed=3)
    done = subprocess.run(WRES + ["tables", str(scan), "--ocr", "--json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    (table,) = [b for b in document["blocks"] if b["type"] == "table"]
    assert table["engine"] == "ocr-grid" and table["pages"] == [1]
    assert document["engines"] == ["ocr-grid"]
    assert "page 1: text read by OCR" in document["warnings"]
    header = [cell["text"] for cell in table["rows"][0]["cells"]]
    assert header == ["No.", "Issue identified", "Our response", "Who", "When", "Status"]
    merged = table["rows"][1]["cells"][1]  # the first issue is merged down over two actions
    assert merged["row_span"] == 2 and merged["text"].startswith("BME staff are under")
    assert all(cell["fill"] for cell in table["rows"][0]["cells"])  # the grey header row
    assert not any(cell["fill"] for cell in table["rows"][1]["cells"])


def test_header_rows_read_by_ocr_on_two_pages_match_despite_a_misread_letter():
    from wres.extractors.stitch import same_row_text

    page_one = ["No.", "Executive tead", "Timescale"]
    page_two = ["No.", "Executive lead", "Timescale"]
    assert same_row_text(page_one, page_two, loose=True)
    assert not same_row_text(page_one, page_two)  # a text layer's rows must match exactly
    assert not same_row_text(["No.", "Action", "Lead"], ["No.", "Outcome", "Lead"], loose=True)
