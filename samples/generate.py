"""Turn the sample specs into the committed sample documents, their gold and the manifest.

    python samples/generate.py [--only STEM] [--no-pdf]

For every ``samples/specs/<stem>.json``: ``docs/<stem>.docx`` (python-docx) and
``docs/<stem>.pdf`` (LibreOffice print of that docx); for one chosen spec also
``docs/<stem>-borderless.pdf`` (reportlab, no ruling lines); the bad inputs
``docs/bad-*``; one gold file per document in ``gold/`` and ``manifest.csv``.

Why re-runnable and deterministic: the specs are edited by hand over time, and the lead
re-runs this whenever one changes. Fixed metadata means unchanged specs give unchanged
Word and reportlab files, so only real changes show up in review.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from gen_bad import EMPTY_DOCX, NOT_A_PDF, PASSWORD, SCANNED, TRUNCATED, write_bad_inputs
from gen_docx import write_docx
from gen_pdf import convert_with_soffice, soffice_path, write_borderless_pdf
from gen_spec import SpecError, load_specs, title_of

SAMPLES_DIR = Path(__file__).resolve().parent
SPEC_DIR = SAMPLES_DIR / "specs"
DOCS_DIR = SAMPLES_DIR / "docs"
GOLD_DIR = SAMPLES_DIR / "gold"
MANIFEST = SAMPLES_DIR / "manifest.csv"
BORDERLESS_STEM = "united-lincolnshire-2021-23"  # its 5 plain columns suit a borderless layout
BAD_FILES = (SCANNED, TRUNCATED, PASSWORD, EMPTY_DOCX, NOT_A_PDF)


def borderless_spec(specs: list[dict]) -> dict | None:
    """The spec laid out borderless: BORDERLESS_STEM, else the first spec there is."""
    for spec in specs:
        if spec["stem"] == BORDERLESS_STEM:
            return spec
    return specs[0] if specs else None


def borderless_name(spec: dict) -> str:
    return f"{spec['stem']}-borderless.pdf"


def plan_files(spec: dict, borderless: dict | None) -> list[str]:
    """Every plan document one spec gives, whether or not it has been written yet."""
    names = [f"{spec['stem']}.docx", f"{spec['stem']}.pdf"]
    if borderless is not None and spec["stem"] == borderless["stem"]:
        names.append(borderless_name(spec))
    return names


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_plan_gold(spec: dict, file_name: str) -> None:
    """The spec's actions under the document's name: every format gives the same actions."""
    write_json(GOLD_DIR / f"{file_name}.json", {
        "file": file_name,
        "trust": spec["trust"],
        "period_start": spec["period_start"],
        "period_end": spec["period_end"],
        "actions": spec["actions"],
    })


def write_bad_gold(file_name: str) -> None:
    write_json(GOLD_DIR / f"{file_name}.json", {"file": file_name, "actions": [],
                                                "expect": "error"})


def write_manifest(specs: list[dict], borderless: dict | None) -> int:
    """One row per plan document on disk, as an analyst would list them; returns the count."""
    rows = [
        {"file": name, "trust": spec["trust"], "period_start": spec["period_start"],
         "period_end": spec["period_end"]}
        for spec in specs for name in plan_files(spec, borderless) if (DOCS_DIR / name).exists()
    ]
    with MANIFEST.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "trust", "period_start",
                                                    "period_end"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def make_pdfs(docx_paths: list[Path], no_pdf: bool) -> None:
    """LibreOffice prints of the Word files, skipped with a clear message when impossible."""
    if no_pdf:
        print("--no-pdf: LibreOffice PDFs not made (any old ones in docs/ are left as they are)")
    elif soffice_path() is None:
        print("LibreOffice (soffice) not found: LibreOffice PDFs not made")
    elif docx_paths:
        for pdf in convert_with_soffice(docx_paths, DOCS_DIR):
            print(f"wrote {pdf.relative_to(SAMPLES_DIR)}")


def make_bad_inputs(borderless: dict, only: str | None) -> None:
    """Bad inputs come from the borderless spec and its PDF, so they follow its re-runs."""
    if only is not None and only != borderless["stem"]:
        return
    source = DOCS_DIR / borderless_name(borderless)
    for path in write_bad_inputs(borderless, title_of(borderless), source, DOCS_DIR):
        print(f"wrote {path.relative_to(SAMPLES_DIR)}")
    for name in BAD_FILES:
        if (DOCS_DIR / name).exists():
            write_bad_gold(name)


def write_gold_only(only: str | None) -> None:
    """Gold files of the documents already in docs/, from the specs, without rewriting a
    document: gold-only edits (themes, a corrected field) leave the documents untouched."""
    all_specs = load_specs(SPEC_DIR)
    chosen = load_specs(SPEC_DIR, only) if only else all_specs
    borderless = borderless_spec(all_specs)
    for spec in chosen:
        for name in plan_files(spec, borderless):
            if (DOCS_DIR / name).exists():
                write_plan_gold(spec, name)
                print(f"wrote gold/{name}.json")


def generate(only: str | None, no_pdf: bool) -> None:
    all_specs = load_specs(SPEC_DIR)
    chosen = load_specs(SPEC_DIR, only) if only else all_specs
    if not chosen:
        raise SpecError(f"no specs in {SPEC_DIR}")
    DOCS_DIR.mkdir(exist_ok=True)
    GOLD_DIR.mkdir(exist_ok=True)
    docx_paths = [write_docx(spec, DOCS_DIR / f"{spec['stem']}.docx") for spec in chosen]
    for path in docx_paths:
        print(f"wrote {path.relative_to(SAMPLES_DIR)}")
    make_pdfs(docx_paths, no_pdf)
    borderless = borderless_spec(all_specs)
    if borderless is not None and borderless["stem"] != BORDERLESS_STEM:
        print(f"{BORDERLESS_STEM} has no spec yet: borderless PDF made from {borderless['stem']}")
    if borderless is not None and borderless in chosen:
        path = write_borderless_pdf(borderless, DOCS_DIR / borderless_name(borderless))
        print(f"wrote {path.relative_to(SAMPLES_DIR)}")
    make_bad_inputs(borderless, only)
    for spec in chosen:
        for name in plan_files(spec, borderless):
            if (DOCS_DIR / name).exists():
                write_plan_gold(spec, name)
    count = write_manifest(all_specs, borderless)
    print(f"manifest.csv: {count} plan documents from {len(all_specs)} specs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", metavar="STEM", help="generate one spec's documents only")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDFs")
    parser.add_argument("--gold-only", action="store_true",
                        help="rewrite the gold files of existing documents only")
    args = parser.parse_args(argv)
    try:
        if args.gold_only:
            write_gold_only(args.only)
        else:
            generate(args.only, args.no_pdf)
    except SpecError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
