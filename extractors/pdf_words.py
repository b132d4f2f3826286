"""Put back words that a narrow table column broke without a hyphen.

Why: word processors break a word that is wider than its column wherever the line ends
("Responsibilit" / "y for action", "recruitment/disciplinary/capability/gri" / "evance/").
Text extraction then has a line break inside a word. The break is recognised by geometry
(a line that reaches the column's edge, followed by a line starting in lower case) and,
where spaCy's English word list is installed (``spacy-lookups-data``, a project
dependency), confirmed by vocabulary: "grievance" is a word, "gri" and "evance" are not,
whereas "understood" + "and" are two words that merely filled the line.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

_LAST_WORD = re.compile(r"([A-Za-z]+)$")
_FIRST_WORD = re.compile(r"^([a-z]+)")


@dataclass(frozen=True)
class TextLine:
    """One visual line of a cell: its text, right edge and first character's width."""

    text: str
    x1: float
    first_width: float
    first_word_width: float = 0.0  # 0 when unknown: every break is then kept


@lru_cache(maxsize=1)
def english_words() -> Container[str] | None:
    """Lower-case English words from spaCy's lexeme table; None when it is not installed.
    Loaded once per process, and only when a document has a candidate break (from a
    per-machine cache: ``extractors/word_list.py``)."""
    from wres.extractors.word_list import cached_english_words

    return cached_english_words()


def is_broken_word(before: str, after: str) -> bool:
    """Do the last letters of ``before`` and the first of ``after`` make one word?"""
    if re.search(r"\d$", before) and re.match(r"\d", after):
        return True  # "31/10/202" + "2": a number or date wrapped at the column's edge
    head, tail = _LAST_WORD.search(before), _FIRST_WORD.match(after)
    if head is None or tail is None:
        return False
    words = english_words()
    if words is None:
        return before.strip().isalpha()
    first, second = head.group(1).lower(), tail.group(1)
    return first + second in words and not (first in words and second in words)


def join_lines(lines: Sequence[TextLine], right_limit: float) -> str:
    """Join a cell's visual lines: no space where a word was broken at the column's edge
    (the line before is one unbroken run of characters ending so close to the usable edge
    that not even the next line's first character would have fitted), a space where the
    line merely wrapped, and a newline where the author started a new paragraph."""
    out = ""
    for index, line in enumerate(lines):
        if index == 0:
            out = line.text
            continue
        previous = lines[index - 1]
        full = (" " not in previous.text.strip()
                and right_limit - previous.x1 < line.first_width + 0.5)
        if full and is_broken_word(previous.text, line.text):
            out += line.text
        elif _wrapped(previous, line, right_limit):
            out += " " + line.text
        else:
            out += "\n" + line.text
    return out


def _wrapped(previous: TextLine, line: TextLine, right_limit: float) -> bool:
    """A soft wrap: the next line's first word would not have fitted at the end of the
    line before, so the line ended only because the column did. Otherwise the author
    pressed return (a new paragraph, a list item, the next owner's name)."""
    if line.first_word_width <= 0:
        return False
    room = right_limit - previous.x1
    return room < line.first_word_width + line.first_width
