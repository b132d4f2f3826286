"""The raw action: one action's texts by field, before the field parsers run.

Shared by the row walker and the key/value reader so both feed ``build_record`` alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from wres.normalise.context import Carry


@dataclass
class RawAction:
    """One action row's texts by field, before parsing into the canonical record."""

    values: dict[str, str]
    fills: dict[str, str | None]
    row_fills: list[str]
    context: dict[str, object]
    page: int | None
    table: int
    row: int
    rag_key_text: str = ""  # header cells and text above the table: may hold a RAG key


def context_values(carry: Carry) -> dict[str, object]:
    """The carried context an action takes with it when it is read."""
    return {"section": carry.section, "indicator": carry.indicator,
            "indicators": list(carry.indicators),
            "objective": carry.objective or carry.issue, "ref": carry.ref,
            "section_is_indicator": not (carry.banner or carry.heading)}
