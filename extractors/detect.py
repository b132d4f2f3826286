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
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".docm": DOCX, ".dotx": DOCX, ".doc": DOC,
              ".odt": ODT, ".rtf": RTF}
SUPPORTED_SUFFIXES = frozenset(EXTENSIONS)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> str:
    """The format the bytes hold ("pdf", "docx", "doc", "odt", "rtf", "zip", "html",
    "text", "binary", "empty")."""
    with open(path, "rb") as handle:
        head = handle.read(2048)
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
    return _sniff_text(head)


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names or "[Content_Types].xml" in names and any(
                n.startswith("word/") for n in names
            ):
                return DOCX
            if "mimetype" in names and b"opendocument.text" in archive.read("mimetype"):
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError):
        return "zip"
    return "zip"


def _sniff_text(head: bytes) -> str:
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "binary"
    return "text"


_DESCRIBE = {"html": "an HTML page", "text": "plain text", "binary": "unrecognised binary data",
             "zip": "a zip archive that is not a Word document", DOC: "a legacy Word .doc file",
             RTF: "an RTF file", ODT: "an OpenDocument text file", PDF: "a PDF",
             DOCX: "a Word .docx file"}


def detect_format(path: Path) -> str:
    """The format to read ``path`` as; typed errors for empty, mislabelled or unknown files."""
    claimed = EXTENSIONS.get(path.suffix.lower())
    if claimed is None:
        raise UnsupportedFormatError(f"unsupported file type {path.suffix or '(none)'!r}")
    found = sniff(path)
    if found == "empty":
        raise EmptyDocumentError("the file is empty (0 bytes)")
    if found == claimed or (claimed == DOC and found == DOCX):
        return found
    if found in (PDF, DOCX, DOC, ODT, RTF):
        return found  # wrong extension, readable content: read what is there
    raise MislabelledFileError(
        f"named {path.suffix} but holds {_DESCRIBE.get(found, found)}, not {_DESCRIBE[claimed]}"
    )
