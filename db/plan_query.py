"""Listing plans with their copies, pinning a current document, naming the trusts.

Why apart from ``db/query.py``: these read and change plan identity (``db/plans.py``),
while ``query.py`` answers questions about actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select

from wres.db.access import UNKNOWN_TRUST, Db, open_db
from wres.db.links import relink_trusts
from wres.db.models import Action, Document, Plan, PlanDocument, PlanGroup, Trust
from wres.db.plans import pin_document, unpin_group
from wres.errors import BadInputError

if TYPE_CHECKING:
    import pandas as pd

PLAN_COLUMNS = ["plan_id", "trust", "period_start", "period_end", "current", "pinned",
                "actions", "copies"]


def plans(db: Db, *, trusts: list[str] | None = None) -> pd.DataFrame:
    """One row per plan: its current document, how many actions it has, its copies' paths."""
    import pandas as pd

    return pd.DataFrame(plan_records(db, trusts=trusts), columns=PLAN_COLUMNS)


def plan_records(db: Db, *, trusts: list[str] | None = None) -> list[dict]:
    """``plans`` as plain dicts (no pandas: the ingest summary prints these)."""
    engine = open_db(db)
    counts = (select(Plan.document_id, func.count(Action.id).label("actions"))
              .join(Action, Action.plan_id == Plan.id).group_by(Plan.document_id).subquery())
    query = (select(PlanGroup.id, Trust.name, PlanGroup.period_start, PlanGroup.period_end,
                    Document.path, PlanDocument.is_current, PlanDocument.pinned,
                    counts.c.actions)
             .join(PlanDocument, PlanDocument.group_id == PlanGroup.id)
             .join(Document, Document.id == PlanDocument.document_id)
             .outerjoin(counts, counts.c.document_id == Document.id)
             .outerjoin(Trust, Trust.id == PlanGroup.trust_id)
             .order_by(Trust.name, PlanGroup.period_start, PlanGroup.id, Document.path))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    found: dict[int, dict] = {}
    for group_id, trust, start, end, path, is_current, pinned, actions in rows:
        plan = found.setdefault(group_id, {
            "plan_id": group_id, "trust": trust or UNKNOWN_TRUST, "period_start": start,
            "period_end": end, "current": None, "pinned": False, "actions": 0, "copies": []})
        if is_current:
            plan.update(current=path, pinned=bool(pinned), actions=int(actions or 0))
        else:
            plan["copies"].append(path)
    wanted = [t.lower() for t in trusts or []]
    return [plan for plan in found.values()
            if not wanted or any(t in plan["trust"].lower() for t in wanted)]


def document_id_of(engine: Engine, path: Path | str) -> int:
    """The stored document at ``path`` (as given, or made absolute); BadInputError if none."""
    candidates = [str(path), str(Path(path).expanduser().resolve())]
    with engine.connect() as connection:
        found = connection.execute(select(Document.id).where(
            Document.path.in_(candidates))).scalar()
    if found is None:
        raise BadInputError(f"{path}: no document stored at this path")
    return found


def pin(engine: Engine, path: Path | str, *, release: bool = False) -> int:
    """Make the document at ``path`` its plan's current one (``release``: undo any pin).

    Returns the plan id. A document that is in no plan (it gave no actions) is refused.
    """
    document_id = document_id_of(engine, path)
    with engine.begin() as connection:
        group_id = connection.execute(select(PlanDocument.group_id).where(
            PlanDocument.document_id == document_id)).scalar()
        if group_id is None:
            raise BadInputError(f"{path}: this document gave no actions, so it is in no plan")
        if release:
            unpin_group(connection, document_id)
        else:
            pin_document(connection, document_id)
        trust_id = connection.execute(select(Plan.trust_id).where(
            Plan.document_id == document_id)).scalar()
        relink_trusts(connection, [trust_id])  # links follow the current documents
        return connection.execute(select(PlanDocument.group_id).where(
            PlanDocument.document_id == document_id)).scalar_one()


def trust_names(db: Db) -> list[str]:
    with open_db(db).connect() as connection:
        return list(connection.execute(select(Trust.name).order_by(Trust.name)).scalars())


def unknown_trusts(db: Db, wanted: list[str] | None) -> list[str]:
    """The ``--trust`` values that match no stored trust name (any case, a part of it)."""
    names = [name.lower() for name in trust_names(db)]
    return [w for w in wanted or [] if not any(w.lower() in name for name in names)]


def missing_documents(db: Db) -> list[str]:
    """Stored document paths whose files are gone (``wres remove --missing``)."""
    with open_db(db).connect() as connection:
        paths = connection.execute(select(Document.path).order_by(Document.path)).scalars()
        return [path for path in paths if not Path(path).exists()]
