"""Split a cell that holds several labelled parts ("Indicator 1: ... Objective: ...").

Why: plans squeeze the indicator, its wording and the objective into one grouping cell.
RECORD_FORMAT wants each part in its own field without its label; an "Indicator N: words"
part gives the indicator number and, as the heading that groups the rows, the section.
"""

from __future__ import annotations

import re

_LABELS = {
    "objective": r"objectives?|aims?|goals?",
    "issue": r"issues?|gaps?|problem|finding",
    "section": r"themes?|section|area|priority",
    "outcome": r"(?:desired |expected )?outcomes?",
    "measure": r"measures?(?: of success)?|kpis?|success measures?",
    "owner": r"leads?|owners?|responsible(?: lead| person)?",
    "due": r"timescales?|deadline|due(?: date)?|target date|by when",
}
_INDICATOR = re.compile(
    r"^\s*(?:wres\s+)?(?:indicators?|metrics?)\s*(?:no\.?\s*)?(\d)(?:\s*[a-z]\b)?"
    r"(?:\s*(?:&|and|,)\s*\d)*\s*[:.\-\u2013\u2014]?\s*",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^\s*(" + "|".join(f"(?P<{k}>{v})" for k, v in _LABELS.items()) + r")\s*(?::|\u2013|-\s)\s*",
    re.IGNORECASE,
)
# "Objective To reduce ..." (a dropped colon) is still a label: the word cannot start a
# sentence of an objective cell otherwise. Other labels need their colon.
_BARE_OBJECTIVE = re.compile(r"^\s*objectives?\s+(?=[A-Z])", re.IGNORECASE)


# A label that a PDF line wrap pulled up into the line before: "... workforce Objective: To".
_MID_LABEL = re.compile(r"(?<=\S)[ \t]+(?=(?:[Oo]bjectives?|[Aa]ims?)\s*:|Objectives?\s+[A-Z])")


def split_labelled(text: str) -> dict[str, str]:
    """Parts of a cell by label, e.g. {"indicator_text": "1: ...", "objective": "..."}.

    Lines are grouped under the last label seen; text before any label is returned under
    "" (the unlabelled part). "Indicator N: words" yields "indicator" (the number as text)
    and "indicator_words"."""
    parts: dict[str, list[str]] = {}
    current = ""
    for line in _MID_LABEL.sub("\n", text).split("\n"):
        current, rest = _classify(line, current, parts)
        if rest:
            parts.setdefault(current, []).append(rest)
    return {k: " ".join(v).strip() for k, v in parts.items() if " ".join(v).strip()
            or k == "indicator"}


def _classify(line: str, current: str, parts: dict[str, list[str]]) -> tuple[str, str]:
    indicator = _INDICATOR.match(line)
    if indicator and indicator.end() > 0:
        parts["indicator"] = [indicator.group(1)]
        return "indicator_words", line[indicator.end():].strip()
    bare = _BARE_OBJECTIVE.match(line)
    if bare:
        return "objective", line[bare.end():].strip()
    label = _LABEL_LINE.match(line)
    if label:
        name = next(k for k in _LABELS if label.group(k))
        return name, line[label.end():].strip()
    return current, line.strip()
