"""Initial schema: trusts, documents, plans, actions, owners, themes, ingest runs, FTS.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SEARCH_COLUMNS = ("action", "objective", "outcome", "measure", "status")
FTS = "actions_fts"


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _fk(column: str, target: str, on_delete: str, nullable: bool = False) -> sa.Column:
    return sa.Column(column, sa.Integer(), sa.ForeignKey(target, ondelete=on_delete),
                     nullable=nullable)


def upgrade() -> None:
    _create_lookup_tables()
    _create_documents()
    _create_actions()
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_fts()
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_actions_search ON actions USING GIN ({pg_search_vector()})")


def pg_search_vector() -> str:
    """The expression ``db/query.py`` searches on PostgreSQL; the GIN index must match it."""
    joined = " || ' ' || ".join(f"coalesce({c}, '')" for c in SEARCH_COLUMNS)
    return f"to_tsvector('english'::regconfig, {joined})"


def _create_lookup_tables() -> None:
    for table, length in (("trusts", 300), ("owners", 500), ("themes", 200)):
        op.create_table(table, _id(), sa.Column("name", sa.String(length), nullable=False),
                        sa.UniqueConstraint("name", name=f"uq_{table}_name"))
    op.create_table(
        "ingest_runs", _id(),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime()),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("paths", sa.Text()),
        sa.Column("workers", sa.Integer()),
        sa.Column("tool_version", sa.String(40)),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in
          ("files_seen", "ingested", "skipped", "failed", "actions_added")),
    )


def _create_documents() -> None:
    op.create_table(
        "documents", _id(),
        sa.Column("path", sa.String(1000), nullable=False),
        sa.Column("source_file", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("format", sa.String(10)),
        sa.Column("pages", sa.Integer()),
        sa.Column("size", sa.Integer()),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.Column("extractor_version", sa.String(40)),
        sa.Column("engines", sa.String(200)),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("error", sa.Text()),
        sa.Column("issues", sa.JSON()),
        _fk("run_id", "ingest_runs.id", "SET NULL", nullable=True),
        sa.UniqueConstraint("path", name="uq_documents_path"),
    )
    op.create_index("ix_documents_sha256", "documents", ["sha256"])
    op.create_index("ix_documents_run_id", "documents", ["run_id"])
    op.create_table(
        "plans", _id(),
        _fk("document_id", "documents.id", "CASCADE"),
        _fk("trust_id", "trusts.id", "SET NULL", nullable=True),
        sa.Column("period_start", sa.Integer()),
        sa.Column("period_end", sa.Integer()),
        sa.UniqueConstraint("document_id", name="uq_plans_document_id"),
    )
    op.create_index("ix_plans_trust_id", "plans", ["trust_id"])


def _create_actions() -> None:
    op.create_table(
        "actions", _id(),
        _fk("plan_id", "plans.id", "CASCADE"),
        sa.Column("position", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer()) for name in ("page", "table_index", "row_index")),
        sa.Column("ref", sa.String(50)),
        sa.Column("section", sa.Text()),
        sa.Column("indicator", sa.Integer()),
        sa.Column("objective", sa.Text()),
        sa.Column("action", sa.Text(), nullable=False),
        *(sa.Column(name, sa.Text()) for name in ("steps", "outcome", "measure", "owner", "due")),
        sa.Column("due_date", sa.Date()),
        sa.Column("status", sa.Text()),
        sa.Column("rag", sa.String(10)),
    )
    op.create_index("ix_actions_plan_position", "actions", ["plan_id", "position"])
    for column in ("indicator", "due_date", "rag"):
        op.create_index(f"ix_actions_{column}", "actions", [column])
    for link, other in (("action_owners", "owners"), ("action_themes", "themes")):
        op.create_table(
            link, _id(),
            _fk("action_id", "actions.id", "CASCADE"),
            _fk(f"{other[:-1]}_id", f"{other}.id", "CASCADE"),
            sa.Column("position", sa.Integer(), nullable=False),
            sa.UniqueConstraint("action_id", "position", name=f"uq_{link}_action_id"),
        )
        op.create_index(f"ix_{link}_{other[:-1]}_id", link, [f"{other[:-1]}_id"])


def _create_sqlite_fts() -> None:
    """FTS5 over the action texts, kept in step with ``actions`` by triggers."""
    columns = ", ".join(SEARCH_COLUMNS)
    new = ", ".join(f"new.{c}" for c in SEARCH_COLUMNS)
    old = ", ".join(f"old.{c}" for c in SEARCH_COLUMNS)
    op.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5({columns}, content='actions', "
               "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")
    op.execute(f"CREATE TRIGGER actions_fts_insert AFTER INSERT ON actions BEGIN "
               f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER actions_fts_delete AFTER DELETE ON actions BEGIN "
               f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
               "END")
    op.execute(f"CREATE TRIGGER actions_fts_update AFTER UPDATE ON actions BEGIN "
               f"INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
               f"INSERT INTO {FTS}(rowid, {columns}) VALUES (new.id, {new}); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS actions_fts_{trigger}")
        op.execute(f"DROP TABLE IF EXISTS {FTS}")
    for table in ("action_themes", "action_owners", "actions", "plans", "documents",
                  "ingest_runs", "themes", "owners", "trusts"):
        op.drop_table(table)
