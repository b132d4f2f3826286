"""Raw action rows -> canonical ``ActionRecord``s: the field parsers applied in one place.

Why here and not in the walker: the walker only knows which cell holds which field; parsing
dates, RAG, owners and refs needs the plan's years and the column header's RAG key, and is
the same whatever layout the row came from.
"""

from __future__ import annotations

import re

from wres.normalise.dates import parse_due
from wres.normalise.owners import split_owners
from wres.normalise.rag import rag_from_fill, rag_from_text, rag_key_from_text
from wres.normalise.raw import RawAction
from wres.schema import ActionRecord, PlanInfo

TEXT_FIELDS = ("steps", "outcome", "measure", "owner", "due", "status")


def flat(text: object) -> str | None:
    """A cell's paragraphs joined with one space, or None when nothing is there."""
    if not isinstance(text, str):
        return None
    folded = " ".join(text.split())
    return folded or None


def clean_ref(text: str | None) -> str | None:
    """"1." -> "1", "(4)" -> "4", "Item 3" -> "3": the item number as printed."""
    if not text:
        return None
    folded = " ".join(text.split())
    folded = re.sub(r"^(?:item|ref|no\.?|action)\s*", "", folded, flags=re.IGNORECASE)
    folded = folded.strip("().: ")
    return folded or None


_LEADING_REF = re.compile(r"^\(?(\d{1,2}(?:\.\d{1,2}){0,2})[.):]?\s+(?=[A-Z])")


def split_leading_ref(action: str) -> tuple[str | None, str]:
    """"1.1 Introduce ..." -> ("1.1", "Introduce ..."): the item number printed at the
    start of the action where the plan has no column for it. A count that starts a
    sentence ("12 week programme") is no number: the next word must be capitalised."""
    match = _LEADING_REF.match(action)
    if match is None:
        return None, action
    return match[1], action[match.end():]


def rag_of(raw: RawAction) -> str | None:
    """A RAG word in the rating or status cell first, then those cells' shading, then any
    saturated RAG shading on the row (SPEC.md: word, else colour)."""
    key = rag_key_from_text(raw.rag_key_text) if raw.rag_key_text else {}
    for name in ("rag", "status"):
        found = rag_from_text(raw.values.get(name), key)
        if found:
            return found
    for name in ("rag", "status"):
        found = rag_from_fill(raw.fills.get(name))
        if found:
            return found
    for fill in raw.row_fills:
        found = rag_from_fill(fill)
        if found:
            return found
    return None


def build_record(raw: RawAction, source_file: str, plan: PlanInfo) -> ActionRecord | None:
    """The canonical record of one raw action; None when its action text is empty."""
    action = flat(raw.values.get("action"))
    if not action:
        return None
    printed_ref = clean_ref(raw.values.get("ref"))
    if printed_ref is None:
        printed_ref, action = split_leading_ref(action)
    texts = {name: flat(raw.values.get(name)) for name in TEXT_FIELDS}
    return ActionRecord(
        source_file=source_file,
        trust=plan.trust,
        period_start=plan.period_start,
        period_end=plan.period_end,
        page=raw.page,
        ref=printed_ref or clean_ref(raw.context.get("ref")),
        section=flat(raw.context.get("section")),
        indicator=raw.context.get("indicator"),
        indicators=list(raw.context.get("indicators") or []),
        objective=flat(raw.context.get("objective")),
        action=action,
        owners=split_owners(raw.values.get("owner")),  # line breaks separate owners
        due_date=parse_due(texts["due"], plan.period_start, plan.period_end),
        rag=rag_of(raw),
        **texts,
    )
