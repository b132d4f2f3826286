"""Plan identity: documents grouped into plans, one current document per plan.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

Why new tables rather than columns on ``plans``: adding a foreign key column to an existing
SQLite table and, above all, dropping it again means rebuilding the table, and rebuilding
``plans`` with foreign keys on would cascade-delete every action. Two new tables and one
plain column are added and dropped cleanly on SQLite and PostgreSQL alike, so this
migration is reversible. The groups of documents already stored are computed at once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("modified_at", sa.DateTime()))
    op.create_table(
        "plan_groups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("trust_id", sa.Integer(), sa.ForeignKey("trusts.id", ondelete="SET NULL")),
        sa.Column("period_start", sa.Integer()),
        sa.Column("period_end", sa.Integer()),
        sa.Column("current_document_id", sa.Integer(),
                  sa.ForeignKey("documents.id", ondelete="SET NULL")),
    )
    op.create_index("ix_plan_groups_trust_id", "plan_groups", ["trust_id"])
    op.create_index("ix_plan_groups_current_document_id", "plan_groups",
                    ["current_document_id"])
    op.create_table(
        "plan_documents",
        sa.Column("document_id", sa.Integer(),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("group_id", sa.Integer(), sa.ForeignKey("plan_groups.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_plan_documents_group_id", "plan_documents", ["group_id"])
    _group_existing_documents()


def _group_existing_documents() -> None:
    """Documents stored before this revision get their plan groups now."""
    from wres.db.plans import regroup_all

    regroup_all(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_plan_documents_group_id", table_name="plan_documents")
    op.drop_table("plan_documents")
    op.drop_index("ix_plan_groups_current_document_id", table_name="plan_groups")
    op.drop_index("ix_plan_groups_trust_id", table_name="plan_groups")
    op.drop_table("plan_groups")
    op.drop_column("documents", "modified_at")
