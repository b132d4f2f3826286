"""Check a .docx before python-docx parses it.

Why: a Word file is a zip of XML, and a crafted one can inflate a 1 MB file into 1 GB of XML
(python-docx then took over 8 GB here) or smuggle a DTD. Reading only the zip directory and
the first bytes of each XML part costs milliseconds and turns those files into one clear
error line each, before any parser runs.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from wres.errors import DamagedDocumentError, ResourceLimitError, UnsupportedFormatError

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, as declared in the zip
MAX_PART = 100 * 1024 * 1024  # one part
MAX_RATIO = 120  # uncompressed / compressed for any part bigger than 1 MB
MAX_PARTS = 5000
REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
_MACRO_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled document (.docm)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml":
        "a macro-enabled template (.dotm)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml":
        "a Word template (.dotx)",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "a macro-enabled workbook (.xlsm)",
}


def check_docx(path: Path) -> None:
    """Raise a typed error when ``path`` is not a safe, plausible Word document."""
    check_ooxml(path, REQUIRED_PARTS, "Word document")


def check_ooxml(path: Path, required: tuple[str, ...], what: str) -> None:
    """The same checks for any Office Open XML zip (a Word document, an Excel workbook):
    sizes and ratios from the zip directory, the parts ``required``, no macros, no DTD."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(infos, what)
            names = {info.filename for info in infos}
            missing = [p for p in required if p not in names]
            if missing:
                raise DamagedDocumentError(f"not a {what}: the zip lacks {missing[0]}")
            _check_content_types(archive.read("[Content_Types].xml"))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _check_no_dtd(archive, info)
    except zipfile.BadZipFile as exc:
        raise DamagedDocumentError(f"not a readable {what} (broken zip: {exc})") from exc


def _check_sizes(infos: list[zipfile.ZipInfo], what: str) -> None:
    if len(infos) > MAX_PARTS:
        raise ResourceLimitError(f"the {what} holds {len(infos)} parts (limit {MAX_PARTS})")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ResourceLimitError(
            f"the {what} would inflate to {total // 2**20} MB (limit "
            f"{MAX_UNCOMPRESSED // 2**20} MB): a zip bomb or not a plan")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART or (info.file_size > 2**20 and ratio > MAX_RATIO):
            raise ResourceLimitError(
                f"part {info.filename} inflates {ratio:.0f}-fold to {info.file_size // 2**20} MB:"
                " refused as a zip bomb")


def _check_content_types(xml: bytes) -> None:
    text = xml.decode("utf-8", errors="replace")
    for content_type, what in _MACRO_TYPES.items():
        if content_type in text:
            raise UnsupportedFormatError(f"{what} is not read: save it as a plain .docx")


def _check_no_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    with archive.open(info) as handle:
        head = handle.read(4096)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise DamagedDocumentError(f"part {info.filename} declares a DTD; Word never does")
