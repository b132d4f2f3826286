"""Questions researchers ask of the database, each answered as a pandas DataFrame.

Why DataFrames: the same figures the ``wres`` commands print are one call away in a
notebook (``compare("wres.db", "rag")``), and pandas writes every export format.
Every function takes an engine or a database path/URL; a path is opened read-only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict

import pandas as pd
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute

from wres.db.access import UNKNOWN_TRUST, Db, open_db
from wres.db.models import (
    FTS_TABLE,
    SEARCH_COLUMNS,
    Action,
    ActionIndicator,
    ActionOwner,
    ActionTheme,
    Document,
    Owner,
    Plan,
    PlanDocument,
    Theme,
    Trust,
)
from wres.db.readonly_sql import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT_S,
    run_postgresql,
    run_sqlite,
)
from wres.errors import BadInputError
from wres.schema import ActionRecord

COMPARE_BY = ("theme", "indicator", "rag", "year")
DONE_RAGS = ("green", "blue")  # on track or complete: not overdue whatever the date
NONE = "none"
RAG_ORDER = ("red", "amber", "green", "blue")
CANONICAL_FIELDS = tuple(ActionRecord.model_fields)


def _actions_base(*columns: ColumnElement | InstrumentedAttribute,
                  all_documents: bool = False) -> Select:
    """Actions joined to their plan, document, plan group and (maybe missing) trust.

    Only the current document of each plan counts unless ``all_documents`` (every copy:
    PDF and Word of one plan, earlier versions); see ``db/plans.py``.
    """
    query = (select(*columns).select_from(Action)
             .join(Plan, Action.plan_id == Plan.id)
             .join(Document, Plan.document_id == Document.id)
             .outerjoin(PlanDocument, PlanDocument.document_id == Document.id)
             .outerjoin(Trust, Plan.trust_id == Trust.id))
    return query if all_documents else query.where(PlanDocument.is_current.is_(True))


def _trust_filter(query: Select, trusts: list[str] | None) -> Select:
    """Keep actions of trusts whose name contains any of ``trusts`` (any case)."""
    if not trusts:
        return query
    return query.where(or_(*(func.lower(Trust.name).contains(t.lower()) for t in trusts)))


def _frame(engine: Engine, query: Select) -> pd.DataFrame:
    with engine.connect() as connection:
        result = connection.execute(query)
        return _with_nullable_ints(pd.DataFrame(result.all(), columns=list(result.keys())))


def _with_nullable_ints(frame: pd.DataFrame) -> pd.DataFrame:
    """Integer columns with gaps stay integers (page 3, not 3.0): pandas' Int64."""
    for name in frame.columns:
        if frame[name].dtype.kind not in "fO":
            continue
        values = [v for v in frame[name]
                  if v is not None and not (isinstance(v, float) and math.isnan(v))]
        if values and all(isinstance(v, int | float) and not isinstance(v, bool)
                          and float(v).is_integer() for v in values):
            frame[name] = frame[name].astype("Int64")
    return frame


# --- search -----------------------------------------------------------------------------

def fts_query(text_: str) -> str:
    """User text as a safe FTS5 query: every word (or "quoted phrase") must occur.

    Why not pass the text through: FTS5 syntax treats ``-``, ``:`` or a lone quote as
    operators and fails on ordinary words. A trailing ``*`` keeps prefix search.
    """
    parts = re.findall(r'"([^"]+)"|(\w+\*?)', text_)
    terms = []
    for phrase, word in parts:
        if phrase.strip():
            terms.append('"' + " ".join(re.findall(r"\w+", phrase)) + '"')
        elif word:
            star = "*" if word.endswith("*") else ""
            terms.append(f'"{word.rstrip("*")}"{star}')
    if not terms:
        raise BadInputError(f"nothing to search for in {text_!r}")
    return " ".join(terms)


def _pg_vector() -> ColumnElement:
    joined = " || ' ' || ".join(f"coalesce(actions.{c}, '')" for c in SEARCH_COLUMNS)
    return literal_column(f"to_tsvector('english'::regconfig, {joined})")


FTS = table(FTS_TABLE, column("rowid"))
# An action's years: its own plan's where a document holds several plans, else its plan's.
ACTION_PERIOD = (func.coalesce(Action.period_start, Plan.period_start).label("period_start"),
                 func.coalesce(Action.period_end, Plan.period_end).label("period_end"))
RESULT_COLUMNS = (Trust.name.label("trust"), *ACTION_PERIOD,
                  Document.source_file, Action.page, Action.ref, Action.action, Action.id,
                  PlanDocument.group_id.label("plan_id"), Document.path.label("document"))


def search(db: Db, text_: str, *, limit: int | None = 20,
           trusts: list[str] | None = None, all_documents: bool = False) -> pd.DataFrame:
    """Actions whose action/objective/outcome/measure/status text matches, best first."""
    engine = open_db(db)
    dialect = engine.dialect.name
    if dialect == "sqlite":
        score = literal_column(f"bm25({FTS_TABLE})")
        query = (_actions_base(score.label("score"), *RESULT_COLUMNS,
                               all_documents=all_documents)
                 .join(FTS, FTS.c.rowid == Action.id)
                 .where(text(f"{FTS_TABLE} MATCH :terms").bindparams(terms=fts_query(text_)))
                 .order_by(score, Action.id))
    elif dialect == "postgresql":
        tsquery = func.websearch_to_tsquery(literal_column("'english'::regconfig"), text_)
        score = -func.ts_rank(_pg_vector(), tsquery)
        query = (_actions_base(score.label("score"), *RESULT_COLUMNS,
                               all_documents=all_documents)
                 .where(_pg_vector().op("@@")(tsquery)).order_by(score, Action.id))
    else:
        query = _actions_base(literal_column("0").label("score"), *RESULT_COLUMNS,
                              all_documents=all_documents)
        for word in re.findall(r"\w+", text_):
            query = query.where(or_(*(getattr(Action, c).ilike(f"%{word}%")
                                      for c in SEARCH_COLUMNS)))
        query = query.order_by(Action.id)
    query = _trust_filter(query, trusts)
    if limit:
        query = query.limit(limit)
    frame = _frame(engine, query).rename(columns={"id": "action_id"})
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame.drop(columns=["score"])


# --- compare ------------------------------------------------------------------------------

def _category_query(by: str, all_documents: bool = False) -> Select:
    trust = Trust.name.label("trust")
    if by == "theme":
        return (_actions_base(trust, Theme.name.label("category"), all_documents=all_documents)
                .outerjoin(ActionTheme, ActionTheme.action_id == Action.id)
                .outerjoin(Theme, Theme.id == ActionTheme.theme_id))
    if by == "indicator":  # an action tied to indicators 5 and 6 counts under both
        return (_actions_base(trust, ActionIndicator.indicator.label("category"),
                              all_documents=all_documents)
                .outerjoin(ActionIndicator, ActionIndicator.action_id == Action.id))
    column = {"rag": Action.rag}.get(by)
    if column is not None:
        return _actions_base(trust, column.label("category"), all_documents=all_documents)
    if by == "year":
        return _actions_base(trust, *ACTION_PERIOD, all_documents=all_documents)
    raise BadInputError(f"cannot compare by {by!r}; use one of {', '.join(COMPARE_BY)}")


def _period_label(start: object, end: object) -> str:
    if pd.isna(start) and pd.isna(end):
        return NONE
    if pd.isna(end) or start == end:
        return str(int(start))
    return f"{int(start)}-{int(end)}" if not pd.isna(start) else str(int(end))


def _category_order(by: str, categories: list[str]) -> list[str]:
    def key(name: str) -> tuple:
        if name == NONE:
            return (2, 0, "")
        if by == "rag" and name in RAG_ORDER:
            return (0, RAG_ORDER.index(name), "")
        if by == "indicator":
            return (0, int(name), "")
        return (1, 0, name)
    return sorted(categories, key=key)


def compare(db: Db, by: str, *, trusts: list[str] | None = None,
            all_documents: bool = False) -> pd.DataFrame:
    """Trusts by category: how many actions each trust's plans have in each category.

    ``by`` is theme (an action with two themes counts under both), indicator (an action
    tied to several indicators counts under each), rag, or
    year (the plan's period, "2021-2023"). Actions with no value count under "none".
    Each plan counts once (its current document) unless ``all_documents``.
    """
    frame = _frame(open_db(db), _trust_filter(_category_query(by, all_documents), trusts))
    if by == "year":
        frame["category"] = [_period_label(s, e) for s, e in
                             zip(frame.pop("period_start"), frame.pop("period_end"),
                                 strict=True)]
    frame["trust"] = frame["trust"].fillna(UNKNOWN_TRUST)
    frame["category"] = [NONE if pd.isna(v) else str(int(v)) if by == "indicator" else str(v)
                         for v in frame["category"]]
    if frame.empty:
        return pd.DataFrame(index=pd.Index([], name="trust"))
    table = pd.crosstab(frame["trust"], frame["category"])
    table = table[_category_order(by, list(table.columns))]
    table.columns.name = by
    return table.astype(int)


# --- overdue ------------------------------------------------------------------------------

def overdue(db: Db, as_of: dt.date, *, trusts: list[str] | None = None,
            done_rags: tuple[str, ...] = DONE_RAGS, all_documents: bool = False) -> pd.DataFrame:
    """Actions due before ``as_of`` that are not rated done (green or blue by default).

    An action due on ``as_of`` itself is not overdue yet; one with no date never is.
    """
    query = _actions_base(Trust.name.label("trust"), Document.source_file, Action.ref,
                          Action.action, Action.owner, Action.due, Action.due_date,
                          Action.rag, Action.status, Action.id.label("action_id"),
                          PlanDocument.group_id.label("plan_id"),
                          Document.path.label("document"), all_documents=all_documents)
    query = query.where(and_(Action.due_date.is_not(None), Action.due_date < as_of,
                             or_(Action.rag.is_(None), Action.rag.not_in(done_rags))))
    query = _trust_filter(query, trusts).order_by(Action.due_date, Trust.name, Action.id)
    frame = _frame(open_db(db), query)
    frame["days_overdue"] = [(as_of - due).days for due in frame["due_date"]]
    return frame


# --- export and SQL -----------------------------------------------------------------------

EXPORT_IDS = ("action_id", "plan_id", "document")  # after the canonical fields in exports


def records(db: Db, *, query: str | None = None, trusts: list[str] | None = None,
            all_documents: bool = False) -> list[ActionRecord]:
    """Actions as canonical records (in document order), optionally only search matches."""
    return [record for _ids, record in identified_records(
        db, query=query, trusts=trusts, all_documents=all_documents)]


def identified_records(db: Db, *, query: str | None = None, trusts: list[str] | None = None,
                       all_documents: bool = False) -> list[tuple[dict, ActionRecord]]:
    """Each canonical record with the keys a researcher joins on (``EXPORT_IDS``).

    ``action_id`` is the action's row id (it stays while its document is unchanged),
    ``plan_id`` the plan group (it stays while any copy of the plan stays), ``document``
    the path the file was ingested from.
    """
    engine = open_db(db)
    columns = [getattr(Action, f) for f in CANONICAL_FIELDS
               if hasattr(Action, f) and f not in ("period_start", "period_end")]
    select_ = _trust_filter(_actions_base(
        Action.id, PlanDocument.group_id.label("plan_id"), Document.path.label("document"),
        Document.source_file, Trust.name.label("trust"), *ACTION_PERIOD,
        *columns, all_documents=all_documents), trusts).order_by(
            Document.source_file, Document.id, Action.position)
    if query is not None:
        select_ = select_.where(Action.id.in_(
            [int(i) for i in search(engine, query, limit=None,
                                    all_documents=all_documents)["action_id"]]))
    with engine.connect() as connection:
        rows = connection.execute(select_).mappings().all()
        owners = _names_by_action(connection, ActionOwner, Owner, "owner_id")
        themes = _names_by_action(connection, ActionTheme, Theme, "theme_id")
        evidence = _theme_evidence(connection)
        indicators = _indicators_by_action(connection)
    id_keys = {"id", "plan_id", "document"}
    return [({"action_id": row["id"], "plan_id": row["plan_id"], "document": row["document"]},
             ActionRecord(**{k: v for k, v in row.items() if k not in id_keys},
                          owners=owners.get(row["id"], []), themes=themes.get(row["id"], []),
                          theme_evidence=evidence.get(row["id"], {}),
                          indicators=indicators.get(row["id"], [])))
            for row in rows]


def _theme_evidence(connection: Connection) -> dict[int, dict[str, list[str]]]:
    query = (select(ActionTheme.action_id, Theme.name, ActionTheme.evidence)
             .join(Theme, Theme.id == ActionTheme.theme_id)
             .where(ActionTheme.evidence.is_not(None))
             .order_by(ActionTheme.action_id, ActionTheme.position))
    found: dict[int, dict[str, list[str]]] = defaultdict(dict)
    for action_id, name, words in connection.execute(query):
        if words:
            found[action_id][name] = list(words)
    return found


def _indicators_by_action(connection: Connection) -> dict[int, list[int]]:
    query = (select(ActionIndicator.action_id, ActionIndicator.indicator)
             .order_by(ActionIndicator.action_id, ActionIndicator.position))
    found: dict[int, list[int]] = defaultdict(list)
    for action_id, number in connection.execute(query):
        found[action_id].append(number)
    return found


def _names_by_action(connection: Connection, link: type, named: type,
                     key: str) -> dict[int, list[str]]:
    query = (select(link.action_id, named.name)
             .join(named, named.id == getattr(link, key))
             .order_by(link.action_id, link.position))
    found: dict[int, list[str]] = defaultdict(list)
    for action_id, name in connection.execute(query):
        found[action_id].append(name)
    return found


def records_frame(db: Db, *, query: str | None = None, trusts: list[str] | None = None,
                  all_documents: bool = False) -> pd.DataFrame:
    """The canonical records and their ids as a DataFrame, columns named as in the JSONL.

    Integer columns stay integers where a value is missing (page, indicator: Int64).
    """
    rows = [{**record.model_dump(), **ids} for ids, record in identified_records(
        db, query=query, trusts=trusts, all_documents=all_documents)]
    return integer_columns(pd.DataFrame(rows, columns=[*CANONICAL_FIELDS, *EXPORT_IDS]))


INTEGER_FIELDS = ("period_start", "period_end", "page", "indicator", "action_id", "plan_id")


def integer_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The integer fields as pandas' nullable Int64: page 3 stays 3 beside a missing page,
    in Parquet and Excel too (a float column would write 3.0)."""
    for name in INTEGER_FIELDS:
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    return frame


def run_sql(db: Db, sql: str, *, timeout_s: float = DEFAULT_TIMEOUT_S,
            max_rows: int = DEFAULT_MAX_ROWS) -> pd.DataFrame:
    """Run one read-only SQL statement and return its rows; BadInputError if refused.

    Read-only whatever engine is given (see ``db/readonly_sql.py``): on SQLite anything
    but reading, ATTACH included, is refused before it runs; on PostgreSQL the statement
    runs in a READ ONLY transaction. It stops after ``timeout_s`` seconds (QueryStopped)
    and returns at most ``max_rows`` rows; ``frame.attrs["truncated"]`` says when more
    existed. The statement goes to the driver as typed, with no parameters, so
    ``LIKE '%x%'`` works on PostgreSQL too (SQLAlchemy would read ``%`` as a placeholder).
    """
    engine = open_db(db)
    runner = {"sqlite": run_sqlite, "postgresql": run_postgresql}.get(engine.dialect.name)
    if runner is None:
        raise BadInputError(f"wres sql runs on SQLite and PostgreSQL, not {engine.dialect.name}")
    with engine.connect() as connection:
        found = runner(connection.connection.dbapi_connection, sql, timeout_s=timeout_s,
                       max_rows=max_rows)
    frame = _with_nullable_ints(pd.DataFrame(found.rows, columns=found.columns))
    frame.attrs["truncated"] = found.truncated
    return frame
