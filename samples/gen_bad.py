"""Bad inputs: files a batch will meet that must be reported as unreadable, not crash it.

Why each one: a scanned plan (pictures, no text layer), a download cut short, a
password-protected PDF, a Word file with nothing in it, and a file whose name claims a
format its bytes do not have. Each maps to one ``BadInputError`` subclass in
``wres/errors.py``; the gold for all of them is "no actions, expect an error".
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from gen_docx import write_empty_docx
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

SCANNED = "bad-scanned-no-text.pdf"
TRUNCATED = "bad-truncated.pdf"
PASSWORD = "bad-password-protected.pdf"
EMPTY_DOCX = "bad-empty.docx"
NOT_A_PDF = "bad-not-a-pdf.pdf"
TRUNCATE_FRACTION = 0.4
USER_PASSWORD = "wres-sample"  # published with the samples on purpose: a fixture, no secret
SCAN_DPI = 100
SCAN_COLUMNS = (  # (heading, gold key, share of the width); empty columns are left out
    ("Ref", "ref", 0.6), ("Action", "action", 4.0), ("Lead", "owner", 1.6),
    ("Due", "due", 1.0), ("Status", "status", 2.4),
)
SCAN_LINES_PER_CELL = 3
ASCII_PUNCTUATION = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'",
                                   "\u201c": '"', "\u201d": '"', "\u2022": "-"})


def scan_table(spec: dict, limit: int = 8) -> tuple[list[tuple[str, str, float]], list[list[str]]]:
    """The columns and first rows of a real plan, so the picture looks like a plan page."""
    actions = spec["actions"][:limit]
    columns = [c for c in SCAN_COLUMNS if any(a.get(c[1]) for a in actions)]
    rows = [[str(a.get(key) or "").translate(ASCII_PUNCTUATION) for _, key, _ in columns]
            for a in actions]  # PIL's built-in font has no curly quotes or dashes
    return columns, rows


def wrapped(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
            width: int) -> list[str]:
    """Word-wrap text to the column, at most SCAN_LINES_PER_CELL lines (the rest is cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines[:SCAN_LINES_PER_CELL]


def column_edges(columns: list[tuple[str, str, float]], left: int, width: int) -> list[int]:
    total = sum(share for _, _, share in columns)
    edges = [left]
    for _, _, share in columns:
        edges.append(edges[-1] + int(width * share / total))
    return edges


def draw_scan(title: str, spec: dict) -> Image.Image:
    """An A4 landscape page picture: a title and a ruled table, all pixels, no text."""
    width, height = int(297 / 25.4 * SCAN_DPI), int(210 / 25.4 * SCAN_DPI)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=12)
    columns, rows = scan_table(spec)
    left, top, row_height = 50, 110, 56
    edges = column_edges(columns, left, width - 2 * left)
    draw.text((left, 50), title, fill=0, font=ImageFont.load_default(size=20))
    draw.rectangle([left, top, edges[-1], top + row_height], fill=217)
    for r, row in enumerate([[c[0] for c in columns], *rows]):
        for c, text in enumerate(row):
            lines = wrapped(draw, text, font, edges[c + 1] - edges[c] - 12)
            for n, line in enumerate(lines):
                draw.text((edges[c] + 6, top + r * row_height + 6 + 15 * n), line, fill=0,
                          font=font)
    bottom = top + (len(rows) + 1) * row_height
    for r in range(len(rows) + 2):
        draw.line([left, top + r * row_height, edges[-1], top + r * row_height], fill=0)
    for x in edges:
        draw.line([x, top, x, bottom], fill=0)
    return image


def write_scanned_pdf(spec: dict, title: str, out_path: Path) -> Path:
    """One page that is only an image of a table: no text operators at all."""
    page_width, page_height = landscape(A4)
    buffer = io.BytesIO()
    draw_scan(title, spec).save(buffer, format="PNG")
    buffer.seek(0)
    canvas = Canvas(str(out_path), pagesize=(page_width, page_height), invariant=1)
    canvas.drawImage(ImageReader(buffer), 0, 0, width=page_width, height=page_height)
    canvas.showPage()
    canvas.save()
    return out_path


def write_truncated_pdf(source: Path, out_path: Path) -> Path:
    """A real sample cut to its first 40% of bytes, like an interrupted download."""
    data = source.read_bytes()
    out_path.write_bytes(data[: int(len(data) * TRUNCATE_FRACTION)])
    return out_path


class FixedIdPdfWriter(PdfWriter):
    """pypdf draws the file identifier at random; a fixed one makes the output repeatable."""

    def __init__(self, identifier: bytes) -> None:
        super().__init__()
        self.identifier = identifier

    def generate_file_identifiers(self) -> None:
        self._ID = ArrayObject((ByteStringObject(self.identifier),
                                ByteStringObject(self.identifier)))


def write_password_pdf(source: Path, out_path: Path) -> Path:
    """A real sample that cannot be opened without its user password.

    RC4-128 needs no extra crypto package, and with a fixed identifier it is deterministic.
    """
    writer = FixedIdPdfWriter(hashlib.md5(source.read_bytes()).digest())
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt(user_password=USER_PASSWORD, owner_password=USER_PASSWORD + "-owner",
                   algorithm="RC4-128")
    with out_path.open("wb") as handle:
        writer.write(handle)
    return out_path


def write_not_a_pdf(out_path: Path) -> Path:
    """Plain text saved under a .pdf name (a mislabelled download)."""
    out_path.write_text(
        "WRES action plan 2021-22\n\nThis file was saved from a web page as plain text.\n"
        "It is not a PDF, whatever its name says.\n",
        encoding="utf-8",
    )
    return out_path


def write_bad_inputs(spec: dict, title: str, source_pdf: Path | None, out_dir: Path) -> list[Path]:
    """Every bad input; the two made from a real PDF are skipped when there is none."""
    written = [
        write_scanned_pdf(spec, title, out_dir / SCANNED),
        write_empty_docx(out_dir / EMPTY_DOCX),
        write_not_a_pdf(out_dir / NOT_A_PDF),
    ]
    if source_pdf is not None and source_pdf.exists():
        written.append(write_truncated_pdf(source_pdf, out_dir / TRUNCATED))
        written.append(write_password_pdf(source_pdf, out_dir / PASSWORD))
    else:
        print(f"no sample PDF to cut or encrypt: {TRUNCATED} and {PASSWORD} not written")
    return written
