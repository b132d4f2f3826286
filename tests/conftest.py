"""Shared paths for the tests: the committed samples and the scorer beside the repo."""

from __future__ import annotations

import os
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


def _postgres_url_from_setup() -> None:
    """`.ci/setup` starts a local PostgreSQL and leaves its URL in .ci/pg-url; the database
    tests read WRES_TEST_PG_URL, so pass it on when the environment does not set it."""
    url_file = ROOT / ".ci" / "pg-url"
    if "WRES_TEST_PG_URL" not in os.environ and url_file.exists():
        url = url_file.read_text().strip()
        if url:
            os.environ["WRES_TEST_PG_URL"] = url


_postgres_url_from_setup()
