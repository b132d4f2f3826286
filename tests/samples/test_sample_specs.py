"""The hand-written specs are well-formed: tables add up and the gold answers are complete.

These checks are written independently of the generator's own checks, so a spec that the
generator would silently mis-draw still fails here.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.samples.sample_files import GOLD_ACTION_KEYS, load_json, spec_paths

SPECS = spec_paths()
RAGS = {"red", "amber", "green", "blue"}


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def cell_dict(raw: str | dict) -> dict:
    return {"text": raw} if isinstance(raw, str) else raw


def tables(spec: dict) -> list[dict]:
    return [b for b in spec["blocks"] if b.get("type") == "table"]


@pytest.fixture(params=SPECS, ids=[p.stem for p in SPECS])
def spec(request: pytest.FixtureRequest) -> dict:
    data = load_json(request.param)
    data["_file_stem"] = request.param.stem
    return data


def test_there_are_specs() -> None:
    assert SPECS, "samples/specs/ holds no spec"


def test_header_fields(spec: dict) -> None:
    assert spec["stem"] == spec["_file_stem"]
    assert spec["trust"] is None or spec["trust"].strip()
    assert isinstance(spec["period_start"], int) and isinstance(spec["period_end"], int)
    assert 2000 <= spec["period_start"] <= spec["period_end"] <= 2100
    prose = any(b["type"] == "paragraph" and ":" in b["text"] for b in spec["blocks"])
    assert tables(spec) or prose, "a plan without a table or labelled paragraphs"
    known = {"title", "heading", "paragraph", "page_break", "table"}
    assert {b["type"] for b in spec["blocks"]} <= known


def test_every_row_spans_the_widths(spec: dict) -> None:
    for t_index, table in enumerate(tables(spec)):
        widths = table["widths"]
        assert all(isinstance(w, (int, float)) and w > 0 for w in widths)
        assert 0 <= table.get("header_rows", 0) <= len(table["rows"])
        for r_index, row in enumerate(table["rows"]):
            spans = [cell_dict(c).get("span", 1) for c in row]
            assert sum(spans) == len(widths), f"table {t_index} row {r_index}: spans {spans}"


def test_merges_and_fills_are_valid(spec: dict) -> None:
    for table in tables(spec):
        above: dict[int, dict] = {}  # column start -> cell in the row above
        for r_index, row in enumerate(table["rows"]):
            col, here = 0, {}
            for raw in row:
                cell = cell_dict(raw)
                if cell.get("fill") is not None:
                    assert re.fullmatch(r"[0-9A-Fa-f]{6}", cell["fill"]), cell["fill"]
                vmerge = cell.get("vmerge")
                assert vmerge in (None, "restart", "continue")
                if vmerge == "continue":
                    assert not cell.get("text"), f"row {r_index}: a continue cell with text"
                    assert above.get(col, {}).get("vmerge") in ("restart", "continue"), (
                        f"row {r_index} col {col}: continue without a merge above"
                    )
                here[col] = cell
                col += cell.get("span", 1)
            above = here


def test_every_action_has_every_key(spec: dict) -> None:
    assert spec["actions"], "no gold actions"
    for action in spec["actions"]:
        missing = GOLD_ACTION_KEYS - set(action)
        assert not missing, f"{action.get('action', '')[:40]!r} lacks {sorted(missing)}"
        assert isinstance(action["action"], str) and action["action"].strip()
        assert isinstance(action["owners"], list)
        assert all(isinstance(o, str) and o.strip() for o in action["owners"])
        assert action["rag"] is None or action["rag"] in RAGS
        assert action["indicator"] is None or 1 <= action["indicator"] <= 9
        assert action["ref"] is None or isinstance(action["ref"], str)


def test_due_dates_are_iso(spec: dict) -> None:
    for action in spec["actions"]:
        due_date = action["due_date"]
        if due_date is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", due_date), due_date
            dt.date.fromisoformat(due_date)


def test_gold_texts_are_printed_in_the_document(spec: dict) -> None:
    """Action, owner, due and status are "as printed": each must be some cell's text."""
    cells = [
        fold(cell_dict(raw).get("text", "").replace("\n", " "))
        for table in tables(spec) for row in table["rows"] for raw in row
    ] + [fold(line) for b in spec["blocks"] if b["type"] == "paragraph"
         for line in b["text"].split("\n")]
    for action in spec["actions"]:
        for key in ("action", "owner", "due", "status"):
            value = action[key]
            if value:
                assert any(fold(value) in cell for cell in cells), f"{key}: {value[:60]!r}"
