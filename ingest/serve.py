"""``wres serve``: the database in Datasette, described, searchable, with canned queries.

Why Datasette: researchers look at the data in a browser before they write SQL, and
Datasette gives tables, facets, full-text search and a JSON API for every page with no
code of ours. What we add is what it cannot guess: titles and column descriptions, which
FTS5 table indexes ``actions`` (it is an external-content table, see db/migrations), and
the questions users ask most as canned queries. The server listens on 127.0.0.1 only,
opens the file read-only (immutable where the folder is not writable, see
``db.engine.readonly_uri``), and runs in this process, so stopping ``wres serve`` stops it.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

from wres.db.engine import database_url, readonly_uri, sqlite_path
from wres.db.models import FTS_TABLE
from wres.db.query import DONE_RAGS, UNKNOWN_TRUST
from wres.errors import BadInputError
from wres.schema.records import RAG_VALUES

HOST = "127.0.0.1"
_DONE = ", ".join(f"'{rag}'" for rag in DONE_RAGS)
# each plan once: the current document of its plan group (copies are in plans_with_copies)
_FROM_ACTIONS = ("from actions a join plans p on p.id = a.plan_id "
                 "join documents d on d.id = p.document_id "
                 "join plan_documents pd on pd.document_id = d.id and pd.is_current "
                 "left join trusts t on t.id = p.trust_id")
_FROM_LINKED = ("join plans p on p.id = a.plan_id "
                "left join trusts t on t.id = p.trust_id")
_TRUST = f"coalesce(t.name, '{UNKNOWN_TRUST}')"
_AS_OF = "coalesce(nullif(:as_of, ''), date('now'))"

CANNED_QUERIES = {
    "actions_on_indicator": {
        "title": "Actions on one WRES indicator, across trusts",
        "description": "Every action a plan ties to the indicator (1 to 9), by trust and year.",
        "sql": f"select {_TRUST} as trust, coalesce(a.period_start, p.period_start) as "
               "period_start, coalesce(a.period_end, p.period_end) as period_end, "
               f"d.source_file, a.page, a.ref, a.action, a.owner, a.due, a.due_date, a.rag "
               f"{_FROM_ACTIONS} "
               "where a.indicator = cast(:indicator as integer) "
               "order by trust, p.period_start, d.source_file, a.position",
    },
    "overdue_actions": {
        "title": "Overdue actions",
        "description": "Target date before :as_of (YYYY-MM-DD; empty means today) and not "
                       f"rated {' or '.join(DONE_RAGS)}. Actions with no date never appear.",
        "sql": f"select {_TRUST} as trust, d.source_file, a.page, a.ref, a.action, a.owner, "
               f"a.due, a.due_date, a.rag, cast(julianday({_AS_OF}) - julianday(a.due_date) "
               f"as integer) as days_overdue {_FROM_ACTIONS} where a.due_date is not null "
               f"and a.due_date < {_AS_OF} and (a.rag is null or a.rag not in ({_DONE})) "
               "order by a.due_date, trust, a.id",
    },
    "themes_per_trust": {
        "title": "Themes per trust",
        "description": "How many actions of each trust carry each theme (an action with "
                       "two themes counts under both).",
        "sql": f"select {_TRUST} as trust, th.name as theme, count(*) as actions "
               f"{_FROM_ACTIONS} join action_themes l on l.action_id = a.id "
               "join themes th on th.id = l.theme_id group by trust, theme "
               "order by trust, actions desc, theme",
    },
    "trust_plans_by_year": {
        "title": "A trust's plans year by year",
        "description": "Each plan of the trusts whose name contains :trust, with its number "
                       "of actions and their RAG ratings.",
        "sql": f"select {_TRUST} as trust, p.period_start, p.period_end, d.source_file, "
               "pd.group_id as plan_id, coalesce(pd.is_current, 0) as is_current, "
               "d.status, count(a.id) as actions, "
               + "".join(f"count(case when a.rag = '{rag}' then 1 end) as {rag}, "
                         for rag in RAG_VALUES)
               + "count(case when a.id is not null and a.rag is null then 1 end) as no_rag, "
               "count(a.indicator) as tied_to_indicator "
               "from plans p join documents d on d.id = p.document_id "
               "left join trusts t on t.id = p.trust_id left join actions a on a.plan_id = p.id "
               "left join plan_documents pd on pd.document_id = d.id "
               "where t.name like '%' || :trust || '%' group by p.id "
               "order by trust, p.period_start, d.source_file",
    },
    "plans_with_copies": {
        "title": "Plans and their copies",
        "description": "Each plan (a trust's plan for a period, however many files hold it) "
                       "with its current document, which every other query counts, and "
                       "the copies left out (PDF and Word of one plan, earlier versions).",
        "sql": f"select g.id as plan_id, {_TRUST} as trust, g.period_start, g.period_end, "
               "cur.path as current_document, count(a.id) as actions, "
               "(select group_concat(d.path, ' | ') from plan_documents c join documents d "
               "on d.id = c.document_id where c.group_id = g.id and not c.is_current) "
               "as copies from plan_groups g left join trusts t on t.id = g.trust_id "
               "left join documents cur on cur.id = g.current_document_id "
               "left join plans p on p.document_id = cur.id "
               "left join actions a on a.plan_id = p.id group by g.id "
               "order by trust, g.period_start, g.id",
    },
    "trust_action_chains": {
        "title": "A trust's actions through its plans",
        "description": "Each action of the trusts whose name contains :trust, plan by plan: "
                       "new or carried over (from the previous plan's action shown, with "
                       "the similarity score), how many plans it has appeared in, and what "
                       "became of it in the next plan (empty: still in the latest plan).",
        "sql": f"select {_TRUST} as trust, l.plan_order, p.period_start, p.period_end, "
               "a.ref, a.action, a.rag, l.status, l.appearances, l.fate, "
               "prev.ref as previous_ref, prev.action as previous_action, l.score "
               f"from action_links l join actions a on a.id = l.action_id {_FROM_LINKED} "
               "left join actions prev on prev.id = l.previous_id "
               "where t.name like '%' || :trust || '%' "
               "order by trust, l.plan_order, a.position",
    },
    "persistence_per_trust": {
        "title": "Persistence of actions per trust",
        "description": "Per trust: actions in its plans, the share of actions (in every plan "
                       "but the first) carried over from the plan before, chains of actions, "
                       "their mean length in plans (wres compare --by persistence gives the "
                       "median), and how many were completed, dropped or are ongoing.",
        "sql": f"select {_TRUST} as trust, max(l.plan_order) as plans, count(*) as actions, "
               "round(1.0 * sum(l.status = 'carried over') / "
               "nullif(sum(l.plan_order > 1), 0), 3) as carried_over_share, "
               "sum(l.fate is null or l.fate != 'carried over') as chains, "
               "round(1.0 * count(*) / sum(l.fate is null or l.fate != 'carried over'), 2) "
               "as mean_chain_length, sum(l.fate = 'completed') as completed, "
               "sum(l.fate = 'dropped') as dropped, sum(l.fate is null) as ongoing, "
               "round(1.0 * sum(l.fate = 'completed') / "
               "nullif(sum(l.fate in ('completed', 'dropped')), 0), 3) as completed_share "
               f"from action_links l join actions a on a.id = l.action_id {_FROM_LINKED} "
               "group by trust order by trust",
    },
}

ACTION_COLUMNS = {
    "plan_id": "the plan (one document) the action comes from",
    "position": "0-based order of the action in its document",
    "page": "1-based page where the row starts (PDF); empty for Word",
    "table_index": "which table of the document the row came from",
    "row_index": "which row of that table",
    "ref": "the plan's own item number as printed: 1, 1.1, 3.6",
    "section": "the heading that groups the row: a banner row, a theme or an issue heading",
    "indicator": "WRES indicator 1 to 9, where the plan itself ties the action to one",
    "objective": "the objective the action serves, or the issue or gap it addresses",
    "action": "what will be done",
    "steps": "sub-steps, where the plan lists them in their own column",
    "outcome": "desired outcome or details",
    "measure": "measure of success, KPI",
    "owner": "who is responsible, as printed (split into people or roles in action_owners)",
    "due": "target date as printed",
    "due_date": "last day of the stated target (September 2016 is 2016-09-30); empty for "
                "on-going and the like",
    "status": "progress or status update as printed",
    "rag": "red, amber, green or blue (complete), from the text or the cell colour",
}

TABLES = {
    "actions": {
        "title": "Actions", "description": "One row per action of every plan, in the "
        "canonical fields (see RECORD_FORMAT.md of wres-plans).",
        "columns": ACTION_COLUMNS, "fts_table": FTS_TABLE, "fts_pk": "id",
        "facets": ["rag", "indicator"], "label_column": "action",
    },
    "plans": {"title": "Plans", "description": "The plan each document holds: whose it is "
              "and which years it covers.", "columns": {
                  "period_start": "first year the plan covers (2023-24 is 2023)",
                  "period_end": "last year the plan covers (2023-24 is 2024)"}},
    "documents": {"title": "Documents", "description": "One row per file read; a failed "
                  "file has an error and no actions.", "label_column": "source_file",
                  "columns": {"status": "ok, partial, failed (the file is unreadable) or "
                              "error (a defect of wres-plans; retried on the next run)",
                              "path": "where the file was when it was ingested",
                              "sha256": "content hash: an unchanged file is not read again",
                              "engines": "the table extractors that read the file"}},
    "plan_groups": {"title": "Plan groups", "description": "One row per plan however many "
                    "documents hold it; every figure counts its current document only.",
                    "columns": {"current_document_id": "the document figures count"}},
    "plan_documents": {"description": "Which plan group each document belongs to; "
                       "is_current marks the counted one, pinned an analyst's choice."},
    "trusts": {"title": "Trusts", "label_column": "name",
               "description": "Organisations that published the plans."},
    "themes": {"title": "Themes", "label_column": "name",
               "description": "Themes wres-plans assigns to actions from their text."},
    "owners": {"title": "Owners", "label_column": "name",
               "description": "People and roles named as responsible, as printed."},
    "action_themes": {"description": "Which themes each action carries."},
    "action_owners": {"description": "Who owns each action, in the printed order."},
    "ingest_runs": {"description": "One row per `wres ingest` run."},
    "action_links": {"title": "Action links", "description": "Each action of a trust's plan "
                     "(one document per trust and period) linked to the most similar action "
                     "of the trust's previous plan: status new or carried over, appearances "
                     "so far, fate in the next plan (carried over, completed, dropped)."},
    "alembic_version": {"hidden": True},
}


def datasette_missing() -> bool:
    return importlib.util.find_spec("datasette") is None


def database_file(db: str | None) -> Path:
    """The SQLite file ``db`` names (default $WRES_DB or wres.db); it must exist."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is None:
        raise BadInputError("wres serve works on SQLite files only (Datasette reads SQLite); "
                            "use `wres export` or `wres sql` for other databases")
    if not path.is_file():
        raise BadInputError(f"no database at {path}; run `wres ingest` first")
    return path


def _merged(base: dict, extra: dict) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def build_metadata(database_name: str, extra: dict | None = None) -> dict:
    """Datasette metadata: titles, descriptions, FTS, facets and canned queries."""
    metadata = {
        "title": "WRES action plans",
        "description": "Actions from the Workforce Race Equality Standard action plans of "
                       "NHS trusts, read from their PDF and Word files by wres-plans. "
                       "Search the actions table, or start from a canned query below.",
        "source": "Action plans published by NHS trusts",
        "license": "Plans remain under their publishers' terms; check each trust's "
                   "publication before reuse",
        "databases": {database_name: {
            "title": "WRES action plans", "tables": TABLES, "queries": CANNED_QUERIES}},
    }
    return _merged(metadata, extra or {})


def _extra_metadata(path: Path | None) -> dict:
    if path is None:
        return {}
    try:
        extra = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadInputError(f"--metadata {path}: cannot read it as JSON ({exc})") from exc
    if not isinstance(extra, dict):
        raise BadInputError(f"--metadata {path}: expected a JSON object")
    return extra


def run_datasette(db: str | None, *, port: int, extra_metadata: Path | None = None) -> int:
    """Serve ``db`` on 127.0.0.1:``port`` until stopped (Ctrl-C or SIGTERM); 0 when done."""
    path = database_file(db)
    metadata = build_metadata(path.stem, _extra_metadata(extra_metadata))
    from datasette.cli import cli

    with tempfile.TemporaryDirectory(prefix="wres-serve-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(metadata, indent=1), encoding="utf-8")
        # A folder this user cannot write: Datasette opens the file immutable (no -shm)
        immutable = "immutable=1" in readonly_uri(path)
        args = ["serve", *(["-i"] if immutable else []), str(path), "--host", HOST,
                "--port", str(port), "--metadata", str(metadata_file)]
        cli.main(args=args, prog_name="datasette", standalone_mode=False)
    return 0
