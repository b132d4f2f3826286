"""Spreadsheet colours (fills and font colours) as "RRGGBB".

Why: openpyxl gives a colour as ARGB ("FFFF0000"), as an index into the legacy 64-colour
palette, or as a theme slot with a tint (Excel's default for "Green, Accent 6, Lighter 40%");
the normaliser only understands plain RGB, so all three are resolved here.
"""

from __future__ import annotations

import colorsys
import re

from lxml import etree
from openpyxl.styles.colors import COLOR_INDEX

_THEME_ORDER = ("lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4",
                "accent5", "accent6", "hlink", "folHlink")
_DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_HEX = re.compile(r"[0-9A-F]{6}")


def theme_palette(theme_xml: bytes | str | None) -> list[str]:
    """The workbook theme's colours in the order cell styles index them (lt1, dk1, ...)."""
    if not theme_xml:
        return []
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(theme_xml.encode() if isinstance(theme_xml, str)
                                else theme_xml, parser)
    except etree.XMLSyntaxError:
        return []
    scheme = root.find(f".//{{{_DRAWING_NS}}}clrScheme")
    if scheme is None:
        return []
    palette = []
    for name in _THEME_ORDER:
        slot = scheme.find(f"{{{_DRAWING_NS}}}{name}")
        palette.append(_slot_rgb(slot) or "")
    return palette


def _slot_rgb(slot) -> str | None:
    if slot is None or len(slot) == 0:
        return None
    colour = slot[0]
    value = colour.get("lastClr") if colour.tag.endswith("sysClr") else colour.get("val")
    return value.upper() if value and _HEX.fullmatch(value.upper()) else None


def resolve_colour(colour, palette: list[str]) -> str | None:
    """An openpyxl ``Color`` as "RRGGBB", or None when unset or unresolvable."""
    if colour is None:
        return None
    kind = getattr(colour, "type", None)
    if kind == "rgb":
        value = str(colour.rgb or "").upper()
        rgb = value[-6:] if len(value) in (6, 8) else ""
        return rgb if _HEX.fullmatch(rgb) else None
    if kind == "indexed":
        index = colour.indexed
        if isinstance(index, int) and 0 <= index < len(COLOR_INDEX):
            return COLOR_INDEX[index][-6:].upper()
        return None
    if kind == "theme" and isinstance(colour.theme, int) and colour.theme < len(palette):
        base = palette[colour.theme]
        return _tinted(base, float(colour.tint or 0.0)) if base else None
    return None


def _tinted(rgb: str, tint: float) -> str:
    """Excel's tint: lighten towards white (tint > 0) or darken (tint < 0) in HLS."""
    red, green, blue = (int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    red, green, blue = colorsys.hls_to_rgb(hue, min(max(light, 0.0), 1.0), sat)
    return "".join(f"{round(v * 255):02X}" for v in (red, green, blue))


def solid_fill(cell, palette: list[str]) -> str | None:
    """A cell's solid shading as "RRGGBB"; white and unfilled cells give None."""
    fill = cell.fill
    if fill is None or getattr(fill, "fill_type", None) != "solid":
        return None
    rgb = resolve_colour(fill.fgColor, palette)
    return None if rgb in (None, "FFFFFF") else rgb


def font_colour(cell, palette: list[str]) -> str | None:
    font = cell.font
    return resolve_colour(font.color, palette) if font is not None else None
