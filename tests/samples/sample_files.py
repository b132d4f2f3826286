"""Where the committed samples live, and small readers for them (not a test module).

Why beside the tests instead of in ``tests/conftest.py``: that file is shared with other
packages' tests; these helpers only concern the samples.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
SPECS = SAMPLES / "specs"
DOCS = SAMPLES / "docs"
GOLD = SAMPLES / "gold"
MANIFEST = SAMPLES / "manifest.csv"
SCORER = REPO.parent / "shared" / "eval" / "score.py"

GOLD_ACTION_KEYS = {
    "ref", "section", "indicator", "objective", "action", "steps", "outcome", "measure",
    "owner", "owners", "due", "due_date", "status", "rag",
}


def spec_paths() -> list[Path]:
    return sorted(SPECS.glob("*.json"))


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_files() -> list[dict]:
    return [load_json(p) for p in sorted(GOLD.glob("*.json"))]


def manifest_rows() -> list[dict]:
    with MANIFEST.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def import_generator() -> None:
    """Make ``samples/gen_*.py`` importable the way ``generate.py`` imports them."""
    if str(SAMPLES) not in sys.path:
        sys.path.insert(0, str(SAMPLES))
