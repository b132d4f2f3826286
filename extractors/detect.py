"""Tell a file's real format from its first bytes, not its name.

Why: analysts' folders hold files whose extension lies (an HTML error page saved as .pdf,
a .doc renamed .docx). Reading the magic bytes first turns those into one clear line
instead of a parser's stack trace.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from wres.errors import EmptyDocumentError, MislabelledFileError, UnsupportedFormatError

PDF, DOCX, DOC, ODT, RTF = "pdf", "docx", "doc", "odt", "rtf"
XLSX, XLS, ODS, CSV = "xlsx", "xls", "ods", "csv"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".docm": DOCX, ".dotx": DOCX, ".doc": DOC,
              ".odt": ODT, ".rtf": RTF, ".xlsx": XLSX, ".xlsm": XLSX, ".xls": XLS, ".ods": ODS,
              ".csv": CSV, ".tsv": CSV}
SPREADSHEETS = frozenset({XLSX, XLS, ODS, CSV})
SUPPORTED_SUFFIXES = frozenset(EXTENSIONS)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD_BYTES = 2048


def sniff(path: Path, head: bytes) -> str:
    """The format the first bytes hold: "pdf", "docx", "doc" (any OLE file: a Word .doc or
    an Excel .xls), "odt", "xlsx", "ods", "rtf", "zip" (another zip), "empty" or "other"."""
    if not head:
        return "empty"
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(_OLE_MAGIC):
        return DOC
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    return "other"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names or "[Content_Types].xml" in names and any(
                n.startswith("word/") for n in names
            ):
                return DOCX
            if "xl/workbook.xml" in names:
                return XLSX
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
            if b"opendocument.text" in mimetype:
                return ODT
            if b"opendocument.spreadsheet" in mimetype:
                return ODS
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip"
    return "zip"


_SIGNATURES = [
    (b"PK\x03\x04", "a ZIP container (a Word .docx, Excel .xlsx or other Office file)"),
    (_OLE_MAGIC, "an old Office file (Word .doc or Excel .xls)"),
    (b"{\\rtf", "a Rich Text Format (.rtf) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
]


def describe_bytes(head: bytes) -> str:
    """A reader's description of what a file's first bytes hold."""
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:512]:
        return "an HTML page (perhaps a web page saved instead of the plan)"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return "XML or markup text"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "binary data of an unknown kind"
    return "plain text"


def _is_plain_text(head: bytes) -> bool:
    """Text in some 8-bit or UTF encoding, not markup (a web page saved as .csv)."""
    return b"\x00" not in head and describe_bytes(head) not in (
        "XML or markup text", "an HTML page (perhaps a web page saved instead of the plan)")


_CLAIMED = {"zip": "a zip archive that is not an Office document (or is a damaged one)",
            DOC: "a legacy Word .doc file",
            RTF: "an RTF file", ODT: "an OpenDocument text file", PDF: "a PDF",
            DOCX: "a Word .docx file", XLSX: "an Excel .xlsx workbook",
            XLS: "an old Excel .xls workbook", ODS: "an OpenDocument spreadsheet",
            CSV: "delimited text (CSV)"}


def detect_format(path: Path) -> str:
    """The format to read ``path`` as; typed errors for empty, mislabelled or unknown files."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    if claimed is None:
        raise UnsupportedFormatError(f"unsupported file type {path.suffix or '(none)'!r}")
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
    found = sniff(path, head)
    if found == "empty":
        raise EmptyDocumentError("the file is empty (0 bytes)")
    if found == claimed or (claimed == DOC and found == DOCX):
        return found
    if claimed == CSV and found == "other" and _is_plain_text(head):
        return CSV  # the delimiter and the encoding are settled when it is read
    if claimed == XLS and found == DOC:
        return XLS  # one OLE container serves .doc and .xls; LibreOffice reads either
    if found in (PDF, DOCX, DOC, ODT, RTF, XLSX, ODS):
        return found  # wrong extension, readable content: read what is there
    held = _CLAIMED.get(found) or describe_bytes(head)
    raise MislabelledFileError(f"named {path.suffix} but holds {held}, not {_CLAIMED[claimed]}")
