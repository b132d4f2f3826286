"""One file in, one ``DocumentResult`` out: extraction and normalisation, never a crash.

Why a result object rather than exceptions: a batch of hundreds of files must go on past
the bad ones; each failure becomes one ``FileIssue`` with a readable message.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from wres.errors import BadInputError
from wres.schema import DocumentResult, FileIssue, PlanInfo

if TYPE_CHECKING:
    from wres.extractors.model import ExtractedDocument


@lru_cache(maxsize=1)
def warm_up_extraction() -> None:
    """Import the document engines and build the English word list now. The forkserver
    behind the batch workers does this once (``wres.ingest.warm``), so every worker that
    reads files starts with them instead of spending a second loading its own."""
    import wres.extractors.docx  # noqa: F401 - python-docx and lxml
    import wres.extractors.pdf  # noqa: F401 - pdfplumber, pdfminer and PDFium
    import wres.extractors.registry  # noqa: F401 - every other format
    from wres.extractors.pdf_words import english_words

    english_words()


@lru_cache(maxsize=1)
def warm_up_normalising() -> None:
    """Import spaCy and build its lemmatizer and the theme matchers now: a batch's
    normaliser does this as it starts, while the files are being hashed and read (spaCy
    alone takes about a second to import)."""
    from wres.normalise.lemmas import lemma
    from wres.normalise.themes import assign_themes, warm_up_themes

    lemma("measures")
    warm_up_themes()
    assign_themes("reverse mentoring for board members")


def warm_up() -> None:
    """Everything a process that both reads and normalises needs, before the children it
    forks for each document (``job.process_job``)."""
    warm_up_extraction()
    warm_up_normalising()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def internal_issue(name: str, stage: str, exc: BaseException) -> FileIssue:
    """A defect in wres-plans met on this file: one line that says so, never a traceback."""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return FileIssue(file=name, stage=stage, kind="internal-error",
                     message=f"internal error while reading ({type(exc).__name__}: {detail}); "
                             "please report it with the file")


def _extract_issue(name: str, exc: BaseException) -> FileIssue:
    """The one line a failed extraction gives the user, by kind of failure."""
    if isinstance(exc, BadInputError):
        return FileIssue(file=name, stage="extract", kind=getattr(exc, "kind", "bad-input"),
                         message=str(exc))
    if isinstance(exc, OSError):
        return FileIssue(file=name, stage="extract", kind="io",
                         message=f"cannot read the file: {exc.strerror or exc}")
    if isinstance(exc, RecursionError):
        return FileIssue(file=name, stage="extract", kind="damaged",
                         message="damaged file: its objects refer to each other in a loop")
    return internal_issue(name, "extract", exc)


def process_file(path: Path, hint: PlanInfo | None = None, *, engine: str = "auto",
                 ocr: bool = False, max_pages: int | None = None,
                 sha256: str | None = None) -> DocumentResult:
    """Extract and normalise one file; bad input is recorded as an issue, not raised.
    ``sha256`` is the file's hash when the caller (the batch) has already taken it."""
    result, document = extract_file(path, engine=engine, ocr=ocr, max_pages=max_pages,
                                    sha256=sha256)
    return result if document is None else normalise_file(result, document, hint)


def extract_file(path: Path, *, engine: str = "auto", ocr: bool = False,
                 max_pages: int | None = None, sha256: str | None = None,
                 ) -> tuple[DocumentResult, ExtractedDocument | None]:
    """The first half of ``process_file``: the file read into the format-neutral model, or
    (None) the one issue that says why it could not be. Why a half of its own: a batch reads
    files in workers that never load spaCy. Extractors are imported here, not above: the
    batch's parent imports this module only to hash files."""
    from wres.extractors.registry import extract

    path = Path(path)
    result = DocumentResult(source_file=path.name, path=str(path),
                            format=path.suffix.lower().lstrip("."))
    try:
        result.size = path.stat().st_size
        result.sha256 = sha256 or sha256_of(path)
        document = extract(path, engine=engine, ocr=ocr, max_pages=max_pages)
    except Exception as exc:  # noqa: BLE001 - one line per file, never a stopped batch
        result.issues.append(_extract_issue(path.name, exc))
        return result, None
    result.format, result.pages = document.format, document.pages
    result.engines = list(document.engines)  # every extractor records its table engines
    return result, document


def normalise_file(result: DocumentResult, document: ExtractedDocument,
                   hint: PlanInfo | None = None) -> DocumentResult:
    """The second half of ``process_file``: ``document`` mapped onto canonical records,
    which fill ``result``; a defect of ours becomes the result's issue."""
    from wres.normalise.document import normalise_document

    name = result.source_file
    try:
        normalised = normalise_document(document, name, hint)
    except Exception as exc:  # noqa: BLE001 - a defect of ours must not stop the batch
        result.issues.append(internal_issue(name, "normalise", exc))
        return result
    result.plan, result.actions = normalised.plan, normalised.actions
    for warning in document.warnings:
        result.issues.append(FileIssue(file=name, stage="extract", kind="warning",
                                       message=warning, severity="warning"))
    if not result.actions:
        result.issues.append(FileIssue(file=name, stage="normalise", kind="no-actions",
                                       message="no action table, labelled action paragraphs"
                                               " or action list found in the document"))
    return result
