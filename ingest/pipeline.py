"""One file in, one ``DocumentResult`` out: extraction and normalisation, never a crash.

Why a result object rather than exceptions: a batch of hundreds of files must go on past
the bad ones; each failure becomes one ``FileIssue`` with a readable message.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from wres.errors import BadInputError
from wres.extractors.registry import extract
from wres.normalise.document import normalise_document
from wres.schema import DocumentResult, FileIssue, PlanInfo


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_file(path: Path, hint: PlanInfo | None = None, *, engine: str = "auto",
                 ocr: bool = False, max_pages: int | None = None) -> DocumentResult:
    """Extract and normalise one file; bad input is recorded as an issue, not raised."""
    path = Path(path)
    result = DocumentResult(source_file=path.name, path=str(path),
                            format=path.suffix.lower().lstrip("."))
    try:
        result.size = path.stat().st_size
        result.sha256 = sha256_of(path)
        document = extract(path, engine=engine, ocr=ocr, max_pages=max_pages)
    except BadInputError as exc:
        result.issues.append(FileIssue(file=path.name, stage="extract",
                                       kind=getattr(exc, "kind", "bad-input"), message=str(exc)))
        return result
    except OSError as exc:
        result.issues.append(FileIssue(file=path.name, stage="extract", kind="io",
                                       message=f"cannot read the file: {exc.strerror or exc}"))
        return result
    result.format, result.pages, result.engines = document.format, document.pages, \
        sorted({t.engine for t in document.tables} | set(document.engines))
    normalised = normalise_document(document, path.name, hint)
    result.plan, result.actions = normalised.plan, normalised.actions
    for warning in normalised.warnings + document.warnings:
        result.issues.append(FileIssue(file=path.name, stage="normalise", kind="warning",
                                       message=warning, severity="warning"))
    if not result.actions:
        result.issues.append(FileIssue(file=path.name, stage="normalise", kind="no-actions",
                                       message="no action table found in the document"))
    return result
