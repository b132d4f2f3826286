"""Pages per second of the PDF extractor, and of the camelot fallback, on the sample PDFs.

Why both: pdfplumber reads every page; camelot only runs on pages pdfplumber reads badly,
but when it does it costs far more per page, so its rate says what a bad document costs.

    .venv/bin/python benchmarks/bench_extract.py                 # every sample PDF
    .venv/bin/python benchmarks/bench_extract.py a.pdf b.pdf --repeat 3

Figures are the best of ``--repeat`` runs in this process (the first run also pays for
imports and for loading the word list used to rejoin broken words).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pdfplumber

from wres.extractors.pdf import extract_pdf
from wres.extractors.pdf_camelot import camelot_tables
from wres.extractors.pdf_layout import page_fills
from wres.extractors.pdf_ruled import ruling_objects

DOCS = Path(__file__).resolve().parent.parent / "samples" / "docs"


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def time_pdfplumber(path: Path, repeat: int) -> tuple[int, float]:
    """Whole-document extraction with camelot switched off: the normal path."""
    pages = extract_pdf(path, use_camelot=False).pages or 0
    return pages, best_of(repeat, lambda: extract_pdf(path, use_camelot=False))


def time_camelot(path: Path, repeat: int) -> tuple[int, float, str]:
    """camelot on every page, lattice where the page has rulings, else stream."""
    with pdfplumber.open(path) as pdf:
        plan = []
        for number, page in enumerate(pdf.pages, start=1):
            flavor = "lattice" if ruling_objects(page) else "stream"
            plan.append((number, float(page.height), page_fills(page), flavor))
            page.close()

    def run() -> None:
        for number, height, fills, flavor in plan:
            camelot_tables(path, number, height, fills, flavor)

    flavors = "/".join(sorted({flavor for *_, flavor in plan}))
    return len(plan), best_of(repeat, run), flavors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    paths = args.pdfs or sorted(p for p in DOCS.glob("*.pdf") if not p.name.startswith("bad-"))
    print(f"{'file':48} {'pages':>5} {'pdfplumber p/s':>15} {'camelot p/s':>12}  camelot mode")
    total = {"pages": 0, "plumber": 0.0, "camelot": 0.0}
    for path in paths:
        pages, plumber_s = time_pdfplumber(path, args.repeat)
        _, camelot_s, flavors = time_camelot(path, args.repeat)
        total["pages"] += pages
        total["plumber"] += plumber_s
        total["camelot"] += camelot_s
        print(f"{path.name[:48]:48} {pages:5d} {pages / plumber_s:15.1f} "
              f"{pages / camelot_s:12.1f}  {flavors}")
    if total["pages"]:
        print(f"{'all':48} {total['pages']:5d} {total['pages'] / total['plumber']:15.1f} "
              f"{total['pages'] / total['camelot']:12.1f}")


if __name__ == "__main__":
    main()
