"""Make one hostile or oversized file of every kind issue 7 names, at test time.

Why generated, not committed: the files are large or dangerous by design (a zip bomb, a
self-referencing PDF, thousands of ruled rows); a few lines of code each make them
reproducibly in a temporary folder and keep the repository small.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[2]
GOOD_DOCX = ROOT / "samples" / "docs" / "northamptonshire-healthcare-2016-17.docx"
GOOD_PDF = ROOT / "samples" / "docs" / "kent-community-health-2021-22.pdf"


def docx_bomb(folder: Path, inflated_mb: int = 300) -> Path:
    """A small .docx whose word/document.xml inflates to ``inflated_mb`` of XML."""
    path = folder / "bomb.docx"
    with zipfile.ZipFile(GOOD_DOCX) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info))
        with target.open("word/document.xml", "w") as handle:
            handle.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.'
                         b'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            chunk = b" " * (1 << 20)
            for _ in range(inflated_mb):
                handle.write(chunk)
            handle.write(b"</w:body></w:document>")
    return path


def _rewrite_document_xml(name: str, folder: Path, change) -> Path:
    path = folder / name
    with zipfile.ZipFile(GOOD_DOCX) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = change(data)
            target.writestr(info, data)
    return path


def docx_huge_gridspan(folder: Path) -> Path:
    """A .docx with one cell claiming ``w:gridSpan="2147483647"``."""
    return _rewrite_document_xml(
        "gridspan.docx", folder,
        lambda xml: xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="2147483647"/>', 1))


def docx_with_dtd(folder: Path) -> Path:
    """A .docx whose document.xml declares an entity (Word never writes a DTD)."""
    return _rewrite_document_xml(
        "dtd.docx", folder,
        lambda xml: xml.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY e "boom">]>', 1))


def docm_macro(folder: Path) -> Path:
    """A macro-enabled document's content type, in a file named .docm."""
    path = folder / "macro.docm"
    with zipfile.ZipFile(GOOD_DOCX) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    b"document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            target.writestr(info, data)
    return path


def pdf_self_reference(folder: Path) -> Path:
    """A PDF whose page tree lists itself as its own kid (a cycle)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length 4 0 R >>\nstream\nBT ET\nendstream",
    ]
    return _write_raw_pdf(folder / "cyclic.pdf", objects)


def _write_raw_pdf(path: Path, objects: list[bytes]) -> Path:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def pdf_tall_ruled_page(folder: Path, rows: int = 3000) -> Path:
    """One very tall page holding a ruled table of ``rows`` rows."""
    path = folder / "tall.pdf"
    row_height = 14
    height = rows * row_height + 72
    pdf = canvas.Canvas(str(path), pagesize=(595, height))
    pdf.setFont("Helvetica", 8)
    for r in range(rows + 1):
        pdf.line(36, 36 + r * row_height, 559, 36 + r * row_height)
    for x in (36, 200, 400, 559):
        pdf.line(x, 36, x, 36 + rows * row_height)
    for r in range(rows):
        y = 40 + r * row_height
        pdf.drawString(40, y, f"Action {r}")
        pdf.drawString(204, y, "Lead")
        pdf.drawString(404, y, "March 2024")
    pdf.save()
    return path


def pdf_many_pages(folder: Path, pages: int = 2000) -> Path:
    """A long PDF of plain text pages."""
    path = folder / "long.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        pdf.drawString(72, 770, f"Appendix page {number + 1}")
        pdf.showPage()
    pdf.save()
    return path


def awkward_names(folder: Path) -> list[Path]:
    """Good plans under names with spaces, unicode, a leading dash and a newline."""
    names = ["plan with spaces.docx", "plán – ünïcode.docx", "-leading-dash.docx",
             "new\nline.docx"]
    paths = []
    for name in names:
        paths.append(folder / name)
        shutil.copyfile(GOOD_DOCX, paths[-1])
        with zipfile.ZipFile(paths[-1], "a") as archive:
            archive.comment = name.encode()  # distinct bytes: not skipped as a duplicate
    return paths


def skippable(folder: Path) -> list[Path]:
    """Files a walk must skip and count: a lock file, a hidden file, an unsupported type."""
    paths = [folder / "~$plan.docx", folder / ".hidden.docx", folder / "notes.txt"]
    for path in paths:
        path.write_bytes(b"not a plan")
    return paths


def make_all(folder: Path) -> dict[str, Path]:
    """Every hostile kind in ``folder``; keys name the kind."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "docx zip bomb": docx_bomb(folder),
        "docx gridSpan 2147483647": docx_huge_gridspan(folder),
        "docx with a DTD": docx_with_dtd(folder),
        "macro-enabled docm": docm_macro(folder),
        "self-referencing PDF": pdf_self_reference(folder),
        "tall page of 3000 ruled rows": pdf_tall_ruled_page(folder),
        "2000-page PDF": pdf_many_pages(folder),
        "good PDF": shutil.copyfile(GOOD_PDF, folder / "good.pdf"),
    }
    for path in awkward_names(folder):
        made[f"awkward name {path.name!r}"] = path
    return made
