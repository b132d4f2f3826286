"""Column-name lexicon: which canonical field a header cell names.

Why a lexicon plus fuzzy matching plus lemmas: trusts name the same column dozens of ways
("By who", "Lead officer", "Responsibility for action"). Exact synonyms catch the common
names, whole-word containment catches longer phrasings ("Expected date of completion"),
lemmas fold plurals ("Measures", "Timescales"), and rapidfuzz forgives typos ("Timescle").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

# Canonical targets. "issue" is the gap/problem an action addresses (it fills `objective`
# only where the plan states no objective); "context" ("What's already in place?") and
# "ignore" columns are read but not exported.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("item", "no", "ref", "reference", "number", "action no", "ref no", "id", "item no",
            "action number", "action ref", "#"),
    "section": ("theme", "section", "area", "domain", "workstream", "priority area", "category",
                "focus area", "strand", "area of focus", "key area", "work stream"),
    "indicator": ("wres indicator", "indicator", "wres metric", "metric", "wres standard",
                  "wres indicators", "indicator number", "related indicator", "wres ref"),
    "objective": ("objective", "aim", "goal", "what we want to achieve",
                  "strategic objective", "objective description", "ambition", "intent",
                  "what do we want to achieve", "aim objective"),
    "issue": ("issue", "gap", "problem", "issue identified", "what is the issue", "finding",
              "area for improvement", "identified issue", "rationale", "why", "concern",
              "challenge", "what the data tells us", "evidence of need", "key issue",
              "description", "objective description", "context"),
    "action": ("action", "agreed action", "task", "activity", "activity work piece",
               "what we will do", "what will we do", "action to be take", "action require",
               "planned action", "intervention", "initiative", "work piece", "deliverable",
               "action plan", "proposed action", "suggested action", "recommended action",
               "action we will take", "action to be taken", "key deliverable",
               "description of action",
               "action description", "action detail", "action title",
               "how will we do it", "what are we go to do", "what we be go to do", "commitment",
               "our response", "response", "plan response", "mitigation", "what will be do",
               "measure to be take", "actions require", "action point"),
    "steps": ("key action", "step", "milestone", "key step", "sub action", "key milestone",
              "implementation step", "sub task", "how"),
    "outcome": ("outcome", "desire outcome", "desirable outcome", "expect outcome", "detail",
                "details outcome to be achieve", "intended outcome", "impact", "benefit",
                "expect impact", "what will success look like", "result",
                "what difference will it make", "how will action be make sustainable",
                "sustainability", "expected outcome", "outcome to be achieve"),
    "measure": ("measure", "measure of success", "success measure", "kpi", "evidence",
                "success criterion", "how will we measure", "monitoring", "how will we know",
                "target", "metric of success", "success indicator", "kpi and timeline",
                "measurable outcome", "how success will be measure", "evidence of success",
                "evidence of impact", "how will success be measure", "key performance indicator",
                "performance indicator", "outcome measure", "kpi measure",
                "how we will measure", "how we will measure success", "how we will know",
                "how will we measure success", "how will we know we have succeed"),
    "owner": ("lead", "owner", "by who", "by whom", "responsible", "responsibility",
              "responsible person", "responsible lead", "lead officer", "who", "action owner",
              "responsibility for action", "lead person", "lead responsible", "named lead",
              "lead s", "responsible officer", "person responsible", "led by",
              "responsible manager", "operational lead", "delivery lead", "action lead"),
    # The accountable executive beside a doing lead: the owner only where no lead is named.
    "sponsor": ("executive lead", "exec lead", "accountable lead", "accountable",
                "senior responsible owner", "executive sponsor", "sponsor", "accountable officer",
                "accountable executive", "board sponsor", "sro", "senior responsible officer"),
    "due": ("timescale", "date", "due date", "target date", "deadline", "by when", "when",
            "expect date of completion", "action due date", "completion date", "timeframe",
            "time frame", "timeline", "target completion date", "date for completion",
            "due", "end date", "target", "delivery date", "time scale", "completion by",
            "by date", "target timescale", "date due", "end", "finish", "finish date",
            "quarter", "target quarter", "delivery quarter", "due quarter",
            "planned completion", "complete by"),
    "status": ("status", "progress", "update", "progress update", "status update",
               "date achieve progress", "date achieve", "evidence of progress", "comment",
               "current position", "progress to date", "position", "current status",
               "update on progress", "progress note", "progress made", "progress comment",
               "latest update", "commentary", "progress r a g"),
    "rag": ("rag", "rag rating", "rag status", "r a g", "rating", "rag rat", "brag",
            "rag progress", "red amber green"),
    "context": ("what s already in place", "already in place", "what be already in place",
                "current practice", "what we have do", "what we do now", "baseline"),
    "ignore": ("review date", "date add", "date of review", "last review", "date close",
               "date raise", "date open", "update date", "date for review", "priority",
               "priority level", "resource", "resources require", "cost", "budget",
               # when work began is not when it is due ("Timescale": "Start" | "End")
               "start", "start date", "date start", "commencement date", "date commence",
               "begin date", "date begin"),
}

FIELDS = tuple(SYNONYMS)
MATCH_MIN = 80.0
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class FieldMatch:
    field: str | None
    score: float  # 0..100
    synonym: str | None = None


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower case, words only, each word lemmatised: the form every comparison uses."""
    words = _WORD.findall(text.lower().replace("'", " ").replace("#", " number "))
    return " ".join(_lemma(w) for w in words)


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    from wres.normalise.lemmas import lemma

    return lemma(word)


@lru_cache(maxsize=1)
def _folded_synonyms() -> tuple[tuple[str, str, str], ...]:
    """(field, folded synonym, original) for every synonym, longest first."""
    rows = [(field, fold(s), s) for field, names in SYNONYMS.items() for s in names]
    return tuple(sorted(rows, key=lambda r: -len(r[1])))


@lru_cache(maxsize=4096)
def _whole_words(synonym: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z0-9]){re.escape(synonym)}(?![a-z0-9])")


def _containment(header: str, synonym: str) -> float:
    """Score for ``synonym`` appearing as whole words in ``header``: longer cover and an
    earlier position (the head of a column name comes first) score higher."""
    if synonym not in header:  # the cheap test first: most pairs fail it
        return 0.0
    match = _whole_words(synonym).search(header)
    if not match:
        return 0.0
    cover = len(synonym) / max(len(header), 1)
    early = 1.0 - match.start() / max(len(header), 1)
    return 78.0 + 14.0 * cover + 6.0 * early


def score_fields(header_text: str) -> dict[str, FieldMatch]:
    """Best score of every field for one header cell (used to settle clashes between
    columns: the runner-up field of a column matters when its best field is taken)."""
    return dict(_scored_fields(header_text))


@lru_cache(maxsize=8192)
def _scored_fields(header_text: str) -> tuple[tuple[str, FieldMatch], ...]:
    """Why cached: every cell of a table is asked whether it reads as a column name (header
    rows, label rows, key/value tables), and the same few texts recur on every page."""
    best: dict[str, FieldMatch] = {}
    for candidate in _candidates(header_text):
        for field, synonym, original in _folded_synonyms():
            score = _score(candidate, synonym)
            if score > best.get(field, FieldMatch(field, 0.0)).score:
                best[field] = FieldMatch(field, score, original)
    return tuple(best.items())


def _score(candidate: str, synonym: str) -> float:
    if not synonym:
        return 0.0
    if candidate == synonym:
        return 100.0
    score = _containment(candidate, synonym) if len(candidate) > len(synonym) else 0.0
    if score < MATCH_MIN and len(synonym) >= 5 and abs(len(candidate) - len(synonym)) < 4:
        score = max(score, fuzz.ratio(candidate, synonym) * 0.93)
    return score


def match_field(header_text: str) -> FieldMatch:
    """The canonical field a header cell names, with a 0..100 confidence."""
    scores = score_fields(header_text)
    if not scores:
        return FieldMatch(None, 0.0)
    best = max(scores.values(), key=lambda m: m.score)
    return best if best.score >= MATCH_MIN else FieldMatch(None, best.score, best.synonym)


def _candidates(header_text: str) -> list[str]:
    """The whole header and its first line (a key such as "Red = yet to begin" often
    follows the column name on later lines)."""
    whole = fold(header_text)
    first = fold(header_text.strip().split("\n", 1)[0]) if header_text else ""
    return [c for c in dict.fromkeys([first, whole]) if c]
