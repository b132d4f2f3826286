"""WRES indicator numbers a cell ties a row to.

Why only after a keyword: WRES cells are full of numbers that are not indicators ("band
8b", "2021", "7%", "AfC Bands 1-9"), so a number counts only when it follows "Indicator(s)",
"Metric(s)", "Ind." or "WRES" itself: "Indicator 3:", "WRES metric 2", "(WRES 2)",
"Indicators 5 & 6", "Indicator 9a" (-> 9), "Metric 1-4" (-> 1, 2, 3, 4), "Indicator four".
Only 1 to 9 exist; anything else is dropped. Results keep the order of first mention.
"""

from __future__ import annotations

import re

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
_NUMBER = r"(?:\d{1,2}(?![\d%.,]\d|[\d%])[a-z]?\b|" + "|".join(WORD_NUMBERS) + r")"
_JOIN = r"\s*(?:,|&|\+|/|-|–|—|\band\b|\bor\b|\bto\b)\s*"
_INDICATOR_RE = re.compile(
    r"\b(?:indicators?|metrics?|ind\.|wres)\s*(?:no\.?|number|#)?\s*(?P<numbers>" + _NUMBER
    + r"(?:" + _JOIN + _NUMBER + r")*)",
    re.IGNORECASE,
)
_RANGE_RE = re.compile(r"\s*(?:-|–|—|\bto\b)\s*", re.IGNORECASE)
_VALID = range(1, 10)


def _number(token: str) -> int | None:
    token = token.strip().lower()
    if token in WORD_NUMBERS:
        return WORD_NUMBERS[token]
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else None


def _expand(numbers_text: str) -> list[int]:
    """"5 & 6" -> [5, 6]; "1-4" -> [1, 2, 3, 4]; "9a" -> [9]."""
    found: list[int] = []
    for chunk in re.split(r"\s*(?:,|&|\+|/|\band\b|\bor\b)\s*", numbers_text, flags=re.I):
        ends = [_number(t) for t in _RANGE_RE.split(chunk) if t.strip()]
        ends = [e for e in ends if e is not None]
        if len(ends) == 2 and ends[0] in _VALID and ends[1] in _VALID and ends[0] < ends[1]:
            found.extend(range(ends[0], ends[1] + 1))
        else:
            found.extend(e for e in ends if e in _VALID)
    return found


def parse_indicators(text: str | None) -> list[int]:
    """Every WRES indicator (1-9) the text names, in order of first mention, no repeats."""
    if not text:
        return []
    found: list[int] = []
    for match in _INDICATOR_RE.finditer(text):
        for number in _expand(match.group("numbers")):
            if number not in found:
                found.append(number)
    return found


_ALL_RE = re.compile(r"\ball\s+(?:nine\s+|9\s+)?(?:wres\s+)?(?:indicators|metrics)\b",
                     re.IGNORECASE)
_ALL_BARE_RE = re.compile(r"^\s*all\s*\.?\s*$", re.IGNORECASE)
_BARE_LIST_RE = re.compile(r"^\s*\d(?:" + _JOIN + r"\d)*\s*\.?\s*$", re.IGNORECASE)


_NUMBER_THEN_WORDS_RE = re.compile(
    r"^\s*([1-9])\s*(?:[.:)\-\u2013\u2014]\s*|\(\s*|\s+)(?=[A-Za-z])")


def indicators_of_cell(text: str | None, *, indicator_column: bool = False) -> list[int]:
    """Every indicator a cell ties its rows to: "Indicators 5 & 6" -> [5, 6], "All
    indicators" -> 1..9, and in an indicator column bare numbers too ("2, 3", "1-4").

    Why bare numbers only in an indicator column: elsewhere "2, 3" is anything at all."""
    if not text or not text.strip():
        return []
    first_line = text.strip().split("\n", 1)[0]
    if _ALL_RE.search(first_line) or (indicator_column and _ALL_BARE_RE.match(first_line)):
        return list(_VALID)
    found = parse_indicators(first_line)
    if not found and indicator_column and _BARE_LIST_RE.match(first_line):
        found = list(dict.fromkeys(_expand(first_line.strip().rstrip("."))))
    numbered = _NUMBER_THEN_WORDS_RE.match(first_line) if indicator_column else None
    if not found and numbered:  # "1 - Percentage of staff in each band", "2. Shortlisting"
        found = [int(numbered[1])]
    return found


def first_indicator(text: str | None) -> int | None:
    """The first indicator the text names, or None."""
    found = parse_indicators(text)
    return found[0] if found else None
