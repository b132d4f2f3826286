"""A faster source of a PDF page's objects: PDFium builds them, pdfplumber reads them.

Why: most of the time of a PDF extraction went into pdfminer parsing the content stream
and pdfplumber turning its layout into dicts. PDFium parses the same stream several times
faster. Here its characters, paths and images become dicts shaped exactly like the ones
pdfplumber makes from pdfminer (same keys, same coordinate frame, same colours as floats
0-1), and are put into a real ``pdfplumber.page.Page``'s object cache, so the table
finder, ``extract_words``, ``crop`` and the rest of the project run unchanged on them.
A page PDFium cannot read, or reads implausibly, keeps pdfplumber's own parse.
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.pdftypes import PDFObjRef, resolve1

from wres.extractors.pdf_pdfium_colours import form_xobjects, needs_reference_colours
from wres.extractors.pdf_pdfium_paths import DIGITS, MAX_FORM_DEPTH, Frame, page_paths

LOG = logging.getLogger(__name__)
FONT_NAME_BYTES = 256
_MAYBE_INFERRED = frozenset((0x20, 0x0D, 0x0A, 0x09, 0xA0, 0x02, 0x00, 0xFFFE))

Obj = dict[str, Any]


class ImplausibleReadError(ValueError):
    """PDFium's objects for a page fail a sanity check; pdfplumber reads it instead."""


class PdfiumSource:
    """The PDFium side of one open PDF: fills each pdfplumber page before it is read."""

    def __init__(self, path: Path) -> None:
        self.document: pypdfium2.PdfDocument | None = None
        self.fallbacks: list[int] = []
        try:
            self.document = pypdfium2.PdfDocument(str(path))
        except Exception as exc:  # noqa: BLE001 - pdfplumber reads every page then
            LOG.info("PDFium cannot open %s (%s); pdfplumber reads it", path.name, exc)

    def install(self, page) -> bool:
        """Fill ``page``'s object cache from PDFium; False (the page left to pdfplumber)
        when PDFium fails on it in any way, so a fast read is never a worse read, or when
        the page sets colours PDFium would convert (CMYK, spot colours: see
        ``pdf_pdfium_colours``)."""
        if self.document is None:
            self.fallbacks.append(page.page_number)
            return False
        try:
            if needs_reference_colours(page):
                LOG.info("page %s: colours PDFium converts; pdfplumber reads it",
                         page.page_number)
                self.fallbacks.append(page.page_number)
                return False
            pdfium_page = self.document[page.page_number - 1]
            try:
                objects = pdfium_objects(page, pdfium_page)
            finally:
                pdfium_page.close()
        except Exception as exc:  # noqa: BLE001 - any failure: use the reference parser
            LOG.info("page %s: PDFium read failed (%s); pdfplumber reads it",
                     page.page_number, exc)
            self.fallbacks.append(page.page_number)
            return False
        page._objects = objects  # noqa: SLF001 - pdfplumber's own cache of parsed objects
        return True

    def close(self) -> None:
        if self.document is not None:
            self.document.close()


def pdfium_objects(page, pdfium_page: pypdfium2.PdfPage) -> dict[str, list[Obj]]:
    """pdfplumber-shaped objects of one page, by kind ("char", "rect", "line", ...)."""
    frame = Frame.of(page)
    textpage = pdfium_page.get_textpage()
    try:
        chars, real = page_chars(textpage.raw, frame, FontTable.of(page))
    finally:
        textpage.close()
    if real and not chars:
        raise ImplausibleReadError(f"{real} characters in the text layer, none read")
    objects: dict[str, list[Obj]] = {"char": chars} if chars else {}
    for kind, obj in page_paths(pdfium_page.raw, frame):
        objects.setdefault(kind, []).append(obj)
    return objects


def page_chars(textpage, frame: Frame, fonts: FontTable) -> tuple[list[Obj], int]:
    """The page's characters as pdfplumber dicts, and how many real characters PDFium
    counted (the number the sanity check compares with)."""
    chars = []
    styles: dict[int, TextStyle] = {}
    glyphs = _glyphs(textpage)
    for index, text, x, y, key in glyphs:
        if not text:
            continue
        if key not in styles:
            styles[key] = TextStyle.of(textpage, index, fonts)
        chars.append(styles[key].char(textpage, index, text, (x, y), frame))
    return chars, len(glyphs)


def _glyphs(textpage) -> list[tuple[int, str, float, float, int]]:
    """(first index, text, origin x, origin y, text object) of each glyph. PDFium splits
    a ligature ("fi") into characters at one origin and adds spaces and line breaks it
    infers; pdfminer has one char per glyph and none it inferred. A hyphen PDFium marks
    as ending a line is a hyphen."""
    glyphs: list[tuple[int, str, float, float, int]] = []
    last: tuple | None = None
    x, y = ctypes.c_double(), ctypes.c_double()
    is_generated, unicode_of = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetUnicode
    origin_of, text_object_address = pdfium_c.FPDFText_GetCharOrigin, _text_object_address()
    for index in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = unicode_of(textpage, index)
        # PDFium infers only blanks and line breaks: other glyphs need no question
        if code in _MAYBE_INFERRED and is_generated(textpage, index) == 1:
            last = None
            continue
        # code 2 is how PDFium reports a hyphen that ends a line; 0xFFFE an unmapped glyph
        text = "-" if code == 2 else chr(code) if code and code != 0xFFFE else ""
        origin_of(textpage, index, x, y)
        key = (x.value, y.value, text_object_address(textpage, index) or 0)
        if key == last and glyphs:
            glyphs[-1] = (*glyphs[-1][:1], glyphs[-1][1] + text, *glyphs[-1][2:])
        else:
            glyphs.append((index, text, *key))
        last = key
    return glyphs


@lru_cache(maxsize=1)
def _text_object_address():
    """``FPDFText_GetTextObject`` returning the object's address as an int: the glyph loop
    needs only its identity, and casting each returned pointer cost more than the call."""
    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(address)


@dataclass(frozen=True)
class TextStyle:
    """What every glyph of one PDFium text object shares (read once per object: the
    ctypes calls per glyph were most of the cost)."""

    matrix: tuple[float, float, float, float]
    size: float
    font: FontFacts
    fill: tuple[float, ...] | None
    stroke: tuple[float, ...] | None

    @classmethod
    def of(cls, textpage, index: int, fonts: FontTable) -> TextStyle:
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(textpage, index, matrix)
        return cls(tuple(round(v, DIGITS) for v in (matrix.a, matrix.b, matrix.c, matrix.d)),
                   round(pdfium_c.FPDFText_GetFontSize(textpage, index), DIGITS),
                   _font(textpage, index, fonts),
                   _text_colour(pdfium_c.FPDFText_GetFillColor, textpage, index),
                   _text_colour(pdfium_c.FPDFText_GetStrokeColor, textpage, index))

    def char(self, textpage, index: int, text: str, origin: tuple[float, float],
             frame: Frame) -> Obj:
        """One glyph as pdfminer's LTChar describes it: the box starts at the glyph
        origin plus the font's descent, is one advance wide and one font size tall."""
        a, b, c, d = self.matrix
        size = self.size
        low, high = self.font.descent * size, self.font.descent * size + size
        upright = a * d > 0 and b * c <= 0
        adv = self.font.advance(text, size)
        if adv is None:  # a glyph pdfminer's font cannot name: PDFium's box is the guess
            adv = _loose_advance(textpage, index, upright, a)
        ox = round(origin[0], DIGITS) - frame.x_shift
        oy = round(origin[1], DIGITS) - frame.y_shift
        # the same arithmetic, in the same order, as pdfminer's apply_matrix_pt
        x0, x1 = _ordered(c * low + ox, a * adv + c * high + ox)
        y0, y1 = _ordered(d * low + oy, b * adv + d * high + oy)
        return frame.place({
            "matrix": (a, b, c, d, ox, oy), "fontname": self.font.fontname, "adv": adv,
            "upright": upright, "x0": x0, "y0": y0, "x1": x1, "y1": y1,
            "width": x1 - x0, "height": y1 - y0,
            "size": (y1 - y0) if upright else (x1 - x0),
            "mcid": None, "tag": None, "object_type": "char", "text": text,
            "stroking_color": self.stroke, "non_stroking_color": self.fill,
        })


def _ordered(first: float, second: float) -> tuple[float, float]:
    return (first, second) if first <= second else (second, first)


def _loose_advance(textpage, index: int, upright: bool, a: float) -> float:
    loose = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage, index, loose)
    advance = abs(loose.right - loose.left) if upright else abs(loose.top - loose.bottom)
    return advance / (abs(a) if upright and a else 1.0)


def _text_colour(getter, textpage, index: int) -> tuple[float, ...] | None:
    rgba = [ctypes.c_uint() for _ in range(4)]
    if not getter(textpage, index, *rgba):
        return None
    return tuple(channel.value / 255 for channel in rgba[:3])


def _font(textpage, index: int, fonts: FontTable) -> FontFacts:
    """The char's font name and descent per unit of size as pdfminer has them (its name
    keeps the subset prefix, "BAAAAA+DejaVuSans"; its descent is the font descriptor's,
    which PDFium does not report), found by the base name PDFium gives."""
    textobj = pdfium_c.FPDFText_GetTextObject(textpage, index)
    font = pdfium_c.FPDFTextObj_GetFont(textobj)
    key = ctypes.cast(font, ctypes.c_void_p).value or 0
    if key not in fonts.by_handle:
        buffer = ctypes.create_string_buffer(FONT_NAME_BYTES)
        length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, FONT_NAME_BYTES)
        name = buffer.raw[:max(0, min(length, FONT_NAME_BYTES) - 1)].decode("utf-8", "replace")
        fonts.by_handle[key] = fonts.by_base.get(_base(name)) or FontFacts(name, 0.0, None)
    return fonts.by_handle[key]


@dataclass
class FontFacts:
    """What pdfminer knows of a font that PDFium does not say: the subset-prefixed name,
    the descriptor's descent, and each glyph's advance from the font's /Widths."""

    fontname: str
    descent: float
    font: Any
    codes: dict[str, int] | None = None
    widths: dict[str, float | None] = field(default_factory=dict)  # by text, per unit size

    def advance(self, text: str, size: float) -> float | None:
        """The glyph's advance at ``size`` as pdfminer computes it; None if unknown."""
        if text not in self.widths:
            self.widths[text] = self._width(text)
        width = self.widths[text]
        return None if width is None else width * size

    def _width(self, text: str) -> float | None:
        if self.font is None:
            return None
        if self.codes is None:
            self.codes = _codes_by_text(self.font)
        code = self.codes.get(text)
        return None if code is None else self.font.char_width(code)


def _codes_by_text(font) -> dict[str, int]:
    """The font's character codes by the text they stand for (first code wins)."""
    codes: dict[str, int] = {}
    unicode_map = getattr(font, "unicode_map", None)
    for code, text in getattr(unicode_map, "cid2unichr", {}).items():
        codes.setdefault(text, code)
    for code, text in (getattr(font, "cid2unicode", None) or {}).items():
        codes.setdefault(text, code)
    return codes


@dataclass
class FontTable:
    """pdfminer's reading of the page's fonts, by base name; filled per PDFium font."""

    by_base: dict[str, FontFacts]
    by_handle: dict[int, FontFacts] = field(default_factory=dict)

    @classmethod
    def of(cls, page) -> FontTable:
        found: dict[str, FontFacts] = {}
        _collect_fonts(page.pdf.rsrcmgr, page.page_obj.resources, found, 0)
        return cls(found)


def _collect_fonts(manager, resources, found: dict[str, FontFacts],
                   depth: int) -> None:
    """Fonts of a resource dictionary and of the form XObjects it names, through pdfminer
    (which caches each font object, so a document's fonts are parsed once)."""
    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth > MAX_FORM_DEPTH:
        return
    fonts = resolve1(resources.get("Font"))
    for ref in (fonts.values() if isinstance(fonts, dict) else ()):
        spec = resolve1(ref)
        if not isinstance(spec, dict):
            continue
        objid = ref.objid if isinstance(ref, PDFObjRef) else None
        font = manager.get_font(objid, spec)
        fontname = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
        found.setdefault(_base(fontname), FontFacts(fontname, font.get_descent(), font))
    for form in form_xobjects(resources):
        if "Resources" in form.attrs:
            _collect_fonts(manager, form.attrs["Resources"], found, depth + 1)


def _base(fontname: str) -> str:
    """A font name without its subset prefix ("BAAAAA+")."""
    prefix, plus, rest = fontname.partition("+")
    return rest if plus and len(prefix) == 6 else fontname
