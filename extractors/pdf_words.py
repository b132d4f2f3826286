"""Put back words that a narrow table column broke without a hyphen.

Why: word processors break a word that is wider than its column wherever the line ends
("Responsibilit" / "y for action", "recruitment/disciplinary/capability/gri" / "evance/").
Text extraction then has a line break inside a word. The break is recognised by geometry
(a line that reaches the column's edge, followed by a line starting in lower case) and,
where spaCy's English word list is installed (``spacy-lookups-data``, a project
dependency), confirmed by vocabulary: "grievance" is a word, "gri" and "evance" are not,
whereas "understood" + "and" are two words that merely filled the line. The list holds
fragments too ("traini", "ng", "ity"), so the test is by frequency: the whole word must be
far likelier than its two pieces side by side ("training" against "traini" + "ng",
"company" against "comp" + "any"), which "any" + "one" or "in" + "to" are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from wres.extractors.word_list import SortedWords

_LAST_WORD = re.compile(r"([A-Za-z]+)$")
_FIRST_WORD = re.compile(r"^([a-z]+)")
_MARK_END = re.compile(r"[A-Za-z0-9][-/]$")


@dataclass(frozen=True)
class TextLine:
    """One visual line of a cell: its text, right edge and first character's width."""

    text: str
    x1: float
    first_width: float
    first_word_width: float = 0.0  # 0 when unknown: every break is then kept


JOIN_MARGIN = 6.5  # natural-log units: pieces of broken words measured 7.8 to 27 here,
# two real words that also spell one ("any one", "up date", "every one") 1.6 to 5.8
RARE_LOG_PROB = -25.0  # a piece not in the table at all


@lru_cache(maxsize=1)
def english_words() -> SortedWords | None:
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
    if english_words() is None:
        return before.strip().isalpha()
    return _one_word(head.group(1).lower(), tail.group(1))


def _one_word(*pieces: str) -> bool:
    """Are the pieces together a word far likelier than the pieces side by side?"""
    words = english_words()
    if words is None:
        return True
    whole = words.log_prob("".join(pieces))
    if whole is None:
        return False
    apart = sum(RARE_LOG_PROB if (p := words.log_prob(w)) is None else p for w in pieces)
    return whole - apart > JOIN_MARGIN


def _middle_of_word(before: str, line: str, after: str) -> bool:
    """A line that is only the middle of a word broken twice ("repres" / "entati" / "on"):
    neither join of two pieces is a word, all three are."""
    head, tail = _LAST_WORD.search(before), _FIRST_WORD.match(after)
    return (head is not None and tail is not None and line.isalpha() and line.islower()
            and english_words() is not None
            and _one_word(head.group(1).lower(), line, tail.group(1)))


def join_at_mark(before: str, after: str) -> str:
    """Join a line that ended on a hyphen or slash after a letter or digit to the next:
    the line broke there, so no space goes in ("non-" + "mandatory", "2023/" + "24",
    "HR/" + "OD"). A hyphen that only split one word ("recruit-" + "ment") goes; a real
    one ("trust-" + "wide", "roll-" + "out") stays."""
    head, tail = _LAST_WORD.search(before[:-1]), _FIRST_WORD.match(after)
    if (before.endswith("-") and head is not None and tail is not None
            and _one_word(head.group(1).lower(), tail.group(1))):
        return before[:-1] + after
    return before + after


def ends_at_mark(before: str, after: str) -> bool:
    """``before`` ends on a hyphen or slash joined to a word, and ``after`` goes on."""
    return bool(_MARK_END.search(before)) and bool(after[:1].isalnum())


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
        if full and (is_broken_word(out, line.text) or _is_middle(lines, index)):
            out += line.text
        elif ends_at_mark(previous.text, line.text) and (
                full or _wrapped(previous, line, right_limit)):
            out = join_at_mark(out, line.text)
        elif _wrapped(previous, line, right_limit):
            out += " " + line.text
        else:
            out += "\n" + line.text
    return out


def _is_middle(lines: Sequence[TextLine], index: int) -> bool:
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    return " " not in lines[index].text.strip() and bool(following) and _middle_of_word(
        lines[index - 1].text, lines[index].text.strip(), following)


def _wrapped(previous: TextLine, line: TextLine, right_limit: float) -> bool:
    """A soft wrap: the next line's first word would not have fitted at the end of the
    line before, so the line ended only because the column did. Otherwise the author
    pressed return (a new paragraph, a list item, the next owner's name)."""
    if line.first_word_width <= 0:
        return False
    room = right_limit - previous.x1
    return room < line.first_word_width + line.first_width
