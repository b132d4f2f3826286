"""Fixtures of the database tests: every test runs on SQLite, and on PostgreSQL when
WRES_TEST_PG_URL is set (see .ci/postgres.sh)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.helpers import BACKENDS, MANIFEST, PLAN_DOCX, fresh_database
from wres.ingest.batch import BatchOptions, run_batch
from wres.ingest.manifest import read_manifest


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database (not yet migrated)."""
    return fresh_database(request.param, tmp_path)


@pytest.fixture(scope="package", params=BACKENDS)
def sample_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The five Word sample plans ingested with the sample manifest (read by many tests)."""
    url = fresh_database(request.param, tmp_path_factory.mktemp("sample-db"))
    report = run_batch(PLAN_DOCX, url, read_manifest(MANIFEST), BatchOptions(workers=0))
    assert report.count("ingested") == len(PLAN_DOCX), report.outcomes
    return url
