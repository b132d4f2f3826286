"""Reading the sample specs (``samples/specs/*.json``, format in ``SPEC.md``).

Why a module of its own: the Word writer, the reportlab writer and the gold writer all walk
the same cells, so the spelling rules of a cell (a plain string or an object with ``text``,
``span``, ``vmerge``, ``fill``, ``bold``) are settled once here, and a spec whose spans do
not add up is refused before any file is written rather than producing a skewed table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

HEADER_FILL = "D9D9D9"  # SPEC.md: header rows are grey unless a fill is given


class SpecError(ValueError):
    """A spec that cannot be turned into a document; the message names the spec and place."""


@dataclass(frozen=True)
class SpecCell:
    """One cell of a spec row with every default filled in."""

    text: str = ""
    span: int = 1
    vmerge: str | None = None  # "restart", "continue" or None
    fill: str | None = None  # "RRGGBB" upper case
    bold: bool = False

    @property
    def paragraphs(self) -> list[str]:
        """The cell's paragraphs: SPEC.md makes every newline a paragraph break."""
        return self.text.split("\n")


def parse_cell(raw: str | dict, header: bool) -> SpecCell:
    """Turn a spec cell into a ``SpecCell``; header cells are bold and grey by default."""
    if isinstance(raw, str):
        raw = {"text": raw}
    fill = raw.get("fill") or (HEADER_FILL if header else None)
    return SpecCell(
        text=str(raw.get("text") or ""),
        span=int(raw.get("span", 1)),
        vmerge=raw.get("vmerge"),
        fill=fill.upper() if fill else None,
        bold=bool(raw.get("bold", header)),
    )


def table_rows(block: dict) -> list[list[SpecCell]]:
    """All rows of a table block as ``SpecCell`` lists, header rows marked as such."""
    header_rows = int(block.get("header_rows", 0))
    return [
        [parse_cell(raw, index < header_rows) for raw in row]
        for index, row in enumerate(block["rows"])
    ]


def check_table(stem: str, block_index: int, block: dict) -> None:
    """Refuse a table whose rows do not each cover exactly ``len(widths)`` columns."""
    n_cols = len(block["widths"])
    for row_index, row in enumerate(table_rows(block)):
        covered = sum(cell.span for cell in row)
        if covered != n_cols:
            raise SpecError(
                f"{stem}: block {block_index} row {row_index} spans {covered} columns, "
                f"widths give {n_cols}"
            )


def load_spec(path: Path) -> dict:
    """Load one spec and check the parts the writers rely on."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    stem = spec.get("stem") or path.stem
    if stem != path.stem:
        raise SpecError(f"{path.name}: stem {stem!r} does not match the file name")
    for key in ("trust", "period_start", "period_end", "blocks", "actions"):
        if key not in spec:
            raise SpecError(f"{stem}: missing key {key!r}")
    for index, block in enumerate(spec["blocks"]):
        if block.get("type") == "table":
            check_table(stem, index, block)
    return spec


def load_specs(spec_dir: Path, only: str | None = None) -> list[dict]:
    """Every spec in ``spec_dir`` in name order, or just the one whose stem is ``only``."""
    paths = sorted(spec_dir.glob("*.json"))
    if only is not None:
        paths = [p for p in paths if p.stem == only]
        if not paths:
            raise SpecError(f"no spec named {only}.json in {spec_dir}")
    return [load_spec(p) for p in paths]


def title_of(spec: dict) -> str:
    """The document's title: its first title block, else the trust and period."""
    for block in spec["blocks"]:
        if block.get("type") == "title":
            return str(block.get("text", ""))
    return f"{spec['trust']} WRES Action Plan {spec['period_start']}-{spec['period_end']}"
