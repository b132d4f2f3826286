"""Benchmark of batch ingest (not a test): run by hand, read the figures, keep them in notes.

    .venv/bin/python benchmarks/bench_ingest.py [--docs 300] [--keep DIR]

It copies the readable sample plans (Word and PDF) into a corpus of ``--docs`` files, each
copy with a different sha256 (a zip comment or a PDF trailer line), then measures:

1. the pipeline in this process, stage by stage (extract, normalise) over the corpus;
2. bare pdfplumber ``page.extract_tables()`` over the same PDF pages, for comparison;
3. ``run_batch`` into a new SQLite file with 1 worker, then with 2 workers: documents and
   pages per second, seconds spent writing, peak memory of a worker;
4. a no-change re-run of the same corpus (in this process, and as a fresh ``wres``-like
   process so that interpreter start-up counts too).

Why the stage pass runs in this process: a worker reports only its total time per file,
and timing extract and normalise apart needs the two calls side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "samples" / "docs"
CLI = ("import typer; from wres.ingest.cli_db import register; "
       "app = typer.Typer(); register(app); app()")


def copy_with_new_bytes(source: Path, target: Path, tag: str) -> Path:
    """A copy that reads the same but hashes differently (zip comment, PDF trailer line)."""
    shutil.copyfile(source, target)
    if source.suffix == ".docx":
        with zipfile.ZipFile(target, "a") as archive:
            archive.comment = f"copy {tag}".encode()
    else:
        with open(target, "ab") as handle:
            handle.write(f"\n% copy {tag}\n".encode())
    return target


def build_corpus(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the readable samples, each with its own sha256."""
    sources = sorted(p for p in DOCS.iterdir()
                     if p.suffix in (".pdf", ".docx") and not p.name.startswith("bad-"))
    folder.mkdir(parents=True, exist_ok=True)
    return [copy_with_new_bytes(sources[i % len(sources)],
                                folder / f"{i:04d}-{sources[i % len(sources)].name}", str(i))
            for i in range(count)]


def stage_pass(files: list[Path]) -> dict[str, float]:
    """Extract and normalise every file in this process, timing the two stages apart."""
    from wres.errors import BadInputError
    from wres.extractors.registry import extract
    from wres.normalise.document import normalise_document

    seconds = {"extract": 0.0, "normalise": 0.0, "pdf_pages": 0, "pdf_seconds": 0.0}
    for path in files:
        started = time.perf_counter()
        try:
            document = extract(path)
        except BadInputError:
            continue
        extracted = time.perf_counter()
        normalise_document(document, path.name)
        done = time.perf_counter()
        seconds["extract"] += extracted - started
        seconds["normalise"] += done - extracted
        if path.suffix == ".pdf":
            seconds["pdf_pages"] += document.pages or 0
            seconds["pdf_seconds"] += done - started
    return seconds


def raw_pdfplumber(files: list[Path]) -> dict[str, float]:
    """Bare ``page.extract_tables()`` on every page of the PDFs: the parsing floor."""
    import pdfplumber

    pages, started = 0, time.perf_counter()
    for path in files:
        if path.suffix != ".pdf":
            continue
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.flush_cache()
                pages += 1
    return {"pages": pages, "seconds": time.perf_counter() - started}


def batch(files_folder: Path, db: Path, workers: int) -> dict[str, float]:
    from wres.ingest.batch import BatchOptions, run_batch

    report = run_batch([files_folder], str(db), options=BatchOptions(workers=workers))
    wall = report.seconds["wall"]
    return {"workers": workers, "wall": wall, "docs": report.count("ingested"),
            "failed": report.count("failed"), "pages": report.pages,
            "docs_per_s": report.count("ingested") / wall, "pages_per_s": report.pages / wall,
            "write": report.seconds["write"], "hash": report.seconds["hash"],
            "worker_cpu_seconds": report.seconds["process"],
            "peak_worker_rss_mb": report.peak_worker_rss_mb}


def rerun_in_new_process(files_folder: Path, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", CLI, "ingest", str(files_folder), "--db", str(db),
                    "--json"], check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="wres-bench-"))
    try:
        figures = run(work, args.docs)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, indent=1))


def run(work: Path, count: int) -> dict:
    files = build_corpus(work / "corpus", count)
    figures: dict = {"documents": len(files), "cpus": os.cpu_count()}
    from wres.ingest.pipeline import process_file

    process_file(DOCS / "kent-community-health-2021-22.docx")  # warm spaCy once, untimed
    log(figures, "stages_in_process", stage_pass(files))
    log(figures, "raw_pdfplumber", raw_pdfplumber(files))
    for workers in (1, 2):
        db = work / f"bench-{workers}.db"
        db.unlink(missing_ok=True)
        log(figures, f"batch_{workers}_worker", batch(work / "corpus", db, workers))
    started = time.perf_counter()
    from wres.ingest.batch import run_batch

    skipped = run_batch([work / "corpus"], str(work / "bench-2.db")).count("skipped")
    figures["no_change_rerun"] = {"skipped": skipped,
                                  "seconds_in_process": time.perf_counter() - started,
                                  "seconds_new_process": rerun_in_new_process(
                                      work / "corpus", work / "bench-2.db")}
    figures["parent_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summarise(figures)
    return figures


def log(figures: dict, name: str, value: dict) -> None:
    """Keep a figure and show it at once on stderr (a late failure loses nothing)."""
    figures[name] = value
    print(json.dumps({name: value}), file=sys.stderr, flush=True)


def summarise(figures: dict) -> None:
    stages, raw = figures["stages_in_process"], figures["raw_pdfplumber"]
    one, two = figures["batch_1_worker"], figures["batch_2_worker"]
    pipeline_pps = stages["pdf_pages"] / stages["pdf_seconds"] if stages["pdf_seconds"] else 0
    raw_pps = raw["pages"] / raw["seconds"] if raw["seconds"] else 0
    figures["summary"] = {
        "docs_per_s_1_worker": round(one["docs_per_s"], 2),
        "docs_per_s_2_workers": round(two["docs_per_s"], 2),
        "pages_per_s_1_worker": round(one["pages_per_s"], 2),
        "speed_up_1_to_2_workers": round(one["wall"] / two["wall"], 2),
        "seconds_extract": round(stages["extract"], 1),
        "seconds_normalise": round(stages["normalise"], 1),
        "seconds_write_1_worker": round(one["write"], 2),
        "pdf_pages_per_s_pipeline_in_process": round(pipeline_pps, 2),
        "pdf_pages_per_s_bare_pdfplumber": round(raw_pps, 2),
        "pipeline_to_pdfplumber_ratio": round(pipeline_pps / raw_pps, 2) if raw_pps else None,
        "no_change_rerun_s": round(figures["no_change_rerun"]["seconds_in_process"], 2),
        "no_change_rerun_new_process_s": round(
            figures["no_change_rerun"]["seconds_new_process"], 2),
        "peak_worker_rss_mb": round(max(one["peak_worker_rss_mb"],
                                        two["peak_worker_rss_mb"]), 1),
    }


if __name__ == "__main__":
    main()
