"""One extracted document -> its plan (trust, years) and canonical action records.

The entry point of the normaliser: pure, no I/O. Plan details come from the manifest when
given, else the title text, else the file name (the manifest wins: analysts know better
than a title page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wres.extractors.model import ExtractedDocument, Table
from wres.normalise.build import build_record
from wres.normalise.plan_info import merge_plan_info, plan_from_filename, plan_from_text
from wres.normalise.plan_parts import apply_part_periods
from wres.normalise.prose import prose_actions
from wres.normalise.prose_lists import listed_actions
from wres.normalise.themes import classify_many
from wres.normalise.walk import walk_tables
from wres.schema import ActionRecord, PlanInfo

TITLE_LINES = 25  # text blocks from the top of the document that may name trust and years


@dataclass
class NormalisedDocument:
    plan: PlanInfo
    actions: list[ActionRecord]
    mappings: list[dict] = field(default_factory=list)


def title_lines(document: ExtractedDocument) -> list[str]:
    """Text that can name the plan: the blocks before (and around) the first tables."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            lines.extend(block.context)
            continue
        lines.append(block.text)
        if len(lines) >= TITLE_LINES:
            break
    return list(dict.fromkeys(line for line in lines if line.strip()))


def plan_of(document: ExtractedDocument, source_file: str,
            hint: PlanInfo | None = None) -> PlanInfo:
    from_text = plan_from_text(title_lines(document))
    return merge_plan_info(hint or PlanInfo(), from_text, plan_from_filename(source_file))


def normalise_document(document: ExtractedDocument, source_file: str,
                       hint: PlanInfo | None = None) -> NormalisedDocument:
    """Canonical records of every action in ``document`` (the file called ``source_file``)."""
    plan = plan_of(document, source_file, hint)
    state = walk_tables(document.tables)
    # tables win where found, then labelled paragraphs, then lists under action headings
    raws = (state.actions or prose_actions(document.text_blocks)
            or listed_actions(document.text_blocks))
    built = [(raw, build_record(raw, source_file, plan)) for raw in raws]
    kept = [(raw, record) for raw, record in built if record is not None]
    records = [record for _, record in kept]
    apply_part_periods(document.tables, [raw for raw, _ in kept], records)
    found = classify_many([(r.action, r.objective) for r in records])
    for record, result in zip(records, found, strict=True):
        record.themes = result.themes
        record.theme_evidence = result.evidence
    return NormalisedDocument(plan=plan, actions=records, mappings=state.mappings)
