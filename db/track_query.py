"""A trust's actions through its plans, and how persistent each trust's actions are.

Reads the links ``db/links.py`` stores; every function takes an engine or a database
path/URL (a path is opened read-only), like ``db/query.py``.

Definitions (the same in ``wres track``, ``wres compare --by persistence``, the report and
the Datasette queries):
- a chain is an action followed through the plans it was carried into; an action found in
  one plan only is a chain of one;
- a chain is ``ongoing`` when its last action is in the trust's latest plan, else
  ``completed`` where that action's RAG was green or blue, else ``dropped``;
- carried-over share: of the actions of every plan but the trust's first, the share
  carried over from the plan before;
- completed share: of the chains that ended (completed or dropped), the share completed.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Connection, Engine, func, select

from wres.db.links import CARRIED, COMPLETED, DROPPED
from wres.db.models import Action, ActionLink, Document, Plan, Trust
from wres.db.query import DONE_RAGS, Db, open_db
from wres.errors import BadInputError

ONGOING = "ongoing"
PERSISTENCE_COLUMNS = ("trust", "plans", "actions", "carried_over", "carried_over_share",
                       "chains", "median_chain_length", "completed", "dropped", "ongoing",
                       "completed_share")


@dataclass
class TrustLinks:
    trust: str
    plans: list[dict]  # period_start, period_end, file: oldest first
    chains: list[dict]  # outcome, actions (each with plan_order, period, ref, text, ...)


def find_trust(connection: Connection, name: str) -> tuple[int, str]:
    """The trust named ``name``: the exact name (any case), else the one name containing it."""
    rows = connection.execute(select(Trust.id, Trust.name).where(
        func.lower(Trust.name).contains(name.lower().strip(), autoescape=True))).all()
    exact = [row for row in rows if row.name.lower() == name.lower().strip()]
    if len(exact) == 1 or len(rows) == 1:
        return tuple((exact or rows)[0])
    if not rows:
        raise BadInputError(f"no trust whose name contains {name!r}")
    names = "; ".join(sorted(row.name for row in rows)[:10])
    raise BadInputError(f"{len(rows)} trusts match {name!r}: {names}; give more of the name")


LINK_COLUMNS = (Plan.trust_id, Trust.name.label("trust"), ActionLink.action_id,
                ActionLink.previous_id, ActionLink.plan_order, ActionLink.status,
                ActionLink.appearances, ActionLink.fate, ActionLink.score, Plan.period_start,
                Plan.period_end, Document.source_file, Action.position, Action.ref,
                Action.action, Action.rag)


def _link_rows(connection: Connection, trust_ids: list[int] | None) -> list:
    query = (select(*LINK_COLUMNS).select_from(ActionLink)
             .join(Action, Action.id == ActionLink.action_id)
             .join(Plan, Plan.id == Action.plan_id)
             .join(Document, Document.id == Plan.document_id)
             .join(Trust, Trust.id == Plan.trust_id)
             .order_by(Trust.name, ActionLink.plan_order, Action.position))
    if trust_ids is not None:
        query = query.where(Plan.trust_id.in_(trust_ids))
    return connection.execute(query).all()


def _chain_outcome(last: object, latest_order: int) -> str:
    if last.plan_order == latest_order:
        return ONGOING
    return COMPLETED if last.rag in DONE_RAGS else DROPPED


def _trust_links(trust: str, rows: list) -> TrustLinks:
    """Plans and chains of one trust from its link rows (ordered by plan, then position)."""
    plans: dict[int, dict] = {}
    for row in rows:
        plans.setdefault(row.plan_order, {"period_start": row.period_start,
                                           "period_end": row.period_end,
                                           "file": row.source_file})
    latest = max(plans, default=0)
    following = {row.previous_id: row for row in rows if row.previous_id is not None}
    chains = []
    for row in rows:
        if row.previous_id is not None:
            continue
        members = [row]
        while members[-1].action_id in following:
            members.append(following[members[-1].action_id])
        chains.append({"outcome": _chain_outcome(members[-1], latest), "actions": members})
    return TrustLinks(trust, [plans[k] for k in sorted(plans)], chains)


def trust_links(db: Db, trust: str) -> TrustLinks:
    """The plans and action chains of the trust named (in part) ``trust``."""
    with open_db(db).connect() as connection:
        trust_id, name = find_trust(connection, trust)
        return _trust_links(name, _link_rows(connection, [trust_id]))


def all_trust_links(db: Db, trusts: list[str] | None = None) -> list[TrustLinks]:
    """Plans and chains of every trust with links (or those whose name contains one of
    ``trusts``, any case), by name."""
    with open_db(db).connect() as connection:
        rows = _link_rows(connection, None)
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.trust].append(row)
    wanted = [t.lower() for t in trusts or []]
    return [_trust_links(name, mine) for name, mine in grouped.items()
            if not wanted or any(t in name.lower() for t in wanted)]


def track(db: Db, trust: str) -> dict:
    """The trust's actions through its plans, in the JSON shape of ``wres track --json``."""
    links = trust_links(db, trust)
    return {"trust": links.trust, "plans": links.plans, "chains": [
        {"outcome": chain["outcome"], "actions": [
            {"period_start": a.period_start, "period_end": a.period_end, "ref": a.ref,
             "action": a.action, "rag": a.rag, "status": a.status}
            for a in chain["actions"]]}
        for chain in links.chains]}


def period_label(start: int | None, end: int | None) -> str:
    """"2021-2022" as the report and ``compare --by year`` print a plan's years."""
    return str(start) if end is None or end == start else f"{start}-{end}"


def track_frame(db: Db, trust: str) -> pd.DataFrame:
    """A row per chain, a column per plan ("ref (rag)" where the chain has an action in it),
    then the chain's latest wording, its length and outcome."""
    links = trust_links(db, trust)
    labels = [period_label(p["period_start"], p["period_end"]) for p in links.plans]
    rows = []
    for chain in links.chains:
        row = dict.fromkeys(labels, "")
        for action in chain["actions"]:
            rag = f" ({action.rag})" if action.rag else ""
            row[labels[action.plan_order - 1]] = f"{action.ref or '-'}{rag}"
        row.update(action=chain["actions"][-1].action, plans=len(chain["actions"]),
                   outcome=chain["outcome"])
        rows.append(row)
    return pd.DataFrame(rows, columns=[*labels, "action", "plans", "outcome"])


def _persistence_row(links: TrustLinks) -> dict:
    actions = [a for chain in links.chains for a in chain["actions"]]
    later = [a for a in actions if a.plan_order > 1]
    carried = sum(a.status == CARRIED for a in later)
    outcomes = [chain["outcome"] for chain in links.chains]
    ended = outcomes.count(COMPLETED) + outcomes.count(DROPPED)
    lengths = [len(chain["actions"]) for chain in links.chains]
    return {"trust": links.trust, "plans": len(links.plans), "actions": len(actions),
            "carried_over": carried,
            "carried_over_share": round(carried / len(later), 4) if later else None,
            "chains": len(lengths),
            "median_chain_length": float(statistics.median(lengths)) if lengths else None,
            "completed": outcomes.count(COMPLETED), "dropped": outcomes.count(DROPPED),
            "ongoing": outcomes.count(ONGOING),
            "completed_share": round(outcomes.count(COMPLETED) / ended, 4) if ended else None}


def persistence(db: Db, *, trusts: list[str] | None = None) -> pd.DataFrame:
    """Per trust: plans, actions, share carried over, median chain length, share completed."""
    rows = [_persistence_row(links) for links in all_trust_links(db, trusts)]
    return pd.DataFrame(rows, columns=list(PERSISTENCE_COLUMNS))


def long_running(db: Db | Engine, *, trusts: list[str] | None = None,
                 min_plans: int = 2) -> pd.DataFrame:
    """Ongoing chains of at least ``min_plans`` plans whose latest RAG is not green or blue,
    longest first: the actions a trust keeps repeating without finishing."""
    rows = []
    for links in all_trust_links(db, trusts):
        for chain in links.chains:
            last = chain["actions"][-1]
            if (chain["outcome"] == ONGOING and len(chain["actions"]) >= min_plans
                    and last.rag not in DONE_RAGS):
                first = chain["actions"][0]
                rows.append({"trust": links.trust, "plans": len(chain["actions"]),
                             "since": period_label(first.period_start, first.period_end),
                             "ref": last.ref, "action": last.action, "rag": last.rag})
    frame = pd.DataFrame(rows, columns=["trust", "plans", "since", "ref", "action", "rag"])
    return frame.sort_values(["plans", "trust", "ref"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)
