"""Whether a PDF page sets colours that PDFium would report differently from pdfminer.

Why: PDFium reports every colour already converted to 8-bit RGB; pdfminer, the reference,
reports the values the page gives in their own colour space. For DeviceRGB and DeviceGray
(and sRGB ICC profiles, which PDFium passes through) the two agree once rounded the same
way (``pdf_layout.colour_hex``). For CMYK, spot colours, indexed, Lab, calibrated or other
ICC spaces and patterns they do not: a CMYK green fill is "66FF00" to pdfminer and "71BF44"
to PDFium. Such a page is left to pdfminer, so that a fill or a coloured mark, and with it a
RAG rating, never depends on the engine. The test reads the page's colour-space resources
and its content streams (and those of its form XObjects) without parsing them.
"""

from __future__ import annotations

import re

from pdfminer.pdfinterp import LITERAL_FORM
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

from wres.extractors.pdf_pdfium_paths import MAX_FORM_DEPTH

PASSED_THROUGH = frozenset({"DeviceRGB", "DeviceGray", "RGB", "G"})
# a CMYK colour operator (a number, then k or K: the other three numbers go unchecked, as
# checking them cost five times as much), or a colour space named in the content
_OTHER_COLOURS = re.compile(
    rb"[\d.]\s+[kK](?![^\s/\[\]()<>])"
    rb"|/(?:DeviceCMYK|CMYK|Pattern|Indexed|Separation|DeviceN|Lab|CalRGB|CalGray)(?![\w])")


def needs_reference_colours(page) -> bool:
    """True when PDFium's colours for this pdfplumber page may differ from pdfminer's."""
    page_obj = page.page_obj
    return _other_colours(page_obj.resources, page_obj.contents or [], 0)


def _other_colours(resources, contents, depth: int) -> bool:
    if depth > MAX_FORM_DEPTH:
        return True
    resources = resolve1(resources)
    resources = resources if isinstance(resources, dict) else {}
    spaces = resolve1(resources.get("ColorSpace"))
    if isinstance(spaces, dict) and not all(_passed_through(s) for s in spaces.values()):
        return True
    if any(_OTHER_COLOURS.search(_data(stream)) for stream in contents):
        return True
    return any(_other_colours(form.attrs.get("Resources"), [form], depth + 1)
               for form in form_xobjects(resources))


def form_xobjects(resources: dict) -> list:
    """The form XObject streams a resource dictionary names: each is drawn into the page
    with its own resources and content, so whatever reads a page's resources reads theirs."""
    xobjects = resolve1(resources.get("XObject"))
    return [stream for stream in map(resolve1, xobjects.values() if isinstance(xobjects, dict)
                                     else ())
            if getattr(stream, "attrs", {}).get("Subtype") is LITERAL_FORM]


def _passed_through(space) -> bool:
    """A colour space whose values PDFium reports as pdfminer does: device RGB or gray, or
    an RGB ICC profile that says it is sRGB (PDFium converts other profiles)."""
    space = resolve1(space)
    if _name(space) in PASSED_THROUGH:
        return True
    if isinstance(space, list) and len(space) == 2 and _name(space[0]) == "ICCBased":
        profile = resolve1(space[1])
        attrs = getattr(profile, "attrs", {})
        return resolve1(attrs.get("N")) == 3 and b"sRGB" in _data(profile)
    return False


def _data(stream) -> bytes:
    stream = resolve1(stream)
    try:
        return stream.get_data()
    except Exception:  # noqa: BLE001 - unreadable: say "other colours", pdfminer decides
        return b"/DeviceCMYK"


def _name(value) -> str | None:
    value = resolve1(value)
    return value.name if isinstance(value, PSLiteral) else None
