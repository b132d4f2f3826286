"""Cells whose only content is a coloured mark: a rating told by colour, not by words.

Why here: Word, PDF and spreadsheet readers all meet the same "●" in a RAG column; one
definition of what counts as a mark keeps them agreeing. A mark is a geometric glyph
(circles, squares, triangles, diamonds, stars), a character of a symbol font (Wingdings,
Webdings, Symbol) or a private-use code point, which is how those fonts' glyphs arrive.
"""

from __future__ import annotations

from functools import lru_cache

MARK_GLYPHS = frozenset(
    "●○◉◎⬤⚫⚪•∙◦■□▪▫◼◻◾◽⬛⬜▲△▴▵▶▼▽◆◇◈♦★☆✪✱✸⬟⬢⬣"
    "🔴🟠🟡🟢🔵🟣🟤⚫🟥🟧🟨🟩🟦"
)
SYMBOL_FONTS = ("wingdings", "webdings", "symbol", "zapfdingbats", "dingbats")
MAX_MARKS = 3  # "●", "● ●" and the like; a longer run of glyphs is decoration or a scale


def is_symbol_font(font_name: str | None) -> bool:
    name = (font_name or "").lower()
    return any(symbol in name for symbol in SYMBOL_FONTS)


def _is_mark_char(char: str) -> bool:
    return char in MARK_GLYPHS or 0xE000 <= ord(char) <= 0xF8FF


@lru_cache(maxsize=8192)
def is_mark_text(text: str | None, font_name: str | None = None) -> bool:
    """True when ``text`` is nothing but one to three mark characters (and spaces); any
    short text set in a symbol font counts too (a Wingdings "l" is a filled circle).
    Cached: a PDF page asks it of every character, and pages repeat a few fonts."""
    chars = [c for c in (text or "") if not c.isspace()]
    if not chars or len(chars) > MAX_MARKS:
        return False
    return is_symbol_font(font_name) or all(_is_mark_char(c) for c in chars)
