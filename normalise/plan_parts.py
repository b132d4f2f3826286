"""Several plans in one document: each action takes the period of its own plan.

Why: an annual WRES report often holds last year's plan with its progress and then next
year's plan. Each part sits under its own heading ("Part A: our 2022/23 action plan - end
of year progress", "Our action plan for 2023/24"); the document's title names only one
period. A table takes the period of the nearest such heading above it, and the tables after
it keep that period until the next one. Only where the document's tables name two or more
periods this way do actions get their own: a single plan keeps the document's period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from wres.extractors.model import Table
from wres.normalise.plan_info import years_from_lines
from wres.normalise.raw import RawAction
from wres.schema import ActionRecord

MAX_HEADING_WORDS = 18
_PLAN_WORDS = re.compile(r"\b(?:plans?|actions|priorities|commitments)\b", re.IGNORECASE)
_RANGE = re.compile(r"\b20\d{2}\s*(?:-|–|—|/|\bto\b)\s*(?:20)?\d{2}\b")
# a heading about data, or about actions that came from an earlier plan into this one
_NOT_A_PLAN = re.compile(r"\b(?:data|results?|survey|figures|report(?:ed|ing)? on|carried|"
                         r"brought forward|(?:from|since)\s+20\d{2})\b", re.IGNORECASE)

Period = tuple[int, int]


def heading_period(lines: Sequence[str]) -> Period | None:
    """The period the nearest plan heading among ``lines`` names, if any."""
    for line in reversed(lines):
        words = line.split()
        if not words or len(words) > MAX_HEADING_WORDS:
            continue
        if _PLAN_WORDS.search(line) and _RANGE.search(line) and not _NOT_A_PLAN.search(line):
            return years_from_lines([line])
    return None


def table_periods(tables: Sequence[Table]) -> dict[int, Period]:
    """Per table index, the period of the plan part it belongs to."""
    periods: dict[int, Period] = {}
    current: Period | None = None
    for table in tables:
        current = heading_period(table.context) or current
        if current is not None:
            periods[table.index] = current
    return periods


def apply_part_periods(tables: Sequence[Table], raws: Sequence[RawAction],
                       records: Sequence[ActionRecord]) -> None:
    """Give each record its own plan's period where the document holds several plans."""
    periods = table_periods(tables)
    used = {periods[raw.table] for raw in raws if raw.table in periods}
    if len(used) < 2:
        return
    for raw, record in zip(raws, records, strict=True):
        if raw.table in periods:
            record.period_start, record.period_end = periods[raw.table]
