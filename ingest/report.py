"""The figures of the benchmarking report, as pandas tables (HTML and Markdown share them).

Why one module of plain tables: the HTML page, the Markdown for board papers and the tests
all read the same numbers, so a chart and the table under it cannot disagree. Every table
is derived from one frame of actions (one row per stored action, with its trust, plan
period, source file and page); the database is read once, read-only.

Counting rules, chosen to match ``wres compare`` and ``wres overdue``:
- an action with no indicator (or no theme, no RAG) counts under "none";
- an action with two themes counts under both;
- an action is overdue when its target date is before the as-of day and it is not rated
  green or blue; an action with no date never is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine, select

from wres.db.models import Action, ActionTheme, Document, Plan, PlanDocument, Theme, Trust
from wres.db.query import ACTION_PERIOD, DONE_RAGS, RAG_ORDER, UNKNOWN_TRUST, Db, open_db
from wres.errors import BadInputError

NONE = "none"
INDICATORS = tuple(str(n) for n in range(1, 10))
RAG_COLUMNS = (*RAG_ORDER, NONE)
NO_PERIOD = "no period"


@dataclass
class ReportFilter:
    """Which plans the report covers: trust name parts (any case) and a span of years."""

    trusts: list[str] = field(default_factory=list)
    years: tuple[int, int] | None = None  # a plan is kept when its period overlaps this
    all_documents: bool = False  # every stored copy of a plan, not its current document only
    dedupe: bool = True  # deprecated: counting each plan once is what the report always does

    def describe(self) -> str:
        parts = []
        if self.trusts:
            parts.append("trusts matching " + ", ".join(repr(t) for t in self.trusts))
        if self.years:
            low, high = self.years
            parts.append(f"plans covering {low}" + (f" to {high}" if high != low else ""))
        parts.append("every stored copy of each plan" if self.all_documents
                     else "each plan once (its current document)")
        return "; ".join(parts)


def parse_years(text: str | None) -> tuple[int, int] | None:
    """"2021" or "2019-2023" (also "2019-23", "2019:2023") as an inclusive span."""
    if not text:
        return None
    found = re.fullmatch(r"\s*(\d{4})\s*(?:[-:/\u2013]\s*(\d{2}|\d{4})\s*)?", text)
    if not found:
        raise BadInputError(f"--years {text!r} is not a year like 2021 or a span like 2019-2023")
    low = int(found.group(1))
    high_text = found.group(2) or found.group(1)
    high = int(high_text) if len(high_text) == 4 else low // 100 * 100 + int(high_text)
    if high < low:
        raise BadInputError(f"--years {text!r} ends before it starts")
    return low, high


@dataclass
class ReportData:
    """Everything the report shows: the actions behind it and the documents it covers."""

    actions: pd.DataFrame
    documents: pd.DataFrame
    as_of: dt.date
    chosen: ReportFilter
    left_out: list[str] = field(default_factory=list)  # copies of plans, not counted
    # actions across each trust's plans (report_track.py): persistence, long-running chains
    persistence: pd.DataFrame = field(default_factory=pd.DataFrame)
    long_running: pd.DataFrame = field(default_factory=pd.DataFrame)


def period_label(start: object, end: object) -> str:
    """The plan's years as printed in the report: "2021-2023", "2019", or "no period"."""
    years = [int(y) for y in (start, end) if not pd.isna(y)]
    if not years:
        return NO_PERIOD
    return str(years[0]) if len(set(years)) == 1 else f"{years[0]}-{years[-1]}"


def period_key(label: str) -> tuple[int, str]:
    """Sort periods by their first year; "no period" last."""
    found = re.match(r"\d{4}", label)
    return (int(found.group()) if found else 9999, label)


# --- reading the database ---------------------------------------------------------------

ACTION_COLUMNS = (Action.id.label("action_id"), Trust.name.label("trust"), *ACTION_PERIOD,
                  Document.id.label("document_id"), Document.source_file,
                  Document.path, Document.format, Action.page, Action.ref, Action.section,
                  Action.indicator, Action.action, Action.owner, Action.due, Action.due_date,
                  Action.rag, Action.status, Action.position)
DOCUMENT_COLUMNS = (Document.id.label("document_id"), Document.source_file, Document.path,
                    Document.status, Document.error, Trust.name.label("trust"),
                    Plan.period_start, Plan.period_end, PlanDocument.group_id.label("plan_id"),
                    PlanDocument.is_current)


ThemesById = dict[int, list[tuple[str, list[str]]]]  # action id -> [(theme, its words)]


def _read(engine: Engine) -> tuple[pd.DataFrame, pd.DataFrame, ThemesById]:
    actions_query = (select(*ACTION_COLUMNS).select_from(Action)
                     .join(Plan, Action.plan_id == Plan.id)
                     .join(Document, Plan.document_id == Document.id)
                     .outerjoin(Trust, Plan.trust_id == Trust.id)
                     .order_by(Document.id, Action.position))
    documents_query = (select(*DOCUMENT_COLUMNS).select_from(Document)
                       .outerjoin(Plan, Plan.document_id == Document.id)
                       .outerjoin(PlanDocument, PlanDocument.document_id == Document.id)
                       .outerjoin(Trust, Plan.trust_id == Trust.id).order_by(Document.id))
    themes_query = (select(ActionTheme.action_id, Theme.name, ActionTheme.evidence)
                    .join(Theme, Theme.id == ActionTheme.theme_id)
                    .order_by(ActionTheme.action_id, ActionTheme.position))
    with engine.connect() as connection:
        actions = connection.execute(actions_query)
        actions_frame = pd.DataFrame(actions.all(), columns=list(actions.keys()))
        documents = connection.execute(documents_query)
        documents_frame = pd.DataFrame(documents.all(), columns=list(documents.keys()))
        themes: ThemesById = {}
        for action_id, name, words in connection.execute(themes_query):
            themes.setdefault(action_id, []).append((name, list(words or [])))
    return actions_frame, documents_frame, themes


def load_report(db: Db, *, chosen: ReportFilter | None = None,
                as_of: dt.date | None = None) -> ReportData:
    """Read the actions and documents the report covers (the database is opened read-only)."""
    chosen = chosen or ReportFilter()
    as_of = as_of or dt.date.today()
    engine = open_db(db)
    actions, documents, themes = _read(engine)
    for frame in (actions, documents):
        frame["trust"] = frame["trust"].fillna(UNKNOWN_TRUST)
        frame["period"] = [period_label(s, e) for s, e in
                           zip(frame["period_start"], frame["period_end"], strict=True)]
    actions["themes"] = [[name for name, _ in themes.get(int(i), [])]
                         for i in actions["action_id"]]
    actions["theme_evidence"] = [dict(themes.get(int(i), [])) for i in actions["action_id"]]
    actions["indicator_label"] = [NONE if pd.isna(v) else str(int(v))
                                  for v in actions["indicator"]]
    actions["rag_label"] = actions["rag"].fillna(NONE)
    actions["overdue"] = [_is_overdue(due, rag, as_of) for due, rag in
                          zip(actions["due_date"], actions["rag"], strict=True)]
    keep = _kept_documents(documents, chosen)
    documents = documents[documents["document_id"].isin(keep)]
    actions = actions[actions["document_id"].isin(keep)]
    left_out: list[str] = []
    if not chosen.all_documents:
        actions, documents, left_out = _current_only(actions, documents)
    from wres.ingest.report_track import track_figures

    shares, longest = track_figures(engine, sorted(set(actions["trust"])))
    return ReportData(actions.reset_index(drop=True), documents.reset_index(drop=True),
                      as_of, chosen, left_out, shares, longest)


def _is_overdue(due: object, rag: object, as_of: dt.date) -> bool:
    if due is None or pd.isna(due):
        return False
    return due < as_of and (rag is None or pd.isna(rag) or rag not in DONE_RAGS)


def _kept_documents(documents: pd.DataFrame, chosen: ReportFilter) -> set[int]:
    keep = pd.Series(True, index=documents.index)
    if chosen.trusts:
        wanted = [t.lower() for t in chosen.trusts]
        keep &= documents["trust"].map(lambda name: any(t in name.lower() for t in wanted))
    if chosen.years:
        low, high = chosen.years
        starts = documents["period_start"].fillna(documents["period_end"])
        ends = documents["period_end"].fillna(documents["period_start"])
        keep &= (starts <= high) & (ends >= low)
    return set(documents.loc[keep, "document_id"].astype(int))


def _current_only(actions: pd.DataFrame,
                  documents: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Keep each plan's current document (see ``db/plans.py``); name the copies left out.

    Why: the same plan is often published (and so ingested) as both PDF and Word, or
    re-issued; counted twice it would double that trust's figures. Documents in no plan
    (they gave no actions) stay, so the report can list them.
    """
    copies = documents[documents["plan_id"].notna() & ~documents["is_current"].fillna(False)
                       .astype(bool)]
    current = documents.loc[documents["is_current"].fillna(False).astype(bool)]
    current_of = dict(zip(current["plan_id"], current["source_file"], strict=True))
    left_out = sorted(f"{row.source_file} (a copy of {current_of.get(row.plan_id, '?')})"
                      for row in copies.itertuples())
    dropped = set(copies["document_id"])
    return (actions[~actions["document_id"].isin(dropped)],
            documents[~documents["document_id"].isin(dropped)], left_out)


# --- the figures --------------------------------------------------------------------------

def trusts_in_order(data: ReportData) -> list[str]:
    """Trusts with actions, by name (the unknown trust last)."""
    names = set(data.actions["trust"])
    return sorted(names, key=lambda n: (n == UNKNOWN_TRUST, n.lower()))


def summary(data: ReportData) -> pd.DataFrame:
    """Per trust: documents, periods, actions, share of each RAG rating, overdue."""
    rows = []
    for trust in trusts_in_order(data):
        mine = data.actions[data.actions["trust"] == trust]
        documents = data.documents[data.documents["trust"] == trust]
        periods = sorted(set(documents["period"]), key=period_key)
        row = {"trust": trust, "documents": len(documents), "plans": len(periods),
               "years": ", ".join(periods), "actions": len(mine)}
        shares = mine["rag_label"].value_counts(normalize=True)
        row.update({f"{rag} %": round(100 * float(shares.get(rag, 0.0))) for rag in RAG_COLUMNS})
        row["overdue"] = int(mine["overdue"].sum())
        rows.append(row)
    columns = ["trust", "documents", "plans", "years", "actions",
               *(f"{rag} %" for rag in RAG_COLUMNS), "overdue"]
    return pd.DataFrame(rows, columns=columns).set_index("trust")


def _crosstab(trusts: pd.Series, categories: pd.Series, order: list[str],
              rows: list[str]) -> pd.DataFrame:
    table = pd.crosstab(trusts, categories) if len(trusts) else pd.DataFrame()
    return table.reindex(index=rows, columns=order, fill_value=0).fillna(0).astype(int)


def indicator_matrix(data: ReportData) -> pd.DataFrame:
    """Trusts by WRES indicator 1..9 and "none": how many actions each ties to each."""
    table = _crosstab(data.actions["trust"], data.actions["indicator_label"],
                      [*INDICATORS, NONE], trusts_in_order(data))
    table.columns.name, table.index.name = "indicator", "trust"
    return table


def theme_matrix(data: ReportData) -> pd.DataFrame:
    """Trusts by theme (and "none"); an action with two themes counts under both."""
    exploded = data.actions[["trust", "themes"]].copy()
    exploded["theme"] = [themes or [NONE] for themes in exploded["themes"]]
    exploded = exploded.explode("theme")
    themes = sorted(set(exploded["theme"]) - {NONE}, key=str.lower)
    table = _crosstab(exploded["trust"], exploded["theme"], [*themes, NONE],
                      trusts_in_order(data))
    table.columns.name, table.index.name = "theme", "trust"
    return table


def actions_per_period(data: ReportData) -> pd.DataFrame:
    """Trusts by plan period: how many actions each trust's plans for those years hold."""
    periods = sorted(set(data.actions["period"]), key=period_key)
    table = _crosstab(data.actions["trust"], data.actions["period"], periods,
                      trusts_in_order(data))
    table.columns.name, table.index.name = "period", "trust"
    return table


def rag_over_time(data: ReportData) -> pd.DataFrame:
    """For trusts with plans for several periods: actions per RAG rating in each period.

    Columns: trust, period, rag, actions, share (of that trust's actions in that period).
    """
    columns = ["trust", "period", "rag", "actions", "share"]
    frame = data.actions
    several = [t for t in trusts_in_order(data)
               if frame.loc[frame["trust"] == t, "period"].nunique() > 1]
    rows = []
    for trust in several:
        mine = frame[frame["trust"] == trust]
        for period in sorted(set(mine["period"]), key=period_key):
            counts = mine.loc[mine["period"] == period, "rag_label"].value_counts()
            total = int(counts.sum())
            rows.extend({"trust": trust, "period": period, "rag": rag,
                         "actions": int(counts.get(rag, 0)),
                         "share": counts.get(rag, 0) / total} for rag in RAG_COLUMNS)
    return pd.DataFrame(rows, columns=columns)


def unread_documents(data: ReportData) -> pd.DataFrame:
    """Documents that gave no actions (unreadable files, or plans with no table found)."""
    with_actions = set(data.actions["document_id"])
    frame = data.documents[~data.documents["document_id"].isin(with_actions)]
    return frame[["source_file", "status", "error"]].reset_index(drop=True)


def duplicate_periods(data: ReportData) -> list[str]:
    """Trusts with more than one counted document (with actions) for the same period: two
    different plans, or (with ``all_documents``) copies of one."""
    frame = data.actions.drop_duplicates("document_id")
    counts = frame.groupby(["trust", "period"]).size()
    return [f"{trust} {period}: {count} documents" for (trust, period), count
            in counts.items() if count > 1]
