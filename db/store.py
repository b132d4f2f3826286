"""Writing one document's result: one transaction, all of it or none of it.

Why Core inserts rather than ORM objects: a batch writes tens of thousands of rows, and
executemany with RETURNING is several times quicker than the unit of work, while the
tables stay those of ``db/models.py``. Why the re-check inside the transaction: another
``wres ingest`` may have stored the same file since this run looked, so the decision
"skip or replace" is taken again once the write lock is held.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from wres import __version__
from wres.db.links import delete_links, relink_trusts
from wres.db.models import (
    Action,
    ActionIndicator,
    ActionOwner,
    ActionTheme,
    Document,
    IngestRun,
    Owner,
    Plan,
    PlanDocument,
    PlanGroup,
    Theme,
    Trust,
    utc_now,
)
from wres.db.plans import Bucket, bucket_of, regroup_bucket
from wres.errors import INTERNAL_KIND
from wres.schema import ActionRecord, DocumentResult
from wres.versions import parser_versions

READ_WITH_KIND = "read-with"  # issues entry of a failed document: the options it failed with


@dataclass
class Stored:
    state: str  # "ingested" or "skipped"
    actions: int = 0
    reason: str | None = None


def document_status(result: DocumentResult) -> str:
    if any(issue.kind == INTERNAL_KIND for issue in result.issues):
        return "error"
    return result.status


def known_hashes(engine: Engine, read_with: str | None = None) -> dict[str, str]:
    """sha256 -> path of every document that needs no second look (errors are retried;
    so are failures when ``read_with``, the current options' fingerprint, differs from
    the one they failed with)."""
    query = select(Document.sha256, Document.path, Document.status,
                   Document.issues).where(Document.status != "error")
    with engine.connect() as connection:
        return {sha: path for sha, path, status, issues in connection.execute(query)
                if not _retry_failure(status, issues, read_with)}


def _retry_failure(status: str, issues: list | None, read_with: str | None) -> bool:
    if read_with is None or status != "failed":
        return False
    stored = next((i.get("options") for i in issues or []
                   if isinstance(i, dict) and i.get("kind") == READ_WITH_KIND), None)
    return stored != read_with


def store_document(engine: Engine, result: DocumentResult, path_key: str, *,
                   run_id: int | None = None, force: bool = False,
                   read_with: tuple[str, str] | None = None) -> Stored:
    """Replace whatever ``path_key`` held with ``result``, in one transaction.

    On PostgreSQL two runs may insert the same new path at once; the loser's transaction
    fails on the unique path and is tried once more, when it sees the winner's rows.
    ``read_with`` (fingerprint, readable line) of the options is kept with a failure, so
    that a run with other options retries it (see ``ingest/retry.py``).
    """
    try:
        return _store_once(engine, result, path_key, run_id, force, read_with)
    except IntegrityError:
        return _store_once(engine, result, path_key, run_id, force, read_with)


def _store_once(engine: Engine, result: DocumentResult, path_key: str, run_id: int | None,
                force: bool, read_with: tuple[str, str] | None) -> Stored:
    with engine.begin() as connection:
        if not force and result.sha256:
            rows = connection.execute(
                select(Document.path, Document.status, Document.issues)
                .where(Document.sha256 == result.sha256, Document.status != "error"))
            fingerprint = read_with[0] if read_with else None
            same = next((path for path, status, issues in rows
                         if not _retry_failure(status, issues, fingerprint)), None)
            if same is not None:
                where = "" if same == path_key else f" as {same}"
                return Stored("skipped", reason=f"already ingested{where} by another run")
        old_bucket, old_place = _delete_document(connection, path_key)
        document_id = _insert_document(connection, result, path_key, run_id, read_with)
        trust = result.plan.trust
        trust_id = _name_ids(connection, Trust, [trust]).get(trust) if trust else None
        plan_id = connection.execute(insert(Plan).returning(Plan.id), {
            "document_id": document_id, "trust_id": trust_id,
            "period_start": result.plan.period_start,
            "period_end": result.plan.period_end}).scalar_one()
        _insert_actions(connection, plan_id, result.actions,
                        (result.plan.period_start, result.plan.period_end))
        new_bucket = (trust_id, result.plan.period_start, result.plan.period_end)
        if old_place is not None:  # a changed file keeps its plan id (and its pin)
            connection.execute(insert(PlanDocument), {
                "document_id": document_id, "group_id": old_place[0], "is_current": False,
                "pinned": old_place[1]})
        _regroup_after_change(connection, [old_bucket, new_bucket],
                              pin=document_id if old_place and old_place[1] else None)
    return Stored("ingested", actions=len(result.actions))


def _regroup_after_change(connection: Connection, buckets: list[Bucket | None], *,
                          pin: int | None = None) -> None:
    """Recompute the plan groups a stored, replaced or removed document touched.

    ``pin``: a document that replaced a pinned one at the same path inherits the pin.
    """
    for bucket in dict.fromkeys(b for b in buckets if b is not None):
        regroup_bucket(connection, bucket)
    if pin is not None and connection.execute(select(PlanDocument.document_id).where(
            PlanDocument.document_id == pin)).first():
        from wres.db.plans import pin_document

        pin_document(connection, pin)
    # the links follow each trust's current documents, which regrouping may have changed
    relink_trusts(connection, {bucket[0] for bucket in buckets if bucket is not None})


def remove_documents(engine: Engine, path_keys: list[str]) -> list[str]:
    """Delete the documents stored under ``path_keys``; return the paths that were there."""
    removed = []
    with engine.begin() as connection:
        buckets: list[Bucket | None] = []
        for path_key in path_keys:
            bucket, _place = _delete_document(connection, path_key)
            if bucket is not None:
                buckets.append(bucket)
                removed.append(path_key)
        _regroup_after_change(connection, buckets)
    return removed


def remove_document(engine: Engine, path_key: str) -> bool:
    """Remove one stored document; False if it was not there."""
    return bool(remove_documents(engine, [path_key]))


def _delete_document(connection: Connection,
                     path_key: str) -> tuple[Bucket | None, tuple[int, bool] | None]:
    """Remove a document and everything under it (explicitly: no reliance on PRAGMAs).

    Returns the trust and period it was filed under (None when there was no such document)
    and its place in a plan: (plan group id, pinned), None when it was in none.
    """
    document_id = connection.execute(
        select(Document.id).where(Document.path == path_key)).scalar()
    if document_id is None:
        return None, None
    bucket = bucket_of(connection, document_id) or (None, None, None)
    found = connection.execute(select(PlanDocument.group_id, PlanDocument.pinned).where(
        PlanDocument.document_id == document_id)).first()
    place = None if found is None else (found[0], bool(found[1]))
    connection.execute(delete(PlanDocument).where(PlanDocument.document_id == document_id))
    connection.execute(update(PlanGroup).where(PlanGroup.current_document_id == document_id)
                       .values(current_document_id=None))
    plans = select(Plan.id).where(Plan.document_id == document_id)
    actions = select(Action.id).where(Action.plan_id.in_(plans))
    delete_links(connection, actions)
    connection.execute(delete(ActionOwner).where(ActionOwner.action_id.in_(actions)))
    connection.execute(delete(ActionTheme).where(ActionTheme.action_id.in_(actions)))
    connection.execute(delete(ActionIndicator).where(ActionIndicator.action_id.in_(actions)))
    connection.execute(delete(Action).where(Action.plan_id.in_(plans)))
    connection.execute(delete(Plan).where(Plan.document_id == document_id))
    connection.execute(delete(Document).where(Document.id == document_id))
    return bucket, place


def _insert_document(connection: Connection, result: DocumentResult, path_key: str,
                     run_id: int | None, read_with: tuple[str, str] | None) -> int:
    errors = [i.message for i in result.issues if i.severity == "error"]
    issues = [issue.model_dump() for issue in result.issues]
    if read_with is not None and document_status(result) == "failed":
        issues.append({"file": result.source_file, "stage": "ingest", "kind": READ_WITH_KIND,
                       "message": read_with[1], "severity": "info", "options": read_with[0]})
    row = {
        "path": path_key, "source_file": result.source_file, "sha256": result.sha256 or "",
        "format": result.format, "pages": result.pages, "size": result.size,
        "ingested_at": utc_now(), "extractor_version": __version__,
        "engines": ",".join(result.engines) or None, "status": document_status(result),
        "error": "; ".join(errors) or None,
        "issues": issues or None,
        "run_id": run_id, "modified_at": _modified_at(path_key),
    }
    return connection.execute(insert(Document).returning(Document.id), row).scalar_one()


def _modified_at(path_key: str) -> dt.datetime | None:
    """The file's modification time (UTC, naive like ``ingested_at``); None if unreadable."""
    try:
        stamp = os.stat(path_key).st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, dt.UTC).replace(tzinfo=None)


def _insert_actions(connection: Connection, plan_id: int, records: list[ActionRecord],
                    plan_period: tuple[int | None, int | None]) -> None:
    if not records:
        return
    rows = [_action_row(plan_id, position, record, plan_period)
            for position, record in enumerate(records)]
    statement = insert(Action).returning(Action.id, sort_by_parameter_order=True)
    ids = connection.execute(statement, rows).scalars().all()
    owner_ids = _name_ids(connection, Owner, [n for r in records for n in r.owners])
    theme_ids = _name_ids(connection, Theme, [n for r in records for n in r.themes])
    owner_links = [{"action_id": action_id, "owner_id": owner_ids[name], "position": i}
                   for action_id, r in zip(ids, records, strict=True)
                   for i, name in enumerate(r.owners)]
    theme_links = [{"action_id": action_id, "theme_id": theme_ids[name], "position": i,
                    "evidence": r.theme_evidence.get(name)}
                   for action_id, r in zip(ids, records, strict=True)
                   for i, name in enumerate(r.themes)]
    indicator_links = [{"action_id": action_id, "indicator": number, "position": i}
                       for action_id, r in zip(ids, records, strict=True)
                       for i, number in enumerate(r.indicators)]
    for model, links in ((ActionOwner, owner_links), (ActionTheme, theme_links),
                         (ActionIndicator, indicator_links)):
        if links:
            connection.execute(insert(model), links)


def _action_row(plan_id: int, position: int, record: ActionRecord,
                plan_period: tuple[int | None, int | None]) -> dict:
    fields = ("page", "ref", "section", "indicator", "objective", "action", "steps",
              "outcome", "measure", "owner", "due", "due_date", "status", "rag")
    row = {name: getattr(record, name) for name in fields}
    own = (record.period_start, record.period_end)
    row.update(plan_id=plan_id, position=position, table_index=None, row_index=None,
               period_start=own[0] if own != plan_period else None,
               period_end=own[1] if own != plan_period else None)
    return row


def _name_ids(connection: Connection, model: type, names: list[str | None]) -> dict[str, int]:
    """Ids of the named trusts/owners/themes, adding the missing ones race-free."""
    wanted = sorted({name for name in names if name})
    if not wanted:
        return {}
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        module = sqlite if dialect == "sqlite" else postgresql
        statement = module.insert(model).on_conflict_do_nothing(index_elements=["name"])
        connection.execute(statement, [{"name": name} for name in wanted])
        found = dict(connection.execute(select(model.name, model.id)
                                        .where(model.name.in_(wanted))).all())
    else:
        found = dict(connection.execute(select(model.name, model.id)
                                        .where(model.name.in_(wanted))).all())
        missing = [{"name": name} for name in wanted if name not in found]
        if missing:
            connection.execute(insert(model), missing)
            found = dict(connection.execute(select(model.name, model.id)
                                            .where(model.name.in_(wanted))).all())
    return found


def start_run(engine: Engine, paths: list[str], workers: int) -> int:
    with engine.begin() as connection:
        return connection.execute(insert(IngestRun).returning(IngestRun.id), {
            "started_at": utc_now(), "status": "running", "paths": "\n".join(paths),
            "workers": workers, "tool_version": __version__,
            "parser_versions": parser_versions(), "files_seen": 0, "ingested": 0,
            "skipped": 0, "failed": 0, "actions_added": 0, "pid": os.getpid(),
            "host": socket.gethostname()}).scalar_one()


def mark_abandoned_runs(engine: Engine) -> list[int]:
    """Mark ``abandoned`` every run left ``running`` by a process of this host that has gone
    (killed with -9, a power cut); runs of other hosts cannot be checked and are left."""
    with engine.connect() as connection:
        running = connection.execute(select(IngestRun.id, IngestRun.pid).where(
            IngestRun.status == "running", IngestRun.host == socket.gethostname())).all()
    gone = [run_id for run_id, pid in running if pid is not None and not _process_exists(pid)]
    if gone:
        with engine.begin() as connection:
            connection.execute(update(IngestRun).where(
                IngestRun.id.in_(gone), IngestRun.status == "running").values(
                status="abandoned", finished_at=utc_now()))
    return gone


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def finish_run(engine: Engine, run_id: int, status: str, counts: dict[str, int]) -> None:
    with engine.begin() as connection:
        connection.execute(update(IngestRun).where(IngestRun.id == run_id).values(
            status=status, finished_at=utc_now(), **counts))
