"""Shared paths for the tests: the committed samples and the scorer beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DOCS = SAMPLES / "docs"
GOLD = SAMPLES / "gold"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.fixture(scope="session")
def docs_dir() -> Path:
    return DOCS
