"""The gold files parse and agree with themselves under the project's scorer.

Feeding every gold file back to ``score.py`` as if it were an export must give 100% on
every figure; anything less means a gold file the scorer reads differently from how it
was meant (a bad key, a wrong type, an action text that pairs with the wrong row).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.samples.sample_files import (
    DOCS,
    GOLD,
    GOLD_ACTION_KEYS,
    SCORER,
    SPECS,
    gold_files,
    load_json,
    manifest_rows,
)

BAD_FILES = {
    "bad-scanned-no-text.pdf", "bad-truncated.pdf", "bad-password-protected.pdf",
    "bad-empty.docx", "bad-not-a-pdf.pdf",
}


def export_lines(golds: list[dict]) -> list[str]:
    """Gold actions as exported records: one line each, file fields copied in."""
    lines = []
    for gold in golds:
        for action in gold["actions"]:
            record = {"source_file": gold["file"], "trust": gold.get("trust"),
                      "period_start": gold.get("period_start"),
                      "period_end": gold.get("period_end"), **action}
            lines.append(json.dumps(record, ensure_ascii=False))
    return lines


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not SCORER.exists():
        pytest.skip(f"scorer not found at {SCORER}")
    export = tmp_path_factory.mktemp("export") / "gold-as-export.jsonl"
    export.write_text("\n".join(export_lines(gold_files())) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(export), "--json"],
        check=True, capture_output=True, text=True, timeout=300,
    )
    return json.loads(result.stdout)


def test_every_plan_gold_scores_full_marks(scored: dict) -> None:
    plan_golds = [g for g in gold_files() if g.get("expect") != "error"]
    assert {row["file"] for row in scored["files"]} == {g["file"] for g in plan_golds}
    for row in scored["files"]:
        assert row["gold"] > 0, row["file"]
        assert (row["recall"], row["precision"], row["fidelity"]) == (1.0, 1.0, 1.0), row["file"]
        wrong = {f: c for f, c in row["fields"].items() if c["accuracy"] != 1.0}
        assert not wrong, f"{row['file']}: {wrong}"
    assert scored["unknown_records"] == 0 and scored["bad_lines"] == 0


def test_every_field_was_scored(scored: dict) -> None:
    """Full marks mean little if a key was never compared; all gold keys must be."""
    scored_fields = set(scored["total"]["fields"])
    assert scored_fields >= GOLD_ACTION_KEYS
    assert {"trust", "period_start", "period_end"} <= scored_fields


def test_bad_inputs_expect_errors(scored: dict) -> None:
    errors = {e["file"]: e for e in scored["errors"]["documents"]}
    assert set(errors) == BAD_FILES
    assert all(e["ok"] for e in errors.values())


def test_gold_files_name_existing_documents() -> None:
    for path in sorted(GOLD.glob("*.json")):
        gold = load_json(path)
        assert path.name == f"{gold['file']}.json"
        assert (DOCS / gold["file"]).exists(), gold["file"]
    for doc in DOCS.iterdir():
        assert (GOLD / f"{doc.name}.json").exists(), f"{doc.name} has no gold file"


def test_plan_gold_is_its_spec() -> None:
    """Each plan document's gold holds its spec's actions and plan fields, unchanged."""
    specs = {p.stem: load_json(p) for p in sorted(SPECS.glob("*.json"))}
    listed = {row["file"] for row in manifest_rows()}
    for gold in gold_files():
        if gold.get("expect") == "error":
            assert gold["actions"] == []
            continue
        assert gold["file"] in listed
        stem = Path(gold["file"]).stem.removesuffix("-borderless")
        if stem not in specs:  # made by its own generator, gold written by hand
            assert all(GOLD_ACTION_KEYS | {"themes"} <= set(a) for a in gold["actions"])
            continue
        spec = specs[stem]
        assert gold["actions"] == spec["actions"]
        for key in ("trust", "period_start", "period_end"):
            assert gold[key] == spec[key], (gold["file"], key)
