"""Which trust published a plan and which years it covers, from its title lines or file name.

Why scores for the years: a plan's text is full of years ("WRES data 2016-2021 evidences
...", "Publication Date: October 2023"); the period is the one printed next to "Action
Plan" / "WRES" in a short title line. Each candidate scores for those cues and the best
(earliest on a tie) wins. A line without such a cue offers only a range of years, never a
single year.

Decisions:
- "2016-2017", "2016-17", "2021/2022", "2019 - 2020", "2016 to 2017" -> (first, second);
  "2021-2023" -> (2021, 2023). A range must run forwards over at most five years.
- A single year ("WRES Action Plan 2022") gives (2022, 2022): the plan names one year and
  the project does not guess whether it means a calendar or a financial year.
- The trust is the full "... NHS Trust" / "... NHS Foundation Trust" name as printed,
  first found in line order; the words in front of "NHS" are taken back to the first word
  that cannot be part of a name (lower-case words other than "and"/"of"/"the", digits,
  "WRES", "Action", "Plan", ...).
- From a file name the trust is read only when the name spells out "nhs-trust" or
  "nhs-foundation-trust"; the words are title-cased because the file name lost the case.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from wres.schema import PlanInfo

_TRUST_TAIL_RE = re.compile(r"\bNHS\s+(?:Foundation\s+)?Trust\b", re.IGNORECASE)
_CONNECTORS = frozenset({"and", "of", "the", "&", "for"})
_NOT_NAME_WORDS = frozenset(
    """
    wres action plan plans report standard workforce race equality annual update draft final
    summary appendix title our the
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_DATE_RE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:20)?\d{2}\b")
_RANGE_RE = re.compile(
    r"(?<![\d/.])(?P<start>20\d{2})\s*(?:-|–|—|/|\bto\b)\s*(?P<end>20\d{2}|\d{2})(?![\d/.]\d|\d)",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<![\d/.])(?P<start>20\d{2})(?![\d/.]\d|\d)")
_TITLE_CUES = (
    ("action plan", 3), ("wres", 2), ("workforce race equality", 2), ("race equality", 1),
    ("plan", 1),
)
MAX_SPAN = 5
SHORT_LINE_WORDS = 14


def _years_of(match: re.Match[str]) -> tuple[int, int] | None:
    start = int(match["start"])
    end_text = match.groupdict().get("end")
    if end_text is None:
        return start, start
    end = int(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if not 0 < end - start <= MAX_SPAN:
        return None
    return start, end


def _cue_score(line: str) -> int:
    lowered = line.lower()
    return sum(points for cue, points in _TITLE_CUES if cue in lowered)


def _year_candidates(line: str) -> list[tuple[int, int, int]]:
    """(score, start, end) for every period the line offers."""
    cleaned = _DATE_RE.sub(" ", line)
    cue = _cue_score(cleaned)
    short = len(cleaned.split()) <= SHORT_LINE_WORDS
    found: list[tuple[int, int, int]] = []
    for match in _RANGE_RE.finditer(cleaned):
        years = _years_of(match)
        if years:
            found.append((cue + 2 + short, *years))
    if cue:
        without_ranges = _RANGE_RE.sub(" ", cleaned)
        for match in _YEAR_RE.finditer(without_ranges):
            found.append((cue + short, int(match["start"]), int(match["start"])))
    return found


def years_from_lines(lines: list[str]) -> tuple[int, int] | None:
    best: tuple[int, int, int] | None = None
    for line in lines:
        for candidate in _year_candidates(line):
            if best is None or candidate[0] > best[0]:
                best = candidate
    return (best[1], best[2]) if best else None


def _name_before(words: list[str]) -> list[str]:
    """The words in front of "NHS ... Trust" that belong to the trust's name."""
    kept: list[str] = []
    for word in reversed(words):
        bare = word.strip("()[]:,;\"")
        lowered = bare.lower()
        if not bare or bare != word.strip() or lowered in _NOT_NAME_WORDS or not bare[0].isalpha():
            break
        if not bare[0].isupper() and lowered not in _CONNECTORS:
            break
        kept.insert(0, bare)
    while kept and kept[0].lower() in _CONNECTORS - {"the"}:
        kept.pop(0)
    return kept


def trust_from_line(line: str) -> str | None:
    """The full "... NHS (Foundation) Trust" name a line prints, or None."""
    for match in _TRUST_TAIL_RE.finditer(line):
        name = _name_before(line[: match.start()].split())
        if name:
            return " ".join([*name, " ".join(match.group(0).split())])
    return None


def plan_from_text(lines: list[str]) -> PlanInfo:
    """Trust and period from a document's title lines (and the text around them)."""
    trust = next((t for t in map(trust_from_line, lines) if t), None)
    years = years_from_lines(lines)
    start, end = years if years else (None, None)
    return PlanInfo(trust=trust, period_start=start, period_end=end)


def _trust_from_slug(words: list[str]) -> str | None:
    for index in range(len(words)):
        tail = words[index:index + 3]
        if tail[:2] == ["nhs", "trust"] or tail == ["nhs", "foundation", "trust"]:
            name: list[str] = []
            for word in reversed(words[:index]):
                if not word.isalpha() or word in _NOT_NAME_WORDS:
                    break
                name.insert(0, word if word in _CONNECTORS else word.capitalize())
            while name and name[0] in _CONNECTORS:
                name.pop(0)
            if name:
                suffix = "NHS Trust" if tail[1] == "trust" else "NHS Foundation Trust"
                return " ".join([*name, suffix])
    return None


def plan_from_filename(name: str) -> PlanInfo:
    """Period (and, when spelt out, the trust) from a file name such as
    "kent-community-health-2019-20.pdf"."""
    stem = PurePath(name).stem.lower()
    spaced = re.sub(r"[_\s.]+", "-", stem)
    years = None
    for match in _RANGE_RE.finditer(spaced):
        years = _years_of(match)
        if years:
            break
    if years is None and (single := _YEAR_RE.search(_RANGE_RE.sub(" ", spaced))):
        years = (int(single["start"]),) * 2
    start, end = years if years else (None, None)
    trust = _trust_from_slug(re.split(r"[-_\s.]+", stem))
    return PlanInfo(trust=trust, period_start=start, period_end=end)


def merge_plan_info(*infos: PlanInfo | None) -> PlanInfo:
    """First non-null value per field wins (manifest > title > file name).

    The two years are taken as a pair from the first source that has a start year, so a
    start from one source never meets an end from another and makes a backwards period.
    """
    present = [info for info in infos if info is not None]
    trust = next((i.trust for i in present if i.trust), None)
    dated = next((i for i in present if i.period_start is not None), None)
    if dated is None:
        end = next((i.period_end for i in present if i.period_end is not None), None)
        return PlanInfo(trust=trust, period_end=end)
    end = dated.period_end
    if end is None:
        end = next((i.period_end for i in present if i.period_end is not None), None)
        if end is not None and end < dated.period_start:
            end = None
    return PlanInfo(trust=trust, period_start=dated.period_start, period_end=end)
