"""The text of one printed line of PDF characters, as pdfplumber's ``extract_text`` gives it.

Why not call ``extract_text`` itself: a ruled table asks for the text of every line of
every cell, thousands per document, and pdfplumber builds a word extractor, clusters the
characters into lines and the words into lines again for each call. For the usual line
(upright characters whose tops lie within pdfplumber's line tolerance, none with empty
text) its result is: the characters in x order, a word ending at a blank character or at a
gap wider than the x tolerance (or where a character starts left of the one before),
ligatures spelled out, words joined by one space. That is computed here directly; any
other line goes to pdfplumber. ``tests/extractors/test_pdf_line_text.py`` checks the two
agree on every line of every sample PDF.
"""

from __future__ import annotations

from pdfplumber.utils import extract_text
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES


def line_text(chars: list[dict]) -> str:
    """``pdfplumber.utils.extract_text(chars)`` for ``chars`` sorted by x0 (one line)."""
    if not _plain_line(chars):
        return extract_text(chars)
    words: list[str] = []
    word: list[str] = []
    previous: dict | None = None
    for char in chars:
        text = char["text"]
        if text.isspace():
            previous = None
            if word:
                words.append("".join(word))
                word = []
            continue
        if previous is not None and (char["x0"] < previous["x0"]
                                     or char["x0"] > previous["x1"] + DEFAULT_X_TOLERANCE):
            words.append("".join(word))
            word = []
        word.append(LIGATURES.get(text, text))
        previous = char
    if word:
        words.append("".join(word))
    return " ".join(words)


def _plain_line(chars: list[dict]) -> bool:
    """The case computed here: every character upright, with text, tops within the
    tolerance pdfplumber clusters lines by, and already in x order."""
    if not chars:
        return False
    tops = [char["top"] for char in chars]
    return (max(tops) - min(tops) <= DEFAULT_Y_TOLERANCE
            and all(char["upright"] and char["text"] != "" for char in chars)
            and all(a["x0"] <= b["x0"] for a, b in zip(chars, chars[1:], strict=False)))
