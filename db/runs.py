"""The ingest runs a database has seen, with the versions that made its records.

Why: a figure in the database is only as good as the program that read the document; a
researcher who upgrades and re-ingests must be able to see which documents an older version
stored, and a record must lead back to its run (action -> plan -> document -> run).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from wres import __version__
from wres.db.models import Document, IngestRun

RUN_COLUMNS = ("id", "started_at", "finished_at", "status", "tool_version", "parser_versions",
               "workers", "files_seen", "ingested", "skipped", "failed", "actions_added")


def runs(engine: Engine, *, limit: int | None = None) -> pd.DataFrame:
    """One row per ingest run, newest first, with the documents it stored that are still
    in the database (a later run that re-read a file replaced them)."""
    kept = (select(Document.run_id, func.count().label("documents_kept"))
            .group_by(Document.run_id).subquery())
    query = (select(*(getattr(IngestRun, name) for name in RUN_COLUMNS),
                    func.coalesce(kept.c.documents_kept, 0).label("documents_kept"))
             .outerjoin(kept, kept.c.run_id == IngestRun.id)
             .order_by(IngestRun.id.desc()).limit(limit))
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return pd.DataFrame([dict(row) for row in rows],
                        columns=[*RUN_COLUMNS, "documents_kept"])


def documents_by_version(engine: Engine) -> dict[str, int]:
    """How many stored documents each program version read: more than one key means part
    of the database predates an upgrade."""
    query = select(Document.extractor_version, func.count()).group_by(Document.extractor_version)
    with engine.connect() as connection:
        return {version or "unknown": count for version, count in connection.execute(query)}


def older_documents(engine: Engine) -> int:
    """Documents stored by another version than this one (``ingest --force`` re-reads them)."""
    return sum(count for version, count in documents_by_version(engine).items()
               if version != __version__)
