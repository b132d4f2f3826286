"""Follow each action across a trust's years: links between its successive plans.

Why recompute a whole trust at once: a plan added in the middle (a 2021 plan arriving after
2020 and 2022 are in) changes which plan is "previous" for its neighbours, and a trust has
a handful of plans of tens of actions, so relinking all of them costs milliseconds. The
store calls ``relink_trusts`` inside the transaction that wrote (or removed) a document, so
the links are never out of step with the plans. On PostgreSQL a per-trust advisory lock
makes two runs that store plans of one trust relink one after the other.

One document stands for each (trust, period): ``plans_in_order`` takes each plan's current
document (``db/plans.py``: the Word and PDF copies of one plan are one plan) and, where a
trust has two plans of the same years, the one with most actions.

How similar two actions are, and the threshold: ``db/link_text.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, text

from wres.db.link_text import LinkItem, assign, best_scores, score_pairs
from wres.db.models import Action, ActionLink, ActionTheme, Plan, PlanDocument, Theme

DONE_RAGS = ("green", "blue")  # as db/query.py: on track or complete
NEW, CARRIED, COMPLETED, DROPPED = "new", "carried over", "completed", "dropped"
LOCK_SPACE = 52_120_515  # PostgreSQL advisory lock: (this, trust id)


@dataclass(frozen=True)
class PlanRef:
    id: int
    period_start: int
    period_end: int | None
    actions: int


def _one_per_period(plans: list[PlanRef]) -> list[PlanRef]:
    """The plan that stands for each period: most actions, then the first stored."""
    chosen: dict[tuple[int, int | None], PlanRef] = {}
    for plan in sorted(plans, key=lambda p: (-p.actions, p.id)):
        chosen.setdefault((plan.period_start, plan.period_end), plan)
    return sorted(chosen.values(), key=lambda p: (p.period_start, p.period_end or 0, p.id))


def plans_in_order(connection: Connection, trust_id: int) -> list[PlanRef]:
    """The trust's plans with actions and a known period, one per period, oldest first."""
    count = func.count(Action.id)
    rows = connection.execute(
        select(Plan.id, Plan.period_start, Plan.period_end, count)
        .join(Action, Action.plan_id == Plan.id)
        .join(PlanDocument, PlanDocument.document_id == Plan.document_id)
        .where(Plan.trust_id == trust_id, Plan.period_start.is_not(None),
               PlanDocument.is_current.is_(True))
        .group_by(Plan.id, Plan.period_start, Plan.period_end)).all()
    return _one_per_period([PlanRef(*row) for row in rows])


@dataclass
class StoredAction:
    item: LinkItem
    plan_id: int
    position: int
    rag: str | None


def _actions_of(connection: Connection, plan_ids: list[int]) -> dict[int, list[StoredAction]]:
    """plan id -> its actions in document order, with their themes."""
    themes: dict[int, list[str]] = {}
    theme_rows = connection.execute(
        select(ActionTheme.action_id, Theme.name).join(Theme, Theme.id == ActionTheme.theme_id)
        .join(Action, Action.id == ActionTheme.action_id).where(Action.plan_id.in_(plan_ids))
        .order_by(ActionTheme.action_id, ActionTheme.position))
    for action_id, name in theme_rows:
        themes.setdefault(action_id, []).append(name)
    found: dict[int, list[StoredAction]] = {plan_id: [] for plan_id in plan_ids}
    rows = connection.execute(
        select(Action.id, Action.plan_id, Action.position, Action.action, Action.objective,
               Action.indicator, Action.rag, Action.owner)
        .where(Action.plan_id.in_(plan_ids)).order_by(Action.plan_id, Action.position))
    for row in rows:
        item = LinkItem(row.id, row.action, row.objective, row.indicator,
                        themes.get(row.id, []), row.owner)
        found[row.plan_id].append(StoredAction(item, row.plan_id, row.position, row.rag))
    return found


def link_rows(plans: list[list[StoredAction]]) -> list[dict]:
    """The ``action_links`` rows of a trust whose chosen plans are ``plans``, oldest first."""
    rows: dict[int, dict] = {}
    for order, actions in enumerate(plans, start=1):
        previous = plans[order - 2] if order > 1 else []
        pairs = score_pairs([a.item for a in previous], [a.item for a in actions])
        linked = {m.new: m for m in assign(pairs)}
        best = best_scores(pairs)
        carried_from = {m.old for m in linked.values()}
        for action in previous:
            done = action.rag in DONE_RAGS
            rows[action.item.key]["fate"] = (CARRIED if action.item.key in carried_from
                                             else COMPLETED if done else DROPPED)
        for action in actions:
            key = action.item.key
            match = linked.get(key)
            rows[key] = {
                "action_id": key, "previous_id": match.old if match else None,
                "score": best.get(key), "status": CARRIED if match else NEW,
                "appearances": rows[match.old]["appearances"] + 1 if match else 1,
                "fate": None, "plan_order": order}
    return list(rows.values())


def _lock_trust(connection: Connection, trust_id: int) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:space, :trust)"),
                           {"space": LOCK_SPACE, "trust": trust_id})


def delete_links(connection: Connection, action_ids: object) -> None:
    """Remove every link row of, or pointing at, the actions ``action_ids`` selects."""
    connection.execute(delete(ActionLink).where(or_(ActionLink.action_id.in_(action_ids),
                                                    ActionLink.previous_id.in_(action_ids))))


def relink_trust(connection: Connection, trust_id: int) -> int:
    """Recompute the links of one trust's plans; returns how many actions got a row."""
    _lock_trust(connection, trust_id)
    all_plans = select(Plan.id).where(Plan.trust_id == trust_id)
    delete_links(connection, select(Action.id).where(Action.plan_id.in_(all_plans)))
    chosen = plans_in_order(connection, trust_id)
    actions = _actions_of(connection, [plan.id for plan in chosen])
    rows = link_rows([actions[plan.id] for plan in chosen])
    if rows:
        connection.execute(insert(ActionLink), rows)
    return len(rows)


def relink_trusts(connection: Connection, trust_ids: Iterable[int | None]) -> None:
    """Relink each named trust (None, a plan with no trust, is skipped), in id order."""
    for trust_id in sorted({t for t in trust_ids if t is not None}):
        relink_trust(connection, trust_id)


def relink_all(engine: Engine) -> int:
    """Relink every trust (a database ingested before links existed); rows written."""
    with engine.begin() as connection:
        trust_ids = connection.execute(
            select(Plan.trust_id).where(Plan.trust_id.is_not(None)).distinct()).scalars()
        return sum(relink_trust(connection, trust_id) for trust_id in sorted(trust_ids))
