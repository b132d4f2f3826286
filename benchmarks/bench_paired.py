"""Paired benchmark of the main job against bare pdfplumber (issue 16); not a test.

    .venv/bin/python benchmarks/bench_paired.py [--rounds 3] [--copies 2] [--engine auto]

Each round runs, one after the other as fresh processes on the same pages: bare pdfplumber
``page.extract_tables()`` over every page of the corpus, then the same as two processes at
once on two halves of the corpus (what this machine gives two independent processes: the
ceiling for 2 workers against 1), ``wres ingest CORPUS`` with 1 and with 2 workers into a
new SQLite file, and ``wres ingest`` of one 5-page PDF. The corpus is
``--copies`` byte-distinct copies of every readable sample PDF (ingest skips a file whose
content it has seen). Why paired rounds: the machine is shared, so absolute times drift;
the ratio within one round holds. Printed: the median of each figure and of each ratio,
and each process's peak resident memory (``wait4``: the largest of it and its children).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "samples" / "docs"
FIVE_PAGES = DOCS / "kent-community-health-2021-22.pdf"
CLI = ("import typer; from wres.ingest.cli_db import register; "
       "app = typer.Typer(); register(app); app()")
BARE = ("import sys, pathlib, pdfplumber\n"
        "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.pdf')):\n"
        "    with pdfplumber.open(path) as pdf:\n"
        "        for page in pdf.pages:\n"
        "            page.extract_tables()\n"
        "            page.flush_cache()\n")


def build_corpus(folder: Path, copies: int) -> int:
    """Byte-distinct copies of the readable sample PDFs; returns their number of pages."""
    import pypdfium2

    folder.mkdir(parents=True)
    pages = 0
    for source in sorted(DOCS.glob("*.pdf")):
        if source.name.startswith("bad-"):
            continue
        for copy in range(copies):
            target = folder / f"{copy}-{source.name}"
            shutil.copyfile(source, target)
            with open(target, "ab") as handle:
                handle.write(f"\n% copy {copy}\n".encode())
            pages += len(pypdfium2.PdfDocument(target))
    return pages


def split_in_halves(corpus: Path) -> list[Path]:
    """Two folders of links to the corpus's files, with about as many pages each."""
    import pypdfium2

    halves = [corpus.parent / "half-0", corpus.parent / "half-1"]
    pages = [0, 0]
    for half in halves:
        half.mkdir(exist_ok=True)
    for source in sorted(corpus.glob("*.pdf"), key=lambda p: -len(pypdfium2.PdfDocument(p))):
        lighter = pages.index(min(pages))
        (halves[lighter] / source.name).symlink_to(source)
        pages[lighter] += len(pypdfium2.PdfDocument(source))
    return halves


def timed_together(commands: list[list[str]]) -> tuple[float, float]:
    """Wall seconds until every command has ended, and the largest peak RSS (MB)."""
    started = time.perf_counter()
    processes = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  cwd=ROOT) for c in commands]
    peak = 0.0
    for process in processes:
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {process.args}\n{process.stderr.read().decode()}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return time.perf_counter() - started, peak


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one whole process and its descendants."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def one_round(work: Path, corpus: Path, index: int, engine: str) -> dict[str, tuple]:
    ingest = [sys.executable, "-c", CLI, "ingest"]
    figures = {"bare_pdfplumber": timed([sys.executable, "-c", BARE, str(corpus)])}
    figures["bare_pdfplumber_2_processes"] = timed_together(
        [[sys.executable, "-c", BARE, str(half)] for half in sorted(corpus.parent.glob("half-*"))])
    for workers in (1, 2):
        db = work / f"round-{index}-{workers}.db"
        figures[f"ingest_{workers}_worker"] = timed(
            [*ingest, str(corpus), "--db", str(db), "--workers", str(workers),
             "--engine", engine])
    figures["ingest_one_5_page_pdf"] = timed(
        [*ingest, str(FIVE_PAGES), "--db", str(work / f"round-{index}-one.db"),
         "--engine", engine])
    return figures


def summarise(rounds: list[dict[str, tuple]], pages: int) -> dict:
    def median(name: str, which: int = 0) -> float:
        return round(statistics.median(r[name][which] for r in rounds), 3)

    def ratio(slow: str, fast: str) -> float:
        return round(statistics.median(r[slow][0] / r[fast][0] for r in rounds), 2)

    return {
        "pages": pages, "rounds": len(rounds),
        "pages_per_s": {name: round(pages / median(name), 1) for name in
                        ("bare_pdfplumber", "ingest_1_worker", "ingest_2_worker")},
        "speed_1_worker_vs_bare_pdfplumber": ratio("bare_pdfplumber", "ingest_1_worker"),
        "speed_2_workers_vs_1_worker": ratio("ingest_1_worker", "ingest_2_worker"),
        "speed_2_workers_vs_bare_pdfplumber": ratio("bare_pdfplumber", "ingest_2_worker"),
        "machine_2_processes_vs_1": ratio("bare_pdfplumber", "bare_pdfplumber_2_processes"),
        "one_5_page_pdf_wall_s": median("ingest_one_5_page_pdf"),
        "peak_rss_mb": {name: median(name, 1) for name in rounds[0]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--engine", default="auto")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wres-paired-"))
    try:
        pages = build_corpus(work / "corpus", args.copies)
        split_in_halves(work / "corpus")
        rounds = []
        for index in range(args.rounds):
            rounds.append(one_round(work, work / "corpus", index, args.engine))
            print(json.dumps({"round": index, **rounds[-1]}), file=sys.stderr, flush=True)
        print(json.dumps(summarise(rounds, pages), indent=1))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
