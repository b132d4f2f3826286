"""Plan identity: which stored documents are one plan, and which of them figures count.

The rules (the README repeats them for analysts):
- **Same plan**: same trust, same period (first and last year), and actions that match
  closely: at least ``SAME_PLAN_SHARE`` of the smaller document's actions have an action
  in the other whose text scores ``SIMILAR_ACTION`` or more (rapidfuzz token sort ratio,
  on lower-case words). Format and file name play no part; a plan of the same trust for
  other years is another plan, and so is a second, different plan for the same years.
- **Versions**: two documents of a plan are the same version when every action they share
  has the same RAG rating and a status text scoring ``SAME_PROGRESS`` or more (PDF and Word
  of one issue). A changed progress cell makes a new version ("v2", "FINAL", a later upload).
- **Current document**: the pinned one (``wres plans --pin``) if any; otherwise the newest
  version wins, and within it the most complete document (most actions, then most filled
  fields). A version's age is the newest modification time of its files as they were when
  ingested (the download or save time; the ingest time when the file could not be read):
  ingest order says nothing, since one run ingests a folder in name order.
- Groups are recomputed, for the trust and period concerned, whenever a document is stored,
  replaced or removed, in the same transaction. A group keeps its id (the "plan id" of
  exports) while any of its documents stays in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, and_, delete, insert, select, text, update

from wres.db.models import Action, Document, Plan, PlanDocument, PlanGroup

SIMILAR_ACTION = 85
SAME_PLAN_SHARE = 0.6
SAME_PROGRESS = 90
REGROUP_LOCK_KEY = 52_120_502  # PostgreSQL: one regrouping at a time across processes
FILLED_FIELDS = ("ref", "section", "indicator", "objective", "steps", "outcome", "measure",
                 "owner", "due", "due_date", "status", "rag")
Bucket = tuple[int | None, int | None, int | None]  # trust id, period start, period end


@dataclass
class Copy:
    """One stored document of a trust and period, as the grouping sees it."""

    document_id: int
    modified: datetime
    texts: list[str] = field(default_factory=list)  # normalised action texts
    progress: list[tuple[str, str]] = field(default_factory=list)  # (rag, status) per action
    filled: int = 0
    group_id: int | None = None
    pinned: bool = False

    def completeness(self) -> tuple[int, int]:
        return len(self.texts), self.filled


def _words(value: object) -> str:
    return " ".join(re.findall(r"\w+", str(value or "").lower()))


# --- reading one bucket ------------------------------------------------------------------

def _bucket_where(bucket: Bucket) -> list:
    columns = (Plan.trust_id, Plan.period_start, Plan.period_end)
    return [c.is_(None) if v is None else c == v for c, v in zip(columns, bucket, strict=True)]


def _read_copies(connection: Connection, bucket: Bucket) -> dict[int, Copy]:
    documents = connection.execute(
        select(Document.id, Document.modified_at, Document.ingested_at, PlanDocument.group_id,
               PlanDocument.pinned)
        .join(Plan, Plan.document_id == Document.id)
        .outerjoin(PlanDocument, PlanDocument.document_id == Document.id)
        .where(and_(*_bucket_where(bucket))).order_by(Document.id)).all()
    copies = {row.id: Copy(row.id, row.modified_at or row.ingested_at, group_id=row.group_id,
                           pinned=bool(row.pinned)) for row in documents}
    if not copies:
        return {}
    fields = [getattr(Action, name) for name in FILLED_FIELDS]
    rows = connection.execute(
        select(Plan.document_id, Action.action, *fields).join(Plan, Action.plan_id == Plan.id)
        .where(Plan.document_id.in_(list(copies))).order_by(Plan.document_id, Action.position))
    for row in rows:
        copy = copies[row.document_id]
        copy.texts.append(_words(row.action))
        copy.progress.append((str(row.rag or ""), _words(row.status)))
        copy.filled += sum(1 for name in FILLED_FIELDS if getattr(row, name) not in (None, ""))
    return {key: copy for key, copy in copies.items() if copy.texts}


# --- comparing documents -----------------------------------------------------------------

def _matches(a: Copy, b: Copy) -> list[tuple[int, int]]:
    """Pairs (action of a, action of b) whose texts match closely, best match per action."""
    scores = process.cdist(a.texts, b.texts, scorer=fuzz.token_sort_ratio,
                           score_cutoff=SIMILAR_ACTION)
    pairs = []
    for i, row in enumerate(scores):
        j = int(row.argmax())
        if row[j] >= SIMILAR_ACTION:
            pairs.append((i, j))
    return pairs


def same_plan(a: Copy, b: Copy, pairs: list[tuple[int, int]]) -> bool:
    smaller = min(len(a.texts), len(b.texts))
    matched = len({i for i, _ in pairs}) if len(a.texts) <= len(b.texts) \
        else len({j for _, j in pairs})
    return smaller > 0 and matched / smaller >= SAME_PLAN_SHARE


def same_version(a: Copy, b: Copy, pairs: list[tuple[int, int]]) -> bool:
    for i, j in pairs:
        (rag_a, status_a), (rag_b, status_b) = a.progress[i], b.progress[j]
        if rag_a != rag_b or fuzz.ratio(status_a, status_b) < SAME_PROGRESS:
            return False
    return True


class _Sets:
    """Union-find over document ids."""

    def __init__(self, keys: list[int]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: int) -> int:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for key in self.parent:
            found.setdefault(self.find(key), []).append(key)
        return [sorted(members) for members in found.values()]


def cluster(copies: dict[int, Copy]) -> list[tuple[list[int], int]]:
    """The plans among ``copies``: (member document ids, current document id) each."""
    ids = sorted(copies)
    plans, versions = _Sets(ids), _Sets(ids)
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            pairs = _matches(copies[a], copies[b])
            if same_plan(copies[a], copies[b], pairs):
                plans.join(a, b)
                if same_version(copies[a], copies[b], pairs):
                    versions.join(a, b)
    return [(members, _current(members, copies, versions)) for members in plans.groups()]


def _current(members: list[int], copies: dict[int, Copy], versions: _Sets) -> int:
    pinned = [m for m in members if copies[m].pinned]
    if pinned:
        return max(pinned, key=lambda m: (copies[m].modified, -m))
    newest: dict[int, datetime] = {}
    for m in members:
        root = versions.find(m)
        newest[root] = max(newest.get(root, copies[m].modified), copies[m].modified)
    return max(members, key=lambda m: (newest[versions.find(m)], copies[m].completeness(),
                                       copies[m].modified, -m))


# --- writing the groups ------------------------------------------------------------------

def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text(f"SELECT pg_advisory_xact_lock({REGROUP_LOCK_KEY})"))


def regroup_bucket(connection: Connection, bucket: Bucket) -> None:
    """Recompute the plan groups of one trust and period (inside the caller's transaction)."""
    _lock(connection)
    copies = _read_copies(connection, bucket)
    bucket_documents = select(Plan.document_id).where(and_(*_bucket_where(bucket)))
    connection.execute(delete(PlanDocument).where(
        PlanDocument.document_id.in_(bucket_documents)))
    taken: set[int] = set()
    for members, current in sorted(cluster(copies), key=lambda c: -len(c[0])):
        group_id = _group_id_for(connection, members, copies, taken, bucket)
        connection.execute(update(PlanGroup).where(PlanGroup.id == group_id).values(
            trust_id=bucket[0], period_start=bucket[1], period_end=bucket[2],
            current_document_id=current))
        connection.execute(insert(PlanDocument), [
            {"document_id": m, "group_id": group_id, "is_current": m == current,
             "pinned": copies[m].pinned and m == current} for m in members])
    connection.execute(delete(PlanGroup).where(
        PlanGroup.id.not_in(select(PlanDocument.group_id))))


def _group_id_for(connection: Connection, members: list[int], copies: dict[int, Copy],
                  taken: set[int], bucket: Bucket) -> int:
    """The id a cluster keeps: the old group most of its documents were in, else a new one."""
    votes: dict[int, int] = {}
    for m in members:
        old = copies[m].group_id
        if old is not None and old not in taken:
            votes[old] = votes.get(old, 0) + 1
    if votes:
        group_id = max(votes, key=lambda g: (votes[g], -g))
    else:
        group_id = connection.execute(insert(PlanGroup).returning(PlanGroup.id), {
            "trust_id": bucket[0], "period_start": bucket[1],
            "period_end": bucket[2]}).scalar_one()
    taken.add(group_id)
    return group_id


def bucket_of(connection: Connection, document_id: int) -> Bucket | None:
    row = connection.execute(select(Plan.trust_id, Plan.period_start, Plan.period_end)
                             .where(Plan.document_id == document_id)).first()
    return None if row is None else (row[0], row[1], row[2])


def regroup_all(connection: Connection) -> None:
    """Recompute every group (the migration that brings plan groups in runs this)."""
    buckets = connection.execute(select(Plan.trust_id, Plan.period_start, Plan.period_end)
                                 .distinct()).all()
    for bucket in buckets:
        regroup_bucket(connection, (bucket[0], bucket[1], bucket[2]))


def pin_document(connection: Connection, document_id: int) -> None:
    """Make ``document_id`` its plan's current document, whatever the rules would choose."""
    group_id = connection.execute(select(PlanDocument.group_id).where(
        PlanDocument.document_id == document_id)).scalar()
    if group_id is None:
        return
    connection.execute(update(PlanDocument).where(PlanDocument.group_id == group_id)
                       .values(pinned=PlanDocument.document_id == document_id))
    bucket = bucket_of(connection, document_id)
    if bucket is not None:
        regroup_bucket(connection, bucket)


def unpin_group(connection: Connection, document_id: int) -> None:
    """Let the rules choose the current document of ``document_id``'s plan again."""
    group_id = connection.execute(select(PlanDocument.group_id).where(
        PlanDocument.document_id == document_id)).scalar()
    if group_id is None:
        return
    connection.execute(update(PlanDocument).where(PlanDocument.group_id == group_id)
                       .values(pinned=False))
    bucket = bucket_of(connection, document_id)
    if bucket is not None:
        regroup_bucket(connection, bucket)
