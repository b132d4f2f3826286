"""Plans written as lists: bullet or numbered items under an action heading or lead-in.

Why: a WRES report with neither an action table nor labelled paragraphs often states its
actions as a list: "Over the next year we will:" then bullets, or an "Our actions" heading
over a numbered list, under "Indicator N: ..." headings. Each item is one action; the
heading above gives its indicator and section, a printed number its ref.

What is not an action: a list under any other heading or lead-in ("Key findings:"), and
the paragraph after a list, which closes it. Read only when a document gives no action by
any other way, so a table or labelled paragraphs always win.
"""

from __future__ import annotations

import re

from wres.extractors.model import TextBlock
from wres.normalise.lexicon import match_field
from wres.normalise.prose import LABEL_SCORE, Context, enter_heading, is_heading, split_parts
from wres.normalise.raw import RawAction

MIN_ITEM_WORDS = 4
_ITEM_START = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u25e6\uf0b7\uf0a7\u27a2*\-\u2013]|\(?(?P<num>\d{1,2}"
    r"(?:\.\d{1,2})?|[a-h])[.)])\s+(?P<text>\S.*)$")
_LEAD_IN = re.compile(r"\b(?:we\s+will|we\s+plan\s+to|we\s+are\s+going\s+to|we\s+commit\s+to|"
                      r"we\s+intend\s+to|our\s+actions?|actions?)\b[^.:]*:\s*$", re.IGNORECASE)


def _opens_list(text: str, heading: bool) -> bool:
    """An action heading ("Our actions", "What we will do", "Next steps") or a lead-in
    ending in a colon ("Over the next year we will:")."""
    flat = " ".join(text.split())
    if heading:
        found = match_field(flat.rstrip(":"))
        return found.field in ("action", "steps") and found.score >= LABEL_SCORE
    return bool(_LEAD_IN.search(flat))


def list_items(block: TextBlock) -> list[tuple[str | None, str]]:
    """(number or None, text) of each list item in a block: a Word list paragraph is one
    item; in a PDF block each line that starts with a bullet or number opens one, and
    lines without continue it. Empty when the block is no list."""
    lines = [line for line in block.text.split("\n") if line.strip()]
    listed = (block.style or "").lower().startswith("list")
    items: list[tuple[str | None, str]] = []
    for line in lines:
        match = _ITEM_START.match(line)
        if match:
            items.append((match["num"], match["text"].strip()))
        elif items:
            items[-1] = (items[-1][0], f"{items[-1][1]} {line.strip()}")
        elif listed:
            items.append((None, line.strip()))
        else:
            return []
    return items


def listed_actions(blocks: list[TextBlock]) -> list[RawAction]:
    """Raw actions of the list items under action headings and lead-ins (document order)."""
    context, found, open_list = Context(), [], False
    for index, block in enumerate(blocks):
        if block.style == "furniture":
            continue
        items = list_items(block)
        if items and open_list:
            found.extend(_action(num, text, context, block, index) for num, text in items
                         if len(text.split()) >= MIN_ITEM_WORDS)
            continue
        heading = not items and is_heading(block, split_parts(block.text))
        open_list = _opens_list(block.text, heading)
        if heading and not open_list:
            enter_heading(block.text, context)
    return found


def _action(number: str | None, text: str, context: Context, block: TextBlock,
            index: int) -> RawAction:
    values = {"action": text}
    if number and number[0].isdigit():
        values["ref"] = number
    return RawAction(values=values, fills={}, row_fills=[], context=context.carried(),
                     page=block.page, table=-1, row=index)
