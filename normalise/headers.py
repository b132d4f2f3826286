"""Find header rows and map a table's columns onto canonical fields.

Why scan every row, not only the first: plans repeat a header per block (one per issue),
per page, or put it below a title row. A row is a header when most of its short cells name
known fields; the mapping it gives holds for the rows below it until the next header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wres.normalise.dates import is_open_ended, parse_due
from wres.normalise.lexicon import MATCH_MIN, FieldMatch, match_field, score_fields

MAX_HEADER_WORDS = 16  # a header cell's words, not counting key lines ("Red = yet to begin")
MIN_HEADER_SCORE = 86.0  # mean score of a header's named cells: body text scores ~78-85
# Fields that show a row of names is an action plan's header, not a key/value pair.
PLAN_FIELDS = frozenset({"action", "steps", "owner", "due", "status", "measure", "objective",
                         "issue", "outcome", "rag"})
UNIQUE_EXEMPT = frozenset({"ignore", "context"})
SUBHEADER_WORDS = 6
DATE_SHARE = 0.6  # this share of a column's values being dates makes it the due column
DATE_WORDS = 6  # a due cell is short ("Q3 2024/25 and on-going"); prose naming a date is not
_MONTH_NAMES = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|"
                r"march|april|june|july|august|september|october|november|december")
# columns of a timeline ("Q1", "Quarter 3", "Apr-Jun", "2024/25", "Year 2", "H1", "May 24")
_PERIOD_COLUMN = re.compile(
    r"^\s*(?:q[1-4]|quarter\s*[1-4]|h[12]|year\s*[1-5]|(?:fy\s*)?20\d{2}(?:\s*[/-]\s*\d{2,4})?|"
    r"(?:" + _MONTH_NAMES + r")\.?(?:\s*[-/]\s*(?:" + _MONTH_NAMES + r"))?(?:[\s'-]*\d{2,4})?)"
    r"(?:\s+(?:20\d{2}(?:\s*[/-]\s*\d{2,4})?))?\s*$", re.IGNORECASE)
_REF_VALUE = re.compile(r"^\(?[A-Za-z]?\d{1,3}(?:[.\-]\d{1,3}){0,2}[.)]?[a-z]?$")


@dataclass
class ColumnMap:
    """Which field each column holds, how sure we are, and the header that said so."""

    fields: dict[int, str] = field(default_factory=dict)
    scores: dict[int, float] = field(default_factory=dict)
    headers: dict[int, str] = field(default_factory=dict)
    header_row: int | None = None
    inferred: dict[int, str] = field(default_factory=dict)  # columns mapped from content
    key_text: str = ""  # header cells in full and text above the table: may hold a RAG key
    periods: list[int] = field(default_factory=list)  # a timeline's columns ("Q1".."Q4")

    @property
    def confidence(self) -> float:
        values = list(self.scores.values())
        return round(sum(values) / len(values) / 100, 3) if values else 0.0

    def column_of(self, name: str) -> int | None:
        for col, mapped in self.fields.items():
            if mapped == name:
                return col
        return None

    def summary(self) -> dict[str, str]:
        return {self.headers.get(c, f"col {c}"): f for c, f in sorted(self.fields.items())}


def header_map(texts: list[str]) -> ColumnMap | None:
    """A ColumnMap if this row of cell texts reads as an action-plan header, else None."""
    cells = [(col, text) for col, text in enumerate(texts) if text.strip()]
    if len(cells) < 2 or any(_name_words(t) > MAX_HEADER_WORDS for _, t in cells):
        return None
    mapping = assign_columns({col: score_fields(text) for col, text in cells})
    timeline = "action" in mapping.fields.values()  # a table of figures by year is no plan
    for col, text in cells:
        if timeline and col not in mapping.fields and _PERIOD_COLUMN.match(text):
            mapping.fields[col], mapping.scores[col] = "ignore", 100.0  # a Gantt's "Q1"
            mapping.periods.append(col)
    named = len(mapping.fields)
    if named < 2 or named < 0.6 * len(cells) or mapping.confidence * 100 < MIN_HEADER_SCORE:
        return None
    if not PLAN_FIELDS & set(mapping.fields.values()):
        return None
    for col, text in cells:
        mapping.headers[col] = text.strip().split("\n", 1)[0]
    mapping.key_text = "\n".join(text for _, text in cells)
    return mapping


def _name_words(text: str) -> int:
    """Words of a would-be column name, leaving out lines of a RAG key ("Red = ...")."""
    return sum(len(line.split()) for line in text.split("\n") if "=" not in line)


def same_layout(first: ColumnMap, second: ColumnMap) -> bool:
    """Two headers agree on at least two columns: a repeat of the header, or a block
    header of the same plan with a renamed column."""
    agree = sum(1 for col, name in second.fields.items() if first.fields.get(col) == name)
    return agree >= 2


def assign_columns(candidates: dict[int, dict[str, FieldMatch]]) -> ColumnMap:
    """Greedy best-first assignment: each field to one column (the best-scoring), so that
    "Key actions" beside "Activity" yields steps and action, not two actions."""
    triples = sorted(
        ((m.score, col, name) for col, scores in candidates.items()
         for name, m in scores.items() if m.score >= MATCH_MIN),
        reverse=True,
    )
    mapping = ColumnMap()
    taken: set[str] = set()
    for score, col, name in triples:
        if col in mapping.fields or (name in taken and name not in UNIQUE_EXEMPT):
            continue
        mapping.fields[col] = name
        mapping.scores[col] = score
        taken.add(name)
    _free_up_fields(mapping, candidates)
    return mapping


def _free_up_fields(mapping: ColumnMap, candidates: dict[int, dict[str, FieldMatch]]) -> None:
    """Name a column the greedy pass left out by moving the column that took its field to
    its own next-best free field: "Progress as at March" | "Status (RAG)" is status and
    rag, not "Status (RAG)" as status and the progress column lost."""
    for col in sorted(set(candidates) - set(mapping.fields)):
        for name, match in sorted(candidates[col].items(), key=lambda kv: -kv[1].score):
            holder = mapping.column_of(name)
            if match.score < MATCH_MIN or holder is None or name in UNIQUE_EXEMPT:
                continue
            taken = set(mapping.fields.values())
            spare = [(m.score, other) for other, m in candidates[holder].items()
                     if m.score >= MATCH_MIN and other not in taken]
            if spare:
                mapping.fields[holder], mapping.scores[holder] = max(spare)[1], max(spare)[0]
                mapping.fields[col], mapping.scores[col] = name, match.score
                break


def looks_like_ref(text: str) -> bool:
    """"1", "1.1", "2.", "3a", "A1", "(4)": a plan's own item number."""
    return bool(_REF_VALUE.match(text.strip()))


def infer_unnamed_columns(mapping: ColumnMap, rows: list[list[str]]) -> None:
    """Give a field to columns the header left unnamed, from what they hold: an unnamed
    first column of item numbers is the ref (Kent 2019-20 has no header over it)."""
    for col in range(len(rows[0]) if rows else 0):
        if col in mapping.fields or "ref" in mapping.fields.values():
            continue
        values = [r[col].strip() for r in rows if col < len(r) and r[col].strip()]
        if values and sum(looks_like_ref(v) for v in values) >= 0.8 * len(values):
            mapping.fields[col] = "ref"
            mapping.scores[col] = 70.0
            mapping.inferred[col] = "ref"


def refine_with_subheader(mapping: ColumnMap, spans: dict[int, int],
                          sub_texts: dict[int, str]) -> bool:
    """A second header row under cells merged across ("Responsibility" over "Executive
    lead" | "Operational lead") names the columns under them. ``spans`` gives the first
    column and width of each spanning header cell; ``sub_texts`` the texts of the row below.
    Returns True when the row below was such a sub-header (and ``mapping`` was refined)."""
    covered = {c: start for start, width in spans.items() for c in range(start, start + width)}
    if not sub_texts or any(c not in covered for c in sub_texts) or any(
            len(t.split()) > SUBHEADER_WORDS for t in sub_texts.values()):
        return False
    for start in {covered[c] for c in sub_texts}:
        parent = mapping.fields.pop(start, None)
        mapping.scores.pop(start, None)
        taken = set(mapping.fields.values())
        for col in range(start, start + spans[start]):
            found = match_field(sub_texts.get(col, ""))
            if found.field in UNIQUE_EXEMPT:  # "Start" under "Timescale": not the due date
                continue
            name = found.field if found.field and found.field not in taken else None
            if name is None and parent and parent not in taken:
                name = parent
            if name:
                mapping.fields[col], mapping.scores[col] = name, max(found.score, 80.0)
                mapping.headers[col] = sub_texts.get(col, "")
                taken.add(name)
    return True


def promote_stand_ins(mapping: ColumnMap, below: list[list[str]]) -> None:
    """Fill the roles a plan must have from the best stand-in columns: the accountable
    executive is the owner when no lead is named; with no column named as the action, the
    unnamed column with the most text is, else steps, objective, issue, outcome."""
    if mapping.column_of("owner") is None and mapping.column_of("sponsor") is not None:
        mapping.fields[mapping.column_of("sponsor")] = "owner"
    if mapping.column_of("action") is not None:
        return
    unnamed = [c for c in mapping.headers if c not in mapping.fields]
    if unnamed:
        mapping.fields[max(unnamed, key=lambda c: _mean_length(below, c))] = "action"
        return
    for name in ("steps", "objective", "issue", "outcome"):
        col = mapping.column_of(name)
        if col is not None:
            mapping.fields[col] = "action"
            return


def _mean_length(rows: list[list[str]], col: int) -> float:
    values = [len(r[col]) for r in rows if col < len(r) and r[col].strip()]
    return sum(values) / len(values) if values else 0.0


def settle_by_values(mapping: ColumnMap, below: list[list[str]]) -> None:
    """A name that fits two fields ("Target": a date or a measure) is settled by what the
    column holds: short dates make it the due column, anything else the measure, when the
    other field has no column of its own."""
    taken = set(mapping.fields.values())
    for col, name in list(mapping.fields.items()):
        other = {"measure": "due", "due": "measure"}.get(name)
        if other is None or other in taken:
            continue
        alternative = score_fields(mapping.headers.get(col, "")).get(other)
        if alternative is None or alternative.score < MATCH_MIN:
            continue
        values = [r[col] for r in below if col < len(r) and r[col].strip()]
        dated = sum(1 for v in values if len(v.split()) <= DATE_WORDS
                    and (parse_due(v) or is_open_ended(v)))
        if values and (dated >= DATE_SHARE * len(values)) == (other == "due"):
            mapping.fields[col] = other
            taken = set(mapping.fields.values())
