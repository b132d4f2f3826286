"""Line texts and page words of PDF characters, exactly as pdfplumber gives them, faster.

Why not call ``extract_text`` itself: a ruled table asks for the text of every line of
every cell, thousands per document, and pdfplumber builds a word extractor, clusters the
characters into lines and the words into lines again for each call. For the usual line
(upright characters whose tops lie within pdfplumber's line tolerance, none with empty
text) its result is: the characters in x order, a word ending at a blank character or at a
gap wider than the x tolerance (or where a character starts left of the one before),
ligatures spelled out, words joined by one space. That is computed here directly; any
other line goes to pdfplumber. The words of a whole page (``extract_words`` with size and
font name) are made the same way, runs of one font clustered into lines as pdfplumber
clusters them; a page with sideways or empty characters goes to pdfplumber.
``tests/extractors/test_pdf_line_text.py`` checks both agree with pdfplumber on every line
and every page of every sample PDF.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from pdfplumber.utils import extract_text
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES


def line_text(chars: list[dict]) -> str:
    """``pdfplumber.utils.extract_text(chars)`` for ``chars`` sorted by x0 (one line)."""
    if not _plain_line(chars):
        return extract_text(chars)
    return " ".join(_word_text(word) for word in _word_runs(chars))


def _plain_line(chars: list[dict]) -> bool:
    """The case computed here: every character upright, with text, tops within the
    tolerance pdfplumber clusters lines by, and already in x order."""
    if not chars:
        return False
    tops = [char["top"] for char in chars]
    return (max(tops) - min(tops) <= DEFAULT_Y_TOLERANCE and _plain_chars(chars)
            and all(a["x0"] <= b["x0"] for a, b in zip(chars, chars[1:], strict=False)))


def _plain_chars(chars: list[dict]) -> bool:
    """No sideways character and none without text (pdfplumber treats those apart)."""
    return all(char["upright"] and char["text"] != "" for char in chars)


def plain_page_words(chars: list[dict]) -> list[dict] | None:
    """``pdfplumber.utils.extract_words(chars, extra_attrs=["size", "fontname"])``, each
    word with text, box, size, font name and ``upright``; None (ask pdfplumber) for a page
    with sideways characters or characters without text."""
    if not _plain_chars(chars):
        return None
    words: list[dict] = []
    for _, run in groupby(chars, key=itemgetter("size", "fontname")):
        for line in _line_clusters(list(run)):
            words.extend(_merged(word) for word in _word_runs(line))
    return words


def _line_clusters(chars: list[dict]) -> list[list[dict]]:
    """pdfplumber's lines: tops chained within the y tolerance, each line in x order."""
    cluster_of: dict[float, int] = {}
    last: float | None = None
    index = -1
    for top in sorted({char["top"] for char in chars}):
        if last is None or top > last + DEFAULT_Y_TOLERANCE:
            index += 1
        cluster_of[top] = index
        last = top
    lines: dict[int, list[dict]] = {}
    for char in chars:
        lines.setdefault(cluster_of[char["top"]], []).append(char)
    return [sorted(lines[index], key=itemgetter("x0")) for index in sorted(lines)]


def _word_runs(line: list[dict]) -> Iterator[list[dict]]:
    """The characters of each word of one line, as pdfplumber splits them: at a blank, at a
    gap wider than the x tolerance, where a character starts left of the one before, or
    where the tops differ by more than the y tolerance."""
    word: list[dict] = []
    for char in line:
        if char["text"].isspace():
            if word:
                yield word
            word = []
            continue
        previous = word[-1] if word else None
        if previous is not None and (
                char["x0"] < previous["x0"]
                or char["x0"] > previous["x1"] + DEFAULT_X_TOLERANCE
                or abs(char["top"] - previous["top"]) > DEFAULT_Y_TOLERANCE):
            yield word
            word = []
        word.append(char)
    if word:
        yield word


def _merged(chars: list[dict]) -> dict:
    first = chars[0]
    x0, x1, top, bottom = first["x0"], first["x1"], first["top"], first["bottom"]
    for char in chars[1:]:
        x0, x1 = min(x0, char["x0"]), max(x1, char["x1"])
        top, bottom = min(top, char["top"]), max(bottom, char["bottom"])
    return {"text": _word_text(chars),
            "x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": first["upright"],
            "size": first["size"], "fontname": first["fontname"]}


def _word_text(chars: list[dict]) -> str:
    """A word's characters joined, ligatures spelled out ("ﬁ" -> "fi") as pdfplumber does."""
    return "".join([LIGATURES.get(c["text"], c["text"]) for c in chars])
