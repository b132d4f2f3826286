"""Plans written as prose: actions as labelled paragraphs under headings.

Why: some WRES reports have no action table. Under headings ("Indicator 2: Relative
likelihood of appointment") each action is a labelled paragraph, "Action 2.1: Introduce
...", followed by "Lead: ...", "Timescale: ...", "Progress: ..." lines, or with all the
labels inside one paragraph. Labels are read with the column lexicon (``match_field``), so
"Responsible", "By when", "Target date" or "Update" work as their column names do.

What is not an action: a paragraph without a label ("The actions below were agreed with the
network."), and a label that is not a field name ("Action on bullying: we consulted...").
An action ends at the next heading, the next action, or the next unlabelled paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wres.extractors.model import TextBlock
from wres.normalise.context import indicator_of_heading, section_from_heading
from wres.normalise.indicators import indicators_of_cell
from wres.normalise.lexicon import match_field
from wres.normalise.raw import RawAction

LABEL_SCORE = 88.0  # a label must name a field about as plainly as a column header does
START_SCORE = 92.0  # "Action 2.1:" or "What we will do:", not "Action on bullying:"
MAX_LABEL_WORDS = 5
MIN_ACTION_WORDS = 3
MAX_HEADING_WORDS = 14
SHORT_LINE_SHARE = 0.6  # a line this much shorter than the widest ended its paragraph
ACTION_FIELDS = frozenset({"owner", "due", "status", "rag", "outcome", "measure", "steps",
                           "sponsor"})
CONTEXT_FIELDS = frozenset({"objective", "issue"})
HEADING_FIELDS = frozenset({"indicator", "section"})
_REF = r"(?P<ref>\(?[A-Za-z]?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?\)?)"
_LABEL_AT_START = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\-*]\s*)?(?P<label>[A-Za-z][A-Za-z'/&() ]{0,40}?)\s*"
    + _REF + r"?\s*(?::|\s[\u2013\u2014-]\s)\s*(?P<value>\S.*)$", re.DOTALL)
_PLURAL = re.compile(r"(?<!s)s\s*$", re.IGNORECASE)
_INLINE_LABEL = re.compile(r"(?:(?<=[.;)])|(?<=[.;)]\s))\s*(?=[A-Z][A-Za-z'/ ]{0,30}:\s)")


@dataclass
class _Block:
    """One action being read: its field texts and where it was found."""

    values: dict[str, str] = field(default_factory=dict)
    page: int | None = None
    index: int = 0


@dataclass
class Context:
    section: str | None = None
    indicator: int | None = None
    indicators: list[int] = field(default_factory=list)
    objective: str | None = None

    def carried(self) -> dict:
        """What the headings above give an action, in a raw action's context shape."""
        return {"section": self.section, "indicator": self.indicator,
                "indicators": list(self.indicators), "objective": self.objective,
                "ref": None, "section_is_indicator": False}


def labelled_part(text: str) -> tuple[str | None, str | None, str, float]:
    """(field, ref, value, score) of a line that starts with a field label, else
    (None, None, text, 0)."""
    match = _LABEL_AT_START.match(text)
    if not match or len(match["label"].split()) > MAX_LABEL_WORDS:
        return None, None, text, 0.0
    found = match_field(match["label"])
    if found.field is None or found.score < LABEL_SCORE:
        return None, None, text, 0.0
    score = found.score
    if found.field == "action" and not match["ref"] and _PLURAL.search(match["label"]):
        score = min(score, START_SCORE - 1)  # "Actions: see the appendix" heads a list
    return found.field, match["ref"], match["value"].strip(), score


def split_parts(text: str) -> list[tuple[str | None, str | None, str, float]]:
    """The labelled parts of one block: a line or a sentence that starts with a label
    opens a part; text without one continues the part before (a wrapped line), unless the
    line before it ended short of the margin: then it is a paragraph of its own ("RAG:
    Green" and, on the next line of the same PDF block, "Our staff survey shows...")."""
    flat = text.replace("\n", " ")
    labelled, after_short = _line_starts(text)
    cuts = {0, *labelled, *after_short, *(m.end() for m in _INLINE_LABEL.finditer(flat))}
    bounds = sorted(cuts) + [len(flat)]
    parts: list[tuple[str | None, str | None, str, float]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = " ".join(flat[start:end].split())
        if not piece:
            continue
        part = labelled_part(piece)
        if part[0] is None and parts and start not in after_short:
            name, ref, value, score = parts[-1]
            parts[-1] = (name, ref, f"{value} {piece}", score)
        else:
            parts.append(part)
    return [_without_separator(part, index < len(parts) - 1)
            for index, part in enumerate(parts)]


def _line_starts(text: str) -> tuple[list[int], set[int]]:
    """Offsets of the lines that start with a label, and of the lines that follow a line
    ending well short of the block's widest one (other lines are wrapped text)."""
    lines = text.split("\n")
    widest = max(len(line.strip()) for line in lines)
    labelled, after_short, offset = [], set(), 0
    for number, line in enumerate(lines):
        if offset and labelled_part(line)[0] is not None:
            labelled.append(offset)
        elif number and len(lines[number - 1].strip()) < SHORT_LINE_SHARE * widest:
            after_short.add(offset)
        offset += len(line) + 1
    return labelled, after_short


def _without_separator(part: tuple, followed: bool) -> tuple:
    """"Lead: Recruitment Manager. By when: ..." : the full stop before the next label
    separates the parts; it is not the owner's."""
    name, ref, value, score = part
    if followed and name not in (None, "action"):
        value = value.rstrip(" .;,")
    return name, ref, value, score


def is_heading(block: TextBlock, parts: list) -> bool:
    style = (block.style or "").lower()
    if parts and parts[0][0] in HEADING_FIELDS:
        return True
    if parts and parts[0][0] is not None:
        return False
    words = block.text.split()
    return style.startswith(("heading", "title")) or (
        0 < len(words) <= MAX_HEADING_WORDS and "\n" not in block.text.strip()
        and not block.text.rstrip().endswith((".", ",", ":", ";")))


def prose_actions(blocks: list[TextBlock]) -> list[RawAction]:
    """Raw actions of the labelled action paragraphs among ``blocks`` (document order)."""
    context, current, found = Context(), None, []
    for index, block in enumerate(blocks):
        if block.style == "furniture":
            continue
        parts = split_parts(block.text)
        if is_heading(block, parts):
            current = _close(current, context, found)
            enter_heading(block.text, context)
            continue
        for name, ref, value, score in parts:
            current = _take_part(name, ref, value, score, current, context, found, block,
                                 index)
        if parts and parts[0][0] is None:
            current = _close(current, context, found)
    _close(current, context, found)
    return found


def _take_part(name, ref, value, score, current, context, found, block, index):
    """Add one labelled part to the action being read, or start or end one."""
    if name == "action" and score >= START_SCORE and len(value.split()) >= MIN_ACTION_WORDS:
        _close(current, context, found)
        current = _Block(values={"action": value}, page=block.page, index=index)
        if ref:
            current.values["ref"] = ref
    elif name in ACTION_FIELDS and current is not None:
        previous = current.values.get(name)
        current.values[name] = f"{previous}\n{value}" if previous else value
    elif name in CONTEXT_FIELDS:
        current = _close(current, context, found)
        context.objective = value
    elif name is None:
        current = _close(current, context, found)
    return current


def enter_heading(text: str, context: Context) -> None:
    first_line = text.strip().split("\n", 1)[0]
    context.section = section_from_heading(" ".join(text.split()))
    context.indicators = indicators_of_cell(first_line)
    context.indicator = indicator_of_heading(first_line)
    context.objective = None


def _close(current: _Block | None, context: Context, found: list[RawAction]) -> None:
    """Store the action being read (if any); always returns None, the next 'current'."""
    if current is None:
        return None
    if "owner" not in current.values and "sponsor" in current.values:
        current.values["owner"] = current.values["sponsor"]  # the only person named
    found.append(RawAction(
        values=current.values, fills={}, row_fills=[],
        context=context.carried(), page=current.page, table=-1, row=current.index))
    return None
