"""PDF plans to the neutral model: ``extract_pdf(path) -> ExtractedDocument``.

Why the work is split this way: ``pdf_page`` reads one page at a time (tables by
pdfplumber, camelot as a second opinion, text blocks), this module opens the file, turns
every way a file can be unreadable into one typed ``BadInputError`` with a readable
message, marks page furniture across pages, and lets ``stitch`` join tables that run over
several pages.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from wres.errors import (
    BadInputError,
    DamagedDocumentError,
    EmptyDocumentError,
    EncryptedDocumentError,
    MislabelledFileError,
    ResourceLimitError,
    ScannedDocumentError,
)
from wres.extractors.detect import describe_bytes
from wres.extractors.model import ExtractedDocument, Table
from wres.extractors.pdf_layout import PageTable
from wres.extractors.pdf_page import PageResult, read_page
from wres.extractors.pdf_pdfium import PdfiumSource
from wres.extractors.pdf_text import PlacedBlock, mark_furniture
from wres.extractors.stitch import stitch_blocks

SNIFF_BYTES = 1024
REPAIR_TIMEOUT_S = 30
EOF_WINDOW = 4096
SCANNED_MESSAGE = "no text layer: the pages are images; try --ocr"

for _noisy in ("pdfminer", "camelot"):
    logging.getLogger(_noisy).setLevel(logging.ERROR)


def extract_pdf(path: Path, *, ocr: bool = False, max_pages: int | None = None,
                use_camelot: bool = True, pdfium: bool = False) -> ExtractedDocument:
    """Tables and text of a PDF plan, in reading order, tables stitched across pages.
    With ``pdfium``, PDFium parses each page's objects (several times faster than
    pdfminer) and pdfplumber reads them; a page PDFium cannot read is parsed by pdfminer.

    Raises a ``BadInputError`` subclass when the file cannot be read: not a PDF, damaged,
    encrypted, no text layer (unless ``ocr``), or more pages than ``max_pages``."""
    path = Path(path)
    check_pdf_signature(path)
    try:
        return _extract_checked(path, ocr, max_pages, use_camelot, pdfium)
    except DamagedDocumentError as damaged:
        with tempfile.TemporaryDirectory(prefix="wres-repair-") as tmp:
            repaired = repair_copy(path, Path(tmp) / path.name)
            if repaired is None:
                raise
            try:
                document = _extract_checked(repaired, ocr, max_pages, use_camelot, pdfium)
            except BadInputError:
                raise damaged from None
        document.path = str(path)
        document.warnings.append("the PDF was damaged; it was read from a copy qpdf repaired")
        return document


def repair_copy(path: Path, target: Path) -> Path | None:
    """A copy that qpdf rebuilt (cross-reference table, object streams), or None when qpdf
    is not installed or cannot repair it either. Cheap: seconds at most, bounded."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        return None
    try:
        done = subprocess.run([qpdf, "--no-warn", str(path), str(target)], capture_output=True,
                              timeout=REPAIR_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return None
    # exit 3 means "repaired, with warnings": the useful case
    return target if done.returncode in (0, 3) and target.exists() else None


def _extract_checked(path: Path, ocr: bool, max_pages: int | None,
                     use_camelot: bool, pdfium: bool = False) -> ExtractedDocument:
    quick = quick_page_count(path)
    if max_pages is not None and quick is not None and quick > max_pages:
        raise ResourceLimitError(f"{quick} pages, more than the limit of {max_pages}")
    with open_pdf(path) as pdf, translate_pdf_errors(path):
        count = len(pdf.pages)
        if max_pages is not None and count > max_pages:
            raise ResourceLimitError(
                f"{count} pages, more than the limit of {max_pages}")
        rotated = any(page.rotation for page in pdf.pages)
        if not rotated:
            results = _read_pages(pdf, path, ocr, use_camelot, pdfium)
    if rotated:
        # pdfplumber reports a /Rotate page's text sideways, in the page's unrotated
        # frame; a copy with the rotation moved into the content reads like any other
        with tempfile.TemporaryDirectory(prefix="wres-pdf-") as tmp:
            upright = upright_copy(path, Path(tmp) / path.name)
            with open_pdf(upright) as pdf, translate_pdf_errors(path):
                results = _read_pages(pdf, upright, ocr, use_camelot, pdfium)
    _check_text_found(path, results, ocr)
    document = ExtractedDocument(path=str(path), format="pdf", pages=count)
    if rotated:
        document.warnings.append("rotated pages were read from an upright copy")
    _assemble(document, results)
    return document


def quick_page_count(path: Path) -> int | None:
    """The page count as PDFium reads it, in a millisecond (pdfplumber builds every page
    object to count them: seconds for a 2,000-page file that is refused anyway). None when
    PDFium cannot open the file; pdfplumber then decides, as before."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - any failure: leave the verdict to pdfplumber
        return None
    try:
        return len(document)
    finally:
        document.close()


def _read_pages(pdf, path: Path, ocr: bool, use_camelot: bool,
                pdfium: bool = False) -> list[PageResult]:
    """Read every page once, releasing each before the next (a page's parsed objects are
    the bulk of the memory a PDF takes)."""
    source = PdfiumSource(path) if pdfium else None
    results = []
    try:
        for number, page in enumerate(pdf.pages, start=1):
            try:
                if source is not None:
                    source.install(page)
                results.append(_read_one(page, number, path, ocr, use_camelot))
            finally:
                page.close()
    finally:
        if source is not None:
            source.close()
    return results


def upright_copy(path: Path, target: Path) -> Path:
    """A copy of the PDF whose rotated pages have the rotation applied to their content."""
    from pypdf import PdfReader, PdfWriter  # here: only rotated pages need it (0.1 s import)
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            reader.decrypt("")  # pdfminer opened it, so the user password is empty
        writer = PdfWriter(clone_from=reader)
        for page in writer.pages:
            if page.rotation:
                page.transfer_rotation_to_content()
        writer.write(target)
    except (PyPdfError, ValueError, KeyError, RecursionError) as exc:
        raise DamagedDocumentError(
            f"damaged PDF: its rotated pages cannot be turned upright "
            f"({type(exc).__name__})") from exc
    return target


def _read_one(page, number: int, path: Path, ocr: bool, use_camelot: bool) -> PageResult:
    result = read_page(page, number, path, use_camelot=use_camelot)
    if ocr and not result.has_text and result.has_images:
        # imported here: OCR pulls OpenCV and numpy, which runs without --ocr never need
        from wres.extractors.ocr_page import ocr_page

        result.items, notes = ocr_page(path, number, float(page.height))
        result.has_text = bool(result.items)
        result.warnings.extend(notes)
    return result


def _check_text_found(path: Path, results: list[PageResult], ocr: bool) -> None:
    if any(r.has_text for r in results):
        return
    if not results:
        raise DamagedDocumentError(
            "damaged PDF: no readable pages (its page tree is empty or loops)")
    if any(r.has_images for r in results):
        if ocr:
            from wres.extractors.ocr import require_ocr_tools

            require_ocr_tools()
            raise ScannedDocumentError("OCR found no text on any page")
        raise ScannedDocumentError(f"{SCANNED_MESSAGE}")
    raise EmptyDocumentError("no text on any page")


def _assemble(document: ExtractedDocument, results: list[PageResult]) -> None:
    placed = [item for r in results for item in r.items if isinstance(item, PlacedBlock)]
    mark_furniture(placed)
    blocks = []
    for result in results:
        document.warnings.extend(result.warnings)
        if not result.has_text and result.has_images:
            document.warnings.append(f"page {result.number}: no text layer (an image)")
        for item in result.items:
            blocks.append(item.table if isinstance(item, PageTable) else item.block)
    document.blocks = stitch_blocks(blocks)
    name = Path(document.path).name
    for block in document.blocks:
        if isinstance(block, Table):
            block.source_file = name
            if block.engine not in document.engines:
                document.engines.append(block.engine)


def check_pdf_signature(path: Path) -> None:
    """Refuse files that are not PDFs before any parser sees them, saying what they are."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - EOF_WINDOW))
            tail = handle.read()
    except OSError as exc:
        raise BadInputError(f"cannot read the file ({exc.strerror})") from exc
    if not head:
        raise EmptyDocumentError("the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise MislabelledFileError(
            f"not a PDF; the bytes look like {describe_bytes(head)}")
    if b"%%EOF" not in tail:
        raise DamagedDocumentError(
            "damaged PDF: the file is truncated (no end-of-file marker)")


@contextmanager
def open_pdf(path: Path) -> Iterator:
    """pdfplumber's PDF, with opening failures turned into typed errors."""
    with translate_pdf_errors(path):
        pdf = pdfplumber.open(path)
    try:
        yield pdf
    finally:
        # closing a damaged file can fail too; the reading error is the one to report
        with contextlib.suppress(RecursionError, PdfminerException, PSException, ValueError,
                                 KeyError):
            pdf.close()


@contextmanager
def translate_pdf_errors(path: Path) -> Iterator[None]:
    """Turn pdfminer/pdfplumber failures into one typed error with a readable message."""
    try:
        yield
    except BadInputError:
        raise
    except (PdfminerException, MalformedPDFException, PSException, RecursionError) as exc:
        raise classify_pdf_error(path, exc) from exc


def classify_pdf_error(path: Path, exc: BaseException) -> BadInputError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocumentError(
            "the PDF is encrypted and needs a password to open")
    if isinstance(cause, RecursionError):
        return DamagedDocumentError(
            "damaged PDF: its objects refer to each other in a loop")
    detail = str(cause).strip() or type(cause).__name__
    return DamagedDocumentError(f"damaged PDF ({detail[:160]})")
