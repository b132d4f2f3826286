"""Seconds per page of ``--ocr`` on scans of the sample plans, and where the time goes.

Why a benchmark of its own: OCR is opt-in because it costs seconds per page where the text
layer costs milliseconds; this says how many, split into the picture work (render, deskew,
clean, rulings, grid) and tesseract, so a change to either shows. The scans are made from
sample PDFs by ``samples/gen_scan.py`` (200 dpi, skewed, noisy), as the tests make them.

    .venv/bin/python benchmarks/bench_ocr.py                   # three sample plans
    .venv/bin/python benchmarks/bench_ocr.py samples/docs/X.pdf --angle -2

Figures are wall-clock seconds in one process on a shared machine; tesseract runs
single-threaded (``OMP_THREAD_LIMIT=1``), so the CPU seconds of its child process are
printed too: they are what a quiet machine would take.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

from wres.extractors import ocr_page
from wres.extractors.ocr import tesseract_words
from wres.extractors.ocr_grid import find_grids
from wres.extractors.ocr_image import clean_page
from wres.extractors.pdf import extract_pdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
from gen_scan import make_scan  # noqa: E402

DEFAULT = ["synthetic-fenwick-terse-2024-25", "synthetic2-calderbank-priority-2021-22",
           "synthetic-meadowbank-themes-2022-23"]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def stages(scan: Path, page_number: int) -> dict[str, float]:
    """Seconds of each stage of one page, and tesseract's CPU seconds."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    picture = ocr_page.render_page(scan, page_number)
    page = clean_page(picture, ocr_page.DPI)
    grids = find_grids(page.horizontal, page.vertical, ocr_page.DPI)
    text = page.text_only([cell.box for grid in grids for cell in grid.cells])
    times["picture"] = time.perf_counter() - start
    cpu, start = child_cpu(), time.perf_counter()
    tesseract_words(text, ocr_page.DPI, page_number)
    times["tesseract"] = time.perf_counter() - start
    times["tesseract_cpu"] = child_cpu() - cpu
    return times


def bench(source: Path, angle: float, workdir: Path) -> None:
    scan = make_scan(source, workdir / f"{source.stem}-scan.pdf", angle=angle)
    pages = len(pypdfium2.PdfDocument(str(scan)))
    start = time.perf_counter()
    document = extract_pdf(scan, ocr=True)
    whole = time.perf_counter() - start
    parts = [stages(scan, number) for number in range(1, pages + 1)]
    picture = sum(p["picture"] for p in parts) / pages
    tesseract = sum(p["tesseract"] for p in parts) / pages
    cpu = sum(p["tesseract_cpu"] for p in parts) / pages
    print(f"{source.stem[:40]:40} {pages:>5} {len(document.tables):>6} {whole / pages:>9.2f} "
          f"{picture:>8.2f} {tesseract:>10.2f} {cpu:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--angle", type=float, default=1.5)
    args = parser.parse_args()
    sources = args.pdfs or [ROOT / "samples" / "docs" / f"{stem}.pdf" for stem in DEFAULT]
    print(f"{'document (scanned at 200 dpi)':40} {'pages':>5} {'tables':>6} {'s/page':>9} "
          f"{'picture':>8} {'tesseract':>10} {'tess cpu':>8}")
    with tempfile.TemporaryDirectory(prefix="wres-bench-ocr-") as tmp:
        for source in sources:
            bench(source, args.angle, Path(tmp))


if __name__ == "__main__":
    main()
